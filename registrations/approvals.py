"""Telling an event's registration managers that registrations await their approval.

A burst of confirmations makes one e-mail, not one each: a notice about an event goes
out at most once per NOTICE_INTERVAL, giving the number waiting at that moment and a link
to them. A registration that arrives in the quiet hour after a notice is announced by the
next notice: at the next arrival after the hour, or by the hourly beat
(`send_approval_notices`), whichever comes first. Each manager reads it in their admin
language; it is stored in the outbox and sent after the commit (website/mail.py).
"""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from events.models import EventPage
from website.mail import queue_mail
from website.models import OutgoingMail
from website.public_url import absolute_url

from .managers import display_name
from .states import Status

NOTICE = "registrations/email/approval_needed"
NOTICE_INTERVAL = timedelta(hours=1)


def notify_managers(event, now=None):
    """Queue a notice to each manager of `event` if one is due; return how many."""
    now = now or timezone.now()
    last = _last_notice(event)
    if last and now - last < NOTICE_INTERVAL:
        return 0
    waiting = event.registrations.filter(status=Status.PENDING_APPROVAL)
    if not (waiting.filter(status_changed_at__gt=last) if last else waiting).exists():
        return 0
    count = waiting.count()
    url = reverse("registrations_event", args=[event.pk]) + f"?status={Status.PENDING_APPROVAL}"
    managers = event.registration_managers.filter(is_active=True).exclude(email="")
    for manager in managers:
        language = UserProfile.get_for_user(manager).get_preferred_language()
        context = {
            "name": display_name(manager),
            "event_title": event.title,
            "count": count,
            "list_url": absolute_url(url),
        }
        with translation.override(language):
            queue_mail(NOTICE, manager.email, language, context, about=event)
    return len(managers)


def send_approval_notices(now=None):
    """Hourly: the notices due for every event with registrations awaiting approval."""
    events = EventPage.objects.filter(registrations__status=Status.PENDING_APPROVAL).distinct()
    return sum(notify_managers(event, now) for event in events)


def _last_notice(event):
    return OutgoingMail.objects.filter(
        template_prefix=NOTICE,
        about_type=ContentType.objects.get_for_model(EventPage),
        about_id=event.pk,
    ).aggregate(last=Max("created_at"))["last"]
