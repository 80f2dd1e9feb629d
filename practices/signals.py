from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from website.cache_versions import PAGES_VERSION, TAXONOMY_VERSION, bump

from .models import PracticePage
from .taxonomy import Organisation, SDGTarget, TargetGroup, Theme


@receiver([post_save, post_delete], sender=Theme)
@receiver([post_save, post_delete], sender=TargetGroup)
@receiver([post_save, post_delete], sender=SDGTarget)
@receiver([post_save, post_delete], sender=Organisation)
def forget_taxonomy_labels(**kwargs):
    bump(TAXONOMY_VERSION)


# Imports also change live practices with a plain save (see importer._sync_translations).
@receiver([post_save, post_delete], sender=PracticePage)
def forget_library_results(**kwargs):
    bump(PAGES_VERSION)
