from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import translation

from meetings.models import ActionItem, AgendaItem, Annex, Meeting
from tests.dates import paris

pytestmark = pytest.mark.django_db


@time_machine.travel(paris(2014, 10, 1, 12), tick=False)
def test_upcoming_soonest_first_and_past_latest_first(make_meeting):
    old = make_meeting(paris(2014, 9, 11, 10))
    recent = make_meeting(paris(2014, 9, 29, 10), end=paris(2014, 9, 29, 12, 30))
    november = make_meeting(paris(2014, 11, 7, 10))
    october = make_meeting(paris(2014, 10, 23, 16))
    assert list(Meeting.objects.upcoming()) == [october, november]
    assert list(Meeting.objects.past()) == [recent, old]


@time_machine.travel(paris(2014, 9, 29, 11), tick=False)
def test_a_meeting_under_way_is_still_upcoming(make_meeting):
    under_way = make_meeting(paris(2014, 9, 29, 10), end=paris(2014, 9, 29, 12, 30))
    assert list(Meeting.objects.upcoming()) == [under_way]


def test_the_public_sees_only_public_events(make_meeting, make_user):
    event = make_meeting(kind=Meeting.Kind.EVENT, visibility=Meeting.Visibility.PUBLIC)
    make_meeting(kind=Meeting.Kind.INSTITUTION)
    stranger = make_user("stranger")
    assert list(Meeting.objects.public()) == [event]
    assert list(Meeting.objects.visible_to(stranger)) == [event]


def test_representatives_and_coordinators_see_every_meeting(
    make_meeting, representative, coordinator
):
    make_meeting(kind=Meeting.Kind.EVENT, visibility=Meeting.Visibility.PUBLIC)
    make_meeting(kind=Meeting.Kind.INSTITUTION)
    assert Meeting.objects.visible_to(representative).count() == 2
    assert Meeting.objects.visible_to(coordinator).count() == 2


def test_an_observers_representative_reads_the_minutes(make_meeting, make_user, sos_esclaves):
    make_meeting(kind=Meeting.Kind.INSTITUTION)
    user = make_user("observer-rep")
    sos_esclaves.representatives.add(user)
    assert Meeting.objects.visible_to(user).count() == 1


def test_the_time_is_stored_in_utc_and_shown_in_paris(make_meeting):
    meeting = make_meeting(paris(2014, 11, 7, 10))
    meeting.refresh_from_db()
    assert meeting.start.utcoffset().total_seconds() == 0
    assert meeting.start.hour == 9  # 10:00 in Paris is 09:00 UTC in November
    assert "(7 novembre 2014)" in str(meeting)


def test_open_overdue_and_for_organisation(make_meeting, make_action, ccem, hors_la_rue):
    meeting = make_meeting(items=1)
    late = make_action(meeting, organisations=[ccem], due_on=date(2014, 10, 1))
    later = make_action(meeting, organisations=[ccem, hors_la_rue], due_on=date(2014, 12, 1))
    done = make_action(meeting, organisations=[ccem], status=ActionItem.Status.DONE)
    today = date(2014, 11, 1)
    assert set(ActionItem.objects.open()) == {late, later}
    assert list(ActionItem.objects.overdue(today)) == [late]
    assert set(ActionItem.objects.for_organisation(hors_la_rue)) == {later}
    assert set(ActionItem.objects.for_organisation(ccem)) == {late, later, done}
    assert list(ActionItem.objects.open().overdue_first(today)) == [late, later]


def test_follow_up_keeps_items_open_at_the_time_of_the_meeting(make_meeting, make_action, ccem):
    september = make_meeting(paris(2014, 9, 29, 10), items=1)
    november = make_meeting(paris(2014, 11, 7, 10))
    still_open = make_action(september, organisations=[ccem])
    closed_after = make_action(
        september, organisations=[ccem], status=ActionItem.Status.DONE, done_on=date(2014, 12, 1)
    )
    make_action(
        september, organisations=[ccem], status=ActionItem.Status.DONE, done_on=date(2014, 10, 2)
    )
    make_action(november, organisations=[ccem])  # the meeting's own items are not follow-up
    assert set(ActionItem.objects.outstanding_at(november)) == {still_open, closed_after}


@pytest.fixture
def two_meetings(make_meeting):
    return make_meeting(items=1), make_meeting(paris(2014, 11, 7, 10), items=1)


def test_an_action_item_of_another_meetings_agenda_item_is_refused(two_meetings, ccem):
    september, november = two_meetings
    action = ActionItem(
        meeting=september,
        agenda_item=november.agenda_items.get(),
        text_fr="Transmettre.",
        for_coordination=True,
    )
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert [e.code for e in error.value.error_dict["agenda_item"]] == ["other_meeting"]
    with translation.override("fr"):
        assert error.value.message_dict["agenda_item"] == [
            "Choisissez un point de l'ordre du jour de cette réunion."
        ]
    with pytest.raises(ValidationError):
        action.save()
    assert not ActionItem.objects.exists()
    action.agenda_item = september.agenda_items.get()
    action.full_clean()
    action.save()


def test_an_action_item_cannot_be_moved_to_another_meeting_alone(two_meetings, make_action, ccem):
    september, november = two_meetings
    action = make_action(september, organisations=[ccem])
    action.meeting = november
    with pytest.raises(ValidationError):
        action.save(update_fields=["meeting"])
    assert ActionItem.objects.get().meeting == september


def test_an_annex_of_another_meetings_agenda_item_is_refused(two_meetings, make_annex):
    september, november = two_meetings
    annex = make_annex(september.agenda_items.get())
    annex.agenda_item = november.agenda_items.get()
    with pytest.raises(ValidationError) as error:
        annex.full_clean()
    assert list(error.value.error_dict) == ["agenda_item"]
    with pytest.raises(ValidationError):
        annex.save()
    assert Annex.objects.get().agenda_item == september.agenda_items.get()


def test_an_agenda_item_with_action_items_stays_in_its_meeting(two_meetings, make_action, ccem):
    september, november = two_meetings
    item = september.agenda_items.get()
    make_action(september, organisations=[ccem], agenda_item=item)
    item.meeting = november
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert list(error.value.error_dict) == ["meeting"]
    with pytest.raises(ValidationError):
        item.save()
    assert AgendaItem.objects.get(pk=item.pk).meeting == september
    # Without action items or annexes, it may move.
    empty = november.agenda_items.get()
    empty.meeting = september
    empty.full_clean()
    empty.save()
    assert AgendaItem.objects.get(pk=empty.pk).meeting == september
