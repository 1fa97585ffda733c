"""The site-wide search from the header, in a real browser, by keyboard, checked by axe."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from collectif.demo import DEMO_PASSWORD
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
LABELS = {"fr": "Rechercher sur le site", "en": "Search the site"}


@pytest.fixture
def demo(live_server):
    load_demo()


def url(live_server, name, language):
    with translation.override(language):
        return live_server.url + reverse(name)


def assert_no_axe_violation(axe, page):
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    found = [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']][:5]}"
        for violation in violations
    ]
    assert not found, f"{page.url}\n" + "\n".join(found)


def search_from_the_header(page, language, words):
    field = page.get_by_role("searchbox", name=LABELS[language])
    field.focus()
    page.keyboard.type(words)
    page.keyboard.press("Enter")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_search_from_the_header_by_keyboard(page, live_server, demo, axe, language):
    page.goto(url(live_server, "collectif:home", language))
    search_from_the_header(page, language, "traite")
    expect(page).to_have_url(re.compile(r"/(recherche|search)/\?q=traite$"))
    headings = page.locator(".site-search-page__group h2")
    expect(headings.first).to_be_visible()
    assert headings.count() >= 2
    expect(page.get_by_role("searchbox", name=LABELS[language])).to_have_value("traite")
    expect(page).to_have_title(re.compile("traite"))
    assert_no_axe_violation(axe, page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_empty_and_short_queries_are_accessible(page, live_server, demo, axe, language):
    page.goto(url(live_server, "collectif:search", language))
    assert_no_axe_violation(axe, page)
    search_from_the_header(page, language, "x")
    expect(page.get_by_role("status")).to_be_visible()
    assert_no_axe_violation(axe, page)
    page.get_by_role("searchbox", name=LABELS[language]).fill("")
    search_from_the_header(page, language, "zzqxw")
    expect(page.get_by_role("status")).to_be_visible()
    assert_no_axe_violation(axe, page)


def test_a_member_finds_the_minutes_from_the_header(page, live_server, demo, axe):
    with translation.override("fr"):
        page.goto(live_server.url + reverse("portal:login"))
    page.fill("input[name=username]", "demo-member")
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("main [type=submit]")
    page.goto(url(live_server, "collectif:home", "fr"))
    search_from_the_header(page, "fr", "plénière")
    expect(page.locator("#results-minutes, #results-agenda-items").first).to_be_visible()
    assert_no_axe_violation(axe, page)
