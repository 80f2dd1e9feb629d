from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo content and `manage.py seed_demo`, on top of every other app."""

    name = "demo"
    verbose_name = _("Demo content")
