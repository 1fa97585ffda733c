"""Deleting an organisation moves it to the trash: hidden everywhere, restorable by coordinators;
refused while the collective's records (votes, meetings, action items) name it."""

from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from collectif import trash
from members import services
from members.models import Organisation
from tests.forms import form_data
from tests.members.test_portal import url as portal_url

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/members/organisation/"


def delete_url(organisation):
    return reverse("admin:members_organisation_delete", args=[organisation.pk])


@pytest.fixture
def make_meeting_for_members():
    """A meeting the organisation attended, with an action item for it."""
    from meetings.models import ActionItem, AgendaItem, Meeting
    from tests.dates import paris

    def make(organisation):
        meeting = Meeting.objects.create(
            kind=Meeting.Kind.PLENARY, title_fr="Réunion", start=paris(2014, 9, 29, 10)
        )
        meeting.attendances.create(person="Bénédicte Bourgeois", organisation=organisation)
        item = AgendaItem.objects.create(meeting=meeting, position=1, title_fr="Point")
        action = ActionItem.objects.create(meeting=meeting, agenda_item=item, text_fr="Faire.")
        action.organisations.add(organisation)
        return meeting

    return make


@pytest.fixture
def mistaken(make_organisation):
    """An organisation entered by mistake: nothing refers to it."""
    return make_organisation("Association en double", slug="en-double")


def test_delete_page_offers_the_trash(coordinator_client, mistaken):
    content = coordinator_client.get(delete_url(mistaken)).content.decode()
    assert "Mettre «\u202fAssociation en double\u202f» à la corbeille\u202f?" in content
    assert 'value="Mettre à la corbeille"' in content
    change = coordinator_client.get(f"{CHANGELIST}{mistaken.pk}/change/").content.decode()
    assert ">Mettre à la corbeille</a>" in change
    assert ">Supprimer</a>" not in change


def test_deleting_moves_to_the_trash_and_keeps_the_row(coordinator_client, coordinator, mistaken):
    response = coordinator_client.post(delete_url(mistaken), {"post": "yes"})
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "«\u202fAssociation en double\u202f» est dans la corbeille. "
        "Les coordinateurs peuvent l'y restaurer."
    ]
    kept = Organisation.all_objects.get(pk=mistaken.pk)
    assert kept.is_in_trash
    assert kept.deleted_by == coordinator
    assert not Organisation.objects.filter(pk=mistaken.pk).exists()
    assert kept.membership_events.exists(), "its own story stays with it"
    assert kept.history.first().history_user == coordinator


def test_an_organisation_in_the_trash_is_hidden_everywhere(client, mistaken, make_user):
    representative = make_user("rep-en-double")
    mistaken.representatives.add(representative)
    trash.move_to_trash(instance=mistaken, by=None)
    assert "Association en double" not in client.get("/fr/membres/").content.decode()
    assert client.get(f"/fr/membres/{mistaken.slug}/").status_code == 404
    assert "en-double" not in client.get("/sitemap.xml").content.decode()
    portal = Client()
    portal.force_login(representative)
    assert portal.get(portal_url("organisation-edit", mistaken)).status_code == 404
    assert "Association en double" not in portal.get(portal_url("dashboard")).content.decode()
    assert not Organisation.objects.represented_by(representative).exists()


def test_admin_list_hides_the_trash_unless_asked(coordinator_client, mistaken, other_member):
    trash.move_to_trash(instance=mistaken, by=None)
    default = coordinator_client.get(CHANGELIST).content.decode()
    assert "Association en double" not in default
    assert "Hors la Rue" in default
    in_trash = coordinator_client.get(CHANGELIST, {"trash": "in"}).content.decode()
    assert "Association en double" in in_trash
    assert "Hors la Rue" not in in_trash
    assert "depuis le" in in_trash
    everything = coordinator_client.get(CHANGELIST, {"trash": "all"}).content.decode()
    assert "Association en double" in everything
    assert "Hors la Rue" in everything
    page = coordinator_client.get(f"{CHANGELIST}{mistaken.pk}/change/").content.decode()
    assert "Cette fiche est dans la corbeille" in page


def test_restore_action_brings_it_back_as_it_was(coordinator_client, client, mistaken):
    trash.move_to_trash(instance=mistaken, by=None)
    response = coordinator_client.post(
        f"{CHANGELIST}?trash=in",
        {"action": "restore_selected", "_selected_action": [mistaken.pk]},
    )
    assert response.status_code == 302
    restored = Organisation.objects.get(pk=mistaken.pk)
    assert not restored.is_in_trash
    assert restored.deleted_by is None
    assert client.get(f"/fr/membres/{mistaken.slug}/").status_code == 200


