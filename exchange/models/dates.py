"""Dates that are not always known to the day (an agreement signed "in 2013", a law
adopted "in June 2015"): the precision stored beside the date, and the date shown as
precisely as it is known."""

from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact day")
    MONTH = "month", _("Month only")
    YEAR = "year", _("Year only")


def date_as_known(value, precision):
    """'12 juin 2013', 'juin 2013' or '2013', as precisely as the date is known."""
    if value is None:
        return ""
    formats = {DatePrecision.MONTH: "YEAR_MONTH_FORMAT", DatePrecision.YEAR: "Y"}
    return date_format(value, formats.get(precision, "DATE_FORMAT"))
