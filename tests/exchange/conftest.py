import pytest

from demo.site import ensure_translation, publish_child
from exchange.models import (
    CountryIndexPage,
    CountryPage,
    FocalPoint,
)
from website.models import HomePage


@pytest.fixture
def countries(site_tree):
    home = HomePage.objects.get(locale__language_code="fr")
    index = publish_child(home, CountryIndexPage(title="Pays", slug="pays"))
    ensure_translation(index, "en", {"title": "Countries", "slug": "countries"})
    pages = {}
    for code, title in [("MA", "Maroc"), ("SN", "Sénégal")]:
        page = CountryPage(title=title, slug=title.lower(), country=code, summary=f"{title}.")
        page.focal_points = [
            FocalPoint(
                name=f"Point focal {code}",
                email=f"focal.{code.lower()}@example.org",
                phone="+212 5 00 00 00",
                show_contact=code == "MA",
            )
        ]
        pages[code] = publish_child(index, page)
    return index, pages
