"""A press kit item becomes translatable (wagtail-localize): a locale and a translation key.

Existing rows take their page's locale and a fresh translation key each, then both
fields become required and unique together, as ``TranslatableMixin`` declares.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def fill_locale_and_key(apps, schema_editor):
    Model = apps.get_model("news", "PressKitItem")
    for obj in Model.objects.select_related("page").iterator():
        obj.locale_id = obj.page.locale_id
        obj.translation_key = uuid.uuid4()
        obj.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0002_imported_feed_entries"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="presskititem",
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="presskititem",
            name="translation_key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill_locale_and_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="presskititem",
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
            model_name="presskititem",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="presskititem",
            unique_together={("translation_key", "locale")},
        ),
    ]
