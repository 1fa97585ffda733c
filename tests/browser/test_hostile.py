"""The pages that answer bad requests, in a real browser: styled, accessible, in the visitor's
language."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)

ERRORS = {
    "fr": [
        ("/fr/droit/?q=%00", 400, "Requête incorrecte"),
        ("/fr/nulle-part/", 404, "Page introuvable"),
        ("/fr/espace-membre/deconnexion/", 405, "Méthode non autorisée"),
        ("/fr/droit/?q=" + "x" * 9000, 414, "Adresse trop longue"),
    ],
    "en": [
        ("/en/law/?q=%00", 400, "Bad request"),
        ("/en/nowhere/", 404, "Page not found"),
        ("/en/member-area/logout/", 405, "Method not allowed"),
        ("/en/law/?q=" + "x" * 9000, 414, "Address too long"),
    ],
}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_error_pages_are_accessible_in_both_languages(
    page, live_server, language, assert_accessible
):
    for path, status, title in ERRORS[language]:
        response = page.goto(live_server.url + path)
        assert response.status == status, path
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_have_text(title)
        assert_accessible(page)


@pytest.mark.parametrize(
    ("language", "path", "button", "title"),
    [
        ("fr", "/fr/contact/", "Envoyer", "Le formulaire a expiré"),
        ("en", "/en/contact/", "Send", "The form has expired"),
    ],
)
def test_a_form_sent_after_its_cookie_is_gone_says_what_to_do(
    page, live_server, language, path, button, title, assert_accessible
):
    page.goto(live_server.url + path)
    page.context.clear_cookies()
    page.locator("#id_name").fill("Alice")
    page.locator("#id_email").fill("alice@example.org")
    page.locator("#id_subject").fill("Question")
    page.locator("#id_message").fill("Bonjour.")
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        page.get_by_role("button", name=button).click()
    assert answer.value.status == 403
    expect(page.locator("h1")).to_have_text(title)
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(page)
