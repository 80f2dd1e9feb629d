"""What every public form that takes personal data shares."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotForm(forms.Form):
    """A field hidden from people by the stylesheet and out of the tab order; robots that
    fill in every field give themselves away."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    @property
    def is_robot(self):
        return bool(self.data.get("website"))
