"""Event organisers write and edit the events of every calendar (publishing still goes
through the moderators' approval, like every page)."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from website.bootstrap import EVENT_ORGANISERS

ORGANISER_PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page", "unlock_page"]


def grant_calendar(calendar):
    group = Group.objects.filter(name=EVENT_ORGANISERS).first()
    if group is None:
        return
    for codename in ORGANISER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=calendar,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
