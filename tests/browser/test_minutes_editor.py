"""The minutes editor of the admin in a real browser: a coordinator writes a meeting's
sections in Markdown, an action item and the attendance without scrolling sideways at
1,280 px; a member reads the formatted compte-rendu; axe finds nothing on the editor's pages."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from meetings.models import ActionItem, Meeting
from tests.demo_data import load_demo

from .test_meetings import portal_login

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH, HEIGHT = 1280, 720


@pytest.fixture
def demo(live_server):
    load_demo()
    return Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": WIDTH, "height": HEIGHT}}


def size(page):
    """The page's width and height, and whether it scrolls sideways."""
    return page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight,"
        " document.documentElement.scrollWidth > document.documentElement.clientWidth]"
    )


def assert_fits(page, *, screens=None):
    width, height, scrolls_sideways = size(page)
    assert width <= WIDTH, f"{page.url}: {width} px wide"
    assert not scrolls_sideways, page.url
    if screens is not None:
        assert height <= screens * HEIGHT, f"{page.url}: {height} px tall"
    return width, height


def change_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def test_demo_meeting_pages_fit_the_window(page, live_server, login, demo):
    """Measured before this editor: 1,991 × 20,579 px."""
    login(page, "demo-coordinator")
    page.goto(live_server.url + change_url(demo))
    width, height = assert_fits(page, screens=6)
    print(f"demo meeting change page at {WIDTH} px: {width} × {height} px")
    expect(page.locator(".minutes-agenda__item")).to_have_count(9)
    expect(page.locator("#attendance")).to_contain_text("15 personnes présentes")
    page.locator(".minutes-agenda__title").first.click()
    expect(page.locator("h1")).to_contain_text("Lancement du site internet")
    expect(page.locator(".minutes-actions__row")).to_have_count(3)  # two, and a new one
    assert_fits(page)
    page.locator(".minutes-actions__row summary").first.click()
    expect(page.locator("#id_actions-0-text_fr")).to_be_visible()
    assert_fits(page)
    page.goto(live_server.url + reverse("admin:meetings_meeting_attendance", args=[demo.pk]))
    assert_fits(page)
    delegation = Meeting.objects.filter(people_met__isnull=False, delegations__isnull=False)
    page.goto(live_server.url + change_url(delegation.distinct().first()))
    expect(page.locator("#people_met-group tbody tr.has_original").first).to_be_visible()
    assert_fits(page, screens=6)


