from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from website.listing import searched

        from .search_counts import count_search

        searched.connect(count_search, dispatch_uid="search-counts")
