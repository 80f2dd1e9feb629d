"""Demo search synonyms: the acronyms the demo content actually uses (GFMD/FMMD, IOM/OIM,
EU/UE ...) joined to their names in the three languages (demo/data/synonyms.json)."""

import json
from pathlib import Path

from website.models import SearchSynonym

DATA = Path(__file__).resolve().parent / "data" / "synonyms.json"


def seed(stdout=None):
    """Adds the groups not there yet, found by their first phrase and language, and leaves
    the ones editors have changed alone."""
    for record in json.loads(DATA.read_text(encoding="utf-8")):
        first = record["phrases"][0]
        exists = SearchSynonym.objects.filter(
            language=record["language"], phrases__startswith=first + "\n"
        ).exists()
        if not exists:
            synonym = SearchSynonym(
                language=record["language"],
                phrases="\n".join(record["phrases"]),
                note=record["note"],
            )
            synonym.full_clean()
            synonym.save()
    if stdout:
        stdout.write(f"Search synonyms ready: {SearchSynonym.objects.count()} groups.")
