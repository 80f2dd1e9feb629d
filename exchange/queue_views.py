"""The moderation queue of exchange requests in the Wagtail admin: the list, a request
with its history, and the forms on it (change of status, internal note, message to the
requester). A form refused is shown again with its error and what was typed, as a 400."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from events.models import EventPage
from website.query_params import integer

from . import workflow
from .forms import RequestTextForm
from .models.requests import RequestStatus
from .request_access import visible_requests


def queue(request):
    requests = visible_requests(request.user).select_related("practice")
    status = request.GET.get("status", "")
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    page = Paginator(requests, 50).get_page(request.GET.get("p"))
    context = {"page_obj": page, "statuses": RequestStatus.choices, "status": status}
    return TemplateResponse(request, "exchange/admin/queue.html", context)


def detail(request, request_id):
    exchange_request = visible_requests(request.user).filter(pk=request_id).first()
    if exchange_request is None:
        return _forbidden(request)
    if request.method == "POST":
        return _move(request, exchange_request)
    return _page(request, exchange_request)


@require_POST
def note(request, request_id):
    """An internal note, read by the staff who see the request, never by the requester."""
    return _write(request, request_id, "note", workflow.add_note, _("Internal note added."))


@require_POST
def message(request, request_id):
    """A message mailed to the requester in their language, kept in the history."""
    done = _("Message saved; it is sent to the requester by e-mail.")
    return _write(request, request_id, "message", workflow.write_to_requester, done)


def _write(request, request_id, prefix, action, done):
    exchange_request = visible_requests(request.user).filter(pk=request_id).first()
    if exchange_request is None:
        return _forbidden(request)
    form = RequestTextForm(request.POST, prefix=prefix)
    if exchange_request.anonymised_at:
        messages.error(request, _("This request is anonymised: nothing more can be added."))
        return _page(request, exchange_request, status=400, **{f"{prefix}_form": form})
    if not form.is_valid():
        return _page(request, exchange_request, status=400, **{f"{prefix}_form": form})
    action(exchange_request, request.user, form.cleaned_data["text"])
    messages.success(request, done)
    return redirect("exchange_request", exchange_request.pk)


def _move(request, exchange_request):
    target = request.POST.get("status", "")
    event_id = integer(request.POST.get("event"))
    event = _planned_events().filter(pk=event_id).first() if event_id else None
    if target not in RequestStatus.values:
        messages.error(request, _("Choose the new status."))
        return _page(request, exchange_request, status=400)
    try:
        workflow.move(exchange_request, target, request.user, event)
    except workflow.RefusedMove as refusal:
        messages.error(request, refusal.reason)
        return _page(request, exchange_request, status=400)
    messages.success(request, _("Status changed; the requester is told by e-mail."))
    return redirect("exchange_request", exchange_request.pk)


def _page(request, exchange_request, status=200, note_form=None, message_form=None):
    context = {
        "item": exchange_request,
        "log": exchange_request.log.select_related("actor"),
        "moves": [
            (target, RequestStatus(target).label)
            for target in RequestStatus
            if target in workflow.ALLOWED[RequestStatus(exchange_request.status)]
        ],
        "events": _planned_events()[:200],
        "note_form": note_form or RequestTextForm(prefix="note"),
        "message_form": message_form or RequestTextForm(prefix="message"),
    }
    return TemplateResponse(request, "exchange/admin/request.html", context, status=status)


def _planned_events():
    """The events a request can be planned for: upcoming, in the site's source language."""
    return EventPage.objects.filter(
        locale=Locale.get_default(), ends_at__gte=timezone.now()
    ).order_by("starts_at")


def _forbidden(request):
    return TemplateResponse(request, "exchange/admin/forbidden.html", status=403)
