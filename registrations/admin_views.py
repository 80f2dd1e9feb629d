"""The organiser's screens in the Wagtail admin: the events they manage, each event's
registrations with counts, filters, search, single and bulk actions, exports, and one
registration with the log of its states."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from events.models import EventPage
from events.registration_settings import registration_event
from website.query_params import integer

from . import export, managers, workflow
from .access import forbidden, managed_events, managers_only
from .listing import counts, filtered
from .seats import seat_counts
from .states import ACTION_TARGET, Action, actions_from

PAGE_SIZE = 100


def events_index(request):
    events = managed_events(request.user).distinct().order_by("-starts_at")
    rows = [(event, counts(event), seat_counts(event)) for event in events]
    return TemplateResponse(request, "registrations/admin/index.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@managers_only
def event_registrations(request, event):
    if request.method == "POST":
        _apply_actions(request, event)
        return redirect(request.get_full_path())
    registrations, filters = filtered(event, request.GET)
    page = Paginator(registrations.order_by("created_at", "pk"), PAGE_SIZE).get_page(
        request.GET.get("p")
    )
    query = request.GET.copy()
    query.pop("p", None)
    context = {
        "event": event,
        "filters": filters,
        "counts": counts(event),
        "seats": seat_counts(event),
        "page_obj": page,
        "rows": [(r, [] if r.anonymised_at else actions_from(r.status)) for r in page],
        "actions": Action.choices,
        "query": query.urlencode(),
    }
    return TemplateResponse(request, "registrations/admin/event.html", context)


@managers_only
def registration_detail(request, event, registration_id):
    registration = get_object_or_404(event.registrations, pk=registration_id)
    context = {
        "event": event,
        "registration": registration,
        "log": registration.log.select_related("actor"),
        "actions": [(a, Action(a).label) for a in actions_from(registration.status)],
    }
    return TemplateResponse(request, "registrations/admin/detail.html", context)


@managers_only
def export_registrations(request, event, file_format):
    if file_format not in ("csv", "xlsx"):
        raise Http404
    registrations, _filters = filtered(event, request.GET)
    filename = f"registrations-{slugify(event.slug)[:40]}"
    write = export.xlsx_response if file_format == "xlsx" else export.csv_response
    return write(registrations.order_by("created_at", "pk"), filename)


def _apply_actions(request, event):
    """One action on the ticked registrations, or the action of the button clicked on a row."""
    action, ids = request.POST.get("action", ""), request.POST.getlist("ids")
    single = request.POST.get("single", "")
    if single:
        action, _sep, one = single.partition(":")
        ids = [one]
    if action not in ACTION_TARGET or not ids:
        messages.error(request, _("Choose an action and at least one registration."))
        return
    done, refusals = 0, []
    chosen = [pk for pk in map(integer, ids) if pk is not None]
    for registration in event.registrations.filter(pk__in=chosen):
        try:
            workflow.act(registration, action, request.user)
            done += 1
        except workflow.RefusedMove as refusal:
            refusals.append(str(refusal))
    if done:
        messages.success(
            request,
            ngettext(
                "%(count)d registration: “%(action)s” done; the participant is told by e-mail.",
                "%(count)d registrations: “%(action)s” done; the participants are told by e-mail.",
                done,
            )
            % {"count": done, "action": Action(action).label},
        )
    for refusal in refusals:
        messages.warning(request, refusal)


@require_http_methods(["GET", "POST"])
def registration_access(request, event_id):
    """Administrators only: who manages the event's registrations (managers.py)."""
    if not request.user.is_superuser:
        return forbidden(
            request, _("Only an administrator can give access to the participants’ personal data.")
        )
    event = registration_event(get_object_or_404(EventPage, pk=event_id))
    form = managers.ManagersForm(
        request.POST if request.method == "POST" else None,
        initial={"managers": event.registration_managers.all()},
    )
    if form.is_valid():
        granted, revoked = managers.set_managers(event, form.cleaned_data["managers"], request.user)
        messages.success(
            request,
            _("Access given to %(granted)d, withdrawn from %(revoked)d; see the event’s history.")
            % {"granted": len(granted), "revoked": len(revoked)},
        )
        return redirect("registrations_access", event.pk)
    return TemplateResponse(
        request, "registrations/admin/access.html", {"event": event, "form": form}
    )
