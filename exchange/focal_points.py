"""Focal points' admin accounts. Naming an account on a country page's focal point puts
it in the Focal points group, which lets the person log in to the admin; taking it off
the last page that names it takes it out. The group grants nothing else: which requests
they see follows from the pages (request_access.py).

FocalPoint rows are written when a country page is published, so a change takes effect
then, through a moderator, as every other change to the page. Only administrators see
the account field; each change of account is logged on the page, as made by whoever
published it (Wagtail's log context knows them)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.log_actions import log

from website.bootstrap import FOCAL_POINTS

from .models import FocalPoint

NAMED = "exchange.focal_point_named"
UNNAMED = "exchange.focal_point_unnamed"


def sync_membership(user_ids):
    """Each of these accounts is in the group exactly when a focal point names it."""
    user_ids = {pk for pk in user_ids if pk is not None}
    if not user_ids:
        return
    named = set(FocalPoint.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
    group = Group.objects.get(name=FOCAL_POINTS)
    group.user_set.add(*named)
    group.user_set.remove(*(user_ids - named))


def log_account_change(focal_point, previous_user_id):
    """A log entry on the country page for each account given or taken away."""
    if focal_point.user_id == previous_user_id:
        return
    for action, user_id in ((UNNAMED, previous_user_id), (NAMED, focal_point.user_id)):
        if user_id is not None:
            person = get_user_model().objects.filter(pk=user_id).first()
            data = {"user_id": user_id, "person": person.get_username() if person else ""}
            log(instance=focal_point.page, action=action, data=data)
