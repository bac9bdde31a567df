"""Text search configurations that fold accents and stem, one per language (PostgreSQL only).

The stock ``french`` configuration stems but keeps accents, so "economie" never finds
"économie". Each ``<language>_unaccent`` configuration runs ``unaccent`` then the
language's Snowball stemmer on words; ``simple_unaccent`` folds without stemming, for
autocomplete. On other databases this migration does nothing.
"""

from django.db import migrations

# Languages PostgreSQL has a Snowball stemmer for that the site may be configured with
# (kept in step with search.backends.postgres.TEXT_SEARCH_CONFIGS).
CONFIGS = ["french", "english", "german", "spanish", "italian", "portuguese", "dutch", "arabic", "simple"]
WORD_TOKENS = "word, hword, hword_part, asciiword, asciihword, hword_asciipart"


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name in CONFIGS:
        dictionary = "simple" if name == "simple" else f"{name}_stem"
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}_unaccent")
        schema_editor.execute(
            f"CREATE TEXT SEARCH CONFIGURATION {name}_unaccent (COPY = pg_catalog.{name})"
        )
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name}_unaccent "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {dictionary}"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}_unaccent")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
