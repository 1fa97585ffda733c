from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from collectif.models import DemoContent
from members.models import MembershipEvent, Organisation

pytestmark = pytest.mark.django_db

SEED = [
    "ACPE", "COFRADE", "CCEM", "ECPAT", "Hors la Rue", "OICEM", "Mouvement du Nid",
    "Planète Enfants", "Bon Pasteur", "Les Champs de Booz", "Secours Catholique",
    "Amicale du Nid", "AFJ",
]  # fmt: skip
SEED_SLUGS = [
    "acpe", "cofrade", "ccem", "ecpat-france", "hors-la-rue", "oicem", "mouvement-du-nid",
    "planete-enfants", "bon-pasteur", "les-champs-de-booz", "secours-catholique",
    "amicale-du-nid", "afj",
]  # fmt: skip


def load():
    call_command("load_demo", stdout=StringIO())


def test_demo_has_the_seeds_organisations_as_members():
    load()
    members = Organisation.objects.filter(status="member", slug__in=SEED_SLUGS)
    labels = {o.acronym or o.name for o in members}
    assert labels == set(SEED)
    assert all(o.status_since == date(2008, 1, 1) for o in members)
    # The seed's organisations are the collective's history, not demonstration content.
    assert not DemoContent.objects.filter(
        content_type__model="organisation", object_id__in=members.values("pk")
    ).exists()


def test_demo_adds_the_other_known_members_as_demonstration_content():
    load()
    others = Organisation.objects.exclude(slug__in=[*SEED_SLUGS, "sos-esclaves"])
    assert others.count() == 14
    marked = DemoContent.objects.filter(content_type__model="organisation")
    assert set(marked.values_list("object_id", flat=True)) == {o.pk for o in others}
    for organisation in others:
        assert organisation.description_fr
        assert organisation.description_en
        assert organisation.contact_email.endswith("@example.org")
        assert not organisation.contact_name
        assert not organisation.contact_phone


def test_sos_esclaves_was_an_observer_whose_vote_fell_due_in_2015_and_admitted_then():
    load()
    sos = Organisation.objects.get(slug="sos-esclaves")
    events = list(sos.membership_events.values_list("date", "to_status"))
    assert events == [(date(2014, 10, 1), "observer"), (date(2015, 10, 1), "member")]
    vote = sos.admission_votes.get()
    assert (vote.date, vote.outcome) == (date(2015, 10, 1), "admitted")
    assert DemoContent.objects.filter(key="members:vote:sos-esclaves", object_id=vote.pk).exists()


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
    # The seed's 14, the 13 other members, SOS Esclaves' admission, Koutcha's observation.
    assert MembershipEvent.objects.count() == events == 29
    assert Organisation.history.count() == history
    assert list(Organisation.objects.values()) == snapshot
