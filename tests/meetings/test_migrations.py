"""Migrations 0003–0005: annexes uploaded before they became documents of the library are kept.

The database is migrated back to before the change, an annex is written the old way (its own
title and file in the public media folder), then migrated forward again, as a deployment
would. Transactional: SQLite cannot change its schema inside the test's transaction."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from documents.models import Document
from documents.pdfmaker import make_pdf
from documents.storage import private_storage
from meetings.models import Annex
from tests.dates import paris

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("meetings", "0002_coordination_permissions")]
MOVED = [("meetings", "0004_annexes_to_documents")]


def migrate(targets):
    """Migrate to `targets` and return the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.fixture
def old_apps():
    apps = migrate(BEFORE)
    yield apps
    migrate(latest())


def old_annex(apps, *, number, title_fr, title_en, content, start=None):
    Meeting = apps.get_model("meetings", "Meeting")
    AgendaItem = apps.get_model("meetings", "AgendaItem")
    Annex = apps.get_model("meetings", "Annex")
    meeting = Meeting.objects.create(
        kind="plenary",
        title="Réunion du Collectif",
        title_fr="Réunion du Collectif",
        start=start or paris(2014, 9, 29, 10),
        status="held",
        visibility="members",
    )
    item = AgendaItem.objects.create(
        meeting=meeting, position=2, title="Point sur les démarches", title_fr="Point"
    )
    annex = Annex(
        agenda_item=item, number=number, title=title_fr, title_fr=title_fr, title_en=title_en
    )
    annex.file.save("constats-justice.pdf", ContentFile(content), save=False)
    annex.save()
    return meeting, item, annex


def test_an_uploaded_annex_becomes_a_members_only_document_with_the_same_file(old_apps, settings):
    content = make_pdf(["Constats et propositions remis au ministère de la Justice."])
    meeting, item, old = old_annex(
        old_apps,
        number=2,
        title_fr="Constats et propositions Justice",
        title_en="Findings and proposals, Justice",
        content=content,
    )
    public_name = old.file.name
    assert (settings.MEDIA_ROOT / public_name).exists()

    migrate(latest())

    annex = Annex.objects.select_related("document").get(pk=old.pk)
    assert (annex.meeting_id, annex.agenda_item_id, annex.number) == (meeting.pk, item.pk, 2)
    document = annex.document
    assert document.kind == Document.Kind.MINUTES_ANNEX
    assert document.visibility == Document.Visibility.MEMBERS
    assert document.title_fr == "Constats et propositions Justice"
    assert document.title_en == "Findings and proposals, Justice"
    assert document.date.isoformat() == "2014-09-29"
    assert document.created_at == old.uploaded_at
    assert document.slug == "annexe-2-constats-et-propositions-justice-2014-09-29"
    assert not document.file_en
    with document.file_fr.open("rb") as handle:
        assert handle.read() == content
    # Kept out of the public media folder from now on, and found by the library's search.
    assert document.file_fr.storage is private_storage
    assert (settings.PRIVATE_MEDIA_ROOT / document.file_fr.name).exists()
    assert not (settings.MEDIA_ROOT / public_name).exists()
    assert "ministère de la Justice" in document.text_fr
    assert list(Document.objects.search("ministere justice")) == [document]


def test_identifiers_stay_unique_and_a_missing_file_is_no_failure(old_apps):
    for start in (paris(2014, 9, 29, 10), paris(2014, 9, 29, 15)):
        old_annex(
            old_apps,
            number=1,
            title_fr="Communiqué",
            title_en=None,
            content=b"%PDF-1.4 not much of a PDF",
            start=start,
        )
    lost = old_apps.get_model("meetings", "Annex").objects.order_by("pk").last()
    lost.file.storage.delete(lost.file.name)

    migrate(latest())

    slugs = sorted(Document.objects.values_list("slug", flat=True))
    assert slugs == ["annexe-1-communique-2014-09-29", "annexe-1-communique-2014-09-29-2"]
    without_file = Annex.objects.get(pk=lost.pk).document
    assert not without_file.file_fr
    assert without_file.title_en in ("", None)


def test_going_back_gives_each_annex_its_title_and_file(old_apps, settings):
    content = make_pdf(["Annexe 3."])
    _meeting, _item, old = old_annex(
        old_apps, number=3, title_fr="Constats Intérieur", title_en="", content=content
    )
    migrate(MOVED)

    apps = migrate([("meetings", "0003_annex_document")])

    back = apps.get_model("meetings", "Annex").objects.get(pk=old.pk)
    assert back.title_fr == "Constats Intérieur"
    with back.file.open("rb") as handle:
        assert handle.read() == content
    assert (settings.MEDIA_ROOT / back.file.name).exists()
    # The document stays in the library.
    assert apps.get_model("documents", "Document").objects.filter(pk=back.document_id).exists()
