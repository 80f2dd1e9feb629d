"""Demo links between the practices, the events and the policy documents
(demo/data/relations.json): an event names the practices presented there, a practice or
an event its documents. Set on every language's page and published, so that each page
lists what relates to it; a page already linked is left as it is."""

import json
from pathlib import Path

from events.models import EventPage
from practices.models import PracticePage

DATA = Path(__file__).resolve().parent / "data" / "relations.json"
# The fields that choose documents are StreamFields of document blocks.
DOCUMENT_STREAMS = {"documents", "related_documents"}


def seed(documents):
    """`documents`: the demo's policy documents by key (demo/exchange.py)."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    practices = list(PracticePage.objects.all())
    in_locale = {(page.external_id, page.locale_id): page for page in practices}
    for practice in practices:
        if practice.external_id in data["practice_documents"]:
            names = data["practice_documents"][practice.external_id]
            _link(practice, related_documents=[documents[name] for name in names])
    keys = {*data["event_practices"], *data["event_documents"]}
    for event in EventPage.objects.filter(slug__in=keys):
        chosen = {}
        if event.slug in data["event_practices"]:
            ids = data["event_practices"][event.slug]
            chosen["related_practices"] = [in_locale[(i, event.locale_id)] for i in ids]
        if event.slug in data["event_documents"]:
            chosen["documents"] = [documents[name] for name in data["event_documents"][event.slug]]
        _link(event, **chosen)


def _chosen(page, name):
    """The pks a field chooses: in order for documents, any order for practices."""
    if name in DOCUMENT_STREAMS:
        return [block.value.pk for block in getattr(page, name)]
    return sorted(item.pk for item in getattr(page, name).all())


def _link(page, **chosen):
    """Publish the page with the `chosen` objects in its fields, unless they are there."""
    changed = False
    for name, items in chosen.items():
        pks = [item.pk for item in items]
        if _chosen(page, name) == (pks if name in DOCUMENT_STREAMS else sorted(pks)):
            continue
        if name in DOCUMENT_STREAMS:
            items = [("document", item) for item in items]
        setattr(page, name, items)
        changed = True
    if changed:
        page.save_revision().publish()
