"""The organiser's list of an event's registrations: filters, search and counts."""

from dataclasses import dataclass

from django import forms
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.registration_settings import Category

from .states import Status


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(label=_("Status"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["status"].choices = every + list(Status.choices)
        self.fields["country"].choices = every + list(countries)
        self.fields["category"].choices = every + list(Category.choices)


@dataclass
class Counts:
    total: int
    by_status: list
    by_country: list
    by_category: list


def filtered(event, params):
    """The registrations matching valid filters; unknown values are ignored, not errors."""
    form = FilterForm(params)
    registrations = event.registrations.all()
    if not form.is_valid():
        return registrations, FilterForm()
    data = form.cleaned_data
    for name in ("status", "country", "category"):
        if data[name]:
            registrations = registrations.filter(**{name: data[name]})
    if data["q"]:
        q = data["q"].strip()
        registrations = registrations.filter(
            Q(full_name__icontains=q) | Q(email__icontains=q) | Q(organisation__icontains=q)
        )
    return registrations, form


def counts(event):
    by = {
        name: dict(event.registrations.values_list(name).annotate(n=Count("pk")).order_by())
        for name in ("status", "country", "category")
    }
    return Counts(
        total=sum(by["status"].values()),
        by_status=[(label, by["status"].get(code, 0), code) for code, label in Status.choices],
        by_country=sorted(
            ((dict(countries).get(code, code), n, code) for code, n in by["country"].items()),
            key=lambda row: str(row[0]),
        ),
        by_category=[
            (label, by["category"][code], code)
            for code, label in Category.choices
            if code in by["category"]
        ],
    )
