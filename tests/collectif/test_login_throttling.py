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


def test_the_account_is_locked_from_another_address_too(client, coordinator):
    for _ in range(3):
        attempt(client, "coordinator", "wrong", REMOTE_ADDR="192.0.2.1")
    assert (
        attempt(
            client, "coordinator", coordinator.raw_password, REMOTE_ADDR="192.0.2.2"
        ).status_code
        == 429
    )


def test_an_address_is_locked_whatever_the_account(client, make_user):
    for name in ["a", "b", "c"]:
        attempt(client, name, "wrong", REMOTE_ADDR="198.51.100.9")
    make_user("d", is_staff=True)
    assert (
        attempt(client, "d", "a-long-test-password", REMOTE_ADDR="198.51.100.9").status_code == 429
    )


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
