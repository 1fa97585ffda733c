"""The apps plug into the shared mechanisms through their contributions.py alone: collectif
imports none of them, and a new app's one module reaches every mechanism."""

import ast
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from collectif import dashboard, events, registry, reminders
from collectif.permissions import COORDINATION_GROUP, grant_coordination_permissions
from documents import link_sources

ROOT = Path(__file__).resolve().parents[2]
APPS = {"members", "meetings", "documents", "news"}


def imported_modules(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_collectif_imports_no_app():
    found = [
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted((ROOT / "collectif").rglob("*.py"))
        for module in imported_modules(path)
        if module.split(".")[0] in APPS
    ]
    assert found == []


def test_the_scan_sees_an_import_of_an_app(tmp_path):
    # The test above would pass on a scan that sees nothing.
    module = tmp_path / "module.py"
    module.write_text("import os\nfrom members.models import Organisation\n", encoding="utf-8")
    assert list(imported_modules(module)) == ["os", "members.models"]


def test_every_app_contributes_through_its_own_module():
    assert list(registry.urls) == [
        "collectif.site_urls",
        "members.urls",
        "meetings.urls",
        "documents.urls",
        "news.urls",
    ]
    assert list(registry.coordinated_apps) == [
        "collectif",
        "members",
        "meetings",
        "documents",
        "news",
        "ballots",
    ]
    assert [panel.__module__ for panel in registry.dashboard_panels] == [
        "members.dashboard",
        "meetings.dashboard",
        "news.dashboard",
        "collectif.dashboard",
        "members.dashboard",
        "documents.dashboard",
        "documents.dashboard",
        "collectif.task_admin",
    ]
    assert [loader.__module__ for loader in registry.demo_loaders] == [
        "collectif.demo",
        "members.demo",
        "documents.demo",
        "meetings.demo",
        "news.demo",
        "ballots.demo",
    ]


def test_entries_keep_their_order_then_their_registration():
    kind = registry.Contributions("things", "Test list.")
    kind.add("late", order=200)
    kind.add("first")
    kind.add("second")

    @kind.add(order=50)
    def early():
        pass

    assert list(kind) == [early, "first", "second", "late"]
    kind.remove("first")
    assert list(kind) == [early, "second", "late"]


# --- A fictitious app: what its contributions.py registers reaches every mechanism ------------


class Event:
    title = "Marche contre la traite"
    summary = ""
    place = "Paris"
    is_cancelled = False
    is_public = True
    calendar_uid = "march@campaigns"

    def __init__(self, start):
        self.start = self.end = self.updated_at = start

    def get_public_url(self):
        return "/fr/campagnes/marche/"


def campaign_panel(today):
    return dashboard.Panel(
        key="campaigns",
        title="Campagnes",
        figures=[dashboard.Figure(3, "signatures à vérifier", "/admin/")],
    )


def campaign_reminders(*, today):
    return [f"campaign reminder {today:%Y-%m-%d}"]


def campaign_links():
    return [("https://campaigns.example.org/", "Campagne, site")]


@pytest.fixture
def campaigns_app():
    """What `campaigns/contributions.py` would register, removed after the test."""
    march = Event(datetime(2099, 10, 18, 14, tzinfo=ZoneInfo("Europe/Paris")))

    def campaign_events(*, when, now, limit):
        return [march] if when in ("upcoming", "all") else []

    added = [
        (registry.dashboard_panels, registry.dashboard_panels.add(campaign_panel, order=35)),
        (registry.reminders, registry.reminders.add(campaign_reminders)),
        (registry.event_sources, registry.event_sources.add(campaign_events)),
        (registry.link_sources, registry.link_sources.add(campaign_links)),
        (
            registry.organisation_nav,
            registry.organisation_nav.add(
                registry.NavEntry("Campagnes", "portal:reports"), order=65
            ),
        ),
    ]
    yield march
    for kind, value in added:
        kind.remove(value)


@pytest.mark.django_db
def test_a_new_app_plugs_in_by_registering(campaigns_app, coordinator_client):
    keys = [panel.key for panel in dashboard.panels(today=date(2015, 3, 2))]
    assert keys.index("campaigns") == keys.index("initiatives") + 1
    assert "Campagnes" in coordinator_client.get(reverse("admin:index")).content.decode()

    mail.outbox.clear()
    assert "campaign reminder 2015-03-02" in reminders.run_all(today=date(2015, 3, 2))
    assert campaigns_app in events.upcoming([], now=timezone.now())
    assert link_sources.gather()["https://campaigns.example.org/"] == ["Campagne, site"]


@pytest.mark.django_db
def test_a_registered_navigation_entry_shows_in_the_member_area(
    campaigns_app, client, make_user, make_organisation
):
    user = make_user("representative")
    make_organisation("Hors la Rue", slug="hors-la-rue").representatives.add(user)
    client.force_login(user)
    page = client.get(reverse("portal:dashboard")).content.decode()
    nav = page[page.index('class="portal-nav"') :]
    nav = nav[: nav.index("</nav>")]
    labels = ["Présentation", "Logo", "Initiatives", "Campagnes", "Textes en anglais"]
    positions = [nav.find(label) for label in labels]
    assert -1 not in positions, nav
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_the_coordination_group_has_every_permission_of_the_coordinated_apps():
    group = Group.objects.get(name=COORDINATION_GROUP)
    expected = set(
        Permission.objects.filter(
            content_type__app_label__in=list(registry.coordinated_apps)
        ).values_list("pk", flat=True)
    )
    assert expected
    assert expected <= set(group.permissions.values_list("pk", flat=True))
    assert group.permissions.filter(content_type__app_label="auth", codename="add_user").exists()
    assert not group.permissions.filter(content_type__app_label="sessions").exists()


@pytest.mark.django_db
def test_a_new_model_is_granted_at_the_next_migrate():
    """Without a data migration: the post_migrate receiver grants what exists."""
    group = Group.objects.get(name=COORDINATION_GROUP)
    group.permissions.clear()
    for app_config in apps.get_app_configs():
        grant_coordination_permissions(app_config)
    assert group.permissions.filter(
        content_type__app_label="members", codename="change_organisation"
    ).exists()
    assert group.permissions.filter(
        content_type__app_label="collectif", codename="view_remindersent"
    ).exists()
