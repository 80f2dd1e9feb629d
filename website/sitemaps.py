"""One sitemap per locale (/fr/sitemap.xml, ...) and an index of them at /sitemap.xml."""

from django.conf import settings
from django.shortcuts import render
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap


class LocaleSitemap(Sitemap):
    """Wagtail's sitemap lists the site root's tree, which is the French one only."""

    def items(self):
        root = self.get_wagtail_site().root_page.localized
        return (
            root.get_descendants(inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )


def locale_sitemap(request):
    return sitemap(request, sitemaps={"pages": LocaleSitemap})


def sitemap_index(request):
    locations = [
        request.build_absolute_uri(f"/{code}/sitemap.xml") for code, _name in settings.LANGUAGES
    ]
    return render(
        request,
        "website/sitemap_index.xml",
        {"locations": locations},
        content_type="application/xml",
    )
