from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Website")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import search_signals, signals, workflow_names  # noqa: F401
        from .bootstrap import bootstrap_site
        from .localize import synchronise_page_slugs

        synchronise_page_slugs()

        workflow_names.connect()

        # After every migrate (a fresh site, the test database, a deploy) the locales,
        # editorial groups and moderation workflow exist, whatever ran before.
        post_migrate.connect(bootstrap_site, dispatch_uid="website.bootstrap_site")
