"""What the SQL says was read and written, the versions that follow, and what a cached value
costs: the pieces under the page cache (collectif/page_cache.py)."""

from unittest import mock

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from collectif import content_versions, table_usage
from members.models import Organisation
from news.models import NewsItem

pytestmark = pytest.mark.django_db

ORGANISATIONS = Organisation._meta.db_table


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    cache.clear()


def executed(run):
    with CaptureQueriesContext(connection) as queries:
        run()
    return [query["sql"] for query in queries]


def read_by(run):
    with table_usage.reading() as usage:
        run()
    return usage


# --- Reading ---------------------------------------------------------------------------------


def test_a_query_depends_on_the_columns_it_names(ccem):
    usage = read_by(lambda: list(Organisation.objects.only("name")))
    assert "name" in usage[ORGANISATIONS]
    assert "deleted_at" in usage[ORGANISATIONS]  # the manager's condition
    assert "contact_email" not in usage[ORGANISATIONS]


def test_a_subquerys_aliased_columns_count(ccem):
    inner = Organisation.objects.filter(contact_email="x@example.org").values("pk")
    usage = read_by(lambda: list(NewsItem.objects.filter(organisations__in=inner).only("pk")))
    assert "contact_email" in usage[ORGANISATIONS]


def test_raw_sql_depends_on_whole_tables(ccem):
    def raw():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT o.name FROM {ORGANISATIONS} o")  # noqa: S608

    assert read_by(raw) == {ORGANISATIONS: None}


def test_nothing_is_collected_outside_reading(ccem):
    with table_usage.reading() as usage:
        pass
    list(Organisation.objects.all())
    assert usage == {}


# --- Writing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("write", "expected"),
    [
        (lambda o: Organisation.objects.filter(pk=o.pk).update(name="X"), {"name"}),
        (lambda o: o.save(update_fields=["contact_email"]), {"contact_email", "version"}),
        (lambda o: o.delete(), None),
        (lambda o: Organisation.objects.bulk_create([Organisation(name="B", slug="b")]), None),
    ],
    ids=["queryset update", "save with update_fields", "delete", "bulk create"],
)
def test_a_write_says_which_table_and_columns_it_changes(ccem, write, expected):
    statements = [sql for sql in executed(lambda: write(ccem)) if table_usage.is_write(sql)]
    usages = [table_usage.usage_of_write(sql) for sql in statements]
    ours = [usage[ORGANISATIONS] for usage in usages if ORGANISATIONS in usage]
    assert ours
    if expected is None:
        assert None in ours
    else:
        assert set().union(*ours) == expected


def test_a_full_save_writes_every_column(ccem):
    statements = [sql for sql in executed(ccem.save) if sql.lstrip().startswith("UPDATE")]
    columns = table_usage.usage_of_write(statements[0])[ORGANISATIONS]
    assert {"name", "contact_email", "description_fr", "version"} <= columns


def test_an_update_written_by_hand_counts_as_the_whole_table():
    sql = f"UPDATE {ORGANISATIONS} SET name = 'x'"  # noqa: S608
    assert table_usage.usage_of_write(sql) == {ORGANISATIONS: None}


# --- Cached values ---------------------------------------------------------------------------


def names():
    calls.append(1)
    return sorted(Organisation.objects.values_list("name", flat=True))


calls: list[int] = []


def test_a_value_is_kept_until_a_column_it_read_is_written(ccem):
    calls.clear()
    assert content_versions.cached("names", names, seconds=60) == [ccem.name]
    Organisation.objects.filter(pk=ccem.pk).update(contact_email="new@example.org")
    assert content_versions.cached("names", names, seconds=60) == [ccem.name]
    assert len(calls) == 1
    Organisation.objects.filter(pk=ccem.pk).update(name="Comité contre l’esclavage moderne")
    assert content_versions.cached("names", names, seconds=60) == [
        "Comité contre l’esclavage moderne"
    ]
    assert len(calls) == 2


def test_new_rows_and_deleted_rows_are_changes(ccem, hors_la_rue):
    calls.clear()
    content_versions.cached("names", names, seconds=60)
    hors_la_rue.delete()
    assert content_versions.cached("names", names, seconds=60) == [ccem.name]
    assert len(calls) == 2


@pytest.mark.django_db(transaction=True)
def test_the_versions_move_again_when_the_transaction_commits():
    organisation = Organisation.objects.create(name="Ruelle", slug="ruelle")
    version_key = content_versions.key(ORGANISATIONS, "name")
    with transaction.atomic():
        Organisation.objects.filter(pk=organisation.pk).update(name="Ruelle (Reims)")
        at_write = cache.get(version_key)
    assert at_write is not None
    assert cache.get(version_key) > at_write


def test_what_was_made_during_a_write_is_not_kept(ccem, settings):
    settings.CONTENT_VERSIONS_CLOCK_SKEW_MS = 1000
    Organisation.objects.filter(pk=ccem.pk).update(name="A")
    calls.clear()
    content_versions.cached("names", names, seconds=60)
    content_versions.cached("names", names, seconds=60)
    assert len(calls) == 2  # written less than a second ago: maybe not committed yet elsewhere


class Recorder:
    """Counts the cache's round trips, by method: the outer calls only (the local-memory
    cache's get_many calls its get, where Redis answers one MGET)."""

    def __init__(self):
        self.calls = []
        self.depth = 0

    def wrap(self, name):
        original = getattr(cache, name)

        def recorded(*args, **kwargs):
            if not self.depth:
                self.calls.append(name)
            self.depth += 1
            try:
                return original(*args, **kwargs)
            finally:
                self.depth -= 1

        return mock.patch.object(cache, name, recorded)


def round_trips(run):
    recorder = Recorder()
    wraps = [recorder.wrap(name) for name in ("get_many", "get", "set", "set_many")]
    with wraps[0], wraps[1], wraps[2], wraps[3]:
        run()
    return recorder.calls


def test_a_page_served_from_the_cache_costs_one_round_trip(client):
    client.get("/fr/le-collectif/")
    assert round_trips(lambda: client.get("/fr/le-collectif/")) == ["get_many"]


def test_a_miss_costs_one_round_trip_before_the_page_is_made(client, monkeypatch):
    from collectif import views

    seen = []
    original = views.PageView.get_context_data

    def noting(self, **kwargs):
        seen.append(len(recorder.calls))
        return original(self, **kwargs)

    monkeypatch.setattr(views.PageView, "get_context_data", noting)
    recorder = Recorder()
    with recorder.wrap("get_many"), recorder.wrap("set"):
        client.get("/fr/le-collectif/")
    assert seen == [1]
    assert recorder.calls == ["get_many", "get_many", "set"]


def test_a_logged_in_request_never_asks_the_page_cache(client, coordinator):
    client.force_login(coordinator)
    calls = round_trips(lambda: client.get("/fr/le-collectif/"))
    assert "get_many" not in calls
    assert "set" not in calls


def test_pages_are_made_when_the_cache_is_down(client):
    client.get("/fr/le-collectif/")
    with mock.patch.object(cache, "get_many", side_effect=ConnectionError("down")):
        assert client.get("/fr/le-collectif/").status_code == 200


def test_writes_go_through_when_the_cache_is_down(ccem):
    with mock.patch.object(cache, "set_many", side_effect=ConnectionError("down")):
        Organisation.objects.filter(pk=ccem.pk).update(name="Toujours écrit")
    assert Organisation.objects.get(pk=ccem.pk).name == "Toujours écrit"
