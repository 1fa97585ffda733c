"""The minutes editor of the admin (meetings/editor.py): the meeting's list of sections, each
section's page with its annexes and action items, the moves up and down; all covered by the
meeting's version, closed items recording who closed them, for coordinators only."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import ActionItem, AgendaItem, Meeting
from tests.forms import STALE_EN, STALE_FR, form_data

pytestmark = pytest.mark.django_db

FORM_ID = "agenda-item-form"


@pytest.fixture
def meeting(make_meeting):
    return make_meeting(items=2)


def item_url(meeting, item=None):
    if item is None:
        return reverse("admin:meetings_meeting_agenda_add", args=[meeting.pk])
    return reverse("admin:meetings_meeting_agenda_item", args=[meeting.pk, item.pk])


def open_editor(client, meeting, item=None):
    url = item_url(meeting, item)
    response = client.get(url)
    assert response.status_code == 200
    return url, form_data(response.content.decode(), FORM_ID)


def test_meeting_page_lists_its_sections_in_order_with_their_editors(
    coordinator_client, meeting, make_action
):
    first, second = meeting.agenda_items.order_by("position")
    make_action(meeting, agenda_item=second, for_every_member=True)
    response = coordinator_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    content = response.content.decode()
    assert content.index("Point 1") < content.index("Point 2")
    assert item_url(meeting, first) in content
    assert "1 action à suivre" in content
    assert 'id="agenda_items-group"' not in content  # no more stacked inline of sections
    assert 'id="action_items-group"' not in content


def test_coordinator_writes_a_section_with_an_annex_and_an_action_item(
    coordinator_client, meeting, ccem, make_annex
):
    document = make_annex(meeting.agenda_items.first(), number=9).document
    url, data = open_editor(coordinator_client, meeting)
    data.update(
        {
            "title_fr": "Initiatives des membres",
            "minutes_fr": "- Le **CCEM** est partenaire.\n- Inscriptions : a@b.org",
            "annexes-0-number": "2",
            "annexes-0-document": str(document.pk),
            "actions-0-text_fr": "Transmettre le document.",
            "actions-0-organisations": [str(ccem.pk)],
            "actions-0-due_on": "2014-11-07",
            "actions-0-status": "open",
            "_save": "Enregistrer",
        }
    )
    response = coordinator_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    item = meeting.agenda_items.get(title_fr="Initiatives des membres")
    assert item.position == 3
    assert item.annexes.get().number == 2
    action = item.action_items.get()
    assert action.meeting == meeting
    assert list(action.organisations.all()) == [ccem]
    assert str(action.due_on) == "2014-11-07"
    meeting.refresh_from_db()
    assert meeting.version > 1


def test_preview_renders_the_markdown_and_saves_nothing(coordinator_client, meeting):
    item = meeting.agenda_items.first()
    url, data = open_editor(coordinator_client, meeting, item)
    data.update(
        minutes_fr="- un\n- **deux** <script>alert(1)</script> contact@ccem.org",
        _preview="Aperçu",
    )
    response = coordinator_client.post(url, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "<li><strong>deux</strong>" in content
    assert 'href="mailto:contact@ccem.org"' in content
    assert "<script>alert" not in content
    item.refresh_from_db()
    assert item.minutes_fr == "Compte-rendu du point 1."


@pytest.mark.parametrize(("language", "message"), [("fr", STALE_FR), ("en", STALE_EN)])
def test_a_stale_section_page_is_refused_with_the_input_kept(
    coordinators, meeting, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    first, second = coordinators
    item = meeting.agenda_items.first()
    url, data_1 = open_editor(first, meeting, item)
    _url, data_2 = open_editor(second, meeting, item)
    assert first.post(url, {**data_1, "minutes_fr": "Du premier.", "_save": "1"}).status_code == 302
    response = second.post(url, {**data_2, "minutes_fr": "Du second.", "_save": "1"})
    content = response.content.decode()
    assert response.status_code == 200
    assert message in content
    assert "Du second." in content
    item.refresh_from_db()
    assert item.minutes_fr == "Du premier."


def test_a_section_saved_outdates_the_open_meeting_page(coordinators, meeting):
    from tests.forms import open_admin, refused, save

    first, second = coordinators
    meeting_url, meeting_data = open_admin(second, meeting)
    item = meeting.agenda_items.first()
    url, data = open_editor(first, meeting, item)
    assert first.post(url, {**data, "title_fr": "Nouveau titre", "_save": "1"}).status_code == 302
    refused(save(second, meeting_url, meeting_data, title_fr="Du second"), keeps="Du second")


def test_moving_a_section_up_renumbers_and_a_stale_move_is_refused(coordinator_client, meeting):
    first, second = meeting.agenda_items.order_by("position")
    move = reverse("admin:meetings_meeting_agenda_move", args=[meeting.pk])
    response = coordinator_client.post(move, {"move": f"{second.pk}:up", "version": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#agenda-{second.pk}")
    assert list(meeting.agenda_items.order_by("position").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]
    # The page was opened at version 1; the meeting has moved on.
    response = coordinator_client.post(
        move, {"move": f"{second.pk}:down", "version": "1"}, follow=True
    )
    assert STALE_FR in response.content.decode()
    assert meeting.agenda_items.order_by("position").first().pk == second.pk


@pytest.mark.parametrize(
    "move", ["", "x:up", "0:down", "{first}:up", "{first}:sideways", "{first}:to:9", "{first}:to:x"]
)
def test_a_bad_move_is_refused(coordinator_client, meeting, move):
    first = meeting.agenda_items.order_by("position").first()
    url = reverse("admin:meetings_meeting_agenda_move", args=[meeting.pk])
    response = coordinator_client.post(url, {"move": move.format(first=first.pk), "version": "1"})
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.version == 1
    assert meeting.agenda_items.order_by("position").first() == first


def test_closing_an_action_item_on_the_section_page_records_who_closed_it(
    coordinator_client, coordinator, meeting, make_action, ccem
):
    item = meeting.agenda_items.first()
    action = make_action(meeting, agenda_item=item, organisations=[ccem])
    url, data = open_editor(coordinator_client, meeting, item)
    assert data["actions-0-status"] == "open"
    data.update({"actions-0-status": "done", "actions-0-done_on": "2014-10-03", "_save": "1"})
    assert coordinator_client.post(url, data).status_code == 302
    action.refresh_from_db()
    assert (action.status, action.closed_by, action.done_on) == (
        ActionItem.Status.DONE,
        coordinator,
        date(2014, 10, 3),
    )
    assert list(action.organisations.all()) == [ccem]


def test_an_action_item_without_owner_is_refused_with_the_input_kept(coordinator_client, meeting):
    url, data = open_editor(coordinator_client, meeting, meeting.agenda_items.first())
    data.update({"actions-0-text_fr": "Sans responsable.", "_save": "1"})
    response = coordinator_client.post(url, data)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Indiquez qui en assure le suivi" in content
    assert "Sans responsable." in content
    assert not ActionItem.objects.exists()


def test_a_section_without_a_french_title_is_refused(coordinator_client, meeting):
    url, data = open_editor(coordinator_client, meeting)
    data.update({"title_fr": "", "minutes_fr": "Texte gardé.", "_save": "1"})
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "Texte gardé." in response.content.decode()
    assert meeting.agenda_items.count() == 2


def test_an_annex_number_given_twice_in_the_meeting_is_refused(
    coordinator_client, meeting, make_annex
):
    first, second = meeting.agenda_items.order_by("position")
    annex = make_annex(first, number=2)
    url, data = open_editor(coordinator_client, meeting, second)
    data.update(
        {"annexes-0-number": "2", "annexes-0-document": str(annex.document.pk), "_save": "1"}
    )
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert "L&#x27;annexe 2 est déjà donnée" in response.content.decode()
    assert second.annexes.count() == 0


def test_a_section_of_another_meeting_is_not_found(coordinator_client, meeting, make_meeting):
    other = make_meeting(items=1)
    response = coordinator_client.get(item_url(meeting, other.agenda_items.get()))
    assert response.status_code == 404


@pytest.mark.parametrize("who", ["staff", "representative"])
def test_only_coordinators_reach_the_editor(client, make_user, representative, meeting, who):
    user = make_user("staff-only", is_staff=True) if who == "staff" else representative
    client.force_login(user)
    item = meeting.agenda_items.first()
    move = reverse("admin:meetings_meeting_agenda_move", args=[meeting.pk])
    for response in [
        client.get(item_url(meeting, item)),
        client.get(item_url(meeting)),
        client.post(item_url(meeting, item), {"title_fr": "Pris", "_save": "1"}),
        client.post(move, {"move": f"{item.pk}:down", "version": "1"}),
    ]:
        if who == "staff":
            assert response.status_code == 403
        else:
            assert response.status_code == 302
            assert "/admin/login/" in response["Location"]
    item.refresh_from_db()
    assert item.title_fr == "Point 1"
    assert Meeting.objects.get(pk=meeting.pk).version == 1


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_editor_pages_cost_the_same_with_10_and_200_rows(
    coordinator_client, make_meeting, make_action, ccem, hors_la_rue
):
    counts = []
    for rows in (10, 200):
        meeting = make_meeting(items=rows)
        item = AgendaItem.objects.filter(meeting=meeting).first()
        for position in range(rows):
            make_action(
                meeting, agenda_item=item, organisations=[ccem, hors_la_rue], position=position
            )
        counts.append(
            (
                _count(
                    coordinator_client, reverse("admin:meetings_meeting_change", args=[meeting.pk])
                ),
                _count(coordinator_client, item_url(meeting, item)),
            )
        )
    assert counts[0] == counts[1]


# --- The attendance -----------------------------------------------------------------------------


def open_attendance(client, meeting):
    url = reverse("admin:meetings_meeting_attendance", args=[meeting.pk])
    response = client.get(url)
    assert response.status_code == 200
    return url, response.content.decode(), form_data(response.content.decode(), "attendance-form")


def line_of(data, organisation):
    """The prefix of the checklist's line for `organisation`."""
    for name, value in data.items():
        if name.endswith("-organisation") and value == str(organisation.pk):
            return name.removesuffix("organisation")
    raise AssertionError(f"no line for {organisation}")


