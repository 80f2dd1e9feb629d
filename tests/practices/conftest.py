import pytest
from wagtail.models import Locale

from practices.models import PracticeCountry, PracticeIndexPage, PracticePage, PracticeResult
from practices.taxonomy import Organisation, SDGTarget, TargetGroup, Theme
from website.demo import ensure_translation, publish_child
from website.models import HomePage


def term(model, slug, fr, en=None, ar=None, **extra):
    field = model.facet_field
    source = model.objects.create(
        locale=Locale.objects.get(language_code="fr"), name=fr, **{field: slug}, **extra
    )
    for code, name in (("en", en), ("ar", ar)):
        if name:
            translation = source.copy_for_translation(Locale.objects.get(language_code=code))
            translation.name = name
            translation.save()
    return source


@pytest.fixture
def taxonomy(db):
    return {
        "diaspora": term(Theme, "diaspora", "Diaspora", "Diaspora", "الجالية"),
        "integration": term(Theme, "integration", "Intégration", "Integration", "الإدماج"),
        "health": term(Theme, "health", "Santé", "Health", "الصحة"),
        "youth": term(TargetGroup, "youth", "Jeunes", "Youth", "الشباب"),
        "10.7": term(SDGTarget, "10.7", "Migrations ordonnées", "Orderly migration", "هجرة منظمة"),
        "iom": term(
            Organisation,
            "iom",
            "Organisation internationale pour les migrations",
            "International Organization for Migration",
            acronym="OIM",
            kind="international",
        ),
        "giz": term(Organisation, "giz", "GIZ", "GIZ", acronym="GIZ", kind="development_agency"),
        "eu": term(Organisation, "eu", "Union européenne", "European Union", kind="donor"),
    }


@pytest.fixture
def library(site_tree, taxonomy):
    home = HomePage.objects.get(locale__language_code="fr")
    index = publish_child(
        home, PracticeIndexPage(title="Bonnes pratiques", slug="bonnes-pratiques")
    )
    ensure_translation(index, "en", {"title": "Good practices", "slug": "good-practices"})
    return index


def make_practice(
    index, title, countries=("MA",), themes=(), start_year=2015, status="ongoing", **fields
):
    taxonomy_fields = {
        name: fields.pop(name, ())
        for name in ("target_groups", "sdg_targets", "implementing_organisations", "funders")
    }
    results = fields.pop("results", ())
    tags = fields.pop("tags", ())
    page = PracticePage(
        title=title,
        summary=fields.pop("summary", f"Résumé de {title}."),
        start_year=start_year,
        status=status,
        **fields,
    )
    page.country_links = [PracticeCountry(country=code) for code in countries]
    page.results = [PracticeResult(value=value, label=label) for value, label in results]
    page.themes = list(themes)
    for name, terms in taxonomy_fields.items():
        setattr(page, name, list(terms))
    index.add_child(instance=page)
    if tags:
        page.tags.add(*tags)
    page.save_revision().publish()
    return page
