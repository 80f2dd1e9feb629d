from django.core.management.base import BaseCommand
from django.db import transaction

from events import demo as events_demo
from exchange import demo as exchange_demo
from practices import demo as practices_demo
from registrations import demo as registrations_demo
from website import demo as site_demo


class Command(BaseCommand):
    help = "Build the demo site in French with English and Arabic translations (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        home = site_demo.seed(self.stdout)
        practices_demo.seed(home, self.stdout)
        events_demo.seed(home, self.stdout)
        registrations_demo.seed(self.stdout)
        exchange_demo.seed(home, self.stdout)
