"""Search indexes updated once per object at the end of a bulk job.

Wagtail's index and the site's own (website/search_index.py) follow every save; seeding
a page saves it three or four times (draft, revision, publish, translation), each
re-index costing a dozen queries. A bulk job (the demo) runs with these updates held
back: both indexes get each object it touched once, at the end, in the same
transaction.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler

from .search_index import reindex

# While held back: the (kind, id) of the site's index that objects changed.
_held = ContextVar("search_updates_held", default=None)


def held_back():
    """The set to add changed objects of the site's index to, or None: update now."""
    return _held.get()


@contextmanager
def search_updates_deferred():
    touched, held = set(), set()
    token = _held.set(held)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            touched.add((sender._meta.label, instance.pk))

    models = [m for m in index.get_indexed_models() if getattr(m, "search_auto_update", True)]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False)
    try:
        yield
    finally:
        _held.reset(token)
        for model in models:
            post_save.disconnect(remember, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    for label, pk in sorted(touched):
        instance = apps.get_model(label).objects.filter(pk=pk).first()
        if instance is not None:
            index.insert_or_update_object(instance)
    for kind in {kind for kind, _pk in held}:
        reindex(kind, [pk for each, pk in held if each == kind])
