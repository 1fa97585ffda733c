"""Least privilege: a coordinator (staff, group « Coordination », not superuser) manages
representatives' accounts in the admin, and nothing more. Each forbidden change is posted by
hand, as an attacker would, and the database is checked unchanged; each allowed change works.
(members/admin_accounts.py, collectif/permissions.py)"""

import re

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission, User
from django.core import mail
from django.test import Client

from collectif.permissions import COORDINATION_GROUP
from members.models import Organisation

pytestmark = pytest.mark.django_db

USERS = "/admin/auth/user/"
GROUPS = "/admin/auth/group/"


def change_url(user):
    return f"{USERS}{user.pk}/change/"


@pytest.fixture
def group():
    return Group.objects.get(name=COORDINATION_GROUP)


@pytest.fixture
def permission():
    return Permission.objects.get(content_type__app_label="auth", codename="delete_user")


@pytest.fixture
def superuser(make_user):
    return make_user("root", is_staff=True, is_superuser=True, email="root@example.org")


@pytest.fixture
def other_coordinator(make_user, group):
    user = make_user("colleague", is_staff=True, email="colleague@example.org")
    user.groups.add(group)
    return user


def snapshot(user):
    """What an attack could change on an account, as the database holds it."""
    user = User.objects.get(pk=user.pk)
    return {
        "is_staff": user.is_staff,
        "is_superuser": user.is_superuser,
        "is_active": user.is_active,
        "email": user.email,
        "password": user.password,
        "groups": set(user.groups.values_list("pk", flat=True)),
        "permissions": set(user.user_permissions.values_list("pk", flat=True)),
    }


def representative_data(user, **changes):
    """A valid submission of a representative's change page, as a coordinator sees it."""
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "organisations": [str(pk) for pk in user.organisations.values_list("pk", flat=True)],
    }
    data.update(changes)
    return {name: value for name, value in data.items() if value is not None}


# --- Forbidden: what a coordinator posts by hand -------------------------------------------------

ESCALATIONS = {
    "is_superuser": lambda group, permission: {"is_superuser": "on"},
    "is_staff": lambda group, permission: {"is_staff": "on"},
    "groups": lambda group, permission: {"groups": [str(group.pk)]},
    "user_permissions": lambda group, permission: {"user_permissions": [str(permission.pk)]},
    # The password's hash shown on the page, replaced by one the attacker knows.
    "password": lambda group, permission: {"password": make_password("the-attacker-knows-it")},
}


@pytest.mark.parametrize("field", ESCALATIONS)
def test_a_coordinator_cannot_escalate_its_own_account(
    coordinator_client, coordinator, group, permission, field
):
    before = snapshot(coordinator)
    data = {
        "username": coordinator.username,
        "email": coordinator.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": [str(group.pk)],
        **ESCALATIONS[field](group, permission),
    }
    response = coordinator_client.post(change_url(coordinator), data)
    assert response.status_code == 403
    assert snapshot(coordinator) == before


@pytest.mark.parametrize("field", ESCALATIONS)
def test_a_coordinator_cannot_escalate_a_representative(
    coordinator_client, representative, group, permission, field
):
    before = snapshot(representative)
    data = representative_data(representative, **ESCALATIONS[field](group, permission))
    response = coordinator_client.post(change_url(representative), data)
    assert response.status_code == 302  # saved, without the field it may not change
    assert snapshot(representative) == before


def test_the_change_form_has_no_privilege_field(coordinator_client, representative):
    form = coordinator_client.get(change_url(representative)).context["adminform"].form
    assert not {"is_staff", "is_superuser", "groups", "user_permissions"} & set(form.fields)
    assert {"email", "is_active", "organisations"} <= set(form.fields)


@pytest.mark.parametrize("field", ESCALATIONS)
def test_a_coordinator_cannot_create_a_privileged_account(
    coordinator_client, group, permission, field
):
    response = coordinator_client.post(
        f"{USERS}add/",
        {
            "username": "intruder",
            "email": "intruder@example.org",
            "usable_password": "false",
            **ESCALATIONS[field](group, permission),
        },
    )
    assert response.status_code == 302
    created = User.objects.get(username="intruder")
    assert snapshot(created) | {"password": "", "email": ""} == {
        "is_staff": False,
        "is_superuser": False,
        "is_active": True,
        "email": "",
        "password": "",
        "groups": set(),
        "permissions": set(),
    }


