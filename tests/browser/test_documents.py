import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_library(transactional_db):
    # Depends on the database fixture so that it runs after the database is restored.
    from documents import demo

    demo.load()


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
