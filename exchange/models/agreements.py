"""Bilateral agreements between the partner countries: translatable snippets, shown as a
timeline on the country pages of their parties."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from website.fields import LinesField

from .dates import DatePrecision, date_as_known


class BilateralAgreement(TranslatableMixin, index.Indexed, models.Model):
    title = models.CharField(_("title"), max_length=300)
    parties = CountryField(_("parties"), multiple=True)
    date_signed = models.DateField(_("date signed"))
    date_precision = models.CharField(
        _("the date is known to"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    subject = models.TextField(_("subject"), max_length=1000)
    fields_of_cooperation = LinesField(
        _("fields of cooperation"), blank=True, help_text=_("One per line.")
    )
    document = models.ForeignKey(
        "exchange.PolicyDocument",
        verbose_name=_("text of the agreement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("parties"),
        FieldRowPanel([FieldPanel("date_signed"), FieldPanel("date_precision")]),
        FieldPanel("subject"),
        FieldPanel("fields_of_cooperation"),
        FieldPanel("document"),
    ]
    search_fields = [index.SearchField("title"), index.SearchField("subject")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("bilateral agreement")
        verbose_name_plural = _("bilateral agreements")
        ordering = ["date_signed"]

    def __str__(self):
        return self.title

    @property
    def signed(self):
        return date_as_known(self.date_signed, self.date_precision)

    @property
    def fields_list(self):
        return [line.strip() for line in self.fields_of_cooperation.splitlines() if line.strip()]
