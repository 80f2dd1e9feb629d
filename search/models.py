from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchTerm(models.Model):
    """How often a query was searched and how often it found nothing, per language, so
    that editors see what visitors look for in vain (Reports → Searches without results).
    The query is kept folded; no visitor is identified."""

    query = models.CharField(_("query"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    searches = models.PositiveIntegerField(_("searches"), default=0)
    without_results = models.PositiveIntegerField(_("searches without results"), default=0)
    last_results = models.PositiveIntegerField(_("results the last time"), default=0)
    last_searched = models.DateTimeField(_("last searched"), default=timezone.now)

    class Meta:
        verbose_name = _("search term")
        verbose_name_plural = _("search terms")
        constraints = [
            models.UniqueConstraint(fields=["query", "language"], name="one_term_per_language")
        ]

    def __str__(self):
        return self.query

    @classmethod
    def add(cls, query, language, *, searches, without_results, last_results, last_searched):
        """Add a batch of searches counted in the cache (search/search_counts.py)."""
        changes = {
            "searches": F("searches") + searches,
            "without_results": F("without_results") + without_results,
            "last_results": last_results,
            "last_searched": last_searched,
        }
        terms = cls.objects.filter(query=query, language=language)
        if terms.update(**changes):
            return
        try:
            with transaction.atomic():
                cls.objects.create(
                    query=query,
                    language=language,
                    searches=searches,
                    without_results=without_results,
                    last_results=last_results,
                    last_searched=last_searched,
                )
        except IntegrityError:  # another flush added the same words at the same moment
            terms.update(**changes)