@pytest.mark.parametrize("target", ["other_coordinator", "superuser"])
def test_a_coordinator_cannot_change_a_staff_account_s_e_mail(request, coordinator_client, target):
    account = request.getfixturevalue(target)
    before = snapshot(account)
    assert coordinator_client.get(change_url(account)).status_code == 403
    response = coordinator_client.post(
        change_url(account),
        {"username": account.username, "email": "attacker@example.org", "is_active": "on"},
    )
    assert response.status_code == 403
    assert snapshot(account) == before


@pytest.mark.parametrize("target", ["other_coordinator", "superuser"])
def test_a_coordinator_cannot_set_a_staff_account_s_password(request, coordinator_client, target):
    account = request.getfixturevalue(target)
    before = snapshot(account)
    url = f"{USERS}{account.pk}/password/"
    assert coordinator_client.get(url).status_code == 403
    response = coordinator_client.post(
        url,
        {
            "usable_password": "true",
            "password1": "the-attacker-knows-it",
            "password2": "the-attacker-knows-it",
        },
    )
    assert response.status_code == 403
    assert snapshot(account) == before


@pytest.mark.parametrize("target", ["coordinator", "superuser"])
def test_a_coordinator_cannot_deactivate_or_delete_a_staff_account(
    request, coordinator_client, target
):
    account = request.getfixturevalue(target)
    before = snapshot(account)
    data = {"username": account.username, "email": account.email}  # is_active left out: off
    assert coordinator_client.post(change_url(account), data).status_code == 403
    assert coordinator_client.post(f"{USERS}{account.pk}/delete/", {"post": "yes"}).status_code in (
        403,
        404,
    )
    assert snapshot(account) == before


def test_a_coordinator_sees_no_staff_account(
    coordinator_client, coordinator, representative, superuser, other_coordinator
):
    response = coordinator_client.get(USERS)
    assert list(response.context["cl"].result_list) == [representative]
    page = response.content.decode()
    assert "root" not in page
    assert "colleague" not in page
    # Nor by a filter typed by hand.
    for lookup in ["is_superuser__exact=1", "is_staff__exact=1", "groups__id__exact=1"]:
        response = coordinator_client.get(f"{USERS}?{lookup}")
        assert response.status_code in (302, 400), lookup
        assert "root" not in response.content.decode()
    # Nor their history, nor a password reset link of theirs.
    assert coordinator_client.get(f"{USERS}{superuser.pk}/history/").status_code == 403
    assert coordinator_client.post(f"{USERS}{superuser.pk}/password-reset/").status_code == 403
    assert not mail.outbox


@pytest.mark.parametrize("action", ["deactivate", "send_password_reset_links", "delete_selected"])
def test_bulk_actions_leave_staff_accounts_alone(
    coordinator_client, coordinator, superuser, other_coordinator, action
):
    accounts = [coordinator, superuser, other_coordinator]
    before = [snapshot(account) for account in accounts]
    coordinator_client.post(
        USERS,
        {
            "action": action,
            "_selected_action": [str(account.pk) for account in accounts],
            "post": "yes",
        },
    )
    assert [snapshot(account) for account in accounts] == before
    assert User.objects.filter(pk__in=[a.pk for a in accounts]).count() == 3
    assert not mail.outbox


def test_select_across_reaches_only_representatives(
    coordinator_client, coordinator, superuser, representative
):
    coordinator_client.post(
        USERS,
        {
            "action": "deactivate",
            "select_across": "1",
            "_selected_action": [str(representative.pk)],
            "index": "0",
        },
    )
    assert User.objects.get(pk=representative.pk).is_active is False
    assert User.objects.get(pk=superuser.pk).is_active is True
    assert User.objects.get(pk=coordinator.pk).is_active is True


def test_a_coordinator_cannot_see_or_change_groups(coordinator_client, group, permission):
    before = set(group.permissions.values_list("pk", flat=True))
    assert coordinator_client.get(GROUPS).status_code == 403
    assert coordinator_client.get(f"{GROUPS}{group.pk}/change/").status_code == 403
    response = coordinator_client.post(
        f"{GROUPS}{group.pk}/change/",
        {"name": group.name, "permissions": [str(pk) for pk in [*before, permission.pk]]},
    )
    assert response.status_code == 403
    assert set(group.permissions.values_list("pk", flat=True)) == before
    response = coordinator_client.post(
        f"{GROUPS}add/", {"name": "Escalade", "permissions": [str(permission.pk)]}
    )
    assert response.status_code == 403
    assert not Group.objects.filter(name="Escalade").exists()


