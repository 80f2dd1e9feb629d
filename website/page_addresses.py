"""Pages' addresses from their url_path alone, for lists that read pages as plain values
(practices/cards.py): building a Page object only to ask its address cost more than the
rest of a card.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.models import Site


def addresses(url_paths):
    """{url_path: address} as Page.get_url() without a request gives them: the path on the
    page's site, the whole address when there are several sites; "" when no site has it."""
    roots = Site.get_site_root_paths()
    several_sites = len({root.site_id for root in roots}) > 1
    found = {}
    for url_path in url_paths:
        root = next((root for root in roots if url_path.startswith(root.root_path)), None)
        found[url_path] = _address(url_path, root, several_sites) if root else ""
    return found


def _address(url_path, root, several_sites):
    # The root's language, as Wagtail reverses it: a French page has a /fr/ address even
    # in an Arabic list.
    with translation.override(root.language_code):
        path = reverse("wagtail_serve", args=(url_path[len(root.root_path) :],))
    return root.root_url + path if several_sites else path
