"""Meetings, their action items and annexes (the organisations and their representatives:
tests/conftest.py)."""

from datetime import date

import pytest
from django.core.files.base import ContentFile

from documents import services as documents_services
from documents.models import Document
from documents.pdfmaker import make_pdf
from meetings.models import ActionItem, AgendaItem, Annex, Meeting
from tests.dates import paris


@pytest.fixture
def make_meeting(db):
    def make(start=None, *, items=0, **fields):
        fields.setdefault("kind", Meeting.Kind.PLENARY)
        # The French is the source text (modeltranslation's `title=` would follow the active
        # language of the test instead).
        fields["title_fr"] = fields.pop("title", fields.get("title_fr", "Réunion du Collectif"))
        fields.setdefault("title_en", "Meeting of the collective")
        meeting = Meeting.objects.create(start=start or paris(2014, 9, 29, 10), **fields)
        for position in range(1, items + 1):
            AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                title_fr=f"Point {position}",
                minutes_fr=f"Compte-rendu du point {position}.",
            )
        return meeting

    return make


@pytest.fixture
def make_action(db):
    def make(meeting, *, organisations=(), agenda_item=None, **fields):
        agenda_item = (
            agenda_item
            or meeting.agenda_items.first()
            or AgendaItem.objects.create(meeting=meeting, position=1, title="Point")
        )
        fields["text_fr"] = fields.pop("text", "Transmettre le rapport d'activité 2013.")
        action = ActionItem.objects.create(meeting=meeting, agenda_item=agenda_item, **fields)
        action.organisations.set(organisations)
        return action

    return make


@pytest.fixture
def make_annex(db):
    """An annex of an agenda item: a document of the library (members only by default), with a
    French PDF, saved through the documents' service as the admin does."""
    numbers = iter(range(1, 100_000))

    def make(agenda_item, *, number=None, visibility="members", title="Constats et propositions"):
        serial = next(numbers)
        document = Document(
            slug=f"annexe-{serial}",
            title_fr=title,
            kind=Document.Kind.MINUTES_ANNEX,
            date=date(2014, 9, 29),
            visibility=visibility,
        )
        document.file_fr.save(
            f"annexe-{serial}.pdf", ContentFile(make_pdf([f"{title} {serial}"])), save=False
        )
        documents_services.document_save(document=document)
        return Annex.objects.create(
            meeting=agenda_item.meeting,
            agenda_item=agenda_item,
            number=number or serial,
            document=document,
        )

    return make
