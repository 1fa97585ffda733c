"""The hostile-input suite's catalogue: the payloads, the checks of the answers, the sample
objects, and the pages and forms every test runs them against.

The pages and forms are not listed here: each app registers its own in its contributions.py
(`registry.hostile_pages`, `registry.hostile_forms`, entries of collectif/hostile.py), and a
test of test_url_walk.py fails for a page of the site left out.
"""

import html
from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from ballots import services as ballots_services
from ballots.models import Ballot
from collectif import registry
from collectif.hostile import password_reset_kwargs
from collectif.models import Theme
from documents import services as documents_services
from documents.models import Document, IssuingBody, LegalResource
from documents.pdfmaker import make_pdf
from meetings import services as meetings_services
from meetings.models import ActionItem, AgendaItem, Meeting
from members import services as members_services
from news import newsletter
from news import services as news_services
from news.models import NewsItem

PARIS = ZoneInfo("Europe/Paris")

# --- Payloads ----------------------------------------------------------------------------------

# Markup that would run if shown unescaped. Each is unique, so finding it raw in a page means
# it was not escaped.
XSS = [
    "<script>alert('xss-script')</script>",
    '"><img src=x onerror=alert("xss-img")>',
    "' onmouseover='alert(`xss-attr`)' x='",
    "</textarea><svg onload=alert('xss-svg')>",
]
SQL = [
    "zzz' OR '1'='1",
    '"; DROP TABLE members_organisation; --',
    "%' UNION SELECT username, password FROM auth_user --",
    "\\'; SELECT pg_sleep(5); --",
]
NUL = "a\x00b"
# Line breaks where one line is expected: a header injection if it reaches a mail header.
CRLF = "x\r\nBcc: victim@example.org\r\n\r\nbody"
ONE_MB = "x" * (1024 * 1024)
# The longest value an address may carry (query strings stop at 8 kB: 414 beyond).
LONG = "x" * 7000
# Odd but valid text: a right-to-left override, the astral plane, quotes and wildcards.
STRANGE = ["\u202egnp.exe", "😀" * 50, "'\"\\%_"]
TEXT_PAYLOADS = [*XSS, *SQL, NUL, CRLF, *STRANGE]
# One value that is all of them at once, for form fields: if the field keeps it, the pages
# that show it must escape it.
FORM_MARKUP = ["<script>alert('xss-form')</script>", "<img src=x onerror=alert(2)>"]
FORM_PAYLOAD = f"x'\">{FORM_MARKUP[0]}{FORM_MARKUP[1]} OR '1'='1 --"
MARKUP = [*XSS, *FORM_MARKUP]
# Query-string values already percent-encoded: bytes that are not UTF-8, a NUL, overlong forms.
RAW_QUERY_VALUES = ["%ff%fe", "%00", "%c0%af", "%ed%a0%80", "%25%00%ff", "%"]
# Dates no calendar widget sends: the edges of what Python and the database hold (year 1 at
# midnight, Paris time, is year 0 in UTC), impossible days, the hours that daylight saving
# time skips or repeats in Paris.
EDGE_DATES = [
    "0001-01-01T00:00",
    "0001-01-01",
    "9999-12-31T23:59",
    "10000-01-01T00:00",
    "0000-00-00T00:00",
    "-2014-10-16T09:00",
    "2014-02-30T10:00",
    "2014-10-16T24:00",
    "2014-03-30T02:30",
    "2014-10-26T02:30",
]

# What hypothesis generates for query parameters and form fields: any text (NUL, control
# characters, any script), mixed with the hand-written payloads.
hostile_text = st.one_of(st.text(max_size=300), st.sampled_from(TEXT_PAYLOADS))


def markup_in(*values):
    """Generated values that must not show raw: those with a tag long enough that no page
    could contain it by chance."""
    return [v for v in values if isinstance(v, str) and "<" in v and len(v) >= 12]


