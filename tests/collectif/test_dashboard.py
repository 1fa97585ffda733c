"""The coordinators' home: its figures against known data, and its fixed cost in queries."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from collectif import dashboard
from documents.models import IssuingBody, LegalResource, LinkCheck
from meetings.models import ActionItem, AgendaItem, Meeting
from members import services as members_services
from members.models import ActivityReport, Organisation
from news.models import NewsItem

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")
TODAY = date(2015, 3, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime(2015, 3, 2, 10, tzinfo=PARIS), tick=False):
        yield


def organisation(
    name, *, status="member", since=date(2008, 1, 1), confirmed=None, report=None, **fields
):
    slug = name.lower().replace(" ", "-")
    org = Organisation.objects.create(
        name=name,
        slug=slug,
        description_fr=f"{name}.",
        description_en=f"{name}.",
        contact_first_name="Alice",
        contact_last_name="Martin",
        contact_email=f"{slug}@example.org",
        contact_confirmed_on=confirmed,
        **fields,
    )
    if status == "member":
        members_services.membership_admit_without_vote(
            organisation=org, date=since, reason="Fondateur."
        )
    else:
        members_services.membership_confirm_observer(organisation=org, date=since)
    if report:
        ActivityReport.objects.create(
            organisation=org, year=report, file=ContentFile(b"%PDF-1.4", name="r.pdf")
        )
    org.refresh_from_db()
    return org


def action(meeting, text, due_on, status=ActionItem.Status.OPEN):
    agenda = meeting.agenda_items.first() or AgendaItem.objects.create(
        meeting=meeting, position=1, title_fr="Point"
    )
    return ActionItem.objects.create(
        meeting=meeting,
        agenda_item=agenda,
        text_fr=text,
        text_en=text,
        due_on=due_on,
        status=status,
    )


def news(title, status):
    return NewsItem.objects.create(
        kind="event",
        title_fr=title,
        summary_fr="Résumé.",
        slug=title.lower().replace(" ", "-"),
        status=status,
    )


@pytest.fixture
def known_data():
    # Admission votes: one overdue, one due within 30 days, one later.
    organisation(
        "Observateur en retard",
        status="observer",
        since=date(2014, 2, 20),
        confirmed=TODAY,
        report=2014,
    )
    organisation(
        "Observateur bientôt",
        status="observer",
        since=date(2014, 3, 20),
        confirmed=TODAY,
        report=2014,
    )
    organisation(
        "Observateur plus tard",
        status="observer",
        since=date(2014, 6, 1),
        confirmed=TODAY,
        report=2014,
    )
    # What members provided: complete, contact confirmed last year, no recent report.
    organisation("Membre complet", confirmed=date(2015, 1, 10), report=2014)
    organisation("Contact ancien", confirmed=date(2014, 10, 6), report=2014)
    organisation("Sans rapport", confirmed=date(2015, 1, 10), report=2012)
    # Action items: two overdue, one due within 7 days, one later, one overdue but done.
    meeting = Meeting.objects.create(
        kind="plenary",
        title_fr="Plénière",
        title_en="Plenary",
        start=datetime(2015, 1, 9, 10, tzinfo=PARIS),
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title_fr="Point", title_en="Item")
    action(meeting, "Envoyer le rapport", TODAY - timedelta(days=20))
    action(meeting, "Relire la traduction", TODAY - timedelta(days=1))
    action(meeting, "Préparer la CNCDH", TODAY + timedelta(days=6))
    action(meeting, "Rencontrer la CFDT", TODAY + timedelta(days=30))
    action(meeting, "Déjà fait", TODAY - timedelta(days=40), status=ActionItem.Status.DONE)
    # Initiatives: two waiting for review.
    news("Colloque", NewsItem.Status.SUBMITTED)
    news("Campagne", NewsItem.Status.SUBMITTED)
    news("Brouillon", NewsItem.Status.DRAFT)
    # Legal texts: never checked, checked 400 days ago, checked last month.
    body = IssuingBody.objects.first()
    for number, checked in enumerate(
        [None, TODAY - timedelta(days=400), TODAY - timedelta(days=30)]
    ):
        LegalResource.objects.create(
            title_fr=f"Texte {number}",
            title_en=f"Text {number}",
            slug=f"texte-{number}",
            kind="convention",
            level="international",
            date=date(2010, 1, 1),
            body=body,
            last_checked=checked,
        )
    # Links: two broken at the last check, one working.
    LinkCheck.objects.create(url="https://broken.example.org/a", ok=False, status_code=404)
    LinkCheck.objects.create(url="https://broken.example.org/b", ok=False, error="DNS")
    LinkCheck.objects.create(url="https://fine.example.org/", ok=True, status_code=200)


def figures(panels):
    return {panel.key: [figure.count for figure in panel.figures] for panel in panels}


def test_figures_match_known_data(known_data):
    result = figures(dashboard.panels(today=TODAY))
    assert result["votes"] == [1, 1]
    assert result["action-items"] == [2, 1]
    assert result["initiatives"] == [2]
    # Colloque, Campagne, Brouillon: French only.
    assert result["english"][0] == 3
    assert result["organisations"] == [1, 1]
    assert result["legal-texts"] == [2]
    assert result["links"] == [2]


def test_each_figure_links_to_the_filtered_list_behind_it(known_data):
    links = {
        panel.key: [figure.url for figure in panel.figures]
        for panel in dashboard.panels(today=TODAY)
    }
    assert links["votes"] == [
        "/admin/members/organisation/?vote=overdue",
        "/admin/members/organisation/?vote=soon",
    ]
    assert links["action-items"] == [
        "/admin/meetings/actionitem/?due=overdue",
        "/admin/meetings/actionitem/?due=week",
    ]
    assert links["initiatives"] == ["/admin/news/newsitem/?status__exact=submitted"]
    assert links["english"][0] == reverse("admin:collectif_textneedingtranslation_changelist")
    assert links["organisations"][0] == reverse("admin:members_organisation_missing")
    assert links["legal-texts"] == ["/admin/documents/legalresource/?checked=stale"]
    assert links["links"] == ["/admin/documents/linkcheck/?ok__exact=0"]


def test_the_filtered_lists_show_the_same_figures(known_data, coordinator_client):
    for panel in dashboard.panels(today=TODAY):
        for figure in panel.figures:
            if "?" not in figure.url:
                continue
            response = coordinator_client.get(figure.url)
            assert response.status_code == 200, figure.url
            assert response.context["cl"].result_count == figure.count, figure.url


def test_rows_name_what_needs_attention_first(known_data):
    panels = {panel.key: panel for panel in dashboard.panels(today=TODAY)}
    assert [row.text for row in panels["votes"].rows] == [
        "Observateur en retard",
        "Observateur bientôt",
    ]
    assert panels["votes"].rows[0].detail == "en retard de 10 jours"
    assert [row.text for row in panels["action-items"].rows][:3] == [
        "Envoyer le rapport",
        "Relire la traduction",
        "Préparer la CNCDH",
    ]
    assert {row.url for row in panels["initiatives"].rows} == {
        reverse("admin:news_newsitem_review", args=[item.pk])
        for item in NewsItem.objects.waiting_for_review()
    }


def test_the_admin_index_is_the_dashboard(known_data, coordinator_client):
    page = coordinator_client.get(reverse("admin:index")).content.decode()
    assert "Ce qui demande votre attention" in page
    assert 'href="/admin/news/newsitem/?status__exact=submitted"' in page
    assert 'id="panel-links"' in page
    assert 'href="/admin/news/"' in page  # the list of apps stays below the panels


def test_the_dashboard_is_for_the_admin_only(client, known_data):
    assert client.get(reverse("admin:index")).status_code == 302


def test_the_dashboard_costs_the_same_queries_with_10_and_200_rows(
    coordinator_client, django_assert_num_queries
):
    meeting = Meeting.objects.create(
        kind="plenary", title_fr="Plénière", start=datetime(2015, 1, 9, 10, tzinfo=PARIS)
    )
    agenda = AgendaItem.objects.create(meeting=meeting, position=1, title_fr="Point")
    body = IssuingBody.objects.first()

    def create(count, offset):
        for number in range(offset, offset + count):
            org = Organisation.objects.create(
                name=f"Observateur {number}",
                slug=f"obs-{number}",
                status="observer",
                vote_due_on=TODAY + timedelta(days=number % 40 - 10),
                description_fr="Texte.",
            )
            ActionItem.objects.create(
                meeting=meeting,
                agenda_item=agenda,
                text_fr=f"Action {number}",
                due_on=TODAY + timedelta(days=number % 10 - 5),
            )
            news(f"Initiative {number}", NewsItem.Status.SUBMITTED)
            LegalResource.objects.create(
                title_fr=f"Texte {number}",
                slug=f"texte-{number}",
                kind="convention",
                level="international",
                date=date(2010, 1, 1),
                body=body,
            )
            LinkCheck.objects.create(url=f"https://broken.example.org/{number}", ok=False)
            assert org.pk

    create(10, 0)
    coordinator_client.get(reverse("admin:index"))  # caches (content types, permissions) warm
    with CaptureQueriesContext(connection) as ten:
        coordinator_client.get(reverse("admin:index"))
    create(190, 10)
    with django_assert_num_queries(len(ten)):
        page = coordinator_client.get(reverse("admin:index")).content.decode()
    assert "200</span>" in page


def test_staff_outside_the_coordination_sees_no_panel(client, known_data, make_user):
    from django.contrib.auth.models import Permission

    staff = make_user("webmaster", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_theme"))
    client.force_login(staff)
    page = client.get(reverse("admin:index")).content.decode()
    assert "Ce qui demande votre attention" not in page
    assert "Observateur en retard" not in page


# --- Old data: what is overdue for more than a year is one line --------------------------------

NOW = date(2026, 12, 1)


@pytest.fixture
def in_2026():
    with time_machine.travel(datetime(2026, 12, 1, 10, tzinfo=PARIS), tick=False):
        yield


def old_data(old_items=30, old_observers=3, *, recent=True):
    """Action items and admission votes due in 2014 (and 2015), still open seen from 2026;
    and a few recent ones."""
    meeting = Meeting.objects.create(
        kind="plenary", title_fr="Plénière", start=datetime(2014, 9, 29, 10, tzinfo=PARIS)
    )
    old = [
        action(meeting, f"Action de 2014 n° {number}", date(2014, 10, 1) + timedelta(days=number))
        for number in range(old_items)
    ]
    if not recent:
        return {"old": old}
    action(meeting, "Ancienne mais faite", date(2014, 10, 1), status=ActionItem.Status.DONE)
    recent = [
        action(meeting, "En retard de peu", NOW - timedelta(days=10)),
        action(meeting, "En retard de presque un an", NOW - timedelta(days=360)),
        action(meeting, "Bientôt", NOW + timedelta(days=3)),
    ]
    observers = [
        Organisation.objects.create(
            name=f"Observateur oublié {number}",
            slug=f"oublie-{number}",
            status="observer",
            vote_due_on=date(2014, 11, 1) + timedelta(days=30 * number),
            description_fr="Texte.",
        )
        for number in range(old_observers)
    ]
    late = Organisation.objects.create(
        name="Observateur en retard récent",
        slug="retard-recent",
        status="observer",
        vote_due_on=NOW - timedelta(days=20),
        description_fr="Texte.",
    )
    return {"old": old, "recent": recent, "observers": observers, "late": late}


def test_old_overdue_items_are_summed_up_in_one_line(in_2026):
    data = old_data()
    panels = {panel.key: panel for panel in dashboard.panels(today=NOW)}
    items = panels["action-items"]
    assert [figure.count for figure in items.figures] == [32, 1]  # every overdue one counts
    assert (items.summary.count, items.summary.url) == (30, "/admin/meetings/actionitem/?due=year")
    assert (
        items.summary.label
        == "en retard de plus d'un an (échéance la plus ancienne\u202f: 1er octobre 2014)"
    )
    # The rows are the recent ones only: no wall of 2014.
    assert [row.text for row in items.rows] == [
        "En retard de presque un an",
        "En retard de peu",
        "Bientôt",
    ]
    votes = panels["votes"]
    assert [figure.count for figure in votes.figures] == [4, 0]
    assert (votes.summary.count, votes.summary.url) == (3, "/admin/members/organisation/?vote=year")
    assert [row.text for row in votes.rows] == [data["late"].name]


def test_the_summary_line_links_to_exactly_those_items(in_2026, coordinator_client):
    data = old_data()
    page = coordinator_client.get(reverse("admin:index")).content.decode()
    assert page.count('class="dashboard-panel__summary"') == 2
    assert '<a href="/admin/meetings/actionitem/?due=year">30 en retard de plus d' in page
    assert '<a href="/admin/members/organisation/?vote=year">3 en retard de plus d' in page
    assert "Action de 2014" not in page
    assert page.count("dashboard-row--alert") <= 2 * dashboard.ROWS
    listed = coordinator_client.get("/admin/meetings/actionitem/?due=year").context["cl"]
    assert set(listed.queryset) == set(data["old"])
    listed = coordinator_client.get("/admin/members/organisation/?vote=year").context["cl"]
    assert set(listed.queryset) == set(data["observers"])


def test_on_old_data_every_figure_still_links_to_its_filtered_list(in_2026, coordinator_client):
    old_data()
    for panel in dashboard.panels(today=NOW):
        for figure in [*panel.figures, *([panel.summary] if panel.summary else [])]:
            if "?" not in figure.url:
                continue
            response = coordinator_client.get(figure.url)
            assert response.status_code == 200, figure.url
            assert response.context["cl"].result_count == figure.count, figure.url


def test_without_old_items_there_is_no_summary_line(known_data):
    assert all(panel.summary is None for panel in dashboard.panels(today=TODAY))


def test_the_summary_starts_the_day_after_a_year(in_2026):
    meeting = Meeting.objects.create(
        kind="plenary", title_fr="Plénière", start=datetime(2025, 1, 9, 10, tzinfo=PARIS)
    )
    action(meeting, "Il y a un an jour pour jour", date(2025, 12, 1))
    action(meeting, "Il y a un an et un jour", date(2025, 11, 30))
    panel = next(p for p in dashboard.panels(today=NOW) if p.key == "action-items")
    assert panel.summary.count == 1
    assert [row.text for row in panel.rows] == ["Il y a un an jour pour jour"]
    assert dashboard.a_year_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_the_dashboard_costs_the_same_queries_with_10_and_200_old_items(
    in_2026, coordinator_client, django_assert_num_queries
):
    old_data(old_items=10, old_observers=10)
    coordinator_client.get(reverse("admin:index"))  # caches warm
    with CaptureQueriesContext(connection) as ten:
        coordinator_client.get(reverse("admin:index"))
    old_data(old_items=190, recent=False)
    Organisation.objects.bulk_create(
        Organisation(
            name=f"Observateur ancien {number}",
            slug=f"ancien-{number}",
            status="observer",
            vote_due_on=date(2014, 12, 1),
            description_fr="Texte.",
        )
        for number in range(190)
    )
    with django_assert_num_queries(len(ten)):
        page = coordinator_client.get(reverse("admin:index")).content.decode()
    assert "200 en retard de plus d" in page
