"""Rebuild the search index, or refresh one language's part of it.

Without --locale: every index is rebuilt with progress; on Elasticsearch a new index is
filled and the alias swapped to it at the end (ATOMIC_REBUILD), so searches never see an
empty index. With --locale: the pages of that language (and the documents written in
it) are indexed again in place, a chunk at a time, with no rebuild at all.
"""

from modelsearch.backends import get_search_backend
from modelsearch.index import get_indexed_models
from modelsearch.management.commands.rebuild_modelsearch_index import (
    Command as RebuildCommand,
)
from wagtail.models import Locale, Page

from exchange.models import PolicyDocument


class Command(RebuildCommand):
    help = "Rebuild the search index (atomic alias swap on Elasticsearch), or one locale."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--locale", help="Re-index only this language (fr, en, ar).")

    def handle(self, **options):
        code = options.get("locale")
        if not code:
            return super().handle(**options)
        self.verbosity = options["verbosity"]
        locale = Locale.objects.filter(language_code=code).first()
        if locale is None:
            self.stderr.write(f"Unknown locale: {code}")
            return None
        names = [options["backend_name"]] if options["backend_name"] else self.backend_names()
        for name in names:
            self.refresh_locale(get_search_backend(name), name, locale, options["chunk_size"])
        return None

    def backend_names(self):
        from django.conf import settings

        return list(settings.WAGTAILSEARCH_BACKENDS)

    def refresh_locale(self, backend, name, locale, chunk_size):
        for model in get_indexed_models():
            if issubclass(model, Page) and model is not Page and not model._meta.abstract:
                objects = model.get_indexed_objects().filter(locale=locale)
            elif model is PolicyDocument:
                objects = model.get_indexed_objects().filter(language=locale.language_code)
            else:
                continue
            if not objects.exists() or model._meta.proxy:
                continue
            self.write(f"{name}: {locale.language_code} {model._meta.label} ".ljust(40), ending="")
            count = 0
            for chunk in self.print_iter_progress(
                self.queryset_chunks(objects.order_by("pk"), chunk_size)
            ):
                backend.add_bulk(model, chunk)
                count += len(chunk)
            self.print_newline()
            self.write(f"{name}: {locale.language_code} {model._meta.label}: {count} indexed")
