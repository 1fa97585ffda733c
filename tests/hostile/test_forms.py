"""Every form of the site, fed hostile text in every field: either the text is kept and every
page that shows it escapes it, or the form says what is wrong in the visitor's language.
Never a server error."""

from urllib.parse import urlencode

import pytest
from django.core import mail
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from members.models import InternationalNetwork, Organisation
from news.models import NewsItem

from .catalogue import (
    CRLF,
    EDGE_DATES,
    FORM_PAYLOAD,
    FORMS,
    FORMS_BY_ID,
    HYPOTHESIS,
    NUL,
    ONE_MB,
    Findings,
    hostile_text,
    markup_in,
)

pytestmark = pytest.mark.django_db

TEXT_FORMS = [form for form in FORMS if form.text_fields]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a request leaves for after its transaction (mails are sent then), as in
    production: its failures are the request's."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def submit(client, site, form, data, *, findings, committed, language="fr", payloads=None):
    """Post `data`; if the form kept it, visit the pages that show it."""
    if form.prepare:
        form.prepare(client, site)
    kwargs = {} if payloads is None else {"payloads": payloads}
    with committed():
        response = client.post(form.url(site, language), data)
    findings.check(response, what=str(sorted(data))[:80], **kwargs)
    if response.status_code == 302:
        for url in form.shown_urls(site, language):
            findings.check(client.get(url), **kwargs)
    return response


@pytest.mark.parametrize("form", TEXT_FORMS, ids=str)
def test_hostile_text_in_every_field(client_for, site, form, committed):
    """Markup with SQL, a NUL, line breaks, 1 MB, and bytes that are not UTF-8, one field at a
    time, the others valid."""
    client = client_for(form.user)
    findings = Findings()
    for name in form.text_fields:
        for payload in (FORM_PAYLOAD, NUL, CRLF, ONE_MB):
            data = {**form.data(site), name: payload}
            submit(client, site, form, data, findings=findings, committed=committed)
        valid = {key: value for key, value in form.data(site).items() if key != name}
        body = f"{urlencode(valid, doseq=True)}&{name}=%ff%fe%00%c0%af"
        if form.prepare:
            form.prepare(client, site)
        with committed():
            response = client.post(
                form.url(site), body, content_type="application/x-www-form-urlencoded"
            )
        findings.check(response, what=f"{name}=%ff%fe%00%c0%af")
    findings.assert_none()


@pytest.mark.parametrize("form", TEXT_FORMS, ids=str)
def test_generated_text_in_every_field(client_for, site, form, committed):
    client = client_for(form.user)

    @HYPOTHESIS
    @given(st.fixed_dictionaries({}, optional=dict.fromkeys(form.text_fields, hostile_text)))
    def check(values):
        findings = Findings()
        data = {**form.data(site), **values}
        payloads = markup_in(*values.values())
        submit(client, site, form, data, findings=findings, committed=committed, payloads=payloads)
        findings.assert_none()

    check()


@pytest.mark.parametrize("form", [form for form in FORMS if form.date_fields], ids=str)
def test_dates_at_the_edges_of_the_calendar(client_for, site, form, committed):
    """Each date field alone, then all of them at once (an event that starts and ends on the
    same odd date passes the form's own checks)."""
    client = client_for(form.user)
    findings = Findings()
    for value in EDGE_DATES:
        for names in [*((name,) for name in form.date_fields), form.date_fields]:
            data = {**form.data(site), **dict.fromkeys(names, value)}
            response = submit(client, site, form, data, findings=findings, committed=committed)
            if response.status_code == 200 and 'class="errorlist' not in response.content.decode():
                findings.append(f"no error message for {names} = {value!r}")
    findings.assert_none()


def test_line_breaks_never_reach_a_mail_header(client, site, committed):
    """The subject becomes the mail's: a line break there would add headers (Bcc: …). It is
    refused with the field's message, and nothing is sent."""
    data = {
        **FORMS_BY_ID["contact"].data(site),
        "subject": "Question\r\nBcc: victim@example.org\nX: y",
    }
    with committed():
        response = client.post("/fr/contact/", data)
    assert response.status_code == 200
    assert "une seule ligne" in response.content.decode()
    assert mail.outbox == []


def test_null_character_is_refused_in_the_visitors_language(client, site):
    data = {**FORMS_BY_ID["contact"].data(site), "subject": NUL}
    french = client.post("/fr/contact/", data)
    english = client.post("/en/contact/", data)
    assert french.status_code == english.status_code == 200
    assert "Le caractère nul n’est pas autorisé." in french.content.decode()
    assert "Null characters are not allowed." in english.content.decode()


def test_too_long_text_is_refused_in_the_visitors_language(client, site):
    data = {**FORMS_BY_ID["contact"].data(site), "message": ONE_MB}
    french = client.post("/fr/contact/", data).content.decode()
    english = client.post("/en/contact/", data).content.decode()
    assert "au plus 5000 caractères" in french
    assert "at most 5000 characters" in english
    # What was typed comes back in the form (shortened by nothing, lost by nothing).
    assert "Jeanne Martin" in french


@pytest.mark.parametrize(
    ("form_id", "field"),
    [
        ("organisation-edit", "description_fr"),
        ("organisation-edit", "description_en"),
        ("contact-edit", "contact_address"),
        ("network", "presentation_fr"),
        ("translations", "record0-description"),
        ("initiative-create", "summary_fr"),
        ("initiative-create", "body_fr"),
        ("initiative-edit", "summary_fr"),
        ("initiative-edit", "body_fr"),
    ],
)
def test_long_texts_of_the_member_area_have_a_limit(client_for, site, form_id, field):
    """A megabyte of text is refused with a message, and nothing is saved."""
    form = FORMS_BY_ID[form_id]
    client = client_for(form.user)
    before = member_area_rows()
    response = client.post(form.url(site, "en"), {**form.data(site), field: ONE_MB})
    assert response.status_code == 200
    assert "characters" in response.content.decode()
    assert member_area_rows() == before


def member_area_rows():
    """Every row the member area's forms write (in one language: modeltranslation's values()
    follows the active one, which a request changes)."""
    with translation.override("fr"):
        return [
            list(model.objects.order_by("pk").values())
            for model in (Organisation, InternationalNetwork, NewsItem)
        ]


@pytest.mark.parametrize("form", [form for form in FORMS if form.record], ids=str)
def test_a_versioned_form_accepts_its_valid_submission(client_for, site, form, committed):
    """Else every hostile submission would be refused as stale before its fields are read, and
    the pages that show what it saved would never be checked."""
    client = client_for(form.user)
    if form.prepare:
        form.prepare(client, site)
    with committed():
        response = client.post(form.url(site), form.data(site))
    assert response.status_code == 302, response.content.decode()[:2000]
