"""Cached page data (site chrome, listings) is stale once any page or site setting changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from .cache_versions import PAGES_VERSION, bump
from .models import FooterText, SiteSettings


@receiver(page_published)
@receiver(page_unpublished)
@receiver(page_slug_changed)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver([post_save, post_delete], sender=FooterText)
@receiver(post_save, sender=SiteSettings)
def forget_cached_pages(**kwargs):
    bump(PAGES_VERSION)


@receiver(post_save)
def forget_cached_pages_on_any_page_save(sender, instance, **kwargs):
    """Pages created or changed without publishing (imports, scripts) count too."""
    if isinstance(instance, Page):
        bump(PAGES_VERSION)
