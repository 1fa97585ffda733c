"""The two-factor pages in a browser: the enrolment with its QR code, the recovery codes, the
second step and the member area's page, each without an axe violation, in both languages."""

import base64

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from tests.browser.test_admin_accessibility import AXE_OPTIONS, describe

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _required(settings):
    settings.REQUIRE_STAFF_2FA = True


def check_axe(axe, page, what):
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{what} — {page.url}\n" + "\n".join(describe(violations))


def code_from_secret(text):
    return f"{totp(base64.b32decode(text.replace(' ', ''))):06d}"


def log_in(page, live_server, user, path):
    page.context.clear_cookies()
    page.goto(live_server.url + path)
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", user.raw_password)
    page.press("input[name=password]", "Enter")


def test_a_coordinator_enrols_then_reaches_the_admin(page, live_server, axe, coordinator):
    log_in(page, live_server, coordinator, "/admin/login/")
    expect(page.locator("h1")).to_have_text("Activer la double authentification")
    qr = page.locator("img[src^='data:image/svg+xml']")
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0
    check_axe(axe, page, "admin setup")

    page.fill("input[name=code]", "000000")
    page.click("#login-form [type=submit]")
    expect(page.locator(".errorlist")).to_contain_text("Ce code n'est pas le bon")
    check_axe(axe, page, "admin setup, wrong code")

    page.fill("input[name=code]", code_from_secret(page.locator("code.secret").inner_text()))
    page.click("#login-form [type=submit]")
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    check_axe(axe, page, "admin recovery codes")
    page.get_by_role("link", name="J'ai gardé mes codes de secours : continuer").click()
    expect(page.locator("#site-name")).to_be_visible()

    # The next login asks for the code.
    log_in(page, live_server, coordinator, "/admin/login/")
    expect(page.locator("h1")).to_have_text("Deuxième étape de la connexion")
    check_axe(axe, page, "admin second step")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_member_area_pages(page, live_server, axe, representative, language):
    prefix = "/fr/espace-membre/" if language == "fr" else "/en/member-area/"
    log_in(
        page, live_server, representative, prefix + ("connexion/" if language == "fr" else "login/")
    )
    page.goto(
        live_server.url
        + prefix
        + ("double-authentification/" if language == "fr" else "two-factor/")
    )
    assert page.locator("html").get_attribute("lang") == language
    check_axe(axe, page, "settings, off")
    page.locator(".page a.button").click()
    check_axe(axe, page, "setup")
    page.fill("input[name=code]", code_from_secret(page.locator("code.secret").inner_text()))
    page.locator(".page form.form [type=submit]").click()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    check_axe(axe, page, "recovery codes")
    assert TOTPDevice.objects.filter(user=representative, confirmed=True).exists()
    page.locator(".recovery-codes + p a").click()
    check_axe(axe, page, "settings, on")

    log_in(
        page, live_server, representative, prefix + ("connexion/" if language == "fr" else "login/")
    )
    page.fill("input[name=code]", "000000")
    page.locator(".page form.form [type=submit]").click()
    expect(page.locator(".errorlist")).to_be_visible()
    check_axe(axe, page, "second step, wrong code")
