import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale, Page, Site

from tests.factories import StandardPageFactory
from website.models import FooterText, HomePage, SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def test_home_page_shows_empty_sections_until_content_exists(client, site_tree):
    html = client.get("/en/").content.decode()
    assert "Featured good practices" in html
    assert "No good practices have been published yet." in html
    assert "No forum or meeting is scheduled at the moment." in html
    assert "Country profiles have not been published yet." in html


def test_standard_page_renders_its_stream_blocks(client, site_tree):
    html = client.get("/fr/a-propos/").content.decode()
    assert "<h2>Trois domaines de travail</h2>" in html
    assert "Fonds fiduciaire d&#x27;urgence" in html or "Fonds fiduciaire d'urgence" in html
    assert '<nav class="breadcrumbs"' in html


def test_main_menu_lists_the_locale_pages_shown_in_menus(client, site_tree):
    html = client.get("/ar/").content.decode()
    assert '<a href="/ar/about/">من نحن</a>' in html
    assert "حماية المعطيات الشخصية</a>" in html  # footer link, not in the menu
    menu = html.split('<nav class="main-menu"')[1].split("</nav>")[0]
    assert "/ar/data-protection/" not in menu


def test_footer_shows_the_locale_text_contact_and_data_protection_page(client, site_tree):
    site_settings = SiteSettings.objects.get()
    site_settings.contact_phone = "+212 5 37 00 00 00"
    site_settings.save()
    html = client.get("/en/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]
    assert "Demonstration content written from public documents." in footer
    assert 'href="mailto:contact@example.org"' in footer
    assert 'href="tel:+212537000000"' in footer
    assert '<a href="/en/data-protection/">Data protection</a>' in footer


def test_page_types_can_only_be_created_where_they_belong():
    assert HomePage.can_create_at(Page.get_first_root_node())
    assert StandardPage in HomePage.allowed_subpage_models()
    assert StandardPage in StandardPage.allowed_subpage_models()
    assert HomePage not in StandardPage.allowed_subpage_models()
    assert (
        Page.get_first_root_node().specific_class not in StandardPage.allowed_parent_page_models()
    )


def test_editor_can_create_a_standard_page_through_the_admin(admin_client, site_tree):
    home = HomePage.objects.get(locale__language_code="fr")
    response = admin_client.post(
        f"/admin/pages/add/website/standardpage/{home.pk}/",
        {
            "title": "Nos partenaires",
            "slug": "partenaires",
            "introduction": "Les institutions qui portent la coopération.",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="partenaires")
    assert page.get_parent().pk == home.pk


def test_server_error_page_is_translated_and_standalone():
    with translation.override("ar"):
        html = render_to_string("500.html")
    assert 'dir="rtl"' in html
    assert "حدث خطأ" in html
    assert 'href="/ar/"' in html


def test_sitemap_index_lists_one_sitemap_per_locale(client, site_tree):
    xml = client.get("/sitemap.xml").content.decode()
    for code in ("fr", "en", "ar"):
        assert f"<loc>http://testserver/{code}/sitemap.xml</loc>" in xml


def test_locale_sitemap_lists_only_that_locales_live_pages(client, site_tree):
    home = HomePage.objects.get(locale__language_code="en")
    StandardPageFactory(parent=home, slug="draft-only", live=False)
    xml = client.get("/en/sitemap.xml").content.decode()
    root_url = Site.objects.get(is_default_site=True).root_url
    assert f"<loc>{root_url}/en/</loc>" in xml
    assert f"<loc>{root_url}/en/about/</loc>" in xml
    assert "/fr/" not in xml and "/ar/" not in xml
    assert "draft-only" not in xml


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_footer_text_is_one_snippet_per_locale(site_tree):
    assert FooterText.objects.count() == 3
    arabic = FooterText.objects.get(locale=Locale.objects.get(language_code="ar"))
    assert "التعاون" in arabic.text


def test_page_chrome_queries_do_not_grow_with_the_site(session_client, site_tree):
    client = session_client

    def queries_for(path):
        client.get(path)  # warm Wagtail's per-process caches
        with CaptureQueriesContext(connection) as context:
            assert client.get(path).status_code == 200
        return len(context.captured_queries)

    before = queries_for("/fr/a-propos/")
    home = HomePage.objects.get(locale__language_code="fr")
    for number in range(10):
        StandardPageFactory(parent=home, slug=f"rubrique-{number}", show_in_menus=True)
    assert queries_for("/fr/a-propos/") == before
    assert before <= 16
