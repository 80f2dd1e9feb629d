import uuid
from collections import defaultdict

import django.db.models.deletion
from django.db import migrations, models

RELATIONS = ("Institution", "FocalPoint", "GfmdEngagement")


def key_rows_across_translations(apps, schema_editor):
    """Each row takes its page's locale; the rows at the same place on the translations
    of one country page share a key, so that wagtail-localize pairs them up."""
    for name in RELATIONS:
        model = apps.get_model("exchange", name)
        keys = defaultdict(uuid.uuid4)
        places = defaultdict(int)
        for row in model.objects.select_related("page").order_by("page_id", "sort_order", "pk"):
            place = places[row.page_id]
            places[row.page_id] += 1
            row.translation_key = keys[(row.page.translation_key, place)]
            row.locale_id = row.page.locale_id
            row.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("exchange", "0005_agreement_fields_of_cooperation_by_line"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="institution",
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
            model_name="institution",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="focalpoint",
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
            model_name="focalpoint",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="gfmdengagement",
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
            model_name="gfmdengagement",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(key_rows_across_translations, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="institution",
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
            model_name="institution",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="institution",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterField(
            model_name="focalpoint",
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
            model_name="focalpoint",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="focalpoint",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterField(
            model_name="gfmdengagement",
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
            model_name="gfmdengagement",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="gfmdengagement",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AlterModelOptions(
            name="focalpoint",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "focal point",
                "verbose_name_plural": "focal points",
            },
        ),
        migrations.AlterModelOptions(
            name="gfmdengagement",
            options={
                "ordering": ["year", "sort_order"],
                "verbose_name": "engagement in the GFMD",
                "verbose_name_plural": "engagements in the GFMD",
            },
        ),
        migrations.AlterModelOptions(
            name="institution",
            options={
                "ordering": ["sort_order"],
                "verbose_name": "institution",
                "verbose_name_plural": "institutions",
            },
        ),
    ]
