"""The compte-rendu as a PDF: parsed back (letterhead, date and place, numbered sections,
« À suivre », participants by organisation, page numbers), who downloads it, the minutes
e-mail's attachment, and the server without WeasyPrint's libraries."""

import io
import logging
import os
import re
import sys
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from collectif import trash
from meetings import pdf, selectors, services
from meetings.models import Attendance, Meeting
from tests.dates import paris
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db

LETTERHEAD = "« Ensemble contre la traite des êtres humains »"

# Like the browser tests without Chromium: skipped without WeasyPrint's system libraries,
# except under CI, which installs them.
needs_weasyprint = pytest.mark.skipif(
    not pdf.available() and os.environ.get("CI", "").lower() != "true",
    reason="WeasyPrint cannot load Pango (apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
    "libharfbuzz-subset0 fonts-dejavu-core)",
)


def pdf_url(meeting, language="fr"):
    with translation.override(language):
        return reverse("meetings-portal:meeting-pdf", kwargs={"pk": meeting.pk})


def pages_of(content):
    """The text of each page, its white space (line breaks, PDF spacing) made single spaces."""
    assert content.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(content))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


@pytest.fixture
def demo(db):
    load_demo()
    return Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")


@pytest.fixture
def demo_client(client, demo):
    client.force_login(get_user_model().objects.get(username="demo-member"))
    return client


class NoPango:
    """An import finder that fails as WeasyPrint's import does when Pango is missing."""

    def find_spec(self, name, path=None, target=None):
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0': No such file or directory")


@pytest.fixture(params=["no package", "no Pango"])
def without_weasyprint(request, monkeypatch):
    """A server without WeasyPrint (`import weasyprint` raises ImportError: None in
    sys.modules does that) or without its system libraries (the import raises OSError)."""
    if request.param == "no package":
        monkeypatch.setitem(sys.modules, "weasyprint", None)
    else:
        monkeypatch.delitem(sys.modules, "weasyprint", raising=False)
        monkeypatch.setattr(sys, "meta_path", [NoPango(), *sys.meta_path])
    monkeypatch.setitem(pdf._logged, "missing", False)


@pytest.fixture
def short_meeting(make_meeting, make_action, ccem, hors_la_rue):
    meeting = make_meeting(
        items=2,
        end=paris(2014, 9, 29, 12, 30),
        place_name="Secours Catholique",
        place_address="106 rue du Bac, 75007 Paris",
        minutes_dated=date(2014, 10, 6),
        signed_by="Geneviève Colas et Constance Mazard",
    )
    make_action(meeting, organisations=[ccem], text="Transmettre le rapport d'activité 2013.")
    for organisation, person in [(ccem, "Bénédicte Bourgeois"), (hors_la_rue, "Bénédicte Cabrol")]:
        Attendance.objects.create(meeting=meeting, organisation=organisation, person=person)
    return meeting


# --- The document -----------------------------------------------------------------------------


@needs_weasyprint
def test_demo_compte_rendu_as_a_pdf_reads_like_the_seed(demo_client, demo):
    response = demo_client.get(pdf_url(demo))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="compte-rendu-2014-09-29.pdf"'
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]
    pages = pages_of(response.content)
    text = " ".join(pages)

    # Letterhead and page numbers on every page; the footer names the meeting.
    assert 2 <= len(pages) <= 8
    for number, page in enumerate(pages, start=1):
        assert LETTERHEAD in page
        assert f"page {number} / {len(pages)}" in page
        assert "Compte-rendu — Réunion du Collectif, 29 septembre 2014" in page

    # Date and place of writing, the meeting's date and times, the objects, next meetings.
    assert "RÉUNION DU COLLECTIF 29 SEPTEMBRE 2014" in pages[0]
    assert "Paris, le 6 octobre 2014" in pages[0]
    assert "lundi 29 septembre 2014" in pages[0]
    assert "OBJET DE LA RENCONTRE" in pages[0]
    assert "PROCHAINES RENCONTRES DU COLLECTIF" in text
    assert "4 boulevard de la Villette" in text

    # Every section, numbered, in order.
    titles = list(demo.agenda_items.order_by("position").values_list("title_fr", flat=True))
    assert len(titles) == 9
    positions = [text.index(f"{n}/ {title.upper()}") for n, title in enumerate(titles, start=1)]
    assert positions == sorted(positions)

    # « À suivre »: one block per section with action items, each item with its owners.
    with_actions = demo.agenda_items.filter(action_items__isnull=False).distinct().count()
    assert text.count("À suivre") == with_actions
    assert text.count("Pour :") == demo.action_items.count() == 10
    assert re.search(r"Bénédicte Bourgeois transmettra le document .{0,250}Pour : CCEM", text)
    assert "Pour : la coordination" in text

    # Participants by organisation, those who came later last, then the signature.
    participants = text[text.index("PARTICIPANTS") :]
    assert "ACPE et COFRADE" in participants
    assert re.search(r"ACPE et COFRADE\W+Raffaella Tatangelo", participants)
    assert re.search(r"CCEM\W+Bénédicte Bourgeois", participants)
    assert participants.index("Secours Catholique") < participants.index("SOS Esclaves")
    assert "à partir de 11h30" in participants
    assert participants.index("Geneviève Colas et Constance Mazard Pour le Collectif") > (
        participants.index("SOS Esclaves")
    )


