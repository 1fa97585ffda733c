import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    cache.clear()


def attempt(client, username, password, **extra):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        headers={"Accept-Language": "fr"},
        **extra,
    )


def test_account_is_locked_after_repeated_failures_with_a_clear_message(client, coordinator):
    for _ in range(2):
        assert attempt(client, "coordinator", "wrong").status_code == 200
    # The third failure locks; then even the right password is refused.
    assert attempt(client, "coordinator", "wrong").status_code == 429
    locked = attempt(client, "coordinator", coordinator.raw_password)
    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Trop de tentatives" in html
    assert "15 minutes" in html
    assert "/fr/espace-membre/mot-de-passe-oublie/" in html  # the way out


def test_an_attacker_at_one_address_does_not_lock_the_account_out_elsewhere(client, coordinator):
    # The attack of the finding: 50 failures on the coordinator's account from one address.
    statuses = [
        attempt(client, "coordinator", "wrong", REMOTE_ADDR="203.0.113.66").status_code
        for _ in range(50)
    ]
    assert statuses[:2] == [200, 200]
    assert set(statuses[2:]) == {429}
    # The attacker's own address stays locked, even with the right password…
    assert (
        attempt(
            client, "coordinator", coordinator.raw_password, REMOTE_ADDR="203.0.113.66"
        ).status_code
        == 429
    )
    # …and the coordinator, from another address, logs in at once.
    assert (
        attempt(
            client, "coordinator", coordinator.raw_password, REMOTE_ADDR="192.0.2.2"
        ).status_code
        == 302
    )


def test_spraying_from_one_address_locks_the_address_at_its_own_higher_limit(
    client, make_user, settings
):
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 8
    make_user("d", is_staff=True)
    sprayer = "198.51.100.9"
    # One failure on each of seven accounts: no pair reaches its limit, the address not yet.
    for name in "abcefgh":
        assert attempt(client, name, "wrong", REMOTE_ADDR=sprayer).status_code == 200
    assert attempt(client, "d", "a-long-test-password", REMOTE_ADDR=sprayer).status_code == 302
    client.logout()
    # The eighth failure locks the address, whatever the account…
    assert attempt(client, "i", "wrong", REMOTE_ADDR=sprayer).status_code == 429
    assert attempt(client, "d", "a-long-test-password", REMOTE_ADDR=sprayer).status_code == 429
    # …and nobody else.
    assert attempt(client, "d", "a-long-test-password", REMOTE_ADDR="192.0.2.7").status_code == 302


def test_a_success_does_not_wipe_the_addresss_count(client, make_user, settings):
    """A sprayer who owns one account cannot reset its address's count by logging in."""
    settings.LOGIN_ADDRESS_FAILURE_LIMIT = 4
    make_user("own", is_staff=True)
    sprayer = "198.51.100.10"
    for name in "abc":
        attempt(client, name, "wrong", REMOTE_ADDR=sprayer)
    assert attempt(client, "own", "a-long-test-password", REMOTE_ADDR=sprayer).status_code == 302
    client.logout()
    assert attempt(client, "e", "wrong", REMOTE_ADDR=sprayer).status_code == 429


def test_a_completed_password_reset_unlocks_the_account(client, representative):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    for _ in range(3):
        attempt(client, "representative", "wrong")
    assert attempt(client, "representative", representative.raw_password).status_code == 429

    uid = urlsafe_base64_encode(force_bytes(representative.pk))
    token = default_token_generator.make_token(representative)
    form_url = client.get(
        f"/fr/espace-membre/mot-de-passe-oublie/{uid}/{token}/", follow=True
    ).redirect_chain[-1][0]
    new = "une-toute-nouvelle-phrase-de-passe"
    done = client.post(form_url, {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    logged_in = client.post(
        "/fr/espace-membre/connexion/", {"username": "representative", "password": new}
    )
    assert logged_in.status_code == 302


def test_coordinators_see_and_clear_lock_outs_in_the_admin(client, coordinator, make_user):
    from axes.models import AccessAttempt

    for _ in range(3):
        attempt(client, "victim", "wrong", REMOTE_ADDR="203.0.113.5")
    lock = AccessAttempt.objects.get(username="victim")
    client.force_login(coordinator)
    listing = client.get("/admin/axes/accessattempt/", headers={"Accept-Language": "fr"})
    assert listing.status_code == 200
    assert "203.0.113.5" in listing.content.decode()
    deleted = client.post(f"/admin/axes/accessattempt/{lock.pk}/delete/", {"post": "yes"})
    assert deleted.status_code == 302
    assert not AccessAttempt.objects.filter(username="victim").exists()


def test_lock_is_lifted_after_the_cool_off(client, coordinator, time_machine):
    time_machine.move_to("2026-03-01 09:00:00+00:00")
    for _ in range(3):
        attempt(client, "coordinator", "wrong")
    assert attempt(client, "coordinator", coordinator.raw_password).status_code == 429
    time_machine.move_to("2026-03-01 09:16:00+00:00")
    assert attempt(client, "coordinator", coordinator.raw_password).status_code == 302


def test_a_success_resets_the_failures(client, coordinator):
    for _ in range(2):
        attempt(client, "coordinator", "wrong")
    assert attempt(client, "coordinator", coordinator.raw_password).status_code == 302
    client.logout()
    for _ in range(2):
        attempt(client, "coordinator", "wrong")
    assert attempt(client, "coordinator", coordinator.raw_password).status_code == 302
