"""The participant's pages: the form, the address confirmation and the status page
(registrations/urls.py). Each is shown inside the event's page in the language of the
address, and none is ever cached: they carry a form token or personal data.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from events.availability import OPEN, reason, state
from events.models import EventPage
from events.registration_settings import registration_event
from website.private_pages import render_private, served_within
from website.throttle import submission_allowed

from . import links, workflow
from .forms import RegistrationForm
from .seats import seat_counts
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
    form = RegistrationForm(request.POST or None, event=event)
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


@served_within(EventPage)
def manage(request, page, token):
    try:
        registration = links.read_token(token, links.MANAGE, registration_event(page))
    except links.InvalidLink:
        return _invalid_link(request, page)
    if request.method == "POST" and request.POST.get("action") == "cancel":
        try:
            registration = workflow.cancel(registration)
        except workflow.RefusedMove as refusal:
            return _message(request, page, _("Registration"), str(refusal), 409)
    context = {
        "registration": registration,
        "explanation": EXPLANATIONS[registration.status],
        "cancellable": registration.status in PARTICIPANT_CANCELLABLE,
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
    return _message(request, page, _("Link not valid"), text, 404)


def _message(request, page, title, text, status):
    context = {"message_title": title, "message_text": text}
    return render_private(request, page, "registrations/message.html", context, status)
