"""The demo is alive on any date: `load_demo` keeps the seed's 2014 history at its dates and
builds the collective's present around the day it runs (collectif/demo.py)."""

import io
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.html import escape

from collectif.dashboard import panels
from collectif.demo import MAX_OVERDUE_DAYS
from collectif.models import DemoContent
from collectif.typography import french
from meetings.models import ActionItem, Meeting
from members.models import ActivityReport, Organisation
from news.models import NewsItem
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
DATES = [date(2026, 12, 1), date(2027, 6, 15), date(2031, 2, 28)]


def load_as_of(time_machine, day):
    time_machine.move_to(datetime(day.year, day.month, day.day, 8, tzinfo=PARIS), tick=False)
    load_demo()


def counts():
    models = [Organisation, Meeting, ActionItem, NewsItem, ActivityReport, DemoContent]
    return {model.__name__: model._base_manager.count() for model in models}


@pytest.fixture(params=DATES, ids=str)
def demo_day(request, time_machine):
    load_as_of(time_machine, request.param)
    return request.param


def test_nothing_is_overdue_beyond_the_demos_own_scenario(demo_day):
    for panel in panels(today=demo_day):
        assert panel.summary is None, panel.key  # nothing overdue for more than a year
        overdue = [row for row in panel.rows if row.alert]
        if panel.key == "action-items":
            assert len(overdue) == 1
            assert str(MAX_OVERDUE_DAYS) in overdue[0].detail
        else:
            assert overdue == [], panel.key
    late = ActionItem.objects.overdue(demo_day)
    assert [(demo_day - item.due_on).days for item in late] == [MAX_OVERDUE_DAYS]


def test_an_observers_vote_falls_due_in_about_a_month(demo_day):
    observers = Organisation.objects.observers()
    assert [(o.vote_due_on - demo_day).days for o in observers if o.vote_due_on] == [30]
    assert not Organisation.objects.vote_overdue(demo_day).exists()
    votes = next(panel for panel in panels(today=demo_day) if panel.key == "votes")
    assert [figure.count for figure in votes.figures] == [0, 1]


def test_the_home_page_shows_recent_news_and_an_upcoming_public_event(client, demo_day):
    content = client.get("/fr/").content.decode()
    recent = NewsItem.objects.published().filter(
        published_at__date__gte=demo_day - timedelta(days=30)
    )
    assert recent.count() == 4
    assert recent.exclude(proposer=None).count() == 3  # members' initiatives
    # Shown with French typography (narrow no-break spaces before « : »).
    assert escape(french(recent.order_by("-published_at").first().title_fr)) in content
    event = Meeting.objects.public().upcoming().get()
    assert 10 <= (event.start.date() - demo_day).days <= 30
    assert escape(french(event.title_fr)) in content
    assert escape("Aucun événement public n'est prévu") not in content


def test_the_next_plenary_comes_in_a_few_weeks_with_its_agenda(demo_day):
    upcoming = Meeting.objects.plenaries().filter(start__date__gt=demo_day)
    plenary = upcoming.get()
    assert 20 <= (plenary.start.date() - demo_day).days <= 40
    assert plenary.agenda_items.count() == 4
    open_items = ActionItem.objects.open().filter(due_on__gte=demo_day)
    assert open_items.count() >= 4
    assert open_items.filter(organisations__slug="ccem").exists()


