"""Hostile input against the whole site: the payloads, and the registry of every public page
with the query parameters it reads, and of every form with its fields.

A new app adds its pages to PAGES and its forms to FORMS (and, if its objects are needed, a
line to the `site` fixture): every test of this folder then runs every payload against them.
"""

import html
from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

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


# --- The site's objects ------------------------------------------------------------------------


@pytest.fixture
def site(make_user, make_organisation, coordinator):
    """One of every object a page shows, and the people who see them."""
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
    return SimpleNamespace(
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


@pytest.fixture
def client_for(client, site):
    """The test client logged in as "anonymous", "representative" or "coordinator"."""

    # A server error is a finding to report with the others, not an exception that stops the
    # test at the first one.
    client.raise_request_exception = False

    def login(who):
        client.logout()
        if who != "anonymous":
            client.force_login(getattr(site, who))
        return client

    return login


# --- The registry: every public page and its query parameters ------------------------------------


@dataclass(frozen=True)
class Page:
    """A page and the query parameters it reads. `echoes`: the parameters it shows back
    (search boxes), which must then appear escaped."""

    name: str
    params: tuple = ()
    kwargs: object = None  # site -> URL kwargs
    user: str = "anonymous"
    echoes: tuple = ()

    def url(self, site, language="fr"):
        with translation.override(language):
            return reverse(self.name, kwargs=self.kwargs(site) if self.kwargs else None)

    def __str__(self):
        return f"{self.name}[{self.user}]"


LIBRARY_PARAMS = ("q", "kind", "body", "level", "theme", "year", "sort", "sorted_for", "page")
NEWS_PARAMS = ("kind", "organisation", "theme", "page")


def _initiative(site):
    return {"slug": site.organisation.slug, "pk": site.initiative.pk}


PAGES = [
    Page("collectif:home"),
    Page("collectif:about"),
    Page("collectif:join"),
    Page("collectif:legal"),
    Page("collectif:privacy"),
    Page("collectif:contact"),
    Page("members:directory", ("theme", "status", "page")),
    Page("members:organisation-detail", kwargs=lambda s: {"slug": s.organisation.slug}),
    Page("documents:library", LIBRARY_PARAMS, echoes=("q",)),
    Page("documents:feed"),
    Page("documents:legal-resource-detail", kwargs=lambda s: {"slug": s.resource.slug}),
    Page("documents:document-list", ("q", "kind", "page"), echoes=("q",)),
    Page("documents:document-list", ("q", "kind", "page"), user="representative", echoes=("q",)),
    Page("documents:document-detail", kwargs=lambda s: {"slug": s.document.slug}),
    Page("documents:document-file", kwargs=lambda s: {"slug": s.document.slug, "language": "fr"}),
    Page("meetings:event-list"),
    Page("meetings:event-detail", kwargs=lambda s: {"pk": s.meeting.pk}),
    Page("meetings:feed"),
    Page("meetings:personal-feed", kwargs=lambda s: {"token": s.calendar_token}),
    Page("portal:login", ("next",)),
    Page("portal:password-reset"),
    Page("portal:password-reset-done"),
    Page("portal:password-change", user="representative"),
    Page("sitemap"),
    Page("healthz"),
    Page("admin:login", ("next",)),
    Page("portal:dashboard", user="representative"),
    Page("meetings-portal:meeting-list", ("kind", "year", "page"), user="representative"),
    Page("meetings-portal:meeting-list", ("kind", "year", "page"), user="coordinator"),
    Page("meetings-portal:action-items", user="representative"),
    Page("meetings-portal:calendar", user="representative"),
    Page(
        "meetings-portal:meeting-detail",
        kwargs=lambda s: {"pk": s.meeting.pk},
        user="representative",
    ),
    Page("news:item-list", NEWS_PARAMS),
    Page("news:feed"),
    Page("news:item-detail", kwargs=lambda s: {"slug": s.news_item.slug}),
    # A representative also sees the drafts of its organisation.
    Page("news:item-detail", kwargs=lambda s: {"slug": s.initiative.slug}, user="representative"),
    Page("news:subscribe"),
    Page("news:subscription-confirm", kwargs=lambda s: {"token": s.confirmation_token}),
    Page("news:unsubscribe", kwargs=lambda s: {"token": s.subscriber.token}),
    Page(
        "news-portal:initiative-list",
        kwargs=lambda s: {"slug": s.organisation.slug},
        user="representative",
    ),
    Page("news-portal:initiative-detail", kwargs=_initiative, user="representative"),
    Page(
        "news-portal:initiative-create",
        kwargs=lambda s: {"slug": s.organisation.slug},
        user="representative",
    ),
    Page("news-portal:initiative-edit", kwargs=_initiative, user="representative"),
]

# Admin change lists searched with ?q= (and their other parameters).
ADMIN_CHANGELISTS = [
    "admin:members_organisation_changelist",
    "admin:meetings_meeting_changelist",
    "admin:documents_legalresource_changelist",
    "admin:collectif_contactmessage_changelist",
    "admin:auth_user_changelist",
]
ADMIN_PARAMS = ("q", "o", "p", "e", "all", "_to_field", "status__exact", "created_at__gte")


# --- The registry: every form ---------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """A form: where it is, who may send it, a valid submission, and the fields where a
    visitor types text or sends a file. `shown_on`: pages that show what it saved."""

    id: str
    name: str
    user: str
    valid: object  # site -> dict of a valid submission
    text_fields: tuple = ()
    file_fields: dict = field(default_factory=dict)  # field -> "image" | "pdf"
    kwargs: object = None  # site -> URL kwargs
    shown_on: tuple = ()  # (url name, site -> kwargs) pairs
    prepare: object = None  # (client, site) -> None, before each submission
    date_fields: tuple = ()  # also fed the dates of EDGE_DATES

    def url(self, site, language="fr"):
        with translation.override(language):
            return reverse(self.name, kwargs=self.kwargs(site) if self.kwargs else None)

    def shown_urls(self, site, language="fr"):
        with translation.override(language):
            return [
                reverse(name, kwargs=kwargs(site) if kwargs else None)
                for name, kwargs in self.shown_on
            ]

    def __str__(self):
        return self.id


def _organisation(site):
    return {"slug": site.organisation.slug}


def reset_link(user, language="fr"):
    """The link of the password reset e-mail."""
    kwargs = {
        "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
        "token": default_token_generator.make_token(user),
    }
    with translation.override(language):
        return reverse("portal:password-reset-confirm", kwargs=kwargs)


def _open_reset_link(client, site):
    # Django keeps the token in the session, then shows the form at a token-less address.
    client.get(reset_link(site.representative))


def _reset_form_kwargs(site):
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(site.representative.pk)),
        "token": "set-password",
    }


PUBLIC_PAGE = ("members:organisation-detail", _organisation)
# Where an initiative shows every field (its list shows the title: the creation form's page).
INITIATIVE_PAGES = (
    ("news-portal:initiative-detail", _initiative),
    ("news:item-detail", lambda s: {"slug": s.initiative.slug}),
)


def _current_version(record):
    """The version the record's page carries now (collectif/locking.py): without it, a
    submission is refused as stale before its fields are even saved."""
    return str(type(record).objects.get(pk=record.pk).version)


def _initiative_data(site):
    return {
        "kind": "event",
        "title_fr": "Colloque de l'ACPE",
        "title_en": "ACPE conference",
        "summary_fr": "La prostitution des mineurs est une forme de traite.",
        "summary_en": "",
        "body_fr": "Programme **à venir**.",
        "body_en": "",
        "link_fr": "https://ccem.example.org/colloque",
        "link_en": "",
        "link_label_fr": "S'inscrire",
        "link_label_en": "",
        "event_start": "2014-10-16T09:00",
        "event_end": "2014-10-16T18:00",
        "event_place": "Paris",
        "image_alt_fr": "",
        "image_alt_en": "",
        "themes": [str(site.theme.pk)],
    }


INITIATIVE_FIELDS = (
    "kind",
    "title_fr",
    "title_en",
    "summary_fr",
    "summary_en",
    "body_fr",
    "body_en",
    "link_fr",
    "link_en",
    "link_label_fr",
    "link_label_en",
    "event_start",
    "event_end",
    "event_place",
    "image_alt_fr",
    "image_alt_en",
    "themes",
    "organisations",
    "remove_image",
)

FORMS = [
    Form(
        "contact",
        "collectif:contact",
        "anonymous",
        lambda s: {
            "name": "Jeanne Martin",
            "email": "jeanne@example.org",
            "organisation": "Presse",
            "subject": "Une question",
            "message": "Bonjour, une question sur le collectif.",
        },
        text_fields=("name", "email", "organisation", "subject", "message", "website"),
    ),
    Form(
        "login",
        "portal:login",
        "anonymous",
        lambda s: {"username": "representative", "password": "wrong password"},
        text_fields=("username", "password"),
    ),
    Form(
        "admin-login",
        "admin:login",
        "anonymous",
        lambda s: {"username": "coordinator", "password": "wrong password", "next": "/admin/"},
        text_fields=("username", "password", "next"),
    ),
    Form(
        "password-reset",
        "portal:password-reset",
        "anonymous",
        lambda s: {"email": "rep@example.org"},
        text_fields=("email",),
    ),
    Form(
        "password-reset-confirm",
        "portal:password-reset-confirm",
        "anonymous",
        lambda s: {"new_password1": "a-new-long-password", "new_password2": "a-new-long-password"},
        text_fields=("new_password1", "new_password2"),
        kwargs=_reset_form_kwargs,
        prepare=_open_reset_link,
    ),
    Form(
        "password-change",
        "portal:password-change",
        "representative",
        lambda s: {
            "old_password": "a-long-test-password",
            "new_password1": "another-long-password",
            "new_password2": "another-long-password",
        },
        text_fields=("old_password", "new_password1", "new_password2"),
    ),
    Form(
        "organisation-edit",
        "portal:organisation-edit",
        "representative",
        lambda s: {
            "description_fr": "Une association.",
            "description_en": "An association.",
            "website_fr": "https://ccem.example.org",
            "website_en": "",
            "network": str(s.network.pk),
            "themes": [str(s.theme.pk)],
        },
        text_fields=("description_fr", "description_en", "website_fr", "website_en", "network"),
        kwargs=_organisation,
        shown_on=(PUBLIC_PAGE, ("portal:organisation-edit", _organisation)),
    ),
    Form(
        "contact-edit",
        "portal:contact-edit",
        "representative",
        lambda s: {
            "contact_first_name": "Jeanne",
            "contact_last_name": "Martin",
            "contact_name_public": "on",
            "contact_role_fr": "Présidente",
            "contact_role_en": "Chair",
            "contact_role_public": "on",
            "contact_email": "jeanne@example.org",
            "contact_email_public": "on",
            "contact_phone": "01 02 03 04 05",
            "contact_address": "1 rue de la Paix, Paris",
            "contact_address_public": "on",
            "confirm": "on",
        },
        text_fields=(
            "contact_first_name",
            "contact_last_name",
            "contact_role_fr",
            "contact_role_en",
            "contact_email",
            "contact_phone",
            "contact_address",
        ),
        kwargs=_organisation,
        shown_on=(PUBLIC_PAGE, ("portal:contact-edit", _organisation)),
    ),
    Form(
        "logo",
        "portal:logo-edit",
        "representative",
        lambda s: {},
        text_fields=("remove",),
        file_fields={"logo": "image"},
        kwargs=_organisation,
        shown_on=(PUBLIC_PAGE,),
    ),
    Form(
        "activity-report",
        "portal:reports",
        "representative",
        lambda s: {"year": "2014", "language": "fr"},
        text_fields=("year", "language"),
        file_fields={"file": "pdf"},
        kwargs=_organisation,
        shown_on=(PUBLIC_PAGE, ("portal:reports", _organisation)),
    ),
    Form(
        "network",
        "portal:network-edit",
        "representative",
        lambda s: {
            "presentation_fr": "Un réseau international.",
            "presentation_en": "An international network.",
            "website": "https://network.example.org",
            "version": _current_version(s.network),
        },
        text_fields=("presentation_fr", "presentation_en", "website"),
        kwargs=_organisation,
        shown_on=(PUBLIC_PAGE, ("portal:network-edit", _organisation)),
    ),
    Form(
        "translations",
        "portal:translations",
        "representative",
        lambda s: {"record0-description": "An association fighting trafficking."},
        text_fields=("record0-description", "record1-presentation"),
        kwargs=_organisation,
        shown_on=(PUBLIC_PAGE, ("portal:translations", _organisation)),
    ),
    Form(
        "action-item-done",
        "meetings-portal:action-item-done",
        "representative",
        lambda s: {"comment": "Envoyé le 3 octobre.", "next": "/fr/espace-membre/"},
        text_fields=("comment", "next"),
        kwargs=lambda s: {"pk": s.action.pk},
        shown_on=(("meetings-portal:action-items", None),),
    ),
    Form(
        "calendar-language",
        "meetings-portal:calendar",
        "representative",
        lambda s: {"language": "en"},
        text_fields=("language",),
        shown_on=(("meetings-portal:calendar", None),),
    ),
    Form(
        "calendar-renew",
        "meetings-portal:calendar-renew",
        "representative",
        lambda s: {},
        text_fields=("anything",),
        shown_on=(("meetings-portal:calendar", None),),
    ),
    Form(
        "report-delete",
        "portal:report-delete",
        "representative",
        lambda s: {},
        text_fields=("anything",),
        kwargs=lambda s: {"slug": s.organisation.slug, "pk": s.report.pk},
    ),
    Form(
        "logout",
        "portal:logout",
        "representative",
        lambda s: {},
        text_fields=("next",),
    ),
    Form(
        "subscribe",
        "news:subscribe",
        "anonymous",
        lambda s: {"email": "lectrice@example.org", "language": "fr"},
        text_fields=("email", "language", "website"),
        shown_on=(("news:subscribe", None),),
    ),
    Form(
        "subscription-confirm",
        "news:subscription-confirm",
        "anonymous",
        lambda s: {},
        text_fields=("anything",),
        kwargs=lambda s: {"token": s.confirmation_token},
    ),
    Form(
        "unsubscribe",
        "news:unsubscribe",
        "anonymous",
        lambda s: {},
        text_fields=("anything",),
        kwargs=lambda s: {"token": s.subscriber.token},
    ),
    Form(
        "initiative-create",
        "news-portal:initiative-create",
        "representative",
        _initiative_data,
        text_fields=INITIATIVE_FIELDS,
        file_fields={"image": "image"},
        kwargs=_organisation,
        shown_on=(("news-portal:initiative-list", _organisation),),
        date_fields=("event_start", "event_end"),
    ),
    Form(
        "initiative-edit",
        "news-portal:initiative-edit",
        "representative",
        lambda s: {**_initiative_data(s), "version": _current_version(s.initiative)},
        text_fields=INITIATIVE_FIELDS,
        file_fields={"image": "image"},
        kwargs=_initiative,
        shown_on=INITIATIVE_PAGES,
        date_fields=("event_start", "event_end"),
    ),
    Form(
        "initiative-submit",
        "news-portal:initiative-submit",
        "representative",
        lambda s: {},
        text_fields=("anything",),
        kwargs=_initiative,
        shown_on=INITIATIVE_PAGES,
    ),
]


def form_ids(forms):
    return [str(form) for form in forms]


TEXT_FORM_FIELDS = [(form, name) for form in FORMS for name in form.text_fields]
FILE_FORM_FIELDS = [(form, name, kind) for form in FORMS for name, kind in form.file_fields.items()]
