from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from practices.importer import ImportFileError, import_rows, read_rows


class Command(BaseCommand):
    help = (
        "Import good practices from a CSV or JSON file. Every row is checked before anything "
        "is written; a file with errors changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report, write nothing."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish instead of saving drafts."
        )

    def handle(self, *args, file, dry_run, publish, **options):
        try:
            rows = read_rows(file)
            report = import_rows(rows, publish=publish, dry_run=dry_run, progress=self.progress)
        except ImportFileError as error:
            raise CommandError(str(error)) from error
        if report.errors:
            for error in report.errors:
                self.stderr.write(str(error))
            raise CommandError(
                _("%(count)s error(s): nothing was imported.") % {"count": len(report.errors)}
            )
        message = (
            _("Would create %(created)s and update %(updated)s practices (dry run).")
            if dry_run
            else _("Created %(created)s and updated %(updated)s practices.")
        )
        self.stdout.write(
            self.style.SUCCESS(message % {"created": report.created, "updated": report.updated})
        )

    def progress(self, done, total):
        if done == total or done % 25 == 0:
            self.stdout.write(_("%(done)s of %(total)s rows") % {"done": done, "total": total})
