from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from news.models import NewsItem, NewsItemTransition, Newsletter

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def demo(capsys):
    call_command("load_demo")
    return capsys.readouterr().out


def test_the_seeds_initiatives_are_published_with_their_proposers(demo):
    published = NewsItem.objects.published().filter(published_at__year=2014)
    by_proposer = {(item.proposer.slug if item.proposer else None, item.kind) for item in published}
    assert by_proposer == {
        (None, "communique"),
        ("ccem", "petition"),
        ("bon-pasteur", "publication"),
        ("acpe", "event"),
        ("acpe", "campaign"),
        ("ecpat-france", "platform"),
    }


def test_the_launch_communique_is_dated_of_the_european_day(demo):
    launch = NewsItem.objects.get(kind="communique", published_at__year=2014)
    assert launch.published_at == datetime(2014, 10, 18, 9, tzinfo=PARIS)
    assert launch.title_en


def test_the_declaration_has_its_signature_link_and_the_platform_its_address(demo):
    declaration = NewsItem.objects.get(kind="petition", status="published")
    assert declaration.link_fr.startswith("https://")
    assert declaration.link_label_fr == "Lire et signer la déclaration"
    platform = NewsItem.objects.get(kind="platform")
    assert platform.link_fr == "https://www.reportchildsextourism.eu/"


def test_the_colloquium_is_in_the_agenda_of_16_october_2014(demo):
    colloquium = NewsItem.objects.get(kind="event", published_at__year=2014)
    assert colloquium.event_start == datetime(2014, 10, 16, 9, tzinfo=PARIS)
    assert "traite" in colloquium.summary_fr  # the link with trafficking, as the minutes required


def test_demo_member_has_a_returned_initiative_with_its_reason(demo):
    returned = NewsItem.objects.with_return_reason().get(status="returned")
    assert returned.proposer.representatives.filter(username="demo-member").exists()
    assert "lien avec la traite" in returned.return_reason
    transitions = NewsItemTransition.objects.filter(item=returned)
    steps = list(transitions.values_list("to_status", "by__username"))
    assert steps == [
        ("draft", "demo-member"),
        ("submitted", "demo-member"),
        ("returned", "demo-coordinator"),
    ]


def test_an_october_letter_waits_to_be_sent(demo):
    letter = Newsletter.objects.get()
    assert letter.status == "draft"
    assert letter.items.count() == 6