def test_the_directory_holds_the_collectives_members_with_logos_and_reports(client, demo_day):
    content = client.get(reverse("members:directory")).content.decode()
    assert content.count('class="org-card"') == Organisation.objects.public().count() >= 24
    with_logos = Organisation.objects.exclude(logo="")
    assert with_logos.count() >= 5
    assert with_logos.filter(acronym="Secours Catholique").exists()  # a long one
    for organisation in with_logos[:2]:
        assert client.get(organisation.logo.url).status_code == 200
    reports = ActivityReport.objects.filter(year=demo_day.year - 1)
    assert reports.count() >= 5
    report = reports.select_related("organisation").first()
    page = client.get(report.organisation.get_absolute_url()).content.decode()
    assert report.file.url in page
    response = client.get(report.file.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_the_seeds_history_stays_at_its_dates(demo_day):
    september = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")
    november = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-11-07")
    assert (september.minutes_approved_on, september.minutes_approved_at) == (
        date(2014, 11, 7),
        november,
    )
    assert november.status == Meeting.Status.HELD
    assert not september.action_items.open().exists()
    assert NewsItem.objects.filter(published_at__year=2014).count() == 6


def test_loading_twice_on_a_day_changes_nothing(time_machine):
    load_as_of(time_machine, DATES[0])
    first = counts()
    load_as_of(time_machine, DATES[0])
    assert counts() == first


def test_a_run_a_month_later_moves_the_present_without_duplicating_it(time_machine):
    load_as_of(time_machine, DATES[0])
    first = counts()
    later = DATES[0] + timedelta(days=35)  # in the next year: one more year of reports
    load_as_of(time_machine, later)
    added_reports = ActivityReport.objects.filter(year=later.year - 1).count()
    assert counts() == {
        **first,
        "ActivityReport": first["ActivityReport"] + added_reports,
        "DemoContent": first["DemoContent"] + added_reports,
    }
    koutcha = Organisation.objects.get(slug="koutcha")
    assert (koutcha.vote_due_on - later).days == 30
    assert koutcha.membership_events.get().date == koutcha.status_since
    assert Meeting.objects.plenaries().filter(start__date__gt=later).count() == 1
    assert ActionItem.objects.overdue(later).count() == 1
    newest = NewsItem.objects.published().newest_first().first()
    assert (later - newest.published_at.date()).days < 7


def test_the_day_is_given_on_the_command_line():
    call_command("load_demo", "--today", "2027-03-15", stdout=io.StringIO())
    koutcha = Organisation.objects.get(slug="koutcha")
    assert koutcha.vote_due_on == date(2027, 4, 14)


def test_a_day_that_is_not_a_date_is_refused_with_a_clear_message():
    with pytest.raises(CommandError, match="is not a date"):
        call_command("load_demo", "--today", "15/03/2027", stdout=io.StringIO())
    assert not Organisation.objects.exists()


@pytest.fixture
def coordinator_client(client, time_machine):
    load_as_of(time_machine, DATES[0])
    client.force_login(get_user_model().objects.get(username="demo-coordinator"))
    return client


@pytest.mark.parametrize(
    ("model", "demo_slug_or_title", "real"),
    [
        ("members/organisation", "Koutcha", "ECPAT France"),
        ("meetings/meeting", "Soirée publique", "Rencontre avec la CFDT"),
        ("news/newsitem", "davantage de places", "Signez la déclaration des Balkans"),
    ],
)
def test_the_admin_lists_mark_and_filter_demonstration_content(
    coordinator_client, model, demo_slug_or_title, real
):
    url = f"/admin/{model}/"
    content = coordinator_client.get(url).content.decode()
    assert "Démonstration" in content
    demo_only = coordinator_client.get(url, {"demo": "yes"}).content.decode()
    assert demo_slug_or_title in demo_only
    assert real not in demo_only
    real_only = coordinator_client.get(url, {"demo": "no"}).content.decode()
    assert real in real_only
    assert demo_slug_or_title not in real_only


def test_the_demonstration_filter_is_for_coordinators_only(client, time_machine):
    load_as_of(time_machine, DATES[0])
    url = "/admin/members/organisation/?demo=yes"
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(get_user_model().objects.get(username="demo-member"))
    response = client.get(url)
    assert response.status_code == 302
    assert "Koutcha" not in response.content.decode()


def test_the_admin_list_costs_the_same_queries_whatever_its_demo_rows(
    coordinator_client, django_assert_num_queries, django_assert_max_num_queries
):
    url = "/admin/meetings/actionitem/"
    coordinator_client.get(url)  # warm the caches
    with django_assert_max_num_queries(100) as before:
        coordinator_client.get(url)
    meeting = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")
    item = meeting.agenda_items.first()
    for position in range(190):
        action = ActionItem.objects.create(
            meeting=meeting, agenda_item=item, position=100 + position, text=f"Item {position}"
        )
        DemoContent.objects.create(
            key=f"test:{position}", content_type_id=_content_type(ActionItem), object_id=action.pk
        )
    with django_assert_num_queries(len(before.captured_queries)):
        coordinator_client.get(url)


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model).pk
