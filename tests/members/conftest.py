"""Organisations in each membership status, made through the services as in real life."""

from datetime import date

import pytest

from members import services
from members.models import Organisation

FOUNDED = date(2008, 1, 1)


@pytest.fixture
def make_organisation(db):
    counter = iter(range(1, 100_000))

    def make(name=None, *, status="member", since=FOUNDED, **fields):
        number = next(counter)
        name = name or f"Association {number}"
        fields.setdefault("slug", f"{name.lower().replace(' ', '-')}-{number}")
        fields.setdefault("description_fr", f"Description de {name}.")
        organisation = Organisation.objects.create(name=name, **fields)
        if status == "member":
            services.membership_admit_without_vote(
                organisation=organisation, date=since, reason="Membre fondateur."
            )
        elif status == "observer":
            services.membership_confirm_observer(organisation=organisation, date=since)
        elif status == "former":
            services.membership_admit_without_vote(
                organisation=organisation, date=FOUNDED, reason="Membre fondateur."
            )
            services.membership_end(organisation=organisation, date=since, reason="Départ.")
        organisation.refresh_from_db()
        return organisation

    return make


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
