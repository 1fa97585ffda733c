"""Fixtures shared by every test module."""

import pytest
from django.contrib.auth.models import Group

from collectif.permissions import COORDINATION_GROUP


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads of a test land in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


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
