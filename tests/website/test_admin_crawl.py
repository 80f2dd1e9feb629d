"""Every role's admin, crawled as that person: each link reachable from the menu and the
dashboard, and from the listings one level deeper (edit views, history, revisions,
previews), answers without a server error, in the French and in the Arabic admin.

A small but representative site: a practice with its English and Arabic translations, an
event with a draft in moderation, a policy document, a country page with its focal point.
"""

import re
import traceback
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile

from demo.site import ensure_translation
from exchange.models import FocalPoint
from tests.asking import submitted_request
from tests.factories import (
    CountryIndexPageFactory,
    CountryPageFactory,
    PolicyLibraryPageFactory,
    UserFactory,
    at,
    make_document,
    make_event,
    make_practice,
)
from website.bootstrap import EDITORS, EVENT_ORGANISERS, FOCAL_POINTS, MODERATORS, TRANSLATORS
from website.models import HomePage

# A few minutes of crawling: run once in CI, on one database.
pytestmark = [pytest.mark.django_db, pytest.mark.sweep]

ROLES = [EDITORS, MODERATORS, TRANSLATORS, EVENT_ORGANISERS, FOCAL_POINTS]
MAX_PAGES = 150  # per crawl: enough for this site, a bound if a listing grows

# Never followed: leaving, and the confirmations of what cannot be undone.
AVOID = re.compile(r"/logout/|/delete/")
# Pages whose own links are not followed: one level below the listings is enough.
LEAF = re.compile(
    r"/(edit|revisions|preview|view|view_draft|compare|copy|move|unpublish|usage|add|"
    r"workflow|translate|update_translations|convert_alias|privacy|lock)/"
)
# Forms that are the same for every page: one of each is enough.
GENERIC = re.compile(r"/(copy|move|unpublish|usage|privacy|lock|workflow/history)/")
LINK = re.compile(r'(?:href|data-[a-z-]*url(?:-value)?)="([^"#]+)"')


@pytest.fixture
def site(library, calendar_page, taxonomy):
    home = HomePage.objects.get(locale__language_code="fr")
    practice = make_practice(
        library, "Guichet unique pour la diaspora", themes=[taxonomy["diaspora"]]
    )
    practice.summary = "Un seul accueil, dans chaque région."
    practice.save_revision()  # a draft waiting, as editors leave them
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "mumarasat"})
    ensure_translation(practice, "en", {"title": "One-stop shop", "slug": "one-stop-shop"})
    ensure_translation(practice, "ar", {"title": "شباك موحد", "slug": "shubbak"})
    event = make_event(calendar_page, "Forum de Rabat", at(2027, 2, 24))
    event.title = "Forum de Rabat : programme"
    event.save_revision()
    event.get_workflow().start(event, None)  # moderators have it to review
    PolicyLibraryPageFactory(parent=home)
    make_document("Stratégie nationale migratoire", lines=["Diaspora et retour."])
    country = CountryPageFactory(parent=CountryIndexPageFactory(parent=home))
    submitted_request(country.country)  # for the focal point and the moderators to open
    return {"country": country}


def member(group, language, site):
    user = UserFactory(username=f"{group.split()[0].lower()}-{language}")
    user.groups.add(Group.objects.get(name=group))
    if group == FOCAL_POINTS:
        FocalPoint.objects.create(page=site["country"], name=user.username, user=user)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def crawl(client, sample=False):
    """Visit the dashboard, the links it and the menu offer, and theirs one level below
    the listings; return the pages visited and the server errors met. A `sample` crawl
    visits one page of each kind (same path but for its numbers): enough for what a
    language changes, the templates and their translations."""
    queue, queued = deque(["/admin/"]), {"/admin/"}
    visited, errors, kinds = [], [], set()
    while queue and len(visited) < MAX_PAGES:
        url = queue.popleft()
        kind = re.sub(r"\d+", "N", url)
        if kind in kinds and (sample or GENERIC.search(url)):
            continue
        kinds.add(kind)
        visited.append(url)
        try:
            response = client.get(url)
        except Exception as error:  # noqa: BLE001 — the crawl reports every crash it meets
            errors.append((url, _summary(error)))
            continue
        if response.status_code >= 500:
            errors.append((url, f"HTTP {response.status_code}"))
            continue
        for link in _links(url, response):
            if link not in queued:
                queued.add(link)
                queue.append(link)
    return visited, errors


def _links(url, response):
    if response.status_code in (301, 302):
        targets = [response["Location"]]
    elif LEAF.search(urlsplit(url).path) or "html" not in response.get("Content-Type", ""):
        return []
    else:
        targets = LINK.findall(response.content.decode())
    links = []
    for target in targets:
        parts = urlsplit(urljoin(url, target.replace("&amp;", "&")))
        if parts.netloc not in ("", "testserver") or not parts.path.startswith("/admin/"):
            continue  # same origin, admin only: the public site is tested on its own
        if not AVOID.search(parts.path):
            links.append(parts.path)  # one visit per path, whatever its query
    return links


def _summary(error):
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if "site-packages" not in f.filename] or frames
    return f"{type(error).__name__}: {error} (at {ours[-1].filename}:{ours[-1].lineno})"


def test_no_admin_link_answers_a_server_error_for_any_role(client, site):
    found, report = [], []
    for group in ROLES:
        # Every page in one language, a sample in the other: alternately French and Arabic.
        languages = ["fr", "ar"] if ROLES.index(group) % 2 == 0 else ["ar", "fr"]
        for language, sample in zip(languages, [False, True], strict=True):
            client.force_login(member(group, language, site))
            visited, errors = crawl(client, sample)
            report.append(
                f"{group} ({language}{', sample' if sample else ''}): "
                f"{len(visited)} pages, {len(errors)} server errors"
            )
            found += [f"{group} ({language}) {url}: {summary}" for url, summary in errors]
    print("\n".join(report))
    assert not found, "\n".join(report + found)
