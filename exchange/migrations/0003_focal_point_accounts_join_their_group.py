"""Accounts already named on a country page's focal point join the Focal points group,
as naming them does from now on (exchange/focal_points.py). website/bootstrap.py gives
the group its permissions after the migration."""

from django.db import migrations

FOCAL_POINTS = "Focal points"


def join(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    FocalPoint = apps.get_model("exchange", "FocalPoint")
    named = FocalPoint.objects.exclude(user=None).values_list("user_id", flat=True)
    group, _created = Group.objects.get_or_create(name=FOCAL_POINTS)
    group.user_set.add(*set(named))


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("exchange", "0002_request_retention"),
    ]

    operations = [migrations.RunPython(join, migrations.RunPython.noop)]
