"""What relates to a page from the apps above its own.

The apps are layered (website < practices < events < registrations < exchange ...): a
practice cannot import the events that present it nor the country pages of its
countries. Each higher app registers, in its AppConfig.ready, how to find what it holds
about a lower app's page; the page's template lists the sections that found something.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    key: str  # the section's id on the page
    heading: str  # lazily translated
    find: Callable  # page -> list, live and in the page's language, in a fixed number of queries
    template: str  # renders one item
    item_name: str  # the item's name in that template ("event")


@dataclass(frozen=True)
class Section:
    relation: Relation
    items: list


_relations = defaultdict(list)


def register(model_label, relation):
    """Let pages of `model_label` ("practices.PracticePage") list what `relation` finds."""
    registered = _relations[model_label]
    if all(known.key != relation.key for known in registered):  # ready() may run twice
        registered.append(relation)


def sections(page):
    """The sections with something to show for the page, in the apps' order."""
    found = [Section(relation, relation.find(page)) for relation in _relations[page._meta.label]]
    return [section for section in found if section.items]
