"""Every interface string is translated in fr, en and ar, and the committed .mo files
(which `make run` relies on, so that it works without gettext) match the .po files."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.services import require

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["fr", "en", "ar"]


DOMAINS = ["django", "djangojs"]  # djangojs: our corrections of packages' scripts


def catalogue(code, kind="po", domain="django"):
    path = ROOT / "locale" / code / "LC_MESSAGES" / f"{domain}.{kind}"
    return polib.pofile(str(path)) if kind == "po" else polib.mofile(str(path))


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_message_is_translated(code, domain):
    po = catalogue(code, domain=domain)
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert po.metadata["Language"] == code


@pytest.mark.parametrize("domain", DOMAINS)
@pytest.mark.parametrize("code", LANGUAGES)
def test_compiled_catalogue_matches_its_source(code, domain):
    po = {
        (e.msgctxt, e.msgid): e.msgstr for e in catalogue(code, domain=domain).translated_entries()
    }
    mo = {(e.msgctxt, e.msgid): e.msgstr for e in catalogue(code, "mo", domain) if e.msgid}
    assert mo == po, "run `make messages` and commit the .mo files"


def test_catalogues_hold_every_string_of_the_code_and_templates(tmp_path):
    require(shutil.which("xgettext"), "GNU gettext (xgettext)")
    apps = [path.parent.name for path in ROOT.glob("*/apps.py")]
    for name in ("manage.py", "templates", "locale", *apps):
        source = ROOT / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, tmp_path / name)
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    fresh = polib.pofile(str(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    committed = {(entry.msgctxt, entry.msgid) for entry in catalogue("fr")}
    fresh_ids = {(entry.msgctxt, entry.msgid) for entry in fresh}
    assert fresh_ids - committed == set(), "run `make messages`"
