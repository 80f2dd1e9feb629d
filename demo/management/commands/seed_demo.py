from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import events as events_demo
from demo import exchange as exchange_demo
from demo import practices as practices_demo
from demo import registrations as registrations_demo
from demo import site as site_demo
from demo import synonyms as synonyms_demo
from website.search_updates import search_updates_deferred


class Command(BaseCommand):
    help = "Build the demo site in French with English and Arabic translations (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        with search_updates_deferred():
            home = site_demo.seed(self.stdout)
            practices_demo.seed(home, self.stdout)
            events_demo.seed(home, self.stdout)
            registrations_demo.seed(self.stdout)
            exchange_demo.seed(home, self.stdout)
            synonyms_demo.seed(self.stdout)
        # A database seeded before the site had its own search index gets one.
        call_command("rebuild_text_index", if_empty=True, stdout=self.stdout)
