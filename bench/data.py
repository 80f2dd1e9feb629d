"""Benchmark data: N practices, events and policy documents spread over the locales and
taxonomies, written in bulk.

Pages are inserted with raw tree paths rather than one `add_child` at a time, which
would take the better part of an hour for 10,000 practices. Each `ensure_*` function
brings the database to a total and adds nothing when it is there already, so a bench run
on a database built by an earlier one writes nothing and reindexes nothing.
"""

import json
import random
import time
from datetime import UTC

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from practices.models import PracticeCountry, PracticeIndexPage, PracticePage
from practices.taxonomy import Organisation, SDGTarget, TargetGroup, Theme

COUNTRIES = ["MA", "CI", "ML", "SN", "TN", "EG", "BE", "FR", "ES", "DE"]
TOPICS = [
    "diaspora",
    "investissement",
    "intégration",
    "retour",
    "réintégration",
    "santé",
    "formation",
    "emploi",
    "jeunes",
    "femmes",
    "commune",
    "région",
    "protection",
    "données",
    "gouvernance",
    "mobilité",
]
# A Zipf-like vocabulary, so that a topic word is found in a few per cent of the
# practices as in real text, not in all of them.
FILLERS = [f"mot{number}" for number in range(3000)]
VOCABULARY = FILLERS[:150] + TOPICS + FILLERS[150:]
WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]
M2M = {
    "themes": Theme,
    "target_groups": TargetGroup,
    "sdg_targets": SDGTarget,
    "implementing_organisations": Organisation,
    "funders": Organisation,
}


def ensure_practices(total, seed=1):
    """Bring the three libraries to `total` published practices in all, the demo's
    included; return how many were added."""
    rng = random.Random(seed)
    terms = {
        name: list(model.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
        for name, model in M2M.items()
    }
    content_type_id = ContentType.objects.get_for_model(PracticePage).pk
    shortfalls = _shortfalls(PracticeIndexPage, PracticePage, total)
    with transaction.atomic():
        for index, count in shortfalls:
            _bulk_children(index, count, rng, terms, content_type_id)
    return sum(count for _index, count in shortfalls)


def _shortfalls(index_model, page_model, total):
    """(index, pages to add) for each language's index short of its share of `total`.

    The share is as even as a division by three allows, the first indexes taking one
    more; dividing first and adding to each (10,000 // 3 three times) always left a page
    or two missing, which every later run then tried to add."""
    indexes = list(index_model.objects.order_by("locale__language_code"))
    shortfalls = []
    for position, index in enumerate(indexes):
        wanted = total // len(indexes) + (position < total % len(indexes))
        missing = wanted - page_model.objects.child_of(index).count()
        if missing > 0:
            shortfalls.append((index, missing))
    return shortfalls


def _bulk_children(index, count, rng, terms, content_type_id):
    index.refresh_from_db()
    start = index.numchild
    now = timezone.now()
    pages = []
    for number in range(start + 1, start + count + 1):
        title = " ".join(_words(rng, 3)).capitalize() + f" {number}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=f"bench-{number}",
                path=index.path + _step(number),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}bench-{number}/",
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                content_type_id=content_type_id,
                locale_id=index.locale_id,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    created = list(
        Page.objects.filter(path__in=[p.path for p in pages]).values_list("pk", flat=True)
    )
    _insert_practice_rows(created, rng)
    _insert_relations(created, rng, terms)
    Page.objects.filter(pk=index.pk).update(numchild=start + count)


def _words(rng, count):
    return rng.choices(VOCABULARY, weights=WEIGHTS, k=count)


def _utc_text(moment):
    """A UTC timestamp as the database stores it (Django's adapters do not apply here)."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ")


def _step(number):
    """Treebeard's path step: 4 base-36 digits."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    for _ in range(4):
        number, remainder = divmod(number, 36)
        text = digits[remainder] + text
    return text


def _insert_practice_rows(page_ids, rng):
    table = PracticePage._meta.db_table
    rows = []
    for pk in page_ids:
        start = rng.randint(2000, 2025)
        rows.append(
            (
                pk,
                " ".join(_words(rng, 30)),
                json.dumps([{"type": "paragraph", "value": f"<p>{' '.join(_words(rng, 80))}</p>"}]),
                rng.choice(["Rabat", "Dakar", "Bamako", "Abidjan", ""]),
                start,
                rng.choice([None, start + rng.randint(1, 5)]),
                rng.choice(["planned", "ongoing", "completed"]),
                "",
                "",
                "[]",
                rng.random() < 0.01,
                f"bench-{pk}",
            )
        )
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (page_ptr_id, summary, body, place, start_year, "  # noqa: S608
            "end_year, status, lessons, contact, related_documents, featured, external_id) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            rows,
        )


def _insert_relations(page_ids, rng, terms):
    PracticeCountry.objects.bulk_create(
        [
            PracticeCountry(page_id=pk, country=code, sort_order=order)
            for pk in page_ids
            for order, code in enumerate(rng.sample(COUNTRIES, rng.randint(1, 2)))
        ],
        batch_size=1000,
    )
    for name, values in terms.items():
        if not values:
            continue
        through = getattr(PracticePage, name).through
        column = through._meta.get_field(M2M[name]._meta.model_name).attname
        through.objects.bulk_create(
            [
                through(practicepage_id=pk, **{column: term.pk})
                for pk in page_ids
                for term in rng.sample(values, min(len(values), rng.randint(1, 2)))
            ],
            batch_size=1000,
        )


EVENT_ZONES = [
    "Africa/Casablanca",
    "Africa/Dakar",
    "Africa/Abidjan",
    "Africa/Bamako",
    "Europe/Zurich",
]
EVENT_TYPES = ["forum", "gfmd_roundtable", "thematic_meeting", "workshop", "training", "webinar"]