def test_attendance_lists_every_organisation_and_records_who_came(
    coordinator_client, meeting, ccem, hors_la_rue
):
    url, content, data = open_attendance(coordinator_client, meeting)
    assert "Comité contre l&#x27;esclavage moderne" in content
    assert "Hors la Rue" in content
    ccem_line = line_of(data, ccem)
    free = str(int(data["attendance-TOTAL_FORMS"]) - 1)
    data.update(
        {
            f"{ccem_line}person": "Bénédicte Bourgeois",
            f"{ccem_line}note_fr": "à partir de 11h30",
            f"{ccem_line}note_en": "from 11:30",
            f"attendance-{free}-organisation": str(ccem.pk),
            f"attendance-{free}-person": "Une collègue",
            f"attendance-{free}-presence": "excused",
            "_save": "Enregistrer",
        }
    )
    response = coordinator_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    rows = {row.person: row for row in meeting.attendances.all()}
    assert set(rows) == {"Bénédicte Bourgeois", "Une collègue"}
    assert rows["Bénédicte Bourgeois"].organisation == ccem
    assert (rows["Bénédicte Bourgeois"].note_fr, rows["Bénédicte Bourgeois"].note_en) == (
        "à partir de 11h30",
        "from 11:30",
    )
    assert rows["Une collègue"].presence == "excused"
    # Emptied, a name is taken off the attendance.
    url, _content, data = open_attendance(coordinator_client, meeting)
    for name, value in list(data.items()):
        if value == "Une collègue":
            data[name] = ""
    assert coordinator_client.post(url, {**data, "_save": "1"}).status_code == 302
    assert list(meeting.attendances.values_list("person", flat=True)) == ["Bénédicte Bourgeois"]


