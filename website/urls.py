from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from . import page_routing
from .sitemaps import locale_sitemap, sitemap_index

handler500 = "website.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path(
        "robots.txt",
        cache_control(max_age=86400)(
            TemplateView.as_view(template_name="robots.txt", content_type="text/plain")
        ),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("sitemap.xml", locale_sitemap, name="locale_sitemap"),
    path("", include("search.urls")),
    path("", include("registrations.urls")),
    path("exchange/", include("exchange.urls")),
    # Wagtail's page serving last (it matches every remaining path), through the kept
    # routes of website/page_routing.py.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, page_routing.serve, name="wagtail_serve"),
)
