"""A meeting written in the admin, followed up in the member area, in a real browser."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from documents.models import Document
from meetings.models import ActionItem, Meeting
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server):
    load_demo()
    return Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")


def portal_login(page, live_server, username):
    with translation.override("fr"):
        path = reverse("portal:login")
    page.goto(live_server.url + path)
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo-password-2014")
    page.click("main [type=submit]")


def test_coordinator_writes_member_marks_done_coordinator_sees_it(
    page, browser, live_server, login, demo
):
    login(page, "demo-coordinator")
    page.goto(live_server.url + "/admin/meetings/meeting/add/")
    page.select_option("#id_kind", "plenary")
    page.fill("#id_title_fr", "Réunion plénière du Collectif")
    page.fill("#id_start_0", "05/12/2014")
    page.fill("#id_start_1", "10:00")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("ajouté")
    page.get_by_role("link", name="Ajouter une section").click()
    page.get_by_label("Titre (Français)").fill("Traite des mineurs")
    page.get_by_label("Compte-rendu (Français)").fill("Le rapport alternatif avance.")
    row = page.locator(".minutes-actions__row").last
    row.locator("summary").click()
    row.get_by_label("Ce qui est à faire (Français)").fill(
        "Transmettre les éléments sur les mineurs."
    )
    row.get_by_label("Comité contre l'esclavage moderne").check()
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("enregistrée")
    action = ActionItem.objects.get(text_fr="Transmettre les éléments sur les mineurs.")
    assert list(action.organisations.values_list("slug", flat=True)) == ["ccem"]

    member = browser.new_page()
    portal_login(member, live_server, "demo-member")
    with translation.override("fr"):
        member.goto(live_server.url + reverse("meetings-portal:action-items"))
    item = member.locator(f"#action-{action.pk}")
    expect(item).to_contain_text("Transmettre les éléments sur les mineurs.")
    item.get_by_label("Commentaire (facultatif)").fill("Envoyé à la coordination.")
    item.get_by_role("button", name="Marquer comme fait").click()
    expect(member.locator(".messages")).to_contain_text("marquée comme faite")
    member.close()

    page.goto(live_server.url + f"/admin/meetings/actionitem/{action.pk}/change/")
    expect(page.locator("#id_status")).to_have_value("done")
    expect(page.locator("#id_comment")).to_have_value("Envoyé à la coordination.")
    page.goto(live_server.url + "/admin/meetings/actionitem/?status=done")
    expect(page.locator("#result_list")).to_contain_text(
        "Transmettre les éléments sur les mineurs."
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_meeting_pages_have_no_axe_violation(page, live_server, demo, language, assert_accessible):
    public = Meeting.objects.public().first()
    with translation.override(language):
        public_paths = [reverse("meetings:event-list"), public.get_public_url()]
        member_paths = [
            reverse("meetings-portal:meeting-list"),
            demo.get_absolute_url(),
            reverse("meetings-portal:action-items"),
            reverse("meetings-portal:calendar"),
        ]
    for path in public_paths:
        page.goto(live_server.url + path)
        assert_accessible(page)
    portal_login(page, live_server, "demo-member")
    for path in member_paths:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)


def test_minutes_print_without_navigation(page, live_server, demo):
    portal_login(page, live_server, "demo-member")
    page.goto(live_server.url + demo.get_absolute_url())
    expect(page.get_by_role("button", name="Imprimer")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.locator(".site-nav")).to_be_hidden()
    expect(page.locator(".action-item__form").first).to_be_hidden()
    expect(page.locator(".minutes__item").first).to_be_visible()
    assert re.search("9/", page.locator(".minutes__item").last.inner_text())


def test_public_agenda_offers_its_feed(page, live_server, demo):
    page.goto(live_server.url + "/en/events/")
    link = page.locator('link[rel="alternate"][type="text/calendar"]')
    expect(link).to_have_attribute("href", "/en/events/calendar.ics")
    get_user_model()  # the demo accounts exist


def test_coordinator_cites_a_library_document_as_annex_and_member_opens_it(
    page, browser, live_server, login, demo
):
    """The annex inline of the meeting page searches the library; the compte-rendu links the
    annex to the document's page, which the documents app opens to member readers only."""
    login(page, "demo-coordinator")
    november = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-11-07")
    november.agenda_items.create(
        position=1, title="Point sur les démarches", title_fr="Point sur les démarches"
    )
    page.goto(live_server.url + f"/admin/meetings/meeting/{november.pk}/change/")
    page.get_by_role("link", name="Point sur les démarches").click()
    page.fill("#id_annexes-0-number", "1")
    interior = Document.objects.get(slug="constats-propositions-interieur-2014-09-29")
    page.select_option("#id_annexes-0-document", value=str(interior.pk))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("enregistrée")
    annex = november.annexes.select_related("document").get()
    assert annex.document.slug == "constats-propositions-interieur-2014-09-29"

    member = browser.new_page()
    portal_login(member, live_server, "demo-member")
    member.goto(live_server.url + november.get_absolute_url())
    member.get_by_role("link", name=re.compile("Annexe 1")).click()
    expect(member.locator("h1")).to_contain_text("Constats et propositions remis au ministère")
    member.close()

    visitor = browser.new_page()
    response = visitor.goto(live_server.url + annex.document.get_absolute_url())
    assert response.status == 404
    visitor.close()
