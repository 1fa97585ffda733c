import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of every table, so that a second run can be compared with the first."""
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            if table in {"django_session", "django_migrations"}:
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from introspection
            rows[table] = sorted(map(repr, cursor.fetchall()))
    return rows


def test_load_demo_is_idempotent(capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first


def test_load_demo_creates_the_demo_accounts_and_prints_them(capsys):
    call_command("load_demo")
    out = capsys.readouterr().out
    assert "demo-coordinator / demo-password-2014" in out
    assert "demo-member / demo-password-2014" in out
    users = get_user_model().objects
    coordinator = users.get(username="demo-coordinator")
    assert coordinator.is_staff
    assert coordinator.check_password("demo-password-2014")
    assert coordinator.groups.filter(name="Coordination").exists()
    member = users.get(username="demo-member")
    assert not member.is_staff
    assert member.check_password("demo-password-2014")