# Modest, so that the hostile suite stays well under a minute; no example database (the
# suite must behave the same on every machine).
HYPOTHESIS = settings(
    max_examples=12,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def escaped(payload):
    return html.escape(payload)


ANSWERS = (200, 301, 302, 400, 403, 404, 405, 413, 414)


def raw_markup(response, payloads=MARKUP):
    """The payloads that show raw in an HTML answer (escaped, they are harmless)."""
    if response.streaming or not response.get("Content-Type", "").startswith("text/html"):
        return []
    page = response.content.decode("utf-8", errors="replace")
    return [payload for payload in payloads if payload in page]


class Findings(list):
    """What went wrong across many requests, reported together at the end of a test."""

    def check(self, response, *, what="", payloads=MARKUP, allowed=ANSWERS):
        request = response.request
        where = f"{request['REQUEST_METHOD']} {request['PATH_INFO']} {what}".strip()
        if response.status_code not in allowed:
            self.append(f"{response.status_code} for {where}"[:300])
        for payload in raw_markup(response, payloads):
            self.append(f"unescaped {payload!r} in {where}"[:300])
        return response

    def assert_none(self):
        assert not self, f"{len(self)} problems:\n" + "\n".join(self[:40])


# --- The sample objects ------------------------------------------------------------------------


def sample_objects(make_user, make_organisation, coordinator):
    """One of every object a page shows, and the people who see them: the namespace the
    entries' callables take (collectif/hostile.py lists its attributes)."""
    theme = Theme.objects.order_by("pk").first()
    organisation = make_organisation("Comité contre l'esclavage moderne", slug="ccem")
    organisation.themes.add(theme)
    network = members_services.organisation_create_network(
        organisation=organisation, by=coordinator, name="Réseau Alpha", presentation_fr="Réseau."
    )
    representative = make_user("representative", email="rep@example.org")
    organisation.representatives.add(representative)
    report = members_services.activity_report_add(
        organisation=organisation,
        year=2013,
        language="fr",
        file=pdf_file(),
        by=representative,
    )
    resource = documents_services.legal_resource_save(
        resource=LegalResource(
            slug="convention-de-varsovie",
            title_fr="Convention de Varsovie",
            title_en="Warsaw Convention",
            summary_fr="Lutte contre la traite des êtres humains.",
            kind=LegalResource.Kind.CONVENTION,
            level=LegalResource.Level.EUROPEAN,
            body=IssuingBody.objects.order_by("pk").first(),
            date=date(2005, 5, 16),
            is_published=True,
        )
    )
    document = documents_services.document_save(
        document=Document(
            slug="communique-de-lancement",
            title_fr="Communiqué de lancement",
            kind=Document.Kind.COMMUNIQUE,
            date=date(2014, 10, 1),
            visibility=Document.Visibility.PUBLIC,
            file_fr=pdf_file("communique.pdf"),
        )
    )
    meeting = Meeting.objects.create(
        kind=Meeting.Kind.PLENARY,
        title_fr="Réunion du Collectif",
        title_en="Meeting of the collective",
        start=datetime(2014, 9, 29, 10, tzinfo=PARIS),
        visibility=Meeting.Visibility.PUBLIC,
    )
    item = AgendaItem.objects.create(meeting=meeting, position=1, title_fr="Point")
    action = ActionItem.objects.create(
        meeting=meeting, agenda_item=item, text_fr="Transmettre le rapport d'activité 2013."
    )
    action.organisations.set([organisation])
    calendar = meetings_services.calendar_feed_renew(user=representative)
    news_item = news_services.news_item_create(
        by=coordinator,
        kind=NewsItem.Kind.COMMUNIQUE,
        title_fr="Lancement du collectif",
        title_en="Launch of the collective",
        summary_fr="Le collectif est lancé.",
        body_fr="Le **collectif** réunit des associations.",
        themes=[theme],
        organisations=[organisation],
    )
    news_services.news_publish(item=news_item, by=coordinator, notify=False)
    initiative = news_services.news_item_create(
        by=representative,
        proposer=organisation,
        kind=NewsItem.Kind.PETITION,
        title_fr="Déclaration des Balkans",
        summary_fr="Une déclaration contre la traite à signer.",
        body_fr="Le **CCEM** propose de signer.",
        themes=[theme],
    )
    subscriber = newsletter.subscriber_subscribe(email="lecteur@example.org", language="fr")
    other_organisation = make_organisation("Hors la Rue", slug="hors-la-rue")
    now = timezone.now()
    ballot = ballots_services.ballot_create(
        by=coordinator,
        kind=Ballot.Kind.TEXT,
        document=document,
        question="Adoptez-vous le communiqué ?",
        question_fr="Adoptez-vous le communiqué ?",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=7),
        is_secret=True,
    )
    return SimpleNamespace(
        other_organisation=other_organisation,
        ballot=ballot,
        calendar_token=calendar.calendar_token,
        theme=theme,
        organisation=organisation,
        network=network,
        representative=representative,
        coordinator=coordinator,
        report=report,
        resource=resource,
        document=document,
        meeting=meeting,
        action=action,
        news_item=news_item,
        initiative=initiative,
        subscriber=subscriber,
        confirmation_token=newsletter.confirmation_token(subscriber),
    )


def pdf_file(name="rapport.pdf"):
    return SimpleUploadedFile(name, make_pdf(["Rapport."]), content_type="application/pdf")


# --- The pages and forms of the site -------------------------------------------------------------

PAGES = list(registry.hostile_pages)
FORMS = list(registry.hostile_forms)
FORMS_BY_ID = {entry.id: entry for entry in FORMS}
FILE_FORM_FIELDS = [
    (entry, name, kind) for entry in FORMS for name, kind in entry.file_fields.items()
]

# Admin change lists searched with ?q= (and their other parameters). The admin is not in the
# registry: its pages come from Django, and test_admin.py and test_url_walk.py cover them.
ADMIN_CHANGELISTS = [
    "admin:members_organisation_changelist",
    "admin:meetings_meeting_changelist",
    "admin:documents_legalresource_changelist",
    "admin:collectif_contactmessage_changelist",
    "admin:auth_user_changelist",
]
ADMIN_PARAMS = ("q", "o", "p", "e", "all", "_to_field", "status__exact", "created_at__gte")


def reset_link(user, language="fr"):
    """The link of the password reset e-mail."""
    with translation.override(language):
        return reverse("portal:password-reset-confirm", kwargs=password_reset_kwargs(user))
