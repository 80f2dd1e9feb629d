from django.core.management.base import BaseCommand

from website import demo


class Command(BaseCommand):
    help = "Build the demo site in French with English and Arabic translations (idempotent)."

    def handle(self, *args, **options):
        demo.seed(self.stdout)