def test_coordinator_writes_a_meeting_and_member_reads_the_formatted_minutes(
    page, browser, live_server, login, demo
):
    login(page, "demo-coordinator")
    page.goto(live_server.url + reverse("admin:meetings_meeting_add"))
    page.select_option("#id_kind", "plenary")
    page.fill("#id_title_fr", "Réunion plénière du Collectif")
    page.fill("#id_start_0", "05/12/2014")
    page.fill("#id_start_1", "10:00")
    page.click("input[name=_continue]")
    expect(page.locator(".messagelist")).to_contain_text("ajouté")
    meeting = Meeting.objects.get(start__date="2014-12-05")

    # The first section, previewed, with an action item for the CCEM.
    page.get_by_role("link", name="Ajouter une section").click()
    page.get_by_label("Titre (Français)").fill("Traite des mineurs")
    page.get_by_label("Compte-rendu (Français)").fill(
        "Le rapport alternatif avance :\n\n"
        "- la date est repoussée à **mars 2015** ;\n"
        "- contributions à contre.la.traite@secours-catholique.org"
    )
    page.get_by_role("button", name="Aperçu").click()
    expect(page.locator(".minutes-editor__previewing")).to_be_focused()
    preview = page.get_by_role("region", name=re.compile("Aperçu : Compte-rendu"))
    expect(preview.locator("li strong")).to_have_text("mars 2015")
    expect(
        preview.locator('a[href="mailto:contre.la.traite@secours-catholique.org"]')
    ).to_be_visible()
    row = page.locator(".minutes-actions__row").last
    row.locator("summary").click()
    row.get_by_label("Ce qui est à faire (Français)").fill(
        "Transmettre les éléments sur les mineurs à **la coordination**."
    )
    row.get_by_label("Comité contre l'esclavage moderne").check()
    row.get_by_label("Échéance").fill("2014-12-19")
    assert_fits(page)
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("Traite des mineurs")

    # The second, then moved up with the keyboard: focus stays on the section moved.
    page.get_by_role("link", name="Ajouter une section").click()
    page.get_by_label("Titre (Français)").fill("Initiatives des membres")
    page.get_by_label("Compte-rendu (Français)").fill("- Le **CCEM** présente son projet.")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    page.get_by_role("button", name="Monter : Initiatives des membres").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".messagelist")).to_contain_text("est maintenant la section 1")
    expect(page.locator(".minutes-agenda__title").first).to_have_text("Initiatives des membres")
    expect(page.locator(".minutes-agenda__title").first).to_be_focused()
    # With a mouse: dragged back, then up again with the button.
    page.locator(".minutes-agenda__item").first.drag_to(page.locator(".minutes-agenda__item").last)
    expect(page.locator(".minutes-agenda__title").first).to_have_text("Traite des mineurs")
    page.get_by_role("button", name="Monter : Initiatives des membres").click()
    expect(page.locator(".minutes-agenda__title").first).to_have_text("Initiatives des membres")

    # The attendance.
    page.get_by_role("link", name="Modifier les présences").click()
    page.get_by_label("Personne — Comité contre l'esclavage moderne").fill("Bénédicte Bourgeois")
    page.get_by_label("Personne — Secours Catholique").fill("Geneviève Colas")
    page.get_by_label("Note (français) — Secours Catholique").fill("coordination du Collectif")
    assert_fits(page)
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator("#attendance")).to_contain_text("2 personnes présentes")
    width, height = assert_fits(page, screens=6)
    print(f"the new meeting's change page: {width} × {height} px")

    action = ActionItem.objects.get(meeting=meeting)
    assert list(action.organisations.values_list("slug", flat=True)) == ["ccem"]
    assert str(action.due_on) == "2014-12-19"
    assert list(meeting.agenda_items.order_by("position").values_list("title_fr", flat=True)) == [
        "Initiatives des membres",
        "Traite des mineurs",
    ]

    member = browser.new_page()
    portal_login(member, live_server, "demo-member")
    member.goto(live_server.url + meeting.get_absolute_url())
    sections = member.locator(".minutes__item")
    expect(sections.first.locator("li strong")).to_have_text("CCEM")
    second = sections.nth(1)
    expect(second.locator(".rich-text ul li")).to_have_count(2)
    expect(second.locator(".rich-text li strong").first).to_have_text("mars 2015")
    expect(
        second.locator('a[href="mailto:contre.la.traite@secours-catholique.org"]')
    ).to_be_visible()
    expect(second.locator(".action-item__text strong")).to_have_text("la coordination")
    expect(member.locator(".minutes__participants")).to_contain_text("Bénédicte Bourgeois")
    member.close()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_minutes_editor_pages_have_no_axe_violation(
    page, live_server, login, demo, settings, language, assert_accessible
):
    settings.ADMIN_LANGUAGE_CODE = language
    login(page, "demo-coordinator")
    item = demo.agenda_items.order_by("position").first()
    # A delegation to a ministry: its people met and its delegation as compact rows.
    delegation = Meeting.objects.filter(people_met__isnull=False, delegations__isnull=False)
    for path in [
        reverse("admin:meetings_meeting_add"),
        change_url(demo),
        change_url(delegation.distinct().first()),
        reverse("admin:meetings_meeting_agenda_add", args=[demo.pk]),
        reverse("admin:meetings_meeting_attendance", args=[demo.pk]),
    ]:
        page.goto(live_server.url + path)
        expect(page.locator("h1")).to_be_visible()
        assert_accessible(page)
    page.goto(
        live_server.url + reverse("admin:meetings_meeting_agenda_item", args=[demo.pk, item.pk])
    )
    for summary in page.locator(".minutes-actions__row summary").all():
        summary.click()
    assert_accessible(page)
    page.locator("input[name=_preview]").click()
    expect(page.locator(".minutes-preview").first).to_be_visible()
    assert_accessible(page)
    # A refused action item (no one follows it up): the error is announced and its row open.
    row = page.locator(".minutes-actions__row").last
    row.locator("summary").click()
    row.locator("textarea").first.fill("Sans responsable.")
    page.locator("input[name=_save]").click()
    expect(page.locator(".errornote")).to_be_focused()
    assert_accessible(page)
