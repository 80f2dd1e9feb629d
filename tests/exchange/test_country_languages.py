"""Country pages and the home page read whole in the reader's language."""

import json
import re
from pathlib import Path

import pytest
from django.utils import translation
from django.utils.dates import MONTHS
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from demo import events as demo_events
from demo import exchange as demo_exchange
from demo.site import ensure_translation, publish_child
from events.models import EventPage
from exchange.models import CountryIndexPage, CountryPage, FocalPoint, GfmdEngagement, Institution
from website.models import HomePage
from website.typography import join_names

pytestmark = pytest.mark.django_db
DEMO = Path(demo_exchange.__file__).resolve().parent


@pytest.fixture
def index(site_tree):
    home = HomePage.objects.get(locale__language_code="fr")
    page = publish_child(home, CountryIndexPage(title="Pays", slug="pays"))
    for code in ("en", "ar"):
        ensure_translation(page, code, {"title": code, "slug": f"countries-{code}"})
    return page


def test_country_rows_offer_their_text_for_translation_and_keep_the_rest(index):
    page = CountryPage(country="SN", title="Sénégal", slug="senegal", summary="Résumé.")
    page.institutions = [Institution(name="Ministère", role="Pilote", url="https://x.sn")]
    page.focal_points = [FocalPoint(name="Awa", role="Point focal", phone="+221 1")]
    page.gfmd_engagements = [GfmdEngagement(year=2018, role="Hôte", meeting="Sommet")]
    publish_child(index, page)
    offered = {s.render_text() for s in extract_segments(page) if isinstance(s, StringSegmentValue)}
    assert {"Ministère", "Pilote", "Point focal", "Hôte", "Sommet"} <= offered
    assert not {"https://x.sn", "+221 1"} & offered


def test_the_demo_country_pages_are_whole_in_english_and_arabic(index, client):
    record = next(r for r in demo_exchange.load("countries.json") if r["code"] == "MA")
    demo_exchange.seed_country(index, record)
    english = CountryPage.objects.get(locale__language_code="en")
    html = client.get(english.url).content.decode()
    assert record["institutions"][0]["name"]["en"] in html
    assert "Co-chair of roundtable 1.2" in html and "Coprésident" not in html
    assert "Focal point (example) – Morocco" in html
    arabic = CountryPage.objects.get(locale__language_code="ar")
    html = client.get(arabic.url).content.decode()
    assert "رئيس مشارك للمائدة المستديرة 1.2" in html and "Coprésident" not in html
    assert "Ministère" not in html


def test_the_home_page_lists_the_published_country_profiles(index, client):
    publish_child(index, CountryPage(country="SN", title="Sénégal", slug="sn", summary="Pays."))
    senegal = CountryPage.objects.get(locale__language_code="fr")
    ensure_translation(senegal, "en", {"title": "Senegal", "slug": "senegal"})
    html = client.get("/en/").content.decode()
    assert ">Senegal</a>" in html
    assert "Country profiles have not been published yet." not in html
    arabic = client.get("/ar/").content.decode()
    countries = arabic[arabic.index('id="countries"') :]
    assert countries.index('class="empty-state"') < countries.index("</section>"), "none in Arabic"


def test_names_are_joined_with_the_arabic_comma_in_arabic():
    assert join_names(["المغرب", "السنغال"], "ar") == "المغرب، السنغال"
    assert join_names(["Maroc", "", "Sénégal"], "fr") == "Maroc, Sénégal"


def test_the_arabic_demo_names_months_as_django_does():
    with translation.override("ar"):
        django_months = {str(name) for name in MONTHS.values()}
    moroccan = {"شتنبر", "دجنبر", "غشت", "نونبر", "يوليوز", "ماي", "أبريل"}
    assert not moroccan & django_months
    texts = [path.read_text(encoding="utf-8") for path in (DEMO / "data").glob("*.json")]
    texts += [path.read_text(encoding="utf-8") for path in DEMO.glob("*.py")]
    words = {word for text in texts for word in re.findall(r"\w+", text)}
    assert not moroccan & words


def test_event_cities_and_speakers_are_given_in_every_language():
    events = json.loads((DEMO / "data" / "events.json").read_text(encoding="utf-8"))
    for event in events:
        assert set(event["city"]) == {"fr", "en", "ar"}
        for session in event["agenda"]:
            speakers = session["speakers"]
            assert set(speakers) == {"fr", "en", "ar"}
            assert not speakers["fr"] or speakers["ar"] != speakers["fr"]


def test_an_arabic_event_page_names_its_city_and_speakers_in_arabic(calendar_page, client):
    ensure_translation(calendar_page, "ar", {"title": "الأجندة", "slug": "ajenda"})
    events = json.loads((DEMO / "data" / "events.json").read_text(encoding="utf-8"))
    record = next(e for e in events if e["key"] == "forum-diaspora-rabat-2027")
    demo_events.seed_event(calendar_page, record, ensure_translation)
    arabic = EventPage.objects.get(locale__language_code="ar")
    html = client.get(arabic.url).content.decode()
    assert "الرباط، المغرب" in html
    assert "ممثلو المؤسسات المكلفة بالجالية (المغرب، كوت ديفوار، مالي، السنغال)" in html
    assert "Représentants" not in html