@needs_weasyprint
def test_a_short_meeting_fits_on_one_page_with_its_place(client, coordinator, short_meeting):
    client.force_login(coordinator)
    pages = pages_of(client.get(pdf_url(short_meeting)).content)
    assert len(pages) == 1
    (page,) = pages
    assert "page 1 / 1" in page
    assert "Secours Catholique, 106 rue du Bac, 75007 Paris" in page
    assert "1/ POINT 1" in page
    assert "2/ POINT 2" in page
    assert "Transmettre le rapport d'activité 2013. Pour : CCEM" in page
    assert "Hors la Rue" in page


@needs_weasyprint
def test_the_pdf_follows_the_pages_language(representative_client, short_meeting):
    response = representative_client.get(pdf_url(short_meeting, "en"))
    assert response["Content-Disposition"] == 'attachment; filename="minutes-2014-09-29.pdf"'
    (page,) = pages_of(response.content)
    assert "Minutes — Meeting of the collective, 29 September 2014" in page
    assert "To follow up" in page
    assert "For: CCEM" in page
    assert "page 1 / 1" in page
    assert PdfReader(io.BytesIO(response.content)).metadata.title.startswith("Minutes")


@needs_weasyprint
def test_a_restricted_action_item_stays_out_of_other_organisations_pdf(
    client, short_meeting, make_action, ccem, other_representative
):
    make_action(short_meeting, organisations=[ccem], text="Relancer le cabinet.", restricted=True)
    client.force_login(other_representative)
    (page,) = pages_of(client.get(pdf_url(short_meeting)).content)
    assert "Transmettre le rapport" in page
    assert "Relancer le cabinet" not in page


@needs_weasyprint
def test_the_document_loads_nothing_from_another_host_nor_outside_static_and_media(settings):
    weasyprint = pdf._weasyprint()
    fetcher = pdf._make_fetcher(weasyprint)
    logo = pdf._static_path(pdf.LOGO)
    assert fetcher.fetch(logo.as_uri()).read().startswith(b"<svg")
    for url in [
        "http://example.org/tracker.png",
        "https://fonts.googleapis.com/css?family=Roboto",
        "file:///etc/passwd",
        "file://example.org/static/images/logo.svg",
        (logo.parent / ".." / ".." / "pyproject.toml").as_uri(),
    ]:
        with pytest.raises(ValueError, match="Not loaded"):
            fetcher.fetch(url)


@needs_weasyprint
def test_an_image_of_another_host_in_the_minutes_is_not_fetched(
    client, coordinator, short_meeting, monkeypatch
):
    item = short_meeting.agenda_items.first()
    item.minutes_fr = "Voir ![le schéma](http://example.org/schema.png) ci-dessous."
    item.save()

    def refuse(*args, **kwargs):
        raise AssertionError("the PDF went to the network")

    monkeypatch.setattr("urllib.request.OpenerDirector.open", refuse)
    client.force_login(coordinator)
    response = client.get(pdf_url(short_meeting))
    assert response.status_code == 200
    assert "ci-dessous" in pages_of(response.content)[0]


# --- Who downloads it -------------------------------------------------------------------------


def test_anonymous_visitor_is_sent_to_login(client, short_meeting):
    response = client.get(pdf_url(short_meeting))
    assert response.status_code == 302
    assert "/fr/espace-membre/" in response.url


def test_user_without_organisation_is_refused(client, make_user, short_meeting):
    client.force_login(make_user("nobody"))
    response = client.get(pdf_url(short_meeting))
    assert response.status_code == 403
    assert "réservés aux représentants" in response.content.decode()


def test_former_members_representative_is_refused(
    client, make_user, make_organisation, short_meeting
):
    user = make_user("former")
    make_organisation("Ancienne association", status="former").representatives.add(user)
    client.force_login(user)
    assert client.get(pdf_url(short_meeting)).status_code == 403


