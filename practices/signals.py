from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .taxonomy import VERSION_KEY, Organisation, SDGTarget, TargetGroup, Theme


@receiver([post_save, post_delete], sender=Theme)
@receiver([post_save, post_delete], sender=TargetGroup)
@receiver([post_save, post_delete], sender=SDGTarget)
@receiver([post_save, post_delete], sender=Organisation)
def forget_taxonomy_labels(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)
