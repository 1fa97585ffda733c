"""What coordinators do in the admin: timers, filters, status changes, votes, history."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import translation

from collectif import translation_status
from collectif.permissions import COORDINATION_GROUP
from members import services
from members.admin import vote_timer
from members.models import AdmissionVote, InternationalNetwork, Organisation

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/members/organisation/"


def test_coordination_group_may_manage_members():
    group = Group.objects.get(name=COORDINATION_GROUP)
    codenames = set(group.permissions.values_list("codename", flat=True))
    for codename in ["change_organisation", "add_admissionvote", "view_membershipevent"]:
        assert codename in codenames
    assert Permission.objects.filter(codename="view_textneedingtranslation").exists()


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2015, 9, 1), "due in 30 days"),
        (date(2015, 9, 30), "due in 1 day"),
        (date(2015, 10, 1), "due today"),
        (date(2015, 10, 3), "overdue by 2 days"),
    ],
)
def test_vote_timer(observer, today, expected):
    with translation.override("en"):
        assert vote_timer(observer, today) == expected


def test_vote_timer_is_only_for_observers(member):
    assert vote_timer(member, date(2015, 1, 1)) == ""


def test_changelist_shows_status_due_date_and_timer(coordinator_client, observer, time_machine):
    time_machine.move_to("2015-09-21 10:00")
    content = coordinator_client.get(CHANGELIST).content.decode()
    assert "SOS Esclaves" in content
    assert "observateur" in content
    assert "dû dans 10 jours" in content


def test_filters_vote_due_soon_and_overdue(coordinator_client, make_organisation, time_machine):
    time_machine.move_to("2015-09-21 10:00")
    soon = make_organisation("Bientôt", status="observer", since=date(2014, 10, 1))
    late = make_organisation("En retard", status="observer", since=date(2014, 6, 1))
    later = make_organisation("Plus tard", status="observer", since=date(2015, 3, 1))

    def listed(query):
        response = coordinator_client.get(CHANGELIST + query)
        return set(response.context["cl"].result_list)

    assert listed("?vote=soon") == {soon}
    assert listed("?vote=overdue") == {late}
    assert later in listed("")


def test_membership_view_confirms_an_observer(coordinator_client, make_organisation, coordinator):
    candidate = make_organisation("Candidate", status="candidate")
    page = f"{CHANGELIST}{candidate.pk}/membership/"
    assert coordinator_client.get(page).status_code == 200
    response = coordinator_client.post(
        page, {"action": "confirm_observer", "date": "2014-10-01", "reason": ""}
    )
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.status == "observer"
    assert candidate.vote_due_on == date(2015, 10, 1)
    assert candidate.membership_events.get().recorded_by == coordinator


def test_membership_view_offers_only_what_applies(coordinator_client, observer):
    response = coordinator_client.get(f"{CHANGELIST}{observer.pk}/membership/")
    actions = [value for value, _label in response.context["form"].fields["action"].choices]
    assert actions == ["extend", "end"]


def test_membership_view_shows_service_refusals(coordinator_client, observer):
    response = coordinator_client.post(
        f"{CHANGELIST}{observer.pk}/membership/",
        {"action": "end", "date": "2014-01-01", "reason": "Erreur de date."},
    )
    assert response.status_code == 200
    assert "ne peut pas précéder le dernier enregistré" in response.content.decode()
    observer.refresh_from_db()
    assert observer.status == "observer"


def test_members_admin_pages_are_for_coordinators(client, make_user, observer):
    client.force_login(make_user("member-user"))
    for page in [f"{CHANGELIST}{observer.pk}/membership/", f"{CHANGELIST}missing/"]:
        assert client.get(page).status_code == 302


def test_admission_vote_recorded_in_the_admin_admits_the_observer(
    coordinator_client, observer, make_organisation, coordinator
):
    for _ in range(3):
        make_organisation()
    response = coordinator_client.post(
        "/admin/members/admissionvote/add/",
        {
            "organisation": observer.pk,
            "date": "2015-10-08",
            "place": "Réunion plénière du 8 octobre 2015",
            "votes_for": "2",
            "votes_against": "0",
            "abstentions": "1",
        },
    )
    assert response.status_code == 302
    vote = AdmissionVote.objects.get()
    assert (vote.outcome, vote.eligible_voters, vote.recorded_by) == ("admitted", 3, coordinator)
    observer.refresh_from_db()
    assert observer.status == "member"
    assert observer.status_since == date(2015, 10, 8)


def test_admission_vote_with_too_many_votes_is_refused(
    coordinator_client, observer, make_organisation
):
    make_organisation()
    response = coordinator_client.post(
        "/admin/members/admissionvote/add/",
        {
            "organisation": observer.pk,
            "date": "2015-10-08",
            "place": "Réunion plénière",
            "votes_for": "2",
            "votes_against": "0",
            "abstentions": "0",
        },
    )
    assert response.status_code == 200
    assert "seules 1 organisations étaient membres" in response.content.decode()
    assert not AdmissionVote.objects.exists()


def test_only_observers_can_be_put_to_the_vote(coordinator_client, member, observer):
    response = coordinator_client.get(
        f"/admin/members/admissionvote/add/?organisation={observer.pk}"
    )
    choices = list(response.context["adminform"].form.fields["organisation"].queryset)
    assert choices == [observer]


def test_missing_table_lists_what_each_organisation_has_not_provided(
    coordinator_client, member, observer, time_machine
):
    time_machine.move_to("2015-03-01 10:00")
    member.network = InternationalNetwork.objects.create(name="Caritas Internationalis")
    member.save()
    response = coordinator_client.get(f"{CHANGELIST}missing/")
    rows = {p.organisation: p for p in response.context["provisions"]}
    assert set(rows) == {member, observer}
    with translation.override("en"):
        missing = [str(label) for label in rows[member].missing]
    assert missing == [
        "public contact",
        "contact confirmed this year",
        "latest activity report",
        "presentation of the international network",
        "website of the international network",
        "English of some texts",
    ]
    assert "aucun réseau indiqué" in response.content.decode()


def test_history_shows_who_changed_what_and_revert_restores_it(
    coordinator_client, member, representative
):
    services.organisation_update(organisation=member, by=representative, description_en="First.")
    services.organisation_update(organisation=member, by=representative, description_en="Vandal.")
    history = coordinator_client.get(f"{CHANGELIST}{member.pk}/history/").content.decode()
    assert "representative" in history
    first = member.history.filter(description_en="First.").get()
    revert_page = f"{CHANGELIST}{member.pk}/history/{first.history_id}/"
    form = coordinator_client.get(revert_page).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in {"logo", "themes", "representatives"}
    }
    data["status"] = member.status
    response = coordinator_client.post(revert_page, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    member.refresh_from_db()
    assert member.description_en == "First."
    assert member.history.first().history_user.username == "coordinator"
    assert not translation_status.status_for(member).needing_work()


def test_organisation_admin_pages_render(coordinator_client, observer):
    for page in [CHANGELIST, f"{CHANGELIST}{observer.pk}/change/", f"{CHANGELIST}add/"]:
        assert coordinator_client.get(page).status_code == 200


def test_new_organisation_from_the_admin_starts_as_candidate(coordinator_client):
    response = coordinator_client.post(
        f"{CHANGELIST}add/",
        {
            "name": "SOS Esclaves",
            "slug": "sos-esclaves",
            "description_fr": "Aide aux victimes.",
            "contact_name_public": "on",
            "reports-TOTAL_FORMS": "0",
            "reports-INITIAL_FORMS": "0",
            "admission_votes-TOTAL_FORMS": "0",
            "admission_votes-INITIAL_FORMS": "0",
            "membership_events-TOTAL_FORMS": "0",
            "membership_events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Organisation.objects.get(slug="sos-esclaves").status == "candidate"


def test_admin_logo_upload_is_checked_like_the_portals(coordinator_client, member):
    from tests.files import upload

    page = f"{CHANGELIST}{member.pk}/change/"
    form = coordinator_client.get(page).context["adminform"].form
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and name not in {"logo", "themes", "representatives"}
    }
    data.update(
        {
            f"{prefix}-{key}": "0"
            for prefix in ["reports", "admission_votes", "membership_events"]
            for key in ["TOTAL_FORMS", "INITIAL_FORMS"]
        }
    )
    data["logo"] = upload("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    response = coordinator_client.post(page, data)
    assert response.status_code == 200
    assert "Les images SVG ne sont pas acceptées" in response.content.decode()
    member.refresh_from_db()
    assert not member.logo
