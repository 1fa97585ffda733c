"""The library's new search index, built for the texts already there; on PostgreSQL, pg_trgm
and a trigram index on the vocabulary for « did you mean » (see documents/suggest.py)."""

from django.db import migrations

from documents import indexing

TRIGRAM_INDEX = "documents_searchword_trgm"


def trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        cursor.execute(
            f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON documents_searchword "
            "USING gin (word gin_trgm_ops)"
        )


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


def build_index(apps, schema_editor):
    LegalResource = apps.get_model("documents", "LegalResource")
    Document = apps.get_model("documents", "Document")
    resources = LegalResource._base_manager.prefetch_related("references").order_by("pk")
    indexing.reindex(
        resources,
        apps.get_model("documents", "LegalResourceTerm"),
        apps.get_model("documents", "SearchWord"),
        parts_of=indexing.legal_resource_parts,
    )
    indexing.reindex(
        Document._base_manager.order_by("pk"),
        apps.get_model("documents", "DocumentTerm"),
        parts_of=indexing.document_parts,
    )


class Migration(migrations.Migration):
    # After meetings' 0004 (through 0006): the annexes moved into documents there are
    # indexed here.
    dependencies = [("documents", "0006_library_references_dates_index")]

    operations = [
        migrations.RunPython(trigram_index, drop_trigram_index),
        migrations.RunPython(build_index, migrations.RunPython.noop),
    ]
