import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command

from practices.models import PracticePage
from tests.factories import make_practice

pytestmark = pytest.mark.django_db

SOURCE = {
    "external_id": "medma2",
    "locale": "fr",
    "title": "Migration et développement à Tanger",
    "summary": "Appui aux entrepreneurs migrants et de retour.",
    "body": "<p>Conseil, formation et accès au financement.</p>",
    "countries": ["MA"],
    "place": "Tanger-Tétouan-Al Hoceïma",
    "themes": ["diaspora"],
    "sdg_targets": ["10.7"],
    "target_groups": ["youth"],
    "implementing_organisations": ["iom"],
    "funders": ["eu"],
    "start_year": 2018,
    "end_year": 2021,
    "status": "completed",
    "results": [{"value": "1,855", "label": "entrepreneurs conseillés"}],
    "lessons": "<p>Associer les régions.</p>",
    "contact": "OIM Maroc, Rabat",
    "tags": ["entrepreneuriat"],
    "featured": True,
}
TRANSLATION = {
    "external_id": "medma2",
    "locale": "en",
    "title": "Migration and development in Tangier",
    "summary": "Support for migrant and returning entrepreneurs.",
    "results": [{"value": "1,855", "label": "entrepreneurs counselled"}],
}


def write_json(tmp_path, records, name="practices.json"):
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_practices", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_import_creates_drafts_with_their_translation(library, tmp_path):
    output = run(write_json(tmp_path, [TRANSLATION, SOURCE]))
    assert "2 pratique(s) créée(s) et 0 mise(s) à jour." in output
    french = PracticePage.objects.get(external_id="medma2", locale__language_code="fr")
    english = PracticePage.objects.get(external_id="medma2", locale__language_code="en")
    assert not french.live and not english.live
    draft = french.get_latest_revision_as_object()
    assert draft.title == "Migration et développement à Tanger"
    assert [link.country.code for link in draft.country_links.all()] == ["MA"]
    assert [r.value for r in draft.results.all()] == ["1,855"]
    assert (
        english.get_latest_revision_as_object().results.first().label == "entrepreneurs counselled"
    )
    assert [t.slug for t in english.themes.all()] == ["diaspora"]


def test_reimport_updates_instead_of_duplicating(library, tmp_path):
    path = write_json(tmp_path, [SOURCE, TRANSLATION])
    run(path, "--publish")
    changed = {**SOURCE, "title": "Nouveau titre", "countries": ["MA", "SN"]}
    run(write_json(tmp_path, [changed, TRANSLATION], "second.json"), "--publish")
    assert PracticePage.objects.filter(external_id="medma2").count() == 2
    french = PracticePage.objects.get(external_id="medma2", locale__language_code="fr")
    assert french.live and french.title == "Nouveau titre"
    english = PracticePage.objects.get(external_id="medma2", locale__language_code="en")
    assert sorted(link.country.code for link in english.country_links.all()) == ["MA", "SN"]


def test_dry_run_writes_nothing(library, tmp_path):
    output = run(write_json(tmp_path, [SOURCE]), "--dry-run")
    assert "Simulation : 1 pratique(s) à créer et 0 à mettre à jour." in output
    assert not PracticePage.objects.filter(external_id="medma2").exists()


def test_errors_are_reported_by_row_and_column_and_nothing_is_written(library, tmp_path):
    bad = [
        SOURCE,
        {**SOURCE, "external_id": "x2", "countries": ["XX"], "start_year": "vingt"},
        {**SOURCE, "external_id": "x3", "themes": ["no-such-theme"], "end_year": 2001},
        {**TRANSLATION, "external_id": "orphan"},
    ]
    with pytest.raises(CommandError) as failure:
        err = io.StringIO()
        call_command("import_practices", write_json(tmp_path, bad), stderr=err)
    lines = err.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "Ligne 2",
        "Ligne 2",
        "Ligne 3",
        "Ligne 3",
        "Ligne 4",
    ]
    assert "Ligne 2, colonne « countries » : « XX » n'est pas un code pays ISO" in lines[0]
    assert "colonne « start_year »" in lines[1] and "vingt" in lines[1]
    assert "colonne « themes »" in lines[2] and "no-such-theme" in lines[2]
    assert "colonne « end_year »" in lines[3]
    assert "colonne « external_id »" in lines[4]
    assert str(failure.value) == "5 erreur(s) : rien n'a été importé."
    assert not PracticePage.objects.exists()


@pytest.mark.parametrize(
    ("content", "name"),
    [
        ("{not json", "broken.json"),
        ('{"a": 1}', "object.json"),
        ("title\nx\n", "no-id.csv"),
        ("x", "notes.txt"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_message(library, tmp_path, content, name):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("import_practices", str(path))
    assert not PracticePage.objects.exists()


def test_export_round_trips_through_the_import(client, library, taxonomy, tmp_path):
    practice = make_practice(
        library,
        "=Pratique exportée",
        countries=["SN", "ML"],
        themes=[taxonomy["diaspora"]],
        funders=[taxonomy["eu"]],
        results=[("300", "jeunes formés")],
        tags=["emploi"],
    )
    for kind in ("csv", "json"):
        response = client.get(f"/fr/bonnes-pratiques/export/{kind}/")
        assert response.status_code == 200
        path = tmp_path / f"export.{kind}"
        path.write_bytes(response.content)
        run(str(path), "--publish")
        assert PracticePage.objects.count() == 1
        practice.refresh_from_db()
        assert practice.title == "=Pratique exportée"
        assert sorted(link.country.code for link in practice.country_links.all()) == ["ML", "SN"]
        assert [r.label for r in practice.results.all()] == ["jeunes formés"]
        assert [t.slug for t in practice.funders.all()] == ["eu"]


def test_csv_export_has_labels_in_the_visitors_language_and_defuses_formulas(
    client, library, taxonomy
):
    make_practice(library, "=HYPERLINK(1)", countries=["SN"], themes=[taxonomy["diaspora"]])
    response = client.get("/fr/bonnes-pratiques/export/csv/", {"country": "SN"})
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["title"] == "'=HYPERLINK(1)"
    assert rows[0]["country_names"] == "Sénégal"
    assert rows[0]["themes_names"] == "Diaspora"
    assert response["Content-Disposition"] == 'attachment; filename="practices.csv"'


def test_json_export_follows_the_library_filters(client, library, taxonomy):
    make_practice(library, "Au Sénégal", countries=["SN"])
    make_practice(library, "Au Mali", countries=["ML"])
    records = json.loads(client.get("/fr/bonnes-pratiques/export/json/", {"country": "ML"}).content)
    assert [record["title"] for record in records] == ["Au Mali"]
    assert records[0]["country_names"] == ["Mali"]
