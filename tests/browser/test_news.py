"""The path of a member's initiative from the member area to the public pages, and the news
pages' accessibility in both languages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from news.models import NewsItem, Newsletter
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server):
    load_demo()


def path(name, language="fr", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def portal_login(page, live_server, username, language="fr"):
    page.goto(live_server.url + path("portal:login", language))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", "demo-password-2014")
    page.click("main [type=submit]")


def test_member_proposes_coordinator_returns_member_fixes_coordinator_publishes(
    page, browser, live_server, login, demo
):
    # demo-member (CCEM) drafts and submits an initiative from the member area.
    member = browser.new_page()
    portal_login(member, live_server, "demo-member")
    member.goto(live_server.url + path("news-portal:initiative-list", slug="ccem"))
    member.get_by_role("link", name="Proposer une initiative").click()
    member.get_by_label("Type").select_option("petition")
    member.get_by_label("Titre en français").fill("Déclaration des Balkans : deuxième vague")
    member.get_by_label("Résumé en français").fill("Signez la déclaration en 29 recommandations.")
    member.get_by_label("Texte en français").fill("Le projet forme la société civile des Balkans.")
    member.get_by_role("button", name="Enregistrer comme brouillon").click()
    expect(member.locator(".message--success")).to_contain_text("enregistrée comme brouillon")
    member.get_by_role("button", name="Soumettre pour publication").click()
    expect(member.locator(".message--success")).to_contain_text("Votre initiative est soumise")
    item = NewsItem.objects.get(title_fr="Déclaration des Balkans : deuxième vague")

    # The coordinator finds it on the dashboard and returns it with a reason.
    login(page, "demo-coordinator")
    panel = page.locator("#panel-initiatives")
    expect(panel).to_contain_text("Déclaration des Balkans : deuxième vague")
    panel.get_by_role("link", name="Déclaration des Balkans : deuxième vague").click()
    page.get_by_label("Motif").fill(
        "Présentez le lien avec la traite des êtres humains dès le résumé."
    )
    page.get_by_role("button", name="Renvoyer à l'auteur avec ce motif").click()
    expect(page.locator(".messagelist")).to_contain_text("est renvoyée à son auteur")

    # The member sees the reason, corrects, adds the English, and submits again.
    member.goto(live_server.url + path("news-portal:initiative-list", slug="ccem"))
    expect(member.locator("table")).to_contain_text(
        "Présentez le lien avec la traite des êtres humains dès le résumé."
    )
    member.get_by_role("link", name="Déclaration des Balkans : deuxième vague").click()
    expect(member.locator(".return-box")).to_contain_text("dès le résumé")
    member.get_by_role("link", name="Modifier").first.click()
    member.get_by_label("Résumé en français").fill(
        "Contre la traite des êtres humains dans les Balkans : signez la déclaration."
    )
    member.get_by_label("Titre en anglais").fill("Balkans declaration: second wave")
    member.get_by_label("Résumé en anglais").fill("Against human trafficking in the Balkans: sign.")
    member.get_by_role("button", name="Enregistrer comme brouillon").click()
    member.get_by_role("button", name="Soumettre de nouveau").click()
    expect(member.locator(".message--success")).to_contain_text("Votre initiative est soumise")

    # The coordinator publishes it.
    page.goto(live_server.url + reverse("admin:news_newsitem_review", args=[item.pk]))
    expect(page.locator("#content-main")).to_contain_text("Contre la traite des êtres humains")
    page.get_by_role("button", name="Publier").click()
    expect(page.locator(".messagelist")).to_contain_text("est publiée")
    member.close()

    # The public sees it in both languages.
    public = browser.new_page()
    public.goto(live_server.url + path("news:item-list", "fr"))
    public.get_by_role("link", name="Déclaration des Balkans : deuxième vague").click()
    expect(public.locator("h1")).to_have_text("Déclaration des Balkans : deuxième vague")
    expect(public.locator(".lead")).to_have_text(
        "Contre la traite des êtres humains dans les Balkans : signez la déclaration."
    )
    public.get_by_role("navigation", name="Langue").get_by_role("link", name="English").click()
    expect(public).to_have_url(re.compile(r"/en/news/declaration-des-balkans-deuxieme-vague/$"))
    expect(public.locator("h1")).to_have_text("Balkans declaration: second wave")
    # The body has no English yet: the French is shown, marked as French.
    expect(public.locator(".news-body[lang=fr]")).to_contain_text("société civile des Balkans")
    public.goto(live_server.url + path("news:item-list", "en"))
    expect(public.locator(".news-card").first).to_contain_text("Balkans declaration: second wave")
    public.close()


def test_news_filters_by_kind(page, live_server, demo):
    page.goto(live_server.url + path("news:item-list", "en"))
    page.get_by_label("Kind").select_option("platform")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".news-card")).to_have_count(1)
    expect(page.locator(".news-card")).to_contain_text("ECPAT")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_news_pages_have_no_axe_violation(
    page, live_server, login, assert_accessible, demo, language
):
    colloquium = (
        NewsItem.objects.filter(kind="event").order_by("published_at").first()
    )  # the 2014 one
    declaration = NewsItem.objects.get(kind="petition", status="published")
    public = [
        path("collectif:home", language),
        path("news:item-list", language),
        path("news:item-list", language) + "?kind=initiatives&theme=minors",
        path("news:item-detail", language, slug=colloquium.slug),
        path("news:item-detail", language, slug=declaration.slug),
        path("news:subscribe", language),
        path("meetings:event-list", language),
    ]
    for url in public:
        page.goto(live_server.url + url)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    # The subscription form shown again with its errors.
    page.goto(live_server.url + path("news:subscribe", language))
    page.get_by_role("button", name="S'abonner" if language == "fr" else "Subscribe").click()
    expect(page.locator(".form-errors")).to_be_visible()
    assert_accessible(page)

    portal_login(page, live_server, "demo-member", language)
    returned = NewsItem.objects.get(status="returned")
    for url in [
        path("news-portal:initiative-list", language, slug="ccem"),
        path("news-portal:initiative-create", language, slug="ccem"),
        path("news-portal:initiative-detail", language, slug="ccem", pk=returned.pk),
        path("news-portal:initiative-edit", language, slug="ccem", pk=returned.pk),
    ]:
        page.goto(live_server.url + url)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    page.locator("main button[type=submit]").last.click()  # the form without its French title
    assert_accessible(page)


def test_dashboard_and_review_pages_have_no_axe_violation(
    page, live_server, login, assert_accessible, demo
):
    login(page, "demo-coordinator")
    expect(page.locator("#panel-initiatives")).to_be_visible()
    assert_accessible(page)
    returned = NewsItem.objects.get(status="returned")
    page.goto(live_server.url + reverse("admin:news_newsitem_review", args=[returned.pk]))
    assert_accessible(page)
    letter = Newsletter.objects.get()
    page.goto(live_server.url + reverse("admin:news_newsletter_preview", args=[letter.pk]))
    expect(page.locator(".newsletter-preview__html")).to_have_count(2)
    assert_accessible(page)
