"""The site's search index follows the content: an object saved (a page published or
unpublished saves itself) or deleted is indexed again at once, in its transaction, so
what an editor publishes is found by the next search and an index row never outlives a
rolled-back change; objects naming a renamed vocabulary term (possibly thousands) are
indexed again by a task after the commit. exchange/extraction.py reindexes a document
after reading its file, as that update sends no signal."""

from functools import lru_cache

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from .background import after_commit
from .search_index import KINDS, kind_of, model_of, reindex
from .search_updates import held_back
from .tasks import reindex_search


@receiver(post_save)
def object_saved(sender, instance, **kwargs):
    """A document saved. A page's own saves are left to its publication: publishing saves
    it (then its relations) before `page_published`, and an editor's draft saves it
    without changing what is live, so indexing on each save did the work two or three
    times per publication, in the editor's request."""
    if not isinstance(instance, Page):
        object_changed(sender, instance)


@receiver(post_delete)
@receiver(page_published)  # after the publication's relations are saved too
@receiver(page_unpublished)
def object_changed(sender, instance, **kwargs):
    kind = kind_of(type(instance))
    if not kind:
        return
    held = held_back()
    if held is None:
        reindex(kind, [instance.pk])
    else:
        held.add((kind, instance.pk))


@receiver(m2m_changed)
def relations_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        object_changed(sender, instance)


@receiver(post_save)
def term_renamed(sender, instance, **kwargs):
    """A theme, target group or organisation's name is indexed with every object that
    names it, in every language (objects link to its source-locale row)."""
    if held_back() is not None:  # a bulk job: it indexes what it touched at its end
        return
    for kind, name in vocabularies().get(sender, ()):
        lookup = {f"{name}__translation_key": instance.translation_key}
        ids = list(model_of(kind).objects.filter(**lookup).values_list("pk", flat=True))
        if ids:
            after_commit(reindex_search, kind, ids)


@lru_cache(maxsize=1)
def vocabularies():
    """Translatable model → the (kind, many-to-many field) that link indexed objects to it."""
    found = {}
    for kind in KINDS:
        for field in model_of(kind)._meta.many_to_many:
            related = field.related_model
            if any(each.name == "translation_key" for each in related._meta.fields):
                found.setdefault(related, []).append((kind, field.name))
    return found
