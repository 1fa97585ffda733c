"""Every annex uploaded before annexes became documents of the library becomes a members-only
document of kind « annex of minutes »: the annex's title (both languages), the meeting's day,
a unique identifier, and the same file, moved into the documents' private storage (the
public media folder served it to anyone who knew its address). The annex then links to it.

Backwards: each annex gets its title and a copy of its document's file back in the public
media folder; the documents stay in the library (they may have been edited or linked since).
"""

import logging
import posixpath

from django.core.files import File
from django.db import migrations, transaction
from django.utils import timezone
from django.utils.text import slugify

# Pure helpers (no models): the text of a PDF, and what a file is by its first bytes. The
# search index of the moved annexes is built by documents' migration 0007, which runs after
# this one.
from collectif.uploads import PDF, sniff
from documents.pdftext import extract_text

logger = logging.getLogger(__name__)

SLUG_LENGTH = 120


def slug_base(number, title, day):
    """« annexe-2-constats-et-propositions-2014-09-29 »: the meeting's day tells apart the
    annexes 1 of different meetings."""
    return slugify(f"annexe {number} {title}")[:90].strip("-") + f"-{day:%Y-%m-%d}"


def unique_slug(base, taken):
    base = base[: SLUG_LENGTH - 4].strip("-") or "annexe"
    slug, counter = base, 2
    while slug in taken:
        suffix = f"-{counter}"
        slug = base[: SLUG_LENGTH - len(suffix)].strip("-") + suffix
        counter += 1
    taken.add(slug)
    return slug


def _copy(source, target, name):
    """Copy the stored file `source` into the file field `target`; False if it is missing."""
    try:
        handle = source.open("rb")
    except FileNotFoundError:
        logger.warning("Annex file %s is missing: its document has no file.", source.name)
        return False
    with handle:
        target.save(name, File(handle, name=name), save=False)
    return True


def annexes_to_documents(apps, schema_editor):
    Annex = apps.get_model("meetings", "Annex")
    Document = apps.get_model("documents", "Document")
    taken = set(Document.objects.values_list("slug", flat=True))
    moved = []
    annexes = Annex.objects.filter(document__isnull=True).select_related("agenda_item__meeting")
    for annex in annexes.order_by("pk"):
        meeting = annex.agenda_item.meeting
        day = timezone.localtime(meeting.start).date()
        title_fr = annex.title_fr or annex.title
        title_en = annex.title_en or ""
        document = Document(
            kind="minutes-annex",
            visibility="members",
            date=day,
            slug=unique_slug(slug_base(annex.number, title_fr, day), taken),
            title=title_fr,
            title_fr=title_fr,
            title_en=title_en,
            summary="",
            summary_fr="",
            summary_en="",
        )
        if annex.file and _copy(annex.file, document.file_fr, posixpath.basename(annex.file.name)):
            moved.append(annex.file)
            with document.file_fr.open("rb") as handle:
                document.text_fr = extract_text(handle) if sniff(handle) == PDF else ""
        document.save()
        # In the library since it was uploaded, not since the migration ran.
        Document.objects.filter(pk=document.pk).update(created_at=annex.uploaded_at)
        annex.document = document
        annex.meeting = meeting
        annex.save(update_fields=["document", "meeting"])

    def remove_public_copies():
        for field_file in moved:
            field_file.storage.delete(field_file.name)

    # Only once the documents are committed: a failed migration keeps the originals.
    transaction.on_commit(remove_public_copies, using=schema_editor.connection.alias)


def documents_to_annexes(apps, schema_editor):
    Annex = apps.get_model("meetings", "Annex")
    for annex in Annex.objects.select_related("document").order_by("pk"):
        document = annex.document
        if document is None:
            continue
        annex.title = document.title_fr or document.title
        annex.title_fr = annex.title
        annex.title_en = document.title_en or None
        source = document.file_fr or document.file_en
        if source:
            _copy(source, annex.file, posixpath.basename(source.name))
        annex.save()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0003_annex_document")]

    operations = [migrations.RunPython(annexes_to_documents, documents_to_annexes)]