@needs_weasyprint
@pytest.mark.parametrize("who", ["member", "observer", "coordinator"])
def test_readers_of_the_minutes_download_them(client, make_user, sos_esclaves, who, request):
    meeting = request.getfixturevalue("short_meeting")
    if who == "member":
        user = request.getfixturevalue("representative")
    elif who == "observer":
        user = make_user("observer")
        sos_esclaves.representatives.add(user)
    else:
        user = request.getfixturevalue("coordinator")
    client.force_login(user)
    assert client.get(meeting.get_absolute_url()).status_code == 200
    response = client.get(pdf_url(meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_unknown_or_trashed_meeting_is_404(representative_client, short_meeting, coordinator):
    assert representative_client.get(pdf_url(Meeting(pk=999_999))).status_code == 404
    trash.move_to_trash(instance=short_meeting, by=coordinator)
    assert representative_client.get(pdf_url(short_meeting)).status_code == 404


@needs_weasyprint
def test_the_compte_rendu_page_links_its_pdf(representative_client, short_meeting):
    content = representative_client.get(short_meeting.get_absolute_url()).content.decode()
    assert f'href="{pdf_url(short_meeting)}" type="application/pdf" download' in content
    assert "Télécharger le compte-rendu (PDF, A4)" in content


@needs_weasyprint
def test_the_download_costs_the_same_queries_with_10_and_200_items_and_participants(
    representative_client, make_meeting, make_action, ccem, hors_la_rue, django_assert_num_queries
):
    def meeting_with(count):
        meeting = make_meeting(items=1)
        item = meeting.agenda_items.get()
        for n in range(count):
            make_action(meeting, agenda_item=item, organisations=[ccem, hors_la_rue], text=f"A{n}")
            Attendance.objects.create(
                meeting=meeting, organisation=ccem if n % 2 else hors_la_rue, person=f"P{n}"
            )
        return meeting

    small, large = meeting_with(10), meeting_with(200)
    with CaptureQueriesContext(connection) as small_queries:
        assert representative_client.get(pdf_url(small)).status_code == 200
    with django_assert_num_queries(len(small_queries)):
        response = representative_client.get(pdf_url(large))
    text = " ".join(pages_of(response.content))
    assert text.count("Pour : CCEM, Hors la Rue") == 200
    assert "P199" in text


# --- The minutes e-mail -----------------------------------------------------------------------


@needs_weasyprint
def test_the_minutes_email_carries_the_same_pdf_in_each_recipients_language(
    short_meeting,
    representative,
    other_representative,
    coordinator,
    django_capture_on_commit_callbacks,
):
    services.reader_set_language(user=other_representative, language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_send_minutes(meeting=short_meeting, by=coordinator)
    by_address = {message.to[0]: message for message in mail.outbox}
    assert "Il est joint à ce message en PDF" in by_address["rep@ccem.example.org"].body
    assert "attached to this message as a PDF" in by_address["rep@horslarue.example.org"].body
    for address, name, words in [
        ("rep@ccem.example.org", "compte-rendu-2014-09-29.pdf", "À suivre"),
        ("rep@horslarue.example.org", "minutes-2014-09-29.pdf", "To follow up"),
    ]:
        message = by_address[address]
        assert len(message.attachments) == 1
        filename, content, mimetype = message.attachments[0]
        assert (filename, mimetype) == (name, "application/pdf")
        (page,) = pages_of(content)
        assert words in page
        assert "Transmettre le rapport d'activité 2013." in page
    # The French one is the member area's download, byte for byte (the same function).
    client_pdf = pdf.render(
        selectors.minutes_for(short_meeting, reader=selectors.Reader.of(representative)),
        language="fr",
    )
    assert by_address["rep@ccem.example.org"].attachments[0][1] == client_pdf


# --- Without WeasyPrint's system libraries ----------------------------------------------------


def test_without_weasyprint_the_page_says_the_pdf_is_unavailable(
    representative_client, short_meeting, without_weasyprint
):
    assert not pdf.available()
    content = representative_client.get(short_meeting.get_absolute_url()).content.decode()
    assert pdf_url(short_meeting) not in content
    assert re.search("Le PDF du compte-rendu n[’']est pas disponible sur ce serveur", content)


def test_without_weasyprint_the_download_answers_a_clear_page(
    representative_client, short_meeting, without_weasyprint
):
    response = representative_client.get(pdf_url(short_meeting))
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    content = response.content.decode()
    assert re.search("Le PDF du compte-rendu n[’']est pas disponible", content)
    assert short_meeting.get_absolute_url() in content


def test_without_weasyprint_the_email_goes_without_attachment_and_says_so_in_the_log(
    short_meeting,
    representative,
    coordinator,
    without_weasyprint,
    caplog,
    django_capture_on_commit_callbacks,
):
    with (
        caplog.at_level(logging.WARNING, logger="meetings"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.meeting_send_minutes(meeting=short_meeting, by=coordinator)
    (message,) = mail.outbox
    assert message.attachments == []
    assert "PDF" not in message.body
    assert "Transmettre le rapport" in message.body
    messages = [record.getMessage() for record in caplog.records]
    assert any("without their PDF" in message for message in messages)
    assert any(message.startswith("The compte-rendu PDF is unavailable") for message in messages)


@needs_weasyprint
def test_a_change_in_the_minutes_changes_the_document(client, coordinator, short_meeting):
    """The cache keys on the document's content: a change in the minutes is never hidden by a
    copy made before it."""
    client.force_login(coordinator)
    before = client.get(pdf_url(short_meeting)).content
    item = short_meeting.agenda_items.first()
    item.minutes_fr = "Un texte corrigé."
    item.save()
    after = client.get(pdf_url(short_meeting)).content
    assert before != after
    assert "Un texte corrigé." in pages_of(after)[0]
