"""Cached page data (site chrome, listings) is stale once any page or site setting changes;
searches use the synonym table as soon as it changes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache_versions import PAGES_VERSION, SYNONYMS_VERSION, bump
from .models import FooterText, SearchSynonym, SiteSettings
from .search_backends import default_is_search_server
from .tasks import push_search_synonyms


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver([post_save, post_delete], sender=FooterText)
@receiver(post_save, sender=SiteSettings)
@receiver([post_save, post_delete], sender=Site)
# Restricting a page saves no page: without this a cached copy stayed public.
@receiver([post_save, post_delete], sender=PageViewRestriction)
def forget_cached_pages(**kwargs):
    bump(PAGES_VERSION)


@receiver(post_save)
def forget_cached_pages_on_any_page_save(sender, instance, **kwargs):
    """Pages created or changed without publishing (imports, scripts) count too."""
    if isinstance(instance, Page):
        bump(PAGES_VERSION)


@receiver([post_save, post_delete], sender=SearchSynonym)
def search_with_the_new_synonyms(**kwargs):
    # Bumped again after the commit: a process that read the table in between would
    # otherwise keep the old groups under the new version.
    bump(SYNONYMS_VERSION)
    transaction.on_commit(lambda: bump(SYNONYMS_VERSION))
    if default_is_search_server():
        transaction.on_commit(push_search_synonyms.delay)
