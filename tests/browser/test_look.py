"""The look in a real browser: the menu without script, focus rings, phones' widths, marks."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 800}
DESKTOP = {"width": 1280, "height": 800}

# WCAG relative luminance and contrast of the colours getComputedStyle gives (rgb()/rgba()).
CONTRAST_JS = """
(element) => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const contrast = (a, b) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
  };
  let node = element.parentElement, background = [255, 255, 255];
  while (node) {
    const colour = rgb(getComputedStyle(node).backgroundColor);
    if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) {
      background = colour.slice(0, 3);
      break;
    }
    node = node.parentElement;
  }
  const style = getComputedStyle(element);
  const rings = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) {
    rings.push(rgb(style.outlineColor).slice(0, 3));
  }
  const shadow = style.boxShadow.match(/rgba?\\([^)]*\\)/);
  if (shadow) rings.push(rgb(shadow[0]).slice(0, 3));
  return {
    focusVisible: element.matches(":focus-visible"),
    best: Math.max(0, ...rings.map((ring) => contrast(ring, background))),
  };
}
"""


def url(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def demo(live_server):
    load_demo()


def log_in(page, live_server, username="demo-member"):
    page.goto(live_server.url + url("portal:login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo-password-2014")
    page.click("main [type=submit]")


def test_phone_menu_opens_by_keyboard_without_script(browser, live_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + url("members:directory"))
    menu = page.get_by_role("navigation", name="Navigation principale")
    directory = menu.get_by_role("link", name="Membres")
    expect(directory).to_be_hidden()
    button = menu.locator("summary")
    for _ in range(10):
        page.keyboard.press("Tab")
        if button.evaluate("(element) => element === document.activeElement"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(directory).to_be_visible()
    expect(directory).to_have_attribute("aria-current", "page")
    expect(menu.get_by_role("link", name="Agenda")).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("link", name="Accueil")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    expect(directory).to_be_hidden()
    context.close()


def test_wide_screen_shows_the_whole_menu_and_no_button(browser, live_server):
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + url("collectif:home"))
    menu = page.get_by_role("navigation", name="Navigation principale")
    expect(menu.locator("summary")).to_be_hidden()
    for label in ("Accueil", "Membres", "Actualités", "Agenda", "Droit", "Espace membre"):
        expect(menu.get_by_role("link", name=label)).to_be_visible()
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_focus_ring_stands_out_on_header_body_and_footer(browser, live_server, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(live_server.url + url("collectif:site-map"))
    if viewport is PHONE:
        page.locator(".site-menu summary").click()
    targets = {
        "header": page.locator(".site-brand"),
        "language": page.get_by_role("link", name="English"),
        "main navigation": page.locator(".site-nav a").nth(2),
        "body": page.locator("main a").first,
        "footer": page.locator(".site-footer a").first,
    }
    if viewport is PHONE:
        targets["menu button"] = page.locator(".site-menu summary")
    page.keyboard.press("Tab")  # a keyboard user: focus rings show on what is focused next
    for where, target in targets.items():
        target.focus()
        found = target.evaluate(CONTRAST_JS)
        assert found["focusVisible"], where
        assert found["best"] >= 3, f"{where}: {found['best']:.2f}:1"
    context.close()


def test_no_page_kind_is_wider_than_a_phone(browser, live_server, demo):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    pages = [
        url(name)
        for name in (
            "collectif:home",
            "collectif:about",
            "collectif:site-map",
            "members:directory",
            "documents:library",
            "news:item-list",
            "meetings:event-list",
        )
    ]
    for list_url, pattern in [
        (url("members:directory"), r"/fr/membres/[^/?#]+/$"),
        (url("documents:library"), r"/fr/droit/[^/?#]+/$"),
        (url("news:item-list"), r"/fr/actualites/[^/?#]+/$"),
        (url("meetings:event-list"), r"/fr/agenda/\d+/$"),
    ]:
        page.goto(live_server.url + list_url)
        hrefs = page.locator("main a").evaluate_all("(links) => links.map((a) => a.pathname)")
        pages.append(next(href for href in hrefs if re.search(pattern, href)))
    # The longest title of the law library.
    pages.append("/fr/droit/ep-resolution-2021-02-10-directive-2011-36/")
    for path in pages:
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path}: {width} px"
    log_in(page, live_server)
    page.goto(live_server.url + url("meetings-portal:meeting-list"))
    page.locator("main a[href*='/reunions/']").filter(has_text=re.compile(r"\w")).nth(0).click()
    for path in (url("portal:dashboard"), page.url.removeprefix(live_server.url)):
        page.goto(live_server.url + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280", "390"])
def test_long_acronyms_fit_their_mark(browser, live_server, demo, make_organisation, viewport):
    make_organisation("ECPAT France", acronym="ECPAT France", slug="ecpat-france-2")
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    for path in (url("collectif:home"), url("members:directory"), "/fr/membres/cofrade/"):
        page.goto(live_server.url + path)
        marks = page.locator(".org-logo--placeholder")
        assert marks.count()
        overflowing = marks.evaluate_all(
            """(marks) => marks
                .filter((m) => m.scrollWidth > m.clientWidth || m.scrollHeight > m.clientHeight)
                .map((m) => m.textContent)"""
        )
        assert overflowing == [], path
        # No word cut in two: each word of the mark is on one line.
        for text in marks.evaluate_all("(marks) => marks.map((m) => m.textContent)"):
            assert "\n" not in text
    context.close()


def test_header_says_who_is_logged_in_and_logs_out(page, live_server, demo):
    log_in(page, live_server)
    page.goto(live_server.url + url("news:item-list"))
    account = page.locator(".site-account")
    expect(account).to_contain_text("Connecté·e")
    expect(account.get_by_role("link", name="Espace membre")).to_have_attribute(
        "href", url("portal:dashboard")
    )
    account.get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url(live_server.url + url("collectif:home"))
    expect(page.locator(".messages")).to_contain_text("Vous êtes déconnecté")
    expect(page.locator(".site-account")).to_have_count(0)
    page.goto(live_server.url + url("portal:dashboard"))
    expect(page).to_have_url(re.compile(re.escape(url("portal:login"))))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_site_map_and_open_phone_menu_have_no_axe_violation(
    browser, live_server, language, assert_accessible
):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(live_server.url + url("collectif:site-map", language))
    assert_accessible(page)
    page.locator(".site-menu summary").click()
    assert_accessible(page)
    context.close()


def test_logged_in_header_has_no_axe_violation(page, live_server, demo, assert_accessible):
    log_in(page, live_server)
    page.goto(live_server.url + url("members:directory"))
    expect(page.locator(".site-account")).to_be_visible()
    assert_accessible(page)
