from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from members.models import MembershipEvent, Organisation

pytestmark = pytest.mark.django_db

SEED = [
    "ACPE", "COFRADE", "CCEM", "ECPAT", "Hors la Rue", "OICEM", "Mouvement du Nid",
    "Planète Enfants", "Bon Pasteur", "Les Champs de Booz", "Secours Catholique",
    "Amicale du Nid", "AFJ",
]  # fmt: skip


def load():
    call_command("load_demo", stdout=StringIO())


def test_demo_has_the_seeds_organisations_as_members():
    load()
    members = Organisation.objects.filter(status="member")
    labels = {o.acronym or o.name for o in members}
    assert labels == set(SEED)
    assert all(o.status_since == date(2008, 1, 1) for o in members)


def test_sos_esclaves_is_an_observer_whose_vote_fell_due_in_2015():
    load()
    sos = Organisation.objects.get(slug="sos-esclaves")
    assert (sos.status, sos.status_since, sos.vote_due_on) == (
        "observer",
        date(2014, 10, 1),
        date(2015, 10, 1),
    )


def test_demo_member_represents_the_ccem():
    load()
    ccem = Organisation.objects.get(slug="ccem")
    assert list(ccem.representatives.values_list("username", flat=True)) == ["demo-member"]
    assert ccem.contact_name == "Bénédicte Bourgeois"
    assert ccem.contact_email.endswith("@example.org")
    assert not ccem.contact_phone


def test_demo_loads_twice_without_changing_anything():
    load()
    events = MembershipEvent.objects.count()
    history = Organisation.history.count()
    snapshot = list(Organisation.objects.values())
    load()
    assert MembershipEvent.objects.count() == events == 14
    assert Organisation.history.count() == history
    assert list(Organisation.objects.values()) == snapshot
