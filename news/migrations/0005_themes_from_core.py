"""News and events link to ``core.Theme`` (moved from ``chantiers``): state only, the
link tables and their foreign keys to ``chantiers_theme`` stay as they are."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("news", "0004_listing_date_indexes"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name=model_name,
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, related_name="+", to="core.theme", verbose_name="themes"
                    ),
                )
                for model_name in ("eventpage", "newspage")
            ],
            database_operations=[],
        ),
    ]
