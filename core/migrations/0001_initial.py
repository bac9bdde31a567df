"""``Theme`` moves from ``chantiers`` to ``core``: state only, its table and rows stay.

The table keeps its name (``chantiers_theme``) and its four rows; the theme content type
(and the permissions that point to it) is relabelled, so nothing that refers to it breaks.
On a fresh database, ``chantiers`` creates and fills the table first.
"""

from django.db import migrations, models


def relabel_content_type(apps, schema_editor, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    if not types.filter(app_label=new, model="theme").exists():
        types.filter(app_label=old, model="theme").update(app_label=new)


def forwards(apps, schema_editor):
    relabel_content_type(apps, schema_editor, "chantiers", "core")


def backwards(apps, schema_editor):
    relabel_content_type(apps, schema_editor, "core", "chantiers")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("chantiers", "0003_translatable_milestones"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        (
                            "code",
                            models.CharField(
                                choices=[
                                    ("training", "Training and awareness of social entrepreneurship"),
                                    ("social_innovation", "Social innovation"),
                                    ("cooperation", "Economic cooperation between social entrepreneurs"),
                                    ("impact", "Impact measurement and evaluation"),
                                ],
                                max_length=32,
                                primary_key=True,
                                serialize=False,
                                verbose_name="code",
                            ),
                        ),
                        (
                            "sort_order",
                            models.PositiveSmallIntegerField(default=0, verbose_name="order"),
                        ),
                    ],
                    options={
                        "verbose_name": "theme",
                        "verbose_name_plural": "themes",
                        "db_table": "chantiers_theme",
                        "ordering": ["sort_order"],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
