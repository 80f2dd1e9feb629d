"""Demo practices: the taxonomies and practices in demo/data/*.json, written from the seeds."""

import json
from pathlib import Path

from django.conf import settings
from wagtail.models import Locale

from practices.importer import Row, import_rows
from practices.models import PracticeIndexPage, PracticePage
from practices.taxonomy import Organisation, SDGTarget, TargetGroup, Theme

from .site import ensure_translation, publish_child

DATA = Path(__file__).resolve().parent / "data"
LIBRARY = {
    "fr": {
        "title": "Bonnes pratiques",
        "slug": "bonnes-pratiques",
        "introduction": "Les pratiques que les institutions des pays partenaires ont menées et "
        "souhaitent partager : recherchez par mot, pays, thème ou période.",
    },
    "en": {
        "title": "Good practices",
        "slug": "good-practices",
        "introduction": "Practices that partner-country institutions have carried out and want "
        "to share: search by word, country, theme or period.",
    },
    "ar": {
        "title": "الممارسات الجيدة",
        "slug": "good-practices",
        "introduction": "ممارسات نفذتها مؤسسات البلدان الشريكة وترغب في تقاسمها: ابحث بالكلمة أو "
        "البلد أو الموضوع أو الفترة.",
    },
}
TAXONOMIES = {
    "themes": Theme,
    "target_groups": TargetGroup,
    "sdg_targets": SDGTarget,
    "organisations": Organisation,
}


def seed(home, stdout=None):
    seed_taxonomies()
    library = PracticeIndexPage.objects.child_of(home).first() or publish_child(
        home, PracticeIndexPage(show_in_menus=True, **LIBRARY["fr"])
    )
    for code in ("en", "ar"):
        ensure_translation(library, code, LIBRARY[code])
    report = import_rows(new_rows(), publish=True)
    if report.errors:
        raise ValueError("; ".join(str(error) for error in report.errors))
    if stdout:
        stdout.write(f"Practice library ready: {PracticePage.objects.count()} practice pages.")
    return library


def seed_taxonomies():
    data = json.loads((DATA / "taxonomies.json").read_text(encoding="utf-8"))
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for key, model in TAXONOMIES.items():
        for item in data[key]:
            seed_term(model, item, locales)


def seed_term(model, item, locales):
    identity = {model.facet_field: item[model.facet_field]}
    extra = {name: item[name] for name in ("acronym", "kind") if name in item}
    source = model.objects.filter(locale=locales[settings.LANGUAGE_CODE], **identity).first()
    if source is None:
        source = model.objects.create(
            locale=locales[settings.LANGUAGE_CODE], name=item["name"]["fr"], **identity, **extra
        )
    for code, name in item["name"].items():
        if code != settings.LANGUAGE_CODE and not source.has_translation(locales[code]):
            translation = source.copy_for_translation(locales[code])
            translation.name = name
            translation.save()


def new_rows():
    """The demo rows whose practice does not exist yet in that language."""
    records = json.loads((DATA / "practices.json").read_text(encoding="utf-8"))
    existing = set(PracticePage.objects.values_list("external_id", "locale__language_code"))
    return [
        Row(number, record)
        for number, record in enumerate(records, start=1)
        if (record["external_id"], record["locale"]) not in existing
    ]
