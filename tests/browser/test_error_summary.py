"""After a failed submission the keyboard focus lands on the error summary, whose links lead
to the fields; the action items' buttons each name their action. In French and English."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from meetings.models import ActionItem
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "fr": {
        "title": re.compile(r"^Erreur\u00a0: "),
        "heading": "Le formulaire contient",
        "send": "Envoyer",
        "log_in": "Se connecter",
        "mark_done": "Marquer comme fait",
    },
    "en": {
        "title": re.compile(r"^Error: "),
        "heading": "There is a problem",
        "send": "Send",
        "log_in": "Log in",
        "mark_done": "Mark as done",
    },
}


def path(name, language):
    with translation.override(language):
        return reverse(name)


def focused_summary(page):
    return page.evaluate(
        "() => document.activeElement && document.activeElement.hasAttribute('data-error-summary')"
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_empty_contact_form_focuses_the_summary(page, live_server, language, assert_accessible):
    texts = TEXTS[language]
    page.goto(live_server.url + path("collectif:contact", language))
    page.locator("main form button[type=submit]").press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(texts["heading"])
    expect(page).to_have_title(texts["title"])
    assert focused_summary(page)
    # Its first link moves to the field it names.
    summary.get_by_role("link").first.click()
    assert page.evaluate("() => document.activeElement.id") == "id_name"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-invalid')") == "true"
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_empty_login_form_focuses_the_summary(page, live_server, language, assert_accessible):
    texts = TEXTS[language]
    page.goto(live_server.url + path("portal:login", language))
    page.get_by_role("button", name=texts["log_in"], exact=True).click()
    expect(page.locator("[data-error-summary]")).to_contain_text(texts["heading"])
    expect(page).to_have_title(texts["title"])
    assert focused_summary(page)
    # Tab goes from the summary to its first link.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('href')") == "#id_username"
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_each_mark_as_done_button_names_its_action(
    page, live_server, login, language, assert_accessible
):
    load_demo()
    # The member's 2014 items are closed in the demo's history: open them again, so that the
    # list holds several « Mark as done » buttons.
    ActionItem.objects.filter(organisations__slug="ccem").update(status=ActionItem.Status.OPEN)
    texts = TEXTS[language]
    with translation.override(language):
        login_path = reverse("portal:login")
    login(page, "demo-member", path=login_path)
    page.goto(live_server.url + path("meetings-portal:action-items", language))
    forms = page.locator(".action-item__form")
    count = forms.count()
    assert count > 1, "the demo should give the member several open action items"
    names = [
        forms.nth(index).locator("button .visually-hidden").text_content().strip()
        for index in range(count)
    ]
    assert len(set(names)) == count, names
    for name in names:
        # The visible words come first (WCAG's label in name), then the action.
        assert re.match(rf"{texts['mark_done']}\s?: \S", name), name
        # Each one found alone by its whole name, as a screen reader's list of buttons shows it.
        expect(page.get_by_role("button", name=name, exact=True)).to_have_count(1)
    assert_accessible(page)


def test_failed_admin_login_focuses_the_error_note(page, live_server):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "nobody")
    page.fill("input[name=password]", "wrong-password")
    page.click("[type=submit]")
    expect(page.locator(".errornote")).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Erreur\u00a0?: "))
    assert page.evaluate("() => document.activeElement.classList.contains('errornote')")
