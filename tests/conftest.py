"""Fixtures shared by every test module."""

import pytest
from django.contrib.auth.models import Group

from collectif.permissions import COORDINATION_GROUP


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Make the serialized database content (used by `serialized_rollback`) seen by every
    connection object. Django keeps one connection per thread *and context*; Playwright's sync
    API runs browser tests in another context, whose connection would otherwise restore
    nothing after the first transactional test when another test had set the database up."""
    from django.db import connections
    from django.db.backends.base.base import BaseDatabaseWrapper

    contents = getattr(connections["default"], "_test_serialized_contents", None)
    if contents is not None:
        BaseDatabaseWrapper._test_serialized_contents = contents


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads of a test land in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def make_user(django_user_model):
    def make(username="someone", *, password="a-long-test-password", **fields):
        user = django_user_model.objects.create_user(username=username, password=password, **fields)
        user.raw_password = password
        return user

    return make


@pytest.fixture
def coordinator(make_user):
    user = make_user("coordinator", is_staff=True, email="coordinator@example.org")
    user.groups.add(Group.objects.get(name=COORDINATION_GROUP))
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client