def test_trash_action_moves_several_and_names_the_protected(
    coordinator_client, mistaken, observer, member
):
    services.membership_record_vote(
        organisation=observer,
        date=date(2015, 10, 2),
        place="Réunion plénière",
        votes_for=1,
        votes_against=0,
    )
    response = coordinator_client.post(
        CHANGELIST,
        {"action": "trash_selected", "_selected_action": [mistaken.pk, observer.pk]},
    )
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages[0] == "1 fiche mise à la corbeille."
    assert messages[1].startswith(
        "«\u202fSOS Esclaves\u202f» ne peut pas être mis à la corbeille\u202f: 1 vote"
    )
    assert "ancien membre" in messages[1]
    assert not Organisation.objects.filter(pk=mistaken.pk).exists()
    assert Organisation.objects.filter(pk=observer.pk).exists()


def test_an_organisation_named_in_the_minutes_is_protected(
    coordinator_client, member, make_meeting_for_members
):
    make_meeting_for_members(member)
    content = coordinator_client.get(delete_url(member)).content.decode()
    assert "ne peut pas être mis à la corbeille\u202f: d'autres fiches en dépendent" in content
    assert "1 participation à une réunion" in content
    assert "1 action à suivre" in content
    response = coordinator_client.post(delete_url(member), {"post": "yes"})
    assert response.status_code == 200
    assert Organisation.objects.filter(pk=member.pk).exists()
    with pytest.raises(Exception, match="ne peut pas être mis à la corbeille"):
        trash.move_to_trash(instance=member, by=None)


def test_a_slug_kept_in_the_trash_cannot_be_reused(coordinator_client, mistaken):
    trash.move_to_trash(instance=mistaken, by=None)
    add = f"{CHANGELIST}add/"
    data = form_data(coordinator_client.get(add).content.decode(), "organisation_form")
    response = coordinator_client.post(
        add, {**data, "name": "Nouvelle association", "slug": "en-double", "_save": "1"}
    )
    assert response.status_code == 200
    assert (
        "Une fiche de la corbeille a déjà la même valeur pour «\u202fidentifiant d&#x27;URL\u202f»"
        in (response.content.decode())
    )
    assert Organisation.all_objects.filter(slug="en-double").count() == 1


def test_only_coordinators_reach_the_trash(client, make_user, mistaken, representative):
    staff = make_user("staff-only", is_staff=True)
    for user in (None, representative, staff):
        browser = Client()
        if user:
            browser.force_login(user)
        response = browser.post(delete_url(mistaken), {"post": "yes"})
        assert response.status_code in (302, 403)
        assert Organisation.objects.filter(pk=mistaken.pk).exists()
        response = browser.post(
            CHANGELIST, {"action": "trash_selected", "_selected_action": [mistaken.pk]}
        )
        assert Organisation.objects.filter(pk=mistaken.pk).exists()


def test_directory_costs_the_same_queries_with_organisations_in_the_trash(
    client, make_organisation, django_assert_num_queries
):
    for number in range(5):
        make_organisation(f"Membre {number}")
    with django_assert_num_queries(3):
        client.get("/fr/membres/")
    for organisation in Organisation.objects.all()[:3]:
        trash.move_to_trash(instance=organisation, by=None)
    with django_assert_num_queries(3):
        response = client.get("/fr/membres/")
    assert response.content.decode().count('class="org-card"') == 2


def test_an_organisation_behind_news_is_protected(coordinator_client, member):
    from news.models import NewsItem

    item = NewsItem.objects.create(
        kind=NewsItem.Kind.EVENT, title_fr="Colloque", slug="colloque", proposer=member
    )
    item.organisations.add(member)
    content = coordinator_client.get(delete_url(member)).content.decode()
    assert "2 actualités" in content
    assert Organisation.objects.filter(pk=member.pk).exists()


def test_refusals_count_related_records_together_in_the_readers_language(mistaken, coordinator):
    from django.utils import translation

    from news import services as news_services
    from news.models import NewsItem

    assert mistaken.trash_refusals() == []
    for title, fields in [("Pétition", {"proposer": mistaken}), ("Communiqué", {})]:
        news_services.news_item_create(
            by=coordinator,
            organisations=[mistaken],
            kind=NewsItem.Kind.COMMUNIQUE,
            title_fr=title,
            summary_fr="Résumé.",
            body_fr="Texte.",
            **fields,
        )
    # Proposed one, named in both: three news items, then what to do instead.
    with translation.override("en"):
        assert mistaken.trash_refusals() == [
            "3 news items",
            "an association that leaves is recorded as a former member",
        ]
    with translation.override("fr"):
        assert mistaken.trash_refusals()[0] == "3 actualités"
