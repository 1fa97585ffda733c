from django.db import migrations

# On SQLite the collation is a function registered on each connection (collectif/collation.py).
# ICU's French comparing base letters only (strength 1): case and accents ignored.
CREATE = (
    "CREATE COLLATION IF NOT EXISTS french "
    "(provider = icu, locale = 'fr-u-ks-level1', deterministic = false)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP COLLATION IF EXISTS french")


class Migration(migrations.Migration):
    dependencies = [("collectif", "0009_remindersent")]

    operations = [migrations.RunPython(create, drop)]
