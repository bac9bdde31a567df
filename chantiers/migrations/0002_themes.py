from django.db import migrations

THEMES = ["training", "social_innovation", "cooperation", "impact"]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("chantiers", "Theme")
    for order, code in enumerate(THEMES):
        Theme.objects.update_or_create(code=code, defaults={"sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("chantiers", "0001_initial")]

    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
