"""The participant's pages: the form, the address confirmation, the status page with its
cancellation and corrections, and "send me my registrations" (registrations/urls.py).
Each is shown inside the event's page in the language of the address, and none is ever
cached: they carry a form token or personal data.
"""

from functools import wraps

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.availability import OPEN, reason, state
from events.models import EventPage
from events.registration_settings import registration_event
from website.countries import site_partners
from website.private_pages import render_private, served_within
from website.throttle import submission_allowed

from . import links, recovery, workflow
from .forms import DetailsForm, FindForm, RegistrationForm
from .seats import seat_counts, waiting_position
from .states import EXPLANATIONS, PARTICIPANT_CANCELLABLE, Status


@served_within(EventPage)
def register(request, page):
    event = registration_event(page)
    current = state(event)
    if current != OPEN:
        status = 409 if request.method == "POST" else 200
        return _message(request, page, _("Registration"), reason(event, current), status)
    if request.method == "GET" and request.GET.get("sent"):
        context = {"confirm_hours": settings.REGISTRATION_CONFIRM_LINK_HOURS}
        return render_private(request, page, "registrations/sent.html", context)
    form = RegistrationForm(request.POST or None, event=event, partners=site_partners(request))
    if request.method != "POST":
        return _form(request, page, event, form)
    if form.is_robot:
        return _message(
            request, page, _("Registration"), _("Your form could not be accepted."), 400
        )
    if not submission_allowed(request, "registration"):
        form.is_valid()
        return _form(request, page, event, form, status=429, throttled=True)
    if not form.is_valid():
        return _form(request, page, event, form, status=400)
    # A known address gets the same answer as a new one; only its mailbox learns more.
    workflow.submit(event, get_language(), form.registration_data())
    sent = reverse("registrations:register", kwargs={"page_id": page.pk}) + "?sent=1"
    return HttpResponseRedirect(sent, status=303)


@served_within(EventPage)
def confirm(request, page, token):
    try:
        registration = links.read_token(token, links.CONFIRM, registration_event(page))
    except links.ExpiredLink:
        text = _(
            "This confirmation link has expired. Fill in the form again with the same "
            "address and we will send you a new one."
        )
        return _message(request, page, _("Link expired"), text, 410)
    except links.InvalidLink:
        return _invalid_link(request, page)
    if request.method == "POST":
        registration = workflow.confirm_address(registration)
    if registration.status == Status.PENDING_EMAIL:
        return render_private(
            request, page, "registrations/confirm.html", {"registration": registration}
        )
    return HttpResponseRedirect(links.link(registration, links.MANAGE, request), status=303)


def _by_status_link(view):
    """Decorate `view(request, page, registration)` for the addresses under a status link
    (…/registration/<token>/…): an altered or dead link is a 404 that says why."""

    @served_within(EventPage)
    @wraps(view)
    def wrapper(request, page, token):
        try:
            registration = links.read_token(token, links.MANAGE, registration_event(page))
        except links.InvalidLink:
            return _invalid_link(request, page)
        return view(request, page, registration)

    return wrapper


@_by_status_link
def manage(request, page, registration):
    if request.method == "POST":
        # The cancel button of a status page opened before cancelling asked first: it
        # now leads to the question instead of cancelling at once.
        return HttpResponseRedirect(request.path + "cancel/", status=303)
    return _status_page(request, page, registration, saved=bool(request.GET.get("saved")))


@_by_status_link
def cancel(request, page, registration):
    """GET asks (a mail scanner or a stray click cancels nothing); POST cancels."""
    if registration.status not in PARTICIPANT_CANCELLABLE:
        text = _("This registration can no longer be cancelled.")
        return _message(request, page, _("Registration"), text, 409)
    if request.method != "POST":
        context = {"registration": registration, "position": waiting_position(registration)}
        return render_private(request, page, "registrations/cancel.html", context)
    try:
        registration = workflow.cancel(registration)
    except workflow.RefusedMove as refusal:
        return _message(request, page, _("Registration"), str(refusal), 409)
    return _status_page(request, page, registration)


@_by_status_link
def details(request, page, registration):
    """The participant corrects their details; the address stays (forms.DetailsForm)."""
    if registration.status not in PARTICIPANT_CANCELLABLE:
        text = _("This registration can no longer be changed.")
        return _message(request, page, _("Registration"), text, 409)
    initial = {name: getattr(registration, name) for name in DetailsForm.base_fields}
    form = DetailsForm(request.POST or None, event=registration.event, initial=initial)
    if request.method == "POST" and form.is_valid():
        workflow.correct_details(registration, form.registration_data())
        saved = links.link(registration, links.MANAGE, request) + "?saved=1"
        return HttpResponseRedirect(saved, status=303)
    context = {"form": form, "registration": registration}
    status = 400 if form.is_bound else 200
    return render_private(request, page, "registrations/details.html", context, status)


@served_within(EventPage)
def find(request, page):
    """“Send me my registrations”: the same answer whether or not the address is known."""
    if request.method == "GET" and request.GET.get("sent"):
        return render_private(request, page, "registrations/find_sent.html")
    form = FindForm(request.POST or None)
    if request.method != "POST":
        return render_private(request, page, "registrations/find.html", {"form": form})
    if form.is_robot:
        text = _("Your form could not be accepted.")
        return _message(request, page, _("Registration"), text, 400)
    if not submission_allowed(request, "registration-find"):
        context = {"form": form, "throttled": True}
        return render_private(request, page, "registrations/find.html", context, 429)
    if not form.is_valid():
        return render_private(request, page, "registrations/find.html", {"form": form}, 400)
    recovery.send_registrations(form.cleaned_data["email"], get_language())
    sent = reverse("registrations:find", kwargs={"page_id": page.pk}) + "?sent=1"
    return HttpResponseRedirect(sent, status=303)


def _status_page(request, page, registration, saved=False):
    context = {
        "registration": registration,
        "explanation": EXPLANATIONS[registration.status],
        "active": registration.status in PARTICIPANT_CANCELLABLE,
        "position": waiting_position(registration),
        "saved": saved,
    }
    return render_private(request, page, "registrations/manage.html", context)


def _form(request, page, event, form, status=200, throttled=False):
    context = {"form": form, "seats": seat_counts(event), "event": event, "throttled": throttled}
    return render_private(request, page, "registrations/register.html", context, status)


def _invalid_link(request, page):
    text = _(
        "This link is not valid: it may be incomplete, or the registration was cancelled. "
        "Copy the whole link from the e-mail, or register again."
    )
    find_url = reverse("registrations:find", kwargs={"page_id": page.pk})
    return _message(request, page, _("Link not valid"), text, 404, find_url=find_url)


def _message(request, page, title, text, status, find_url=None):
    context = {"message_title": title, "message_text": text, "find_url": find_url}
    return render_private(request, page, "registrations/message.html", context, status)
