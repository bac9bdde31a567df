"""``Theme`` now lives in ``core`` (state only: the ``chantiers_theme`` table stays)."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("chantiers", "0003_translatable_milestones"),
        ("core", "0001_initial"),
        ("news", "0005_themes_from_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="roadmappage",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="core.theme", verbose_name="themes"
                    ),
                ),
                migrations.DeleteModel(name="Theme"),
            ],
            database_operations=[],
        ),
    ]
