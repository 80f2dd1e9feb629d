"""Translatable vocabularies that classify practices (and, later, events and documents).

Sync policy: a practice in any locale links to the rows of the *source* locale (French);
those rows' translations carry the English and Arabic labels. Facets and URLs therefore
use the locale-independent `slug` (or SDG `code`), and labels are looked up per locale.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, When
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from website.cache_versions import TAXONOMY_VERSION, cached
from website.translation_access import register_snippet_for_translation


def source_locale_only():
    """Choices in the practice editor: the French rows that every locale links to."""
    return models.Q(locale__language_code=settings.LANGUAGE_CODE)


class Facetable:
    """A vocabulary whose terms are facet values in the library."""

    facet_field = "slug"

    @property
    def facet_value(self):
        return getattr(self, self.facet_field)

    @classmethod
    def labels(cls, language_code):
        """Facet value → name in the language (the French name where none is translated).

        Cached until any term changes (see signals.py), as labels are read on every
        library page and change rarely.
        """

        def load():
            rows = cls.objects.filter(
                locale__language_code__in={language_code, settings.LANGUAGE_CODE}
            ).order_by(Case(When(locale__language_code=language_code, then=1), default=0))
            return dict(rows.values_list(cls.facet_field, "name"))

        return cached(TAXONOMY_VERSION, f"{cls.__name__}:{language_code}", load, timeout=None)


def names_in(terms, language_code):
    """The names of these (source-locale) terms in the language, acronyms included: the
    words a search in that language should find them by."""
    names = []
    for term in terms:
        names.append(type(term).labels(language_code).get(term.facet_value, term.name))
        names.append(getattr(term, "acronym", ""))
    return " ".join(names)


class Term(Facetable, TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("identifier"),
        max_length=80,
        allow_unicode=False,
        help_text=_("Used in addresses and imports; the same in every language."),
    )

    override_translatable_fields = [SynchronizedField("slug")]
    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


@register_snippet_for_translation
class Theme(Term):
    class Meta(Term.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


@register_snippet_for_translation
class TargetGroup(Term):
    class Meta(Term.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]


@register_snippet_for_translation
class SDGTarget(Facetable, TranslatableMixin, models.Model):
    code = models.CharField(
        _("target"), max_length=8, help_text=_("The SDG target number, for example 10.7.")
    )
    name = models.CharField(_("title"), max_length=300)

    override_translatable_fields = [SynchronizedField("code")]
    panels = [FieldPanel("code"), FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("SDG target")
        verbose_name_plural = _("SDG targets")
        ordering = ["code"]
        unique_together = [("translation_key", "locale"), ("code", "locale")]

    facet_field = "code"

    def __str__(self):
        return f"{self.code} {self.name}"


class OrganisationType(models.TextChoices):
    GOVERNMENT = "government", _("Government institution")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    INTERNATIONAL = "international", _("International organisation")
    DEVELOPMENT_AGENCY = "development_agency", _("Development agency")
    DONOR = "donor", _("Donor")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    ACADEMIA = "academia", _("Academia")
    PRIVATE_SECTOR = "private_sector", _("Private sector")


@register_snippet_for_translation
class Organisation(Term):
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(
        _("type"),
        max_length=30,
        choices=OrganisationType.choices,
        default=OrganisationType.GOVERNMENT,
    )

    override_translatable_fields = [SynchronizedField("slug"), SynchronizedField("kind")]
    panels = [FieldPanel("name"), FieldPanel("acronym"), FieldPanel("kind"), FieldPanel("slug")]

    class Meta(Term.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name
