"""Who may see an event's registrations, and so its participants' personal data.

Like a pretix team, access is given by an administrator only, on its own screen, never
through the event's page form: every grant and every revocation is a log entry on the
event (its history, and the admin's log), naming who gave access to whom.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

GRANT = "registrations.grant_access"
REVOKE = "registrations.revoke_access"


def display_name(user):
    return user.get_full_name() or user.get_username()


def candidates():
    """Active people who may enter the admin; administrators see every event already."""
    admin_access = Permission.objects.filter(
        codename="access_admin", content_type__app_label="wagtailadmin"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, is_superuser=False)
        .filter(Q(groups__permissions__in=admin_access) | Q(user_permissions__in=admin_access))
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


class ManagersForm(forms.Form):
    managers = forms.ModelMultipleChoiceField(
        label=_("Registration managers"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["managers"].queryset = candidates()
        self.fields["managers"].label_from_instance = display_name


def set_managers(event, chosen, by):
    """Make `chosen` the event's registration managers; log each change as made `by`."""
    current, chosen = set(event.registration_managers.all()), set(chosen)
    granted, revoked = chosen - current, current - chosen
    with transaction.atomic():
        event.registration_managers.add(*granted)
        event.registration_managers.remove(*revoked)
        for action, people in ((GRANT, granted), (REVOKE, revoked)):
            for user in people:
                data = {"user_id": user.pk, "person": display_name(user)}
                log(instance=event, action=action, user=by, data=data)
    return granted, revoked