def ensure_events(total, seed=2):
    """Bring the three calendars to `total` published events in all, the demo's included,
    the added ones over 2015–2030; return how many were added."""
    from events.models import EventIndexPage, EventPage

    rng = random.Random(seed)
    content_type_id = ContentType.objects.get_for_model(EventPage).pk
    shortfalls = _shortfalls(EventIndexPage, EventPage, total)
    with transaction.atomic():
        for index, count in shortfalls:
            _bulk_events(index, count, rng, content_type_id)
    return sum(count for _index, count in shortfalls)


def _bulk_events(index, count, rng, content_type_id):
    from datetime import date, datetime, time, timedelta
    from zoneinfo import ZoneInfo

    from events.models import EventCountry, EventPage

    index.refresh_from_db()
    start = index.numchild
    now = timezone.now()
    pages, rows = [], []
    for number in range(start + 1, start + count + 1):
        title = " ".join(_words(rng, 4)).capitalize() + f" {number}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=f"bench-event-{number}",
                path=index.path + _step(number),
                depth=index.depth + 1,
                url_path=f"{index.url_path}bench-event-{number}/",
                live=True,
                first_published_at=now,
                last_published_at=now,
                content_type_id=content_type_id,
                locale_id=index.locale_id,
            )
        )
        day = date(2015, 1, 1) + timedelta(days=rng.randint(0, 365 * 15))
        zone = rng.choice(EVENT_ZONES)
        begins = datetime.combine(day, time(9, 0), ZoneInfo(zone))
        ends = begins + timedelta(hours=rng.choice([2, 8, 32]))
        rows.append((day, ends.date(), zone, begins, ends))
    Page.objects.bulk_create(pages, batch_size=500)
    ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
    table = EventPage._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (page_ptr_id, event_type, status, summary, body, start_date, "  # noqa: S608
            "end_date, all_day, start_time, end_time, time_zone, starts_at, ends_at, venue, city, "
            "country, online_url, interpretation_languages, agenda, documents, is_example, "
            "registration_enabled, waitlist_enabled, approval_required, participant_categories, "
            "registration_questions) "
            "VALUES (%s, %s, %s, %s, '[]', %s, %s, %s, %s, %s, %s, %s, %s, '', %s, %s, '', "
            "'fr,en', '[]', '[]', %s, FALSE, TRUE, FALSE, '', '')",
            [
                (
                    ids[page.path],
                    rng.choice(EVENT_TYPES),
                    rng.choice(["scheduled"] * 8 + ["postponed", "cancelled"]),
                    " ".join(_words(rng, 25)),
                    day.isoformat(),
                    end_day.isoformat(),
                    False,
                    begins.time().isoformat(),
                    ends.time().isoformat(),
                    zone,
                    _utc_text(begins),
                    _utc_text(ends),
                    rng.choice(["Rabat", "Dakar", "Bamako", "Abidjan", "Genève"]),
                    rng.choice(["MA", "SN", "ML", "CI", "CH"]),
                    True,
                )
                for page, (day, end_day, zone, begins, ends) in zip(pages, rows, strict=True)
            ],
        )
    EventCountry.objects.bulk_create(
        [EventCountry(page_id=ids[page.path], country=rng.choice(COUNTRIES[:4])) for page in pages],
        batch_size=1000,
    )
    Page.objects.filter(pk=index.pk).update(numchild=start + count)


DOCUMENT_TYPES = ["strategy", "law", "decree", "mou", "action_plan", "report", "guide"]


def ensure_documents(total, seed=3):
    """Bring the policy library to `total` documents, the demo's included, the added ones
    with "extracted" text drawn from the vocabulary; return how many were added."""
    from exchange.models import PolicyDocument

    missing = total - PolicyDocument.objects.exclude(doc_type="").count()
    if missing <= 0:
        return 0
    _bulk_documents(missing, random.Random(seed))
    return missing


def _bulk_documents(total, rng):
    """They share one small file, a document without a type that no list shows: the bench
    measures search, not downloads."""
    from datetime import date

    from django.core.files.base import ContentFile
    from wagtail.models import Collection

    from demo.exchange_pdf import pdf_bytes
    from exchange.models import PolicyDocument

    shared = PolicyDocument.objects.filter(title="Bench file", doc_type="").first()
    if shared is None:
        shared = PolicyDocument(title="Bench file", doc_type="")
        shared.file.save("bench.pdf", ContentFile(pdf_bytes([["bench"]])), save=False)
        shared.save()
    collection = Collection.get_first_root_node()
    PolicyDocument.objects.bulk_create(
        PolicyDocument(
            title=" ".join(_words(rng, 4)).capitalize() + f" {number}",
            file=shared.file.name,
            collection=collection,
            doc_type=rng.choice(DOCUMENT_TYPES),
            country=rng.choice(COUNTRIES),
            language=rng.choice(["fr", "fr", "en", "ar"]),
            adoption_date=date(rng.randint(2000, 2025), rng.randint(1, 12), 1),
            summary=" ".join(_words(rng, 30)),
            extracted_text=" ".join(_words(rng, 400)),
            extraction="done",
            file_hash="bench",
            extracted_hash="bench",
            file_size=shared.file_size,
        )
        for number in range(total)
    )


def reindex():
    """Rebuild the search index after rows were written behind the ORM's back."""
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("rebuild_search_index", verbosity=0)
    print(f"Wagtail's search index rebuilt in {time.perf_counter() - started:.0f} s")
    started = time.perf_counter()
    call_command("rebuild_text_index")
    print(f"the site's search index rebuilt in {time.perf_counter() - started:.0f} s")
