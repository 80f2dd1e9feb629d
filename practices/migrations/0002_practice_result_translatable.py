import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_each_result_a_key_and_its_page_locale(apps, schema_editor):
    PracticeResult = apps.get_model("practices", "PracticeResult")
    for result in PracticeResult.objects.select_related("page"):
        result.translation_key = uuid.uuid4()
        result.locale_id = result.page.locale_id
        result.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="practiceresult",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="practiceresult",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(
            give_each_result_a_key_and_its_page_locale, migrations.RunPython.noop
        ),
        migrations.AlterField(
            model_name="practiceresult",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="practiceresult",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="practiceresult",
            unique_together={("translation_key", "locale")},
        ),
    ]
