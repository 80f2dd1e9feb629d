from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from website.background import after_commit
from website.cache_versions import DOCUMENTS_VERSION, bump

from .focal_points import log_account_change, sync_membership
from .models import FocalPoint
from .models.documents import Extraction, PolicyDocument
from .tasks import extract_document_text


@receiver(post_save, sender=PolicyDocument)
@receiver(post_delete, sender=PolicyDocument)
@receiver(m2m_changed, sender=PolicyDocument.themes.through)
@receiver(m2m_changed, sender=PolicyDocument.other_languages.through)
def documents_changed(sender, **kwargs):
    """Cached pages and search data that list documents are stale (website/page_cache.py)."""
    bump(DOCUMENTS_VERSION)


@receiver(post_save, sender=PolicyDocument)
def read_new_files(sender, instance, **kwargs):
    """A new or replaced file is read again, after the commit, by a worker."""
    if not instance.file_hash or instance.file_hash == instance.extracted_hash:
        return
    if instance.extraction != Extraction.PENDING:
        PolicyDocument.objects.filter(pk=instance.pk).update(extraction=Extraction.PENDING)
    after_commit(extract_document_text, instance.pk)


@receiver(pre_save, sender=FocalPoint)
def remember_previous_account(sender, instance, **kwargs):
    """Publishing a page saves its focal points again: the account a row named before
    may have been replaced, and must leave the group if no other page names it."""
    previous = FocalPoint.objects.filter(pk=instance.pk).values_list("user_id", flat=True)
    instance._previous_user_id = previous.first() if instance.pk else None


@receiver(post_save, sender=FocalPoint)
@receiver(post_delete, sender=FocalPoint)
def focal_point_accounts_changed(sender, instance, **kwargs):
    sync_membership({instance.user_id, getattr(instance, "_previous_user_id", None)})


@receiver(post_save, sender=FocalPoint)
def log_focal_point_account(sender, instance, **kwargs):
    log_account_change(instance, getattr(instance, "_previous_user_id", None))
