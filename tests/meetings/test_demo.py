import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from meetings.models import ActionItem, Meeting
from members.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())
    return Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")


@pytest.fixture
def demo_client(client, demo):
    client.force_login(get_user_model().objects.get(username="demo-member"))
    return client


def test_demo_is_idempotent(demo):
    counts = (Meeting.objects.count(), ActionItem.objects.count())
    call_command("load_demo", stdout=io.StringIO())
    assert (Meeting.objects.count(), ActionItem.objects.count()) == counts


def test_compte_rendu_of_29_september_holds_its_nine_sections_and_action_items(demo_client, demo):
    content = demo_client.get(demo.get_absolute_url()).content.decode()
    numbers = re.findall(r'class="minutes__number">(\d+)/', content)
    assert numbers == [str(n) for n in range(1, 10)]
    for words in [
        "Lancement du site internet nouvelle formule",
        "Élargissement du Collectif à SOS Esclaves",
        "Paris, le 6 octobre 2014",
        "Geneviève Colas et Constance Mazard",
        "Prochaines rencontres du Collectif",
        ">vendredi 7 novembre 2014 à 10\xa0h</time>&nbsp;– "
        '<time datetime="2014-11-07T12:30:00+01:00">',
        "Salle 3002",
        "4 boulevard de la Villette",
        "Jean-Louis MALYS",
        "Bénédicte Bourgeois transmettra le document",
        "à partir de 11h30 pour présenter leur association",
    ]:
        assert words in content, words
    assert content.count('class="action-item ') == demo.action_items.count() == 10
    assert content.index("Prochaines rencontres") < content.index('minutes__number">1/')


def test_demo_participants_by_organisation(demo_client, demo):
    content = demo_client.get(demo.get_absolute_url()).content.decode()
    participants = content[content.index('id="participants-title"') :]
    assert "<strong>ACPE et COFRADE</strong>: Raffaella Tatangelo" in participants
    assert participants.index("Secours Catholique") < participants.index("SOS Esclaves")


def test_demo_ministry_meetings_are_for_members_only_with_people_met(client, demo):
    interior = Meeting.objects.filter(kind=Meeting.Kind.INSTITUTION).order_by("start")
    assert [m.start.date().isoformat() for m in interior] == [
        "2014-09-11",
        "2014-09-29",
        "2014-10-23",
    ]
    assert not interior.filter(visibility=Meeting.Visibility.PUBLIC).exists()
    october = interior.last()
    assert october.people_met.filter(name="Raphael SODINI").exists()
    assert october.delegations.count() == 6
    content = client.get("/fr/agenda/").content.decode()
    assert "Ministre" not in content
    assert "Journée européenne de lutte contre la traite" in content


def test_demo_member_has_an_open_action_item(demo):
    ccem = Organisation.objects.get(slug="ccem")
    assert ActionItem.objects.open().for_organisation(ccem).exists()


def test_demo_november_plenary_follows_up_the_open_items(demo_client, demo):
    november = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-11-07")
    content = demo_client.get(november.get_absolute_url()).content.decode()
    assert "Suivi des actions" in content
    assert "Bénédicte Bourgeois transmettra le document" in content


def test_minutes_of_29_september_link_their_three_annexes_to_the_library(demo, demo_client):
    annexes = list(demo.annexes.select_related("agenda_item", "document").order_by("number"))
    assert [(a.number, a.agenda_item.position, a.document.slug) for a in annexes] == [
        (1, 1, "communique-lancement-site-2014"),
        (2, 2, "constats-propositions-justice-2014-09-11"),
        (3, 2, "constats-propositions-interieur-2014-09-29"),
    ]
    assert [a.document.is_public for a in annexes] == [True, False, False]
    content = demo_client.get(demo.get_absolute_url()).content.decode()
    for annex in annexes:
        assert f'href="{annex.document.get_absolute_url()}"' in content
    visitor = Client()
    assert visitor.get(annexes[0].document.get_absolute_url()).status_code == 200
    assert visitor.get(annexes[1].document.get_absolute_url()).status_code == 404
    assert demo_client.get(annexes[1].document.get_absolute_url()).status_code == 200


def test_compte_rendu_of_29_september_shows_its_points_as_lists_and_addresses_as_links(
    demo_client, demo
):
    content = demo_client.get(demo.get_absolute_url()).content.decode()
    first = content[content.index('id="item-') : content.index("2/</span>")]
    assert first.count("<li>") >= 4  # the four points of the first section
    assert "- Dans la rubrique" not in content
    assert 'href="mailto:inscriptionacpe@gmail.com"' in content
    assert 'href="https://www.reportchildsextourism.eu"' in content
    assert 'href="mailto:contre.la.traite@secours-catholique.org"' in content
    assert "<strong>A noter :</strong>" in content
