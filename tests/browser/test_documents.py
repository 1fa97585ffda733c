import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_library(transactional_db):
    # Depends on the database fixture so that it runs after the database is restored.
    from django.utils import timezone

    from documents import demo

    demo.load(today=timezone.localdate())


def test_search_filter_open_a_text_and_switch_language(page, live_server, demo_library):
    page.goto(live_server.url + "/fr/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Droit"
    ).click()
    expect(page).to_have_url(re.compile(r"/fr/droit/$"))

    page.get_by_label("Rechercher dans les textes").fill("Palerme")
    page.get_by_role("button", name="Afficher les textes").click()
    expect(page).to_have_url(re.compile(r"/fr/droit/\?q=Palerme"))
    first = page.locator(".result-list .result__title a").first
    expect(first).to_contain_text("Protocole de Palerme")

    page.get_by_label("Type").select_option("protocol")
    page.get_by_role("button", name="Afficher les textes").click()
    expect(page).to_have_url(re.compile(r"kind=protocol"))
    expect(page.locator("#results-title")).to_have_text("1 texte")
    expect(page.get_by_label("Type")).to_have_value("protocol")

    page.locator(".result-list .result__title a").first.click()
    expect(page).to_have_url(re.compile(r"/fr/droit/palermo-protocol-2000/$"))
    expect(page.locator("h1")).to_contain_text("Protocole de Palerme")

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/law/palermo-protocol-2000/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_contain_text("Palermo Protocol")


def test_replaced_text_shows_its_replacement(page, live_server, demo_library):
    page.goto(live_server.url + "/en/law/eu-framework-decision-2002-629/")
    notice = page.get_by_role("note")
    expect(notice).to_contain_text("This text has been replaced.")
    notice.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/en/law/eu-directive-2011-36/$"))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_library_pages_have_no_axe_violation(
    page, live_server, demo_library, language, assert_accessible
):
    base = {"fr": "/fr/droit/", "en": "/en/law/"}[language]
    documents = {"fr": "/fr/documents/", "en": "/en/documents/"}[language]
    for path in [
        base,
        base + "?q=traite&level=european",
        base + "?kind=poem",
        base + "palermo-protocol-2000/",
        base + "eu-framework-decision-2002-629/",
        base + "unodc-global-report-2024/",
        documents,
        documents + "communique-lancement-site-2014/",
    ]:
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_search_a_reference_sort_follow_a_suggestion_and_switch_language(
    page, live_server, demo_library
):
    page.goto(live_server.url + "/fr/droit/")
    search_box = page.get_by_label("Rechercher dans les textes")
    submit = page.get_by_role("button", name="Afficher les textes")
    titles = page.locator(".result-list .result__title a")
    sort_links = page.get_by_role("navigation", name="Trier les textes")

    search_box.fill("2011/36/UE")
    submit.click()
    expect(page).to_have_url(re.compile(r"/fr/droit/\?q=2011%2F36%2FUE"))
    expect(titles.first).to_contain_text("2011/36")
    expect(titles.first).to_have_attribute("href", re.compile(r"/fr/droit/eu-directive-2011-36/$"))
    expect(sort_links.locator("[aria-current]")).to_have_text("Pertinence")
    first_result = page.locator(".result-list .result").first
    expect(first_result.locator("mark").first).to_have_text(re.compile(r"^(2011|36|UE)$"))
    relevance_first = titles.first.inner_text()

    sort_links.get_by_role("link", name="Plus récents").click()
    expect(page).to_have_url(re.compile(r"[?&]sort=newest(&|$)"))
    expect(sort_links.locator("[aria-current]")).to_have_text("Plus récents d'abord")
    expect(titles.first).not_to_have_text(relevance_first)
    expect(search_box).to_have_value("2011/36/UE")

    search_box.fill("Palerne")
    submit.click()
    expect(page).to_have_url(re.compile(r"/fr/droit/\?q=Palerne"))
    suggestion = page.locator("p.suggestion#suggestion")
    expect(suggestion).to_contain_text("Vouliez-vous dire")
    expect(suggestion).to_contain_text("Palerme")
    suggestion.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/fr/droit/\?(.*&)?q=Palerme(&|$)"))
    expect(search_box).to_have_value("Palerme")
    expect(titles.first).to_contain_text("Palerme")

    titles.first.click()
    expect(page).to_have_url(re.compile(r"/fr/droit/palermo-protocol-2000/$"))
    expect(page.locator(".legal-resource__names")).to_contain_text("Protocole de Palerme")
    references = page.get_by_role("region", name="Références officielles")
    expect(references.get_by_role("heading", level=2)).to_have_text("Références officielles")
    expect(references.get_by_role("link", name="A/RES/55/25")).to_be_visible()

    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/law/palermo-protocol-2000/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".legal-resource__names")).to_contain_text("Palermo Protocol")
    references = page.get_by_role("region", name="Official references")
    expect(references.get_by_role("heading", level=2)).to_have_text("Official references")
    expect(references.get_by_role("link", name="A/RES/55/25")).to_be_visible()


def test_text_known_only_by_its_year_shows_the_year(page, live_server, demo_library):
    page.goto(live_server.url + "/fr/droit/unodc-model-law-2009/")
    date = (
        page.locator(".legal-resource > dl.facts > div")
        .filter(has=page.locator("dt", has_text=re.compile(r"^Date$")))
        .locator("dd")
    )
    expect(date).to_have_text("2009")
    expect(date.locator("time")).to_have_attribute("datetime", "2009")


def _tab_until(page, target, limit=80):
    """Press Tab until `target` has the focus. Returns, for each element focused on the way,
    "after" when it is in the results list, the pagination or the footer, else "before"."""
    passed = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return passed
        passed.append(
            page.evaluate(
                "() => { const el = document.activeElement;"
                " return el.closest('.result-list, .pagination, footer') ? 'after' : 'before'; }"
            )
        )
    raise AssertionError(f"{target} never got the focus after {limit} Tab presses")


def test_search_and_suggestion_work_with_the_keyboard(page, live_server, demo_library):
    page.goto(live_server.url + "/fr/droit/")
    search_box = page.get_by_label("Rechercher dans les textes")
    search_box.focus()
    page.keyboard.type("Palerne")
    submit = page.get_by_role("button", name="Afficher les textes")
    _tab_until(page, submit)
    expect(submit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fr/droit/\?q=Palerne"))

    link = page.locator("#suggestion").get_by_role("link", name="Palerme")
    passed = _tab_until(page, link)
    assert "after" not in passed, passed
    expect(link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fr/droit/\?(.*&)?q=Palerme(&|$)"))
    expect(page.locator(".result-list .result__title a").first).to_contain_text("Palerme")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_library_search_states_have_no_axe_violation(
    page, live_server, demo_library, language, assert_accessible
):
    base = {"fr": "/fr/droit/", "en": "/en/law/"}[language]
    for path in [
        base + "?q=traite+des+êtres+humains",
        base + "?q=2011/36",
        base + "?q=Palerne",
        base + "?sort=oldest",
        base + "?q=traite&sort=oldest",
        base + "eu-directive-2011-36/",
        base + "unodc-model-law-2009/",
    ]:
        page.goto(live_server.url + path)
        assert_accessible(page)
