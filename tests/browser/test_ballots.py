"""Ballots in a browser: members vote (one through a proxy), the ballot closes and the observer
is a member in the directory in both languages; and axe on every ballot page."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from ballots import services
from ballots.models import Ballot
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db(transaction=True)

LOGIN = {"fr": "/fr/espace-membre/connexion/", "en": "/en/member-area/login/"}


def path(name, language, **kwargs):
    with translation.override(language):
        return reverse(f"ballots:{name}", kwargs=kwargs or None)


@pytest.fixture
def admission(make_organisation, make_user, sos_esclaves):
    """Three members, each with a representative, and an open secret ballot on SOS Esclaves."""
    people = {}
    for slug, name in [("ccem", "CCEM"), ("hors-la-rue", "Hors la Rue"), ("ecpat", "ECPAT")]:
        organisation = make_organisation(name, slug=slug)
        user = make_user(f"rep-{slug}", email=f"{slug}@example.org")
        organisation.representatives.add(user)
        people[slug] = user
    now = timezone.now()
    ballot = services.ballot_create(
        by=None,
        kind=Ballot.Kind.ADMISSION,
        organisation=sos_esclaves,
        question="Admettez-vous SOS Esclaves ?",
        question_fr="Admettez-vous SOS Esclaves ?",
        question_en="Do you admit SOS Esclaves?",
        opens_at=now - timedelta(days=2),
        closes_at=now + timedelta(days=5),
        is_secret=True,
    )
    return ballot, people


def log_in(page, login, user, language="fr"):
    page.context.clear_cookies()
    login(page, user, password=user.raw_password, path=LOGIN[language])


def test_two_members_vote_one_by_proxy_and_the_observer_becomes_a_member(
    page, live_server, login, admission, sos_esclaves
):
    ballot, people = admission
    detail = live_server.url + path("ballot-detail", "fr", pk=ballot.pk)
    # Hors la Rue gives its proxy to the CCEM.
    log_in(page, login, people["hors-la-rue"])
    page.goto(detail)
    page.get_by_role("link", name="Donner la procuration de Hors la Rue").click()
    page.get_by_label("Organisation qui vote pour la vôtre").select_option(label="CCEM")
    page.get_by_role("button", name="Donner la procuration").click()
    expect(page.locator(".messages, [role=status]").first).to_contain_text("CCEM vote désormais")
    # The CCEM votes for itself, then for Hors la Rue.
    log_in(page, login, people["ccem"])
    for name in ["CCEM", "Hors la Rue"]:
        page.goto(detail)
        page.get_by_role("link", name=f"Voter pour {name}").click()
        page.get_by_label("Pour").check()
        page.get_by_role("button", name="Vote").click()
        expect(page.locator("h1")).to_contain_text(f"Reçu du vote de {name}")
        expect(page.locator(".receipt-code code")).not_to_be_empty()
    page.goto(detail)
    expect(page.locator(".meeting-facts")).to_contain_text("2")
    # ECPAT abstains.
    log_in(page, login, people["ecpat"], "en")
    page.goto(live_server.url + path("ballot-detail", "en", pk=ballot.pk))
    page.get_by_role("link", name="Vote for ECPAT").click()
    page.get_by_label("Abstention").check()
    page.get_by_role("button", name="Vote").click()
    expect(page.locator("h1")).to_contain_text("Receipt of the vote of ECPAT")
    # The ballot's time is up: the daily run closes it and admits SOS Esclaves.
    Ballot.objects.filter(pk=ballot.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    call_command("send_reminders", stdout=StringIO())
    page.goto(live_server.url + path("ballot-detail", "en", pk=ballot.pk))
    expect(page.locator(".notice")).to_contain_text("Outcome: admitted")
    expect(page.locator(".notice")).to_contain_text("SOS Esclaves is now: member")
    for directory in ["/fr/membres/", "/en/members/"]:
        page.goto(live_server.url + directory + "?status=member")
        expect(page.locator(".org-card", has_text="SOS Esclaves")).to_have_count(1)
        page.goto(live_server.url + directory + "?status=observer")
        expect(page.locator(".org-card", has_text="SOS Esclaves")).to_have_count(0)


@pytest.fixture
def demo():
    load_demo()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_ballot_pages_have_no_axe_violation(
    page, live_server, login, assert_accessible, demo, language
):
    admission = Ballot.objects.get(kind=Ballot.Kind.ADMISSION, closed_at__isnull=True)
    communique = Ballot.objects.get(kind=Ballot.Kind.TEXT)
    login(page, "demo-member", path=LOGIN[language])
    pages = [
        path("ballot-list", language),
        path("ballot-detail", language, pk=admission.pk),
        path("ballot-detail", language, pk=communique.pk),
        path("vote", language, pk=admission.pk, slug="ccem"),
        path("vote", language, pk=admission.pk, slug="hors-la-rue"),
        path("proxy", language, pk=admission.pk, slug="ccem"),
    ]
    for target in pages:
        page.goto(live_server.url + target)
        expect(page).to_have_url(live_server.url + target)
        expect(page.locator("h1")).to_have_count(1)
        assert_accessible(page)
    # A vote form shown again with its error, then the receipt.
    page.goto(live_server.url + pages[3])
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    assert_accessible(page)
    page.locator("form.form input[type=radio]").first.check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".receipt-code")).to_be_visible()
    assert_accessible(page)
    # The form to change a secret vote (it asks for the receipt code).
    page.goto(live_server.url + pages[3])
    expect(page.locator("input[name=receipt_code]")).to_be_visible()
    assert_accessible(page)
    # The coordinators' page of the room, secret and open.
    page.context.clear_cookies()
    login(page, "demo-coordinator")
    page.goto(live_server.url + path("paper", language, pk=admission.pk))
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)
    open_ballot = services.ballot_create(
        by=None,
        kind=Ballot.Kind.TEXT,
        text="Texte.",
        text_fr="Texte.",
        question="Adoptez-vous ?",
        question_fr="Adoptez-vous ?",
        opens_at=timezone.now() - timedelta(days=1),
        closes_at=timezone.now() + timedelta(days=1),
        is_secret=False,
    )
    page.goto(live_server.url + path("paper", language, pk=open_ballot.pk))
    expect(page.locator("table")).to_be_visible()
    assert_accessible(page)
