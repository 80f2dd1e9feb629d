from django.db.models.signals import post_save
from django.dispatch import receiver

from website.background import after_commit

from .documents import Extraction, PolicyDocument


@receiver(post_save, sender=PolicyDocument)
def read_new_files(sender, instance, **kwargs):
    """A new or replaced file is read again, after the commit, by a worker."""
    if not instance.file_hash or instance.file_hash == instance.extracted_hash:
        return
    if instance.extraction != Extraction.PENDING:
        PolicyDocument.objects.filter(pk=instance.pk).update(extraction=Extraction.PENDING)
    from .tasks import extract_document_text

    after_commit(extract_document_text, instance.pk)
