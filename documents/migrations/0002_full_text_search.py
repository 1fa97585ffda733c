"""PostgreSQL full-text search: the unaccent extension, French and English configurations that
ignore accents, and GIN indexes on the stored vectors. Nothing to do on other databases (the
portable search reads the folded copies; see documents/search.py)."""

from django.db import migrations

CONFIGURATIONS = {"french_unaccent": "french", "english_unaccent": "english"}
INDEXES = {
    "documents_legalresource_search_gin": "documents_legalresource",
    "documents_document_search_gin": "documents_document",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        for name, base in CONFIGURATIONS.items():
            cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} ( COPY = {base} )")
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {name} "
                    f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {base}_stem"
                )
        for index, table in INDEXES.items():
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {index} ON {table} USING gin (search_vector)"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        for index in INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {index}")
        for name in CONFIGURATIONS:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
