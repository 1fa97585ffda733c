"""Two coordinators on the same meeting's page: its version covers the whole page, inlines
included, and the rows the page edits that change elsewhere (an agenda item on its own page, an
action item a member marks done) give it a new version."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import ActionItem, AgendaItem, Meeting
from tests.forms import STALE_FR, form_data, open_admin, refused, save

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(make_meeting):
    return make_meeting(items=1)


def test_meeting_inlines_are_covered_by_the_meetings_version(coordinators, meeting):
    """The first adds a person met (an inline), the second changes the title."""
    first, second = coordinators
    url, data_1 = open_admin(first, meeting)
    _url, data_2 = open_admin(second, meeting)
    person = {
        "people_met-TOTAL_FORMS": "1",
        "people_met-0-name": "Raphael SODINI",
        "people_met-0-position": "0",
    }
    assert save(first, url, data_1, **person).status_code == 302
    refused(save(second, url, data_2, title_fr="Titre du second"), keeps="Titre du second")
    meeting.refresh_from_db()
    assert meeting.title_fr == "Réunion du Collectif"
    assert meeting.people_met.get().name == "Raphael SODINI"


def test_a_stale_meeting_page_adds_no_inline_row(coordinators, meeting):
    first, second = coordinators
    url, data_1 = open_admin(first, meeting)
    _url, data_2 = open_admin(second, meeting)
    assert save(first, url, data_1, title_fr="Titre du premier").status_code == 302
    response = save(
        second,
        url,
        data_2,
        **{
            "people_met-TOTAL_FORMS": "1",
            "people_met-0-name": "Personne du second",
            "people_met-0-position": "0",
        },
    )
    refused(response, keeps="Personne du second")
    assert not meeting.people_met.exists()
    meeting.refresh_from_db()
    assert meeting.title_fr == "Titre du premier"


def test_an_action_item_closed_by_a_member_is_not_reopened_by_a_stale_section_page(
    coordinator_client, meeting, make_action, ccem, representative
):
    action = make_action(meeting, organisations=[ccem])
    url = reverse("admin:meetings_meeting_agenda_item", args=[meeting.pk, action.agenda_item_id])
    data = form_data(coordinator_client.get(url).content.decode(), "agenda-item-form")
    assert data["actions-0-status"] == "open"
    services.action_item_close(item=action, by=representative, comment="Fait.")
    response = coordinator_client.post(url, {**data, "title_fr": "Titre modifié", "_save": "1"})
    refused(response, keeps="Titre modifié")
    action.refresh_from_db()
    assert action.status == ActionItem.Status.DONE


def test_an_agenda_item_changed_on_its_own_page_outdates_the_meeting_page(coordinators, meeting):
    first, second = coordinators
    url, data = open_admin(first, meeting)
    item = meeting.agenda_items.get()
    item_url, item_data = open_admin(second, item)
    assert save(second, item_url, item_data, minutes_fr="Sur sa propre page.").status_code == 302
    refused(save(first, url, data, title_fr="Titre modifié"), keeps="Titre modifié")
    assert AgendaItem.objects.get(pk=item.pk).minutes_fr == "Sur sa propre page."


def test_an_invalid_inline_claims_no_version(coordinator_client, meeting):
    """A submission shown again for an invalid inline saved nothing, its version included:
    corrected, it goes through."""
    url, data = open_admin(coordinator_client, meeting)
    version = Meeting.objects.get(pk=meeting.pk).version
    response = save(
        coordinator_client,
        url,
        data,
        **{"delegations-TOTAL_FORMS": "1", "delegations-0-organisation": "999999"},
    )
    assert response.status_code == 200
    assert STALE_FR not in response.content.decode()
    assert Meeting.objects.get(pk=meeting.pk).version == version
    assert save(coordinator_client, url, data, title_fr="Corrigé").status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).title_fr == "Corrigé"


def test_approving_the_minutes_outdates_an_open_meeting_page(coordinator_client, make_meeting):
    september = make_meeting(items=1)
    url, data = open_admin(coordinator_client, september)
    services.meeting_approve_minutes(meeting=september, on=september.start.date())
    refused(save(coordinator_client, url, data, signed_by="Quelqu'un"), keeps="Quelqu&#x27;un")
    september.refresh_from_db()
    assert september.minutes_approved_on == september.start.date()
