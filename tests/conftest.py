"""Fixtures shared by every test module."""

from datetime import date

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import serializers
from django.db import transaction
from django.utils import translation

from collectif.permissions import COORDINATION_GROUP
from members import services as members_services
from members.models import Organisation

FOUNDED = date(2008, 1, 1)


# Rebuilt by Django itself after each flush (post_migrate), so not restored here.
REBUILT_MODELS = {"contenttypes.contenttype", "auth.permission"}


@pytest.fixture(scope="session")
def migrated_content(django_db_setup, django_db_blocker):
    """The rows the data migrations created (site pages, themes, the Coordination group...),
    with natural keys for content types and permissions, whose ids change after a flush."""
    with django_db_blocker.unblock():
        rows = [
            row
            for model in apps.get_models()
            if model._meta.label_lower not in REBUILT_MODELS
            for row in model._default_manager.all()
        ]
        labels = sorted({row._meta.label for row in rows})
        return serializers.serialize("json", rows, use_natural_foreign_keys=True), labels


@pytest.fixture(autouse=True)
def _migrated_content_present(request):
    """Transactional tests (browser tests: the live server must see their data) empty every
    table when they end, and the rows the data migrations made are gone for the tests after
    them. Django's serialized_rollback would put them back, but it misses them once Playwright's
    event loop runs in this thread (asgiref then hands out another connection object, without
    the serialized copy): they are put back here, for any test that finds them missing."""
    marker = request.node.get_closest_marker("django_db")
    if marker is None and not {"db", "transactional_db", "live_server"} & set(request.fixturenames):
        return
    content, labels = request.getfixturevalue("migrated_content")
    request.getfixturevalue("_django_db_helper")
    models = [apps.get_model(label) for label in labels]
    if all(model._base_manager.exists() for model in models):
        return
    # In one transaction: foreign keys are checked at commit, whatever the rows' order. What a
    # flush left or made again gives way to the rows as they were.
    with transaction.atomic():
        for model in models:
            model._base_manager.all().delete()
        for row in serializers.deserialize("json", content):
            row.save()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in French: a request of a previous test may have left English active
    in this thread, and URLs reversed outside a request follow the active language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads of a test land in its own temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: counters of one (mail limits, lock-outs) must
    not reach the next."""
    from django.core.cache import cache

    cache.clear()


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


@pytest.fixture
def coordinators(coordinator, make_user):
    """Two coordinators, each in a browser of their own."""
    from django.test import Client

    first, second = Client(), Client()
    first.force_login(coordinator)
    other = make_user("second-coordinator", is_staff=True)
    other.groups.add(Group.objects.get(name=COORDINATION_GROUP))
    second.force_login(other)
    return first, second


# When the organisations of the minutes (2014) joined: members at the founding, observers
# confirmed on 1 October 2014 (SOS Esclaves), former members gone on 1 January 2014.
SINCE = {"member": FOUNDED, "observer": date(2014, 10, 1), "former": date(2014, 1, 1)}


@pytest.fixture
def make_organisation(db):
    counter = iter(range(1, 100_000))

    def make(name=None, *, status="member", since=None, **fields):
        number = next(counter)
        name = name or f"Association {number}"
        since = since or SINCE.get(status)
        fields.setdefault("slug", f"{name.lower().replace(' ', '-')}-{number}")
        fields.setdefault("description_fr", f"Description de {name}.")
        organisation = Organisation.objects.create(name=name, **fields)
        if status == "member":
            members_services.membership_admit_without_vote(
                organisation=organisation, date=since, reason="Membre fondateur."
            )
        elif status == "observer":
            members_services.membership_confirm_observer(organisation=organisation, date=since)
        elif status == "former":
            members_services.membership_admit_without_vote(
                organisation=organisation, date=FOUNDED, reason="Membre fondateur."
            )
            members_services.membership_end(organisation=organisation, date=since, reason="Départ.")
        organisation.refresh_from_db()
        return organisation

    return make


# --- The organisations of the minutes, and their representatives ------------------------------


@pytest.fixture
def ccem(make_organisation):
    return make_organisation(
        "Comité contre l'esclavage moderne",
        acronym="CCEM",
        slug="ccem",
        contact_email="contact@ccem.example.org",
    )


@pytest.fixture
def hors_la_rue(make_organisation):
    return make_organisation("Hors la Rue", slug="hors-la-rue")


@pytest.fixture
def sos_esclaves(make_organisation):
    return make_organisation("SOS Esclaves", slug="sos-esclaves", status="observer")


@pytest.fixture
def representative(make_user, ccem):
    user = make_user("representative", email="rep@ccem.example.org", first_name="Bénédicte")
    ccem.representatives.add(user)
    return user


@pytest.fixture
def other_representative(make_user, hors_la_rue):
    user = make_user("other", email="rep@horslarue.example.org")
    hors_la_rue.representatives.add(user)
    return user


@pytest.fixture
def representative_client(client, representative):
    client.force_login(representative)
    return client