@pytest.mark.parametrize(("language", "message"), [("fr", STALE_FR), ("en", STALE_EN)])
def test_a_stale_attendance_page_is_refused_with_the_input_kept(
    coordinators, meeting, ccem, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    first, second = coordinators
    url, _content, data_1 = open_attendance(first, meeting)
    _url, _content, data_2 = open_attendance(second, meeting)
    line = line_of(data_1, ccem)
    assert (
        first.post(url, {**data_1, f"{line}person": "Du premier", "_save": "1"}).status_code == 302
    )
    response = second.post(url, {**data_2, f"{line}person": "Du second", "_save": "1"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "Du second" in response.content.decode()
    assert list(meeting.attendances.values_list("person", flat=True)) == ["Du premier"]


@pytest.mark.parametrize(
    "bad", [{"person": "x" * 201}, {"presence": "maybe"}, {"id": "999999", "person": "Intrus"}]
)
def test_attendance_refuses_bad_input(coordinator_client, meeting, ccem, bad):
    url, _content, data = open_attendance(coordinator_client, meeting)
    line = line_of(data, ccem)
    response = coordinator_client.post(
        url, {**data, **{line + name: value for name, value in bad.items()}, "_save": "1"}
    )
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert not meeting.attendances.exists()
    assert Meeting.objects.get(pk=meeting.pk).version == 1


def test_a_representative_cannot_reach_the_attendance(client, representative, meeting):
    client.force_login(representative)
    response = client.get(reverse("admin:meetings_meeting_attendance", args=[meeting.pk]))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_section_dragged_to_a_position_takes_it(coordinator_client, make_meeting):
    meeting = make_meeting(items=4)
    items = list(meeting.agenda_items.order_by("position"))
    move = reverse("admin:meetings_meeting_agenda_move", args=[meeting.pk])
    response = coordinator_client.post(move, {"move": f"{items[3].pk}:to:1", "version": "1"})
    assert response.status_code == 302
    order = list(meeting.agenda_items.order_by("position").values_list("pk", flat=True))
    assert order == [items[3].pk, items[0].pk, items[1].pk, items[2].pk]
    assert list(meeting.agenda_items.order_by("position").values_list("position", flat=True)) == [
        1,
        2,
        3,
        4,
    ]
