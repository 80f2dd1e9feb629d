import pytest

from demo.site import ensure_translation, publish_child
from exchange.models import PolicyLibraryPage
from website.models import HomePage


@pytest.fixture
def pages(library, calendar_page, taxonomy):
    """French and Arabic homes with a library, a calendar and a policy library."""
    home = HomePage.objects.get(locale__language_code="fr")
    ensure_translation(library, "ar", {"title": "الممارسات الجيدة", "slug": "practices"})
    documents = publish_child(home, PolicyLibraryPage(title="Documents", slug="documents"))
    return {"home": home, "library": library, "calendar": calendar_page, "documents": documents}
