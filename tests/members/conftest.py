"""Organisations in each membership status, made through the services as in real life."""

from datetime import date

import pytest


@pytest.fixture
def member(make_organisation):
    return make_organisation("Comité contre l'esclavage moderne", acronym="CCEM", slug="ccem")


@pytest.fixture
def other_member(make_organisation):
    return make_organisation("Hors la Rue", slug="hors-la-rue")


@pytest.fixture
def observer(make_organisation):
    return make_organisation("SOS Esclaves", status="observer", since=date(2014, 10, 1))


@pytest.fixture
def representative(make_user, member):
    user = make_user("representative", email="rep@example.org", first_name="Bénédicte")
    member.representatives.add(user)
    return user


@pytest.fixture
def representative_client(client, representative):
    client.force_login(representative)
    return client
