"""Markup saved in every text field of every record a page shows (by a member, a coordinator
or an import) is shown escaped everywhere: public pages, member area, feeds, admin."""

import pytest
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation

from collectif.models import Page as SitePage
from meetings.models import Attendance, PersonMet

from .catalogue import FORMS, PAGES, Findings

pytestmark = pytest.mark.django_db

MARK = '"><img src=x onerror=alert("stored")>'
SHORT = "<i>xss</i>"
MACHINE_FIELDS = (models.SlugField, models.EmailField, models.URLField, models.FileField)


def poison(instance, payloads=(MARK, SHORT)):
    """A payload in every free-text column of `instance` (both languages of translated ones):
    the first that fits."""
    values = {}
    for field in instance._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, MACHINE_FIELDS) or field.choices or field.primary_key:
            continue
        fitting = [p for p in payloads if not field.max_length or field.max_length >= len(p)]
        if fitting:
            values[field.attname] = fitting[0]
    type(instance).objects.filter(pk=instance.pk).update(**values)
    return values


def poison_site(site, payloads=(MARK, SHORT)):
    """The payloads in every record a page shows; the names of the fields, per model."""
    meeting = site.meeting
    Attendance.objects.create(meeting=meeting, organisation=site.organisation, person="x")
    PersonMet.objects.create(meeting=meeting, name="x")
    records = [
        site.organisation,
        site.network,
        site.theme,
        site.resource,
        site.resource.body,
        site.document,
        meeting,
        site.action,
        site.action.agenda_item,
        *meeting.attendances.all(),
        *meeting.people_met.all(),
        *SitePage.objects.all(),
        site.news_item,
        site.initiative,
    ]
    poisoned_fields = {
        type(record).__name__: sorted(poison(record, payloads)) for record in records
    }
    # The contact is published, so that it shows.
    type(site.organisation).objects.filter(pk=site.organisation.pk).update(
        contact_confirmed_on=timezone.localdate(), contact_email="contact@example.org"
    )
    return poisoned_fields


@pytest.fixture
def poisoned(site):
    poisoned_fields = poison_site(site)
    site.coordinator.is_superuser = True
    site.coordinator.save()
    return poisoned_fields


def test_every_text_field_was_poisoned(poisoned):
    """The test is not empty: the fields that pages show carry the markup."""
    assert "name" in poisoned["Organisation"]
    assert "description_en" in poisoned["Organisation"]
    assert "contact_last_name" in poisoned["Organisation"]
    assert "title_fr" in poisoned["Meeting"]
    assert "summary_en" in poisoned["LegalResource"]
    assert "body_fr" in poisoned["Page"]
    assert {"title_en", "summary_fr", "body_en", "image_alt_fr"} <= {*poisoned["NewsItem"]}


def test_markup_in_records_is_escaped_on_every_page(client_for, site, poisoned):
    findings = Findings()
    markup = [MARK, SHORT]
    for page in PAGES:
        client = client_for(page.user)
        for language in ("fr", "en"):
            findings.check(client.get(page.url(site, language)), payloads=markup, allowed=(200,))
    client = client_for("representative")
    for form in FORMS:
        if form.user == "representative":
            for language in ("fr", "en"):
                findings.check(client.get(form.url(site, language)), payloads=markup)
    findings.assert_none()


def test_markup_shows_as_text(client, site, poisoned):
    """Escaped, not dropped: the visitor reads what was typed."""
    html = client.get(reverse("members:organisation-detail", kwargs={"slug": "ccem"})).content
    assert "&quot;&gt;&lt;img src=x onerror=alert(&quot;stored&quot;)&gt;" in html.decode()


def test_markup_in_records_is_escaped_in_the_admin(client_for, site, poisoned):
    client = client_for("coordinator")
    findings = Findings()
    markup = [MARK, SHORT]
    pages = [
        reverse("admin:index"),
        reverse("admin:collectif_textneedingtranslation_changelist"),
        reverse("admin:members_organisation_missing"),
        reverse("admin:members_organisation_membership", args=[site.organisation.pk]),
    ]
    for record in [
        site.organisation,
        site.network,
        site.resource,
        site.document,
        site.meeting,
        site.action,
        site.action.agenda_item,
        site.news_item,
    ]:
        meta = record._meta
        pages.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist"))
        pages.append(reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk]))
    pages.append(reverse("admin:members_organisation_history", args=[site.organisation.pk]))
    for url in pages:
        findings.check(client.get(url), payloads=markup, allowed=(200,))
    duplicate = client.post(
        reverse("admin:meetings_meeting_changelist"),
        {"action": "duplicate_for_next_plenary", "_selected_action": [site.meeting.pk]},
    )
    findings.check(duplicate, payloads=markup, allowed=(200,))
    findings.assert_none()


@pytest.mark.parametrize("feed", ["documents:feed", "news:feed"])
def test_markup_in_records_is_escaped_in_the_atom_feeds(client, site, poisoned, feed):
    """Feed readers show HTML: the feeds carry the markup as escaped text. (The calendar
    feed is plain text, where markup is inert.)"""
    for language in ("fr", "en"):
        with translation.override(language):
            url = reverse(feed)
        response = client.get(url)
        assert response.status_code == 200
        assert b"<img src=x" not in response.content
        assert b"<i>xss" not in response.content
        assert b"&lt;img src=x" in response.content


def test_control_characters_in_records_break_no_page(client_for, site):
    """Text pasted from a word processor may carry control characters (a vertical tab for a
    line break) that forms keep: HTML shows them, XML cannot carry them (the Atom feeds)."""
    poison_site(site, payloads=("a\x0bb\x0cc\x01d\x1f", "\x0b"))
    findings = Findings()
    for page in PAGES:
        client = client_for(page.user)
        for language in ("fr", "en"):
            findings.check(client.get(page.url(site, language)), payloads=[], allowed=(200,))
    findings.assert_none()
