"""Demo content of the exchange: the four partner countries, the memoranda, the policy
documents (small demo PDFs generated here, whose text the extraction task then reads)
and a few exchange requests, in French with English and Arabic translations."""

import json
from datetime import date
from pathlib import Path

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from exchange.models import (
    BilateralAgreement,
    CountryIndexPage,
    CountryPage,
    ExchangeRequest,
    ExchangeRequestLog,
    FocalPoint,
    GfmdEngagement,
    Institution,
    PolicyDocument,
    PolicyLibraryPage,
)
from practices.taxonomy import Theme

from . import relations as relations_demo
from .exchange_pdf import pdf_bytes
from .site import ensure_translation, publish_child

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("fr", "en", "ar")
INDEX = {
    "fr": {"title": "Pays partenaires", "slug": "pays"},
    "en": {"title": "Partner countries", "slug": "countries"},
    "ar": {"title": "البلدان الشريكة", "slug": "countries"},
}
INDEX_INTRO = {
    "fr": "Le Maroc, la Côte d'Ivoire, le Mali et le Sénégal : contexte migratoire, politiques, "
    "institutions, accords et engagement dans le Forum mondial sur la migration et le "
    "développement.",
    "en": "Morocco, Côte d'Ivoire, Mali and Senegal: migration context, policies, institutions, "
    "agreements and engagement in the Global Forum on Migration and Development.",
    "ar": "المغرب وكوت ديفوار ومالي والسنغال: السياق الهجروي والسياسات والمؤسسات والاتفاقيات "
    "والانخراط في المنتدى العالمي للهجرة والتنمية.",
}
LIBRARY = {
    "fr": {"title": "Documents de politique", "slug": "documents"},
    "en": {"title": "Policy documents", "slug": "documents"},
    "ar": {"title": "وثائق السياسات", "slug": "documents"},
}
LIBRARY_INTRO = {
    "fr": "Stratégies, lois, plans d'action et mémorandums des pays partenaires. Les fichiers "
    "de démonstration ne remplacent pas les textes officiels.",
    "en": "Strategies, laws, action plans and memoranda of the partner countries. The "
    "demonstration files do not replace the official texts.",
    "ar": "استراتيجيات وقوانين ومخططات عمل ومذكرات البلدان الشريكة. الملفات التوضيحية لا تعوض "
    "النصوص الرسمية.",
}


def load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def seed(home, stdout=None):
    index = _index_page(home, CountryIndexPage, INDEX, INDEX_INTRO)
    _index_page(home, PolicyLibraryPage, LIBRARY, LIBRARY_INTRO)
    existing = set(CountryPage.objects.child_of(index).values_list("country", flat=True))
    for record in load("countries.json"):
        if record["code"] not in existing:
            seed_country(index, record)
    documents = seed_documents()
    relations_demo.seed(documents)
    seed_agreements(index.locale)
    seed_requests()
    if stdout:
        stdout.write(
            f"Exchange ready: {CountryPage.objects.count()} country pages, "
            f"{len(documents)} policy documents, {BilateralAgreement.objects.count()} "
            f"agreement translations, {ExchangeRequest.objects.count()} exchange requests."
        )


def _index_page(home, model, names, intros):
    page = model.objects.child_of(home).first() or publish_child(
        home, model(show_in_menus=True, introduction=intros["fr"], **names["fr"])
    )
    for code in ("en", "ar"):
        ensure_translation(page, code, {**names[code], "introduction": intros[code]})
    return page


def _paragraphs(texts):
    return "".join(f"<p>{escape(text)}</p>" for text in texts)


def _country_fields(record, code):
    return {
        "title": record["title"][code],
        "slug": record["slug"][code],
        "summary": record["summary"][code],
        "migration_context": _paragraphs(record["context"][code]),
        "migration_policy": _paragraphs(record["policy"][code]),
    }


def seed_country(index, record):
    page = CountryPage(country=record["code"], **_country_fields(record, "fr"))
    page.institutions = [
        Institution(name=item["name"]["fr"], role=item["role"]["fr"])
        for item in record["institutions"]
    ]
    page.focal_points = [
        FocalPoint(
            name=item["name"]["fr"],
            role=item["role"]["fr"],
            institution=item["institution"]["fr"],
            email=item["email"],
            show_contact=item["show_contact"],
        )
        for item in record["focal_points"]
    ]
    page.gfmd_engagements = [
        GfmdEngagement(year=item["year"], role=item["role"]["fr"], meeting=item["meeting"]["fr"])
        for item in record["gfmd"]
    ]
    publish_child(index, page)
    for code in ("en", "ar"):
        translate_country(page, record, code)


