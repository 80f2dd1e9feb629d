import pytest
from website.demo import ensure_translation, publish_child

from exchange.models import PolicyLibraryPage
from website.models import HomePage, StandardPage


@pytest.fixture
def pages(library, calendar_page, taxonomy):
    """French and Arabic homes with a library, a calendar and a policy library."""
    home = HomePage.objects.get(locale__language_code="fr")
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "practices"})
    documents = publish_child(home, PolicyLibraryPage(title="Documents", slug="documents"))
    return {"home": home, "library": library, "calendar": calendar_page, "documents": documents}


def standard_page(home, title, body_text, slug):
    page = StandardPage(title=title, slug=slug, introduction=body_text)
    return publish_child(home, page)


def search(client, code="fr", **params):
    response = client.get(f"/{code}/search/", params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def result_titles(html):
    import re

    return re.findall(r'class="card__title"><a href="[^"]+"(?: lang="\w+")?>([^<]+)</a>', html)
