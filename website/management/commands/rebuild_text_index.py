import time

from django.core.management.base import BaseCommand, CommandError

from website.search_index import KINDS, SearchTerm, rebuild


class Command(BaseCommand):
    help = (
        "Rebuild the site's search index (practices, events, countries, pages, documents) "
        "from what is published; safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("kinds", nargs="*", help=f"some of {', '.join(KINDS)}; all if none")
        parser.add_argument(
            "--if-empty", action="store_true", help="only if nothing is indexed yet"
        )

    def handle(self, *args, kinds, if_empty, **options):
        if if_empty and SearchTerm.objects.exists():
            return
        unknown = set(kinds) - set(KINDS)
        if unknown:
            raise CommandError(f"Unknown kinds: {', '.join(sorted(unknown))}")
        started = time.perf_counter()
        count = rebuild(kinds or KINDS)
        elapsed = time.perf_counter() - started
        self.stdout.write(f"Indexed {count} objects in {elapsed:.1f} s.")