def test_the_coordination_group_holds_no_permission_on_groups_or_permissions(group):
    codenames = set(
        group.permissions.filter(content_type__app_label="auth").values_list("codename", flat=True)
    )
    assert codenames == {"view_user", "add_user", "change_user"}


def test_permissions_granted_by_hand_to_the_group_are_taken_back_at_migrate(group):
    from django.apps import apps

    from collectif.permissions import grant_coordination_permissions

    group.permissions.add(*Permission.objects.filter(codename__in=["change_group", "view_group"]))
    grant_coordination_permissions(apps.get_app_config("auth"))
    assert not group.permissions.filter(codename__in=["change_group", "view_group"]).exists()
    assert group.permissions.filter(codename="change_user").exists()


# --- Allowed: what a coordinator does with representatives' accounts -----------------------------


def test_a_coordinator_creates_a_representative_linked_to_its_organisation(
    coordinator_client, ccem, hors_la_rue
):
    response = coordinator_client.post(
        f"{USERS}add/",
        {
            "username": "nouvelle",
            "email": "nouvelle@ccem.example.org",
            "usable_password": "false",
            "organisations": [str(ccem.pk), str(hors_la_rue.pk)],
        },
    )
    assert response.status_code == 302
    created = User.objects.get(username="nouvelle")
    assert set(created.organisations.all()) == {ccem, hors_la_rue}
    assert (created.is_staff, created.is_superuser, created.has_usable_password()) == (
        False,
        False,
        False,
    )


def test_the_creation_form_refuses_bad_input(coordinator_client, ccem):
    for data in [
        {"username": "", "usable_password": "false"},
        {"username": "a b/c<script>", "usable_password": "false"},
        {"username": "nouvelle", "usable_password": "false", "organisations": ["999999"]},
        {"username": "nouvelle", "usable_password": "false", "email": "pas une adresse"},
        {"username": "nouvelle", "usable_password": "true", "password1": "x", "password2": "y"},
        {"username": "coordinator", "usable_password": "false"},  # taken, by a staff account
    ]:
        response = coordinator_client.post(f"{USERS}add/", data)
        assert response.status_code == 200, data
        assert response.context["adminform"].form.errors, data
    assert not User.objects.exclude(username="coordinator").exists()


def test_a_coordinator_changes_links_and_deactivates_a_representative(
    coordinator_client, representative, ccem, hors_la_rue
):
    data = representative_data(
        representative,
        email="nouvelle@ccem.example.org",
        organisations=[str(hors_la_rue.pk)],
        is_active=None,  # unticked
    )
    assert coordinator_client.post(change_url(representative), data).status_code == 302
    representative.refresh_from_db()
    assert representative.email == "nouvelle@ccem.example.org"
    assert list(representative.organisations.all()) == [hors_la_rue]
    assert representative.is_active is False


def test_linking_from_the_account_refuses_an_organisation_form_opened_before(
    coordinator_client, representative, ccem, hors_la_rue
):
    """The organisation's page lists its representatives: saved from a form opened before the
    link was made, it would undo it silently; the organisation's version refuses it."""
    opened = coordinator_client.get(f"/admin/members/organisation/{hors_la_rue.pk}/change/")
    version = opened.context["adminform"].form.initial["version"]
    data = representative_data(representative, organisations=[str(ccem.pk), str(hors_la_rue.pk)])
    assert coordinator_client.post(change_url(representative), data).status_code == 302
    hors_la_rue.refresh_from_db()
    assert hors_la_rue.version > version
    assert User.objects.get(pk=representative.pk).organisations.count() == 2
    ccem.refresh_from_db()
    unlinked = representative_data(representative, organisations=[str(hors_la_rue.pk)])
    assert coordinator_client.post(change_url(representative), unlinked).status_code == 302
    assert Organisation.objects.get(pk=ccem.pk).version > ccem.version


def test_the_organisations_field_refuses_an_unknown_organisation(
    coordinator_client, representative, ccem
):
    before = snapshot(representative)
    for value in ["999999", "abc", "<script>"]:
        data = representative_data(representative, organisations=[value], email="x@example.org")
        response = coordinator_client.post(change_url(representative), data)
        assert response.status_code == 200
        assert response.context["adminform"].form.errors["organisations"]
    assert snapshot(representative) == before
    assert list(representative.organisations.all()) == [ccem]


