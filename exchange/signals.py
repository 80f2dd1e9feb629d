from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from website.background import after_commit
from website.cache_versions import DOCUMENTS_VERSION, bump

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
