from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExchangeConfig(AppConfig):
    name = "exchange"
    verbose_name = _("Countries, documents and exchange")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import relations, signals  # noqa: F401

        relations.register()
