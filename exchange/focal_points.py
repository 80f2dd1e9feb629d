"""Focal points' admin accounts. Naming an account on a country page's focal point puts
it in the Focal points group, which lets the person log in to the admin; taking it off
the last page that names it takes it out. The group grants nothing else: which requests
they see follows from the pages (request_access.py).

FocalPoint rows are written when a country page is published, so a change takes effect
then, through a moderator, as every other change to the page."""

from django.contrib.auth.models import Group

from website.bootstrap import FOCAL_POINTS

from .models import FocalPoint


def sync_membership(user_ids):
    """Each of these accounts is in the group exactly when a focal point names it."""
    user_ids = {pk for pk in user_ids if pk is not None}
    if not user_ids:
        return
    named = set(FocalPoint.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True))
    group = Group.objects.get(name=FOCAL_POINTS)
    group.user_set.add(*named)
    group.user_set.remove(*(user_ids - named))
