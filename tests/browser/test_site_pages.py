import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["home", "about", "join", "contact", "legal", "privacy"]


def test_home_in_both_languages(page, live_server):
    page.goto(live_server.url + "/fr/")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("Ensemble contre la traite des êtres humains")
    page.goto(live_server.url + "/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Together against human trafficking")


def test_language_switch_by_click_lands_on_same_page(page, live_server):
    page.goto(live_server.url + "/fr/")
    page.get_by_role("link", name="Le Collectif", exact=True).first.click()
    expect(page).to_have_url(re.compile(r"/fr/le-collectif/$"))
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/about/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/le-collectif/$"))


def test_skip_link_is_first_tab_stop_and_moves_focus_to_main(page, live_server):
    page.goto(live_server.url + "/fr/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Passer au contenu principal")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_contact_form_by_keyboard_shows_field_errors(page, live_server):
    page.goto(live_server.url + "/en/contact/")
    page.get_by_label("Name").focus()
    page.keyboard.type("Alice")
    page.get_by_role("button", name="Send").press("Enter")
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page.get_by_label("Name")).to_have_value("Alice")
    expect(page.locator(".errorlist").first).to_contain_text("This field is required.")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_pages_have_no_axe_violation(page, live_server, language, assert_accessible):
    from django.urls import reverse
    from django.utils import translation

    for name in PUBLIC_PAGES:
        with translation.override(language):
            path = reverse(f"collectif:{name}")
        page.goto(live_server.url + path)
        assert_accessible(page)


def test_page_loads_nothing_from_another_host(page, live_server):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + "/fr/")
    page.wait_for_load_state("networkidle")
    assert requested
    assert all(url.startswith(live_server.url) for url in requested), requested
