import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.demo_data import load_demo
from tests.files import image_bytes

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo():
    load_demo()


def test_demo_member_changes_its_english_description_and_logo(page, live_server, login, demo):
    login(page, "demo-member", path="/en/member-area/login/")
    expect(page).to_have_url(re.compile(r"/en/member-area/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Member area")

    page.get_by_role(
        "navigation", name="Pages of Comité contre l'esclavage moderne"
    ).first.get_by_role("link", name="Presentation").click()
    page.get_by_label("Description in English").fill(
        "The CCEM has supported victims of domestic slavery since 1994."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message--success")).to_have_text(
        "The page of your organisation has been updated."
    )

    page.goto(live_server.url + "/en/member-area/organisations/ccem/logo/")
    page.get_by_label("New logo").set_input_files(
        {"name": "ccem.png", "mimeType": "image/png", "buffer": image_bytes(size=(300, 150))}
    )
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".message--success")).to_have_text("The new logo has been saved.")

    page.goto(live_server.url + "/en/members/ccem/")
    expect(page.locator(".rich-text").first).to_have_text(
        "The CCEM has supported victims of domestic slavery since 1994."
    )
    logo = page.locator("img.org-logo")
    expect(logo).to_have_attribute("src", re.compile(r"^/media/members/logos/ccem.*\.png$"))
    # decode() settles once the image has loaded (or rejects if it cannot), so there is no race.
    assert logo.evaluate("img => img.decode().then(() => img.naturalWidth)") == 300


def test_refused_logo_shows_the_reason_and_keeps_the_page(page, live_server, login, demo):
    login(page, "demo-member", path="/fr/espace-membre/connexion/")
    page.goto(live_server.url + "/fr/espace-membre/organisations/ccem/logo/")
    page.get_by_label("Nouveau logo").set_input_files(
        {"name": "logo.svg", "mimeType": "image/svg+xml", "buffer": b"<svg></svg>"}
    )
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".errorlist")).to_contain_text("Les images SVG ne sont pas acceptées")


def test_french_fallback_is_marked_on_the_english_page(page, live_server, demo):
    page.goto(live_server.url + "/en/members/oicem/")
    expect(page.locator(".rich-text[lang=fr]")).to_contain_text("Basée à Marseille")
    expect(page.locator(".fallback-notice")).to_be_visible()


def test_directory_filters_by_status(page, live_server, demo):
    page.goto(live_server.url + "/en/members/")
    page.get_by_label("Status").select_option("observer")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".org-card")).to_have_count(1)
    # The demo's observer of the present (SOS Esclaves, the seed's, was admitted in 2015).
    expect(page.locator(".org-card")).to_contain_text("Koutcha")
    expect(page.locator(".org-card .badge")).to_have_text("Observer")


PUBLIC = [("members:directory", {}), ("members:organisation-detail", {"slug": "ccem"}),
          ("members:organisation-detail", {"slug": "sos-esclaves"}),
          ("members:organisation-detail", {"slug": "oicem"}), ("collectif:home", {}),
          ("collectif:join", {}), ("portal:login", {}), ("portal:password-reset", {})]  # fmt: skip
PORTAL = [
    "organisation-edit",
    "contact-edit",
    "logo-edit",
    "reports",
    "network-edit",
    "translations",
]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_member_pages_have_no_axe_violation(
    page, live_server, login, assert_accessible, demo, language
):
    for name, kwargs in PUBLIC:
        with translation.override(language):
            path = reverse(name, kwargs=kwargs)
        page.goto(live_server.url + path)
        assert_accessible(page)
    login(
        page,
        "demo-member",
        path=f"/{language}/"
        + ("espace-membre/connexion/" if language == "fr" else "member-area/login/"),
    )
    with translation.override(language):
        paths = [reverse("portal:dashboard"), reverse("portal:password-change")]
        paths += [reverse(f"portal:{name}", kwargs={"slug": "ccem"}) for name in PORTAL]
    for path in paths:
        page.goto(live_server.url + path)
        expect(page).to_have_url(live_server.url + path)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    # A form shown again with its errors is accessible too.
    page.goto(live_server.url + paths[3])  # contact
    page.locator("button[type=submit]").last.click()
    expect(page.locator(".form-errors")).to_be_visible()
    assert_accessible(page)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_member_and_coordinator_on_the_same_page_nothing_is_overwritten(
    page, browser, live_server, login, demo, language, assert_accessible
):
    """The member opens its presentation; a coordinator saves the organisation in the admin
    meanwhile; the member's save is refused, its text kept in the form, and the page stays
    accessible."""
    from members.models import Organisation

    path = {"fr": "/fr/espace-membre/connexion/", "en": "/en/member-area/login/"}[language]
    login(page, "demo-member", path=path)
    with translation.override(language):
        page.goto(live_server.url + reverse("portal:organisation-edit", kwargs={"slug": "ccem"}))
    label = {"fr": "Description en anglais", "en": "Description in English"}[language]
    page.get_by_label(label).fill("Written by the member.")

    coordinator = browser.new_page()
    login(coordinator, "demo-coordinator")
    ccem = Organisation.objects.get(slug="ccem")
    coordinator.goto(live_server.url + f"/admin/members/organisation/{ccem.pk}/change/")
    coordinator.locator("#id_acronym").fill("C.C.E.M.")
    coordinator.locator("input[name=_save]").click()
    expect(coordinator.locator(".messagelist")).to_contain_text("modifié")
    coordinator.close()

    page.get_by_role("button", name={"fr": "Enregistrer", "en": "Save"}[language]).click()
    message = {
        "fr": "Quelqu'un d'autre a modifié cette fiche depuis que vous l'avez ouverte",
        "en": "Someone else changed this record since you opened it",
    }[language]
    expect(page.locator(".form-errors")).to_contain_text(message)
    expect(page.get_by_label(label)).to_have_value("Written by the member.")
    assert_accessible(page)
    ccem.refresh_from_db()
    assert ccem.acronym == "C.C.E.M."
    assert ccem.description_en != "Written by the member."
