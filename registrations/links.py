"""Signed links in the participant's e-mails: one proves the address (and expires), one
shows the registration and cancels it. Both carry the registration's link key, which is
replaced on cancellation: a link cannot be guessed, altered or used again afterwards.
A link works only under its own event's address."""

import base64
import binascii

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from website.public_url import absolute_url

SALT = "registrations.link"
CONFIRM = "confirm"
MANAGE = "manage"
# A status link lasts as long as the personal data it shows (anonymisation ends it).
MANAGE_MAX_AGE = 60 * 60 * 24 * 800


class InvalidLink(Exception):
    """The link was altered, belongs to another purpose, or has been replaced."""


class ExpiredLink(InvalidLink):
    pass


def make_token(registration, purpose):
    signed = signing.dumps([registration.pk, registration.link_key, purpose], salt=SALT)
    # Wagtail serves page paths made of letters, digits, "_" and "-" only: no ":".
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(token, purpose, event):
    """The registration of `event` (in the default language) a token names; raises
    InvalidLink or ExpiredLink."""
    from .models import Registration

    max_age = (
        settings.REGISTRATION_CONFIRM_LINK_HOURS * 3600 if purpose == CONFIRM else MANAGE_MAX_AGE
    )
    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        pk, key, token_purpose = signing.loads(signed, salt=SALT, max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except (signing.BadSignature, binascii.Error, ValueError, TypeError) as error:
        raise InvalidLink from error
    registration = (
        Registration.objects.filter(pk=pk, link_key=key, event=event).exclude(link_key="").first()
    )
    if token_purpose != purpose or registration is None:
        raise InvalidLink
    return registration


def event_page_in(registration, language=None):
    """The event's page in the participant's language, or the event itself."""
    event = registration.event
    locale = Locale.objects.filter(language_code=language or registration.language).first()
    page = event.get_translation_or_none(locale) if locale else None
    return page if page and page.live else event


def link(registration, purpose, request=None):
    """The public URL for an e-mail; with a request, the path on the site being served."""
    page = event_page_in(registration)
    name = "registrations:confirm" if purpose == CONFIRM else "registrations:manage"
    with translation.override(page.locale.language_code):
        path = reverse(
            name, kwargs={"page_id": page.pk, "token": make_token(registration, purpose)}
        )
    return path if request else absolute_url(path)