def test_a_coordinator_sends_a_password_reset_link_that_works(
    coordinator_client, representative, superuser
):
    superuser.email = representative.email  # an account sharing the address gets nothing
    superuser.save()
    page = coordinator_client.get(change_url(representative)).content.decode()
    assert f'action="{USERS}{representative.pk}/password-reset/"' in page
    response = coordinator_client.post(f"{USERS}{representative.pk}/password-reset/")
    assert response.status_code == 302
    assert response["Location"] == change_url(representative)
    [message] = mail.outbox
    assert message.to == [representative.email]
    link = re.search(r"http://testserver(/fr/\S+/)", message.body)[1]
    client = Client()
    form = client.get(link, follow=True)
    assert (
        client.post(
            form.redirect_chain[-1][0],
            {
                "new_password1": "une-phrase-de-passe-2015",
                "new_password2": "une-phrase-de-passe-2015",
            },
        ).status_code
        == 302
    )
    representative.refresh_from_db()
    assert representative.check_password("une-phrase-de-passe-2015")


def test_a_representative_created_without_a_password_gets_a_link(coordinator_client, ccem):
    coordinator_client.post(
        f"{USERS}add/",
        {"username": "sans-mot", "email": "sans@example.org", "usable_password": "false"},
    )
    created = User.objects.get(username="sans-mot")
    coordinator_client.post(
        USERS, {"action": "send_password_reset_links", "_selected_action": [created.pk]}
    )
    [message] = mail.outbox
    assert message.to == ["sans@example.org"]


def test_no_link_for_an_account_without_e_mail(coordinator_client, make_user):
    account = make_user("muet")
    response = coordinator_client.post(f"{USERS}{account.pk}/password-reset/", follow=True)
    assert "Aucun lien envoyé" in response.content.decode()
    assert not mail.outbox


def test_the_reset_link_view_answers_only_a_post(coordinator_client, representative, client):
    url = f"{USERS}{representative.pk}/password-reset/"
    assert coordinator_client.get(url).status_code == 405
    assert coordinator_client.post(f"{USERS}999999/password-reset/").status_code == 403
    assert coordinator_client.post(f"{USERS}abc/password-reset/").status_code == 403
    anonymous = Client()
    assert anonymous.post(url).status_code == 302  # to the admin's login
    assert not mail.outbox


def test_the_reset_link_view_is_for_account_managers(make_user, representative):
    client = Client()
    client.force_login(make_user("intern", is_staff=True))
    assert client.post(f"{USERS}{representative.pk}/password-reset/").status_code == 403
    assert not mail.outbox


def test_a_coordinator_deactivates_representatives_in_bulk(
    coordinator_client, representative, other_representative
):
    coordinator_client.post(
        USERS,
        {
            "action": "deactivate",
            "_selected_action": [str(representative.pk), str(other_representative.pk)],
        },
    )
    assert not User.objects.filter(
        pk__in=[representative.pk, other_representative.pk], is_active=True
    ).exists()


def test_a_coordinator_sets_a_representative_s_password(coordinator_client, representative):
    response = coordinator_client.post(
        f"{USERS}{representative.pk}/password/",
        {
            "usable_password": "true",
            "password1": "une-phrase-de-passe-2015",
            "password2": "une-phrase-de-passe-2015",
        },
    )
    assert response.status_code == 302
    representative.refresh_from_db()
    assert representative.check_password("une-phrase-de-passe-2015")


# --- Superusers keep full control ----------------------------------------------------------------


def test_a_superuser_grants_staff_status_and_groups(client, superuser, representative, group):
    client.force_login(superuser)
    form = client.get(change_url(representative)).context["adminform"].form
    assert {"is_staff", "is_superuser", "groups", "user_permissions"} <= set(form.fields)
    response = client.post(
        change_url(representative),
        representative_data(
            representative,
            is_staff="on",
            groups=[str(group.pk)],
            date_joined_0="2015-01-01",
            date_joined_1="10:00:00",
        ),
    )
    assert response.status_code == 302
    representative.refresh_from_db()
    assert representative.is_staff
    assert list(representative.groups.all()) == [group]
    assert set(client.get(USERS).context["cl"].result_list) == set(User.objects.all())
