"""One sitemap per locale (/fr/sitemap.xml, ...) and an index of them at /sitemap.xml."""

from django.conf import settings
from django.shortcuts import render
from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap

from .public_url import absolute_url


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

    def get_urls(self, *args, **kwargs):
        # Pages build their sitemap locations on the Site record's or the request's host.
        urls = super().get_urls(*args, **kwargs)
        return [{**url, "location": absolute_url(url["location"])} for url in urls]


def locale_sitemap(request):
    return sitemap(request, sitemaps={"pages": LocaleSitemap})


def sitemap_index(request):
    locations = [absolute_url(f"/{code}/sitemap.xml") for code, _name in settings.LANGUAGES]
    return render(
        request,
        "website/sitemap_index.xml",
        {"locations": locations},
        content_type="application/xml",
    )
