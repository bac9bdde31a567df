"""An index on Wagtail's page ``(depth, path)``, for the children of a page.

Treebeard reads a page's children as "path within the parent's range, at depth + 1":
with only the path indexed, PostgreSQL walks every descendant to keep the children
(46 ms for the home page's sections at 100,000 pages); with both columns, only the
children are read. Created by name, as ``0004``.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_page_url_path_index"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_depth_path_idx"
            " ON wagtailcore_page (depth, path)",
            "DROP INDEX IF EXISTS home_page_depth_path_idx",
        )
    ]
