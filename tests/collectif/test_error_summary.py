"""After a failed submission every form opens with one summary of its errors: a heading that
counts them, a line per error linking the field it is about, the page's title starting with
« Erreur : » / "Error: ", and each field tied to its message (aria-invalid, aria-describedby).

The summary is focused on load by static/js/error-summary.js (see tests/browser/
test_error_summary.py)."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from tests.files import pdf_upload
from tests.meetings import conftest as meetings_fixtures

pytestmark = pytest.mark.django_db

# The meetings' fixtures, for the action item's form.
make_meeting = meetings_fixtures.make_meeting
make_action = meetings_fixtures.make_action

TITLE_PREFIX = {"fr": "Erreur\u00a0:", "en": "Error: "}
HEADING = {"fr": "Le formulaire contient", "en": "There is a problem"}


class Page(HTMLParser):
    """The parts of a page the summary is about: the title, the ids, the summary's links."""

    def __init__(self, html):
        super().__init__()
        self.title = ""
        self.ids = {}
        self.summary_links = []
        self._in_title = False
        self._in_summary = 0
        self.summary = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids[attrs["id"]] = (tag, attrs)
        if tag == "title":
            self._in_title = True
        if "data-error-summary" in attrs:
            self.summary = attrs
            self._in_summary = 1
        elif self._in_summary and tag == "div":
            self._in_summary += 1
        if self._in_summary and tag == "a":
            self.summary_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if self._in_summary and tag == "div":
            self._in_summary -= 1

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def assert_summary(response, language, *, fields=()):
    assert response.status_code == 200
    html = response.content.decode()
    page = Page(html)
    assert page.title.startswith(TITLE_PREFIX[language]), page.title
    assert page.summary is not None, "no error summary"
    assert page.summary["tabindex"] == "-1"
    assert HEADING[language] in html
    # The summary comes before the fields in error, and each link leads to a field of the page.
    if 'aria-invalid="true"' in html:
        assert html.index("data-error-summary") < html.index('aria-invalid="true"')
    for href in page.summary_links:
        assert href.startswith("#")
        assert href[1:] in page.ids, f"{href} links to nothing"
    linked = {href[1:] for href in page.summary_links}
    for field in fields:
        assert f"id_{field}" in linked, f"{field} is not in the summary"
        _tag, attrs = page.ids[f"id_{field}"]
        assert attrs.get("aria-invalid") == "true"
        assert f"id_{field}_error" in attrs.get("aria-describedby", "").split()
        assert f"id_{field}_error" in page.ids
    return page


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture(params=["fr", "en"])
def language(request):
    return request.param


def test_contact_form(client, language):
    response = client.post(url("collectif:contact", language), {"email": "not-an-address"})
    page = assert_summary(response, language, fields=["name", "email", "subject", "message"])
    assert len(page.summary_links) == 4


def test_the_heading_counts_the_errors(client):
    response = client.post(url("collectif:contact", "fr"), {"name": "Alice"})
    assert "Le formulaire contient 3 erreurs" in response.content.decode()
    response = client.post(
        url("collectif:contact", "en"),
        {"name": "Alice", "email": "a@example.org", "subject": "Hello"},
    )
    assert "the form contains 1 error." in response.content.decode()


def test_no_summary_and_no_prefix_before_submitting(client, language):
    html = client.get(url("collectif:contact", language)).content.decode()
    assert "data-error-summary" not in html
    assert not Page(html).title.startswith(TITLE_PREFIX[language])


def test_portal_login(client, language):
    response = client.post(
        url("portal:login", language), {"username": "nobody", "password": "wrong-password"}
    )
    page = assert_summary(response, language)
    # A refused login is the form's own error: named in the summary, not linked.
    assert page.summary_links == []


def test_portal_login_with_empty_fields(client, language):
    response = client.post(url("portal:login", language), {})
    assert_summary(response, language, fields=["username", "password"])


def test_newsletter_sign_up(client, language):
    response = client.post(url("news:subscribe", language), {"email": "pas-une-adresse"})
    assert_summary(response, language, fields=["email"])


def test_organisation_presentation(representative_client, ccem, language):
    response = representative_client.post(
        url("portal:organisation-edit", language, slug=ccem.slug),
        {"website_fr": "pas une adresse", "version": ccem.version},
    )
    assert_summary(response, language, fields=["website_fr"])


def test_organisation_contact(representative_client, ccem, language):
    response = representative_client.post(
        url("portal:contact-edit", language, slug=ccem.slug), {"version": ccem.version}
    )
    assert_summary(response, language)


def test_activity_reports(representative_client, ccem, language):
    response = representative_client.post(url("portal:reports", language, slug=ccem.slug), {})
    assert_summary(response, language, fields=["year", "file"])


def test_activity_report_of_the_wrong_kind(representative_client, ccem, language):
    upload = pdf_upload(content=b"MZ not a PDF at all")
    response = representative_client.post(
        url("portal:reports", language, slug=ccem.slug),
        {"year": "2013", "language": "fr", "file": upload},
    )
    assert_summary(response, language, fields=["file"])


def test_international_network(representative_client, ccem, language):
    response = representative_client.post(
        url("portal:network-edit", language, slug=ccem.slug), {"website": "pas une adresse"}
    )
    assert_summary(response, language, fields=["website"])


def test_initiative(representative_client, ccem, language):
    response = representative_client.post(
        url("news-portal:initiative-create", language, slug=ccem.slug), {}
    )
    assert_summary(response, language, fields=["kind"])


def test_action_item(representative_client, make_meeting, make_action, ccem, language):
    action = make_action(make_meeting(items=1), organisations=[ccem])
    response = representative_client.post(
        url("meetings-portal:action-item-done", language, pk=action.pk), {"comment": "x" * 2001}
    )
    assert_summary(response, language, fields=["comment"])


def test_calendar_language(representative_client, language):
    response = representative_client.post(
        url("meetings-portal:calendar", language), {"language": "de"}
    )
    page = assert_summary(response, language)
    assert page.summary_links


def test_summary_escapes_what_the_visitor_typed(client):
    response = client.post(url("collectif:contact", "en"), {"email": "<b>x</b>@"})
    html = response.content.decode()
    assert "<b>x</b>" not in html
    assert re.search(r'<a href="#id_email">E-mail address: ', html)


def test_admin_login_title_says_there_are_errors(client):
    response = client.post(reverse("admin:login"), {"username": "nobody", "password": "wrong"})
    assert response.status_code == 200
    assert Page(response.content.decode()).title.startswith("Erreur")
    assert "js/error-summary.js" in response.content.decode()


def test_each_organisations_links_name_it_on_the_dashboard(representative_client, ccem):
    html = representative_client.get(url("portal:dashboard", "en")).content.decode()
    assert f'<span class="visually-hidden">See the public page: {escape(ccem.name)}</span>' in html


def test_the_summary_comes_first_in_main_and_once(client):
    """Without the script, a screen reader jumping to the main content meets it first."""
    html = client.post(url("collectif:contact", "en"), {}).content.decode()
    main = html[html.index("<main") :]
    assert main.index("data-error-summary") < main.index("<h1")
    assert html.count("data-error-summary") == 1
    assert html.count('id="form-errors"') == 1


def test_a_page_of_several_forms_has_one_summary_per_form_in_error(representative_client, ccem):
    ccem.description_fr = "Le Comité accompagne les victimes d'esclavage domestique."
    ccem.save()
    page = representative_client.get(url("portal:translations", "en", slug=ccem.slug))
    assert page.status_code == 200
    assert "data-error-summary" not in page.content.decode()
    assert not Page(page.content.decode()).title.startswith("Error")