def translate_country(page, record, code):
    locale = Locale.objects.get(language_code=code)
    if page.has_translation(locale):
        return
    translation = page.copy_for_translation(locale)
    for name, value in _country_fields(record, code).items():
        setattr(translation, name, value)
    # Assigned back: the rows read from the database are not what the revision saves.
    translation.institutions = _translated(
        translation.institutions.all(), record["institutions"], code, ("name", "role")
    )
    translation.focal_points = _translated(
        translation.focal_points.all(),
        record["focal_points"],
        code,
        ("name", "role", "institution"),
    )
    translation.gfmd_engagements = _translated(
        translation.gfmd_engagements.all(), record["gfmd"], code, ("role", "meeting")
    )
    translation.save_revision().publish()


def _translated(rows, records, code, fields):
    rows = list(rows)
    for row, data in zip(rows, records, strict=True):
        for name in fields:
            setattr(row, name, data[name][code])
    return rows


def seed_documents():
    records = load("documents.json")
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=Locale.get_default())}
    documents = {}
    for record in records:
        document = PolicyDocument.objects.filter(title=record["title"]).first()
        if document is None:
            document = PolicyDocument(
                title=record["title"],
                doc_type=record["doc_type"],
                country=record["country"],
                issuing_body=record["issuing_body"],
                adoption_date=date.fromisoformat(record["adoption_date"])
                if record["adoption_date"]
                else None,
                adoption_date_precision=record.get("date_precision") or "day",
                language=record["language"],
                summary=record["summary"],
            )
            document.file.save(
                f"{record['key']}-demo.pdf", ContentFile(pdf_bytes(record["pdf_pages"])), save=False
            )
            document.save()
            document.themes.set([themes[slug] for slug in record["themes"] if slug in themes])
        documents[record["key"]] = document
    for record in records:
        if record["translation_of"]:
            documents[record["key"]].other_languages.add(documents[record["translation_of"]])
    return documents


def seed_agreements(default_locale):
    for record in load("agreements.json"):
        agreement = BilateralAgreement.objects.filter(
            title=record["title"]["fr"], locale=default_locale
        ).first()
        if agreement is None:
            agreement = BilateralAgreement.objects.create(
                locale=default_locale,
                parties=record["parties"],
                date_signed=date.fromisoformat(record["date_signed"]),
                date_precision=record.get("date_precision", "day"),
                **_agreement_text(record, "fr"),
            )
        for code in ("en", "ar"):
            locale = Locale.objects.get(language_code=code)
            if not agreement.has_translation(locale):
                translation = agreement.copy_for_translation(locale)
                for name, value in _agreement_text(record, code).items():
                    setattr(translation, name, value)
                translation.save()


def _agreement_text(record, code):
    return {
        "title": record["title"][code],
        "subject": record["subject"][code],
        "fields_of_cooperation": "\n".join(record["fields"][code]),
    }


REQUESTS = [
    ("Commune de Ziguinchor", "SN", "MA", "study_visit", "new", "fr"),
    ("Ministry of Malians Abroad (example)", "ML", "SN", "webinar", "in_discussion", "en"),
    ("بلدية بواكيه (مثال)", "CI", "MA", "expert_mission", "closed", "ar"),
]


def seed_requests():
    if ExchangeRequest.objects.exists():
        return
    for n, (institution, origin, country, fmt, status, language) in enumerate(REQUESTS):
        request = ExchangeRequest.objects.create(
            country=country,
            status=status,
            language=language,
            institution=institution,
            requester_country=origin,
            contact_name=f"Contact {n + 1} (exemple)",
            email=f"exchange{n + 1}@example.org",
            wants_to_learn="Accueil et orientation des migrants au niveau communal (exemple).",
            preferred_format=fmt,
            timing="2027",
            consented_at=timezone.now(),
        )
        ExchangeRequestLog.objects.create(request=request, to_status="new")
        if status != "new":
            ExchangeRequestLog.objects.create(request=request, from_status="new", to_status=status)
