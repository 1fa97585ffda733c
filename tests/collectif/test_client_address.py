"""The client's address behind trusted proxies: X-Forwarded-For believed only from them."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from collectif.models import ContactMessage
from collectif.proxies import client_address, parse

CLIENT = "203.0.113.9"


def address(settings, trusted, remote, forwarded=None):
    settings.TRUSTED_PROXIES = trusted
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


@pytest.mark.parametrize("trusted", [None, "none", "", "0"])
def test_without_declared_proxies_the_header_is_ignored(settings, trusted):
    assert address(settings, trusted, "198.51.100.5", "1.2.3.4") == "198.51.100.5"


def test_one_proxy_the_client_is_the_last_hop_it_added(settings):
    assert address(settings, "1", "127.0.0.1", CLIENT) == CLIENT


def test_one_proxy_a_forged_left_part_is_not_believed(settings):
    # The client wrote "6.6.6.6"; nginx appended the address it saw.
    assert address(settings, "1", "127.0.0.1", f"6.6.6.6, {CLIENT}") == CLIENT


def test_two_proxies_the_client_is_third_from_the_right(settings):
    assert address(settings, "2", "10.0.0.3", f"6.6.6.6, {CLIENT}, 10.0.0.2") == CLIENT


def test_fewer_hops_than_proxies_falls_back_to_the_leftmost(settings):
    assert address(settings, "2", "10.0.0.3", CLIENT) == CLIENT


def test_a_forged_header_from_an_untrusted_address_is_ignored(settings):
    assert address(settings, "10.0.0.0/8", "198.51.100.5", "1.2.3.4") == "198.51.100.5"


def test_through_a_trusted_proxy_the_real_client_is_read(settings):
    assert address(settings, "10.0.0.0/8", "10.0.0.2", f"6.6.6.6, {CLIENT}") == CLIENT


def test_trusted_proxies_in_the_chain_are_skipped(settings):
    chain = f"6.6.6.6, {CLIENT}, 10.1.2.3"
    assert address(settings, "10.0.0.2,10.1.0.0/16", "10.0.0.2", chain) == CLIENT


@pytest.mark.parametrize("garbage", ["<script>", "999.1.1.1", "not-an-ip", "\x00"])
def test_a_hop_that_is_not_an_address_is_never_the_client(settings, garbage):
    assert address(settings, "1", "127.0.0.1", f"1.2.3.4, {garbage}") == "127.0.0.1"
    assert address(settings, "10.0.0.0/8", "10.0.0.2", garbage) == "10.0.0.2"


def test_a_broken_setting_says_what_to_write():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_TRUSTED_PROXIES"):
        parse("10.0.0.0/8,nonsense")


@pytest.mark.django_db
def test_rate_limits_use_the_real_address_behind_the_proxy(client, settings):
    """Five messages from one client close the form for that client only, not for everyone
    behind the proxy (each POST comes from nginx at 127.0.0.1)."""
    settings.TRUSTED_PROXIES = "1"
    settings.THROTTLE_CONTACT_PER_CLIENT = (2, 3600)
    cache.clear()

    def send(forwarded):
        return client.post(
            "/fr/contact/",
            {
                "name": "Jeanne Martin",
                "email": "jeanne@example.org",
                "subject": "Une question",
                "message": "Bonjour, une question sur le Collectif.",
            },
            HTTP_X_FORWARDED_FOR=forwarded,
            REMOTE_ADDR="127.0.0.1",
        )

    for _ in range(2):
        assert send("198.51.100.1").status_code == 302
    assert send("198.51.100.1").status_code == 429
    assert send("198.51.100.2").status_code == 302
    assert ContactMessage.objects.count() == 3
