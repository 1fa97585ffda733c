"""Two-factor authentication: staff reach the admin (and every members-only page) only after a
code from an app or a recovery code; representatives may turn it on; wrong codes lock the pair
(account, address) only."""

import io
import re
from html import unescape

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from collectif import second_factor
from collectif.demo import DEMO_COORDINATOR

pytestmark = pytest.mark.django_db

ADMIN_VERIFY = "/admin/second-factor/"
ADMIN_SETUP = "/admin/second-factor/setup/"
PORTAL = "/fr/espace-membre/"
PORTAL_EN = "/en/member-area/"
PORTAL_VERIFY = "/fr/espace-membre/double-authentification/code/"
PORTAL_SETUP = "/fr/espace-membre/double-authentification/activer/"
PORTAL_SETTINGS = "/fr/espace-membre/double-authentification/"
PORTAL_SETTINGS_EN = "/en/member-area/two-factor/"


@pytest.fixture(autouse=True)
def _required(settings):
    settings.REQUIRE_STAFF_2FA = True


def code_of(device, *, offset=0):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, drift=offset):06d}"


def give_device(user):
    device = TOTPDevice.objects.create(user=user, name="default", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="recovery", confirmed=True)
    StaticToken.objects.create(device=recovery, token="recover1")
    return device


def password_login(client, user, path="/admin/login/", **extra):
    return client.post(path, {"username": user.username, "password": user.raw_password}, **extra)


@pytest.fixture
def verified_client(client, coordinator):
    """A coordinator's session that has passed the second step."""
    device = give_device(coordinator)
    client.force_login(coordinator)
    assert client.post(ADMIN_VERIFY, {"code": code_of(device)}).status_code == 302
    return client


# --- Permissions ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", [ADMIN_VERIFY, ADMIN_SETUP, "/admin/second-factor/recovery-codes/"]
)
def test_anonymous_visitors_are_sent_to_the_admin_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("path", [PORTAL_VERIFY, PORTAL_SETUP, PORTAL_SETTINGS])
def test_anonymous_visitors_are_sent_to_the_portal_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/espace-membre/connexion/")


ADMIN_STEPS = [ADMIN_VERIFY, ADMIN_SETUP, "/admin/second-factor/recovery-codes/"]


@pytest.mark.parametrize("path", ADMIN_STEPS)
def test_the_admins_steps_are_for_staff_only(client, representative, path):
    give_device(representative)
    client.force_login(representative)
    response = client.get(path, follow=True)
    assert response.request["PATH_INFO"] == "/admin/login/"


@pytest.mark.parametrize("path", [ADMIN_VERIFY, ADMIN_SETUP])
def test_a_verified_coordinator_may_open_the_steps_again(verified_client, path):
    # The second step has nothing to ask: back to the admin; the enrolment would replace
    # the device, after a code from the new one.
    response = verified_client.get(path)
    assert response.status_code in (200, 302)
    assert verified_client.get("/admin/").status_code == 200


def test_a_representative_without_two_factor_is_not_asked_for_a_code(representative_client):
    assert representative_client.get(PORTAL).status_code == 200
    assert representative_client.get(PORTAL_SETTINGS).status_code == 200
    # The admin stays closed to non-staff, as before.
    assert representative_client.get("/admin/")["Location"].startswith("/admin/login/")


def test_staff_without_a_device_must_enrol_before_any_admin_page(client, coordinator):
    client.force_login(coordinator)
    for path in ["/admin/", "/admin/members/organisation/", "/admin/auth/user/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith(ADMIN_SETUP + "?next=")
    # Members-only pages outside the admin too, in the visitor's language.
    response = client.get(PORTAL)
    assert response["Location"].startswith(PORTAL_SETUP + "?next=")
    # Logging out stays possible.
    assert client.post("/admin/logout/").status_code == 200


def test_staff_with_a_device_must_type_a_code_before_any_admin_page(client, coordinator):
    give_device(coordinator)
    response = password_login(client, coordinator)
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response["Location"] == ADMIN_VERIFY + "?next=%2Fadmin%2F"
    assert client.get("/admin/members/organisation/").status_code == 302
    assert client.get(ADMIN_SETUP)["Location"].startswith(ADMIN_VERIFY)


def test_a_verified_staff_session_reaches_the_admin(verified_client):
    assert verified_client.get("/admin/").status_code == 200
    assert verified_client.get(PORTAL).status_code == 200


def test_without_the_requirement_staff_without_device_log_in_with_a_password(
    client, coordinator, settings
):
    settings.REQUIRE_STAFF_2FA = False
    password_login(client, coordinator)
    assert client.get("/admin/").status_code == 200


def test_without_the_requirement_staff_with_a_device_still_type_a_code(
    client, coordinator, settings
):
    settings.REQUIRE_STAFF_2FA = False
    give_device(coordinator)
    password_login(client, coordinator)
    assert client.get("/admin/")["Location"].startswith(ADMIN_VERIFY)


# --- The admin's steps ---------------------------------------------------------------------


def test_staff_enrol_with_a_qr_code_and_get_ten_recovery_codes_once(client, coordinator):
    password_login(client, coordinator)
    page = client.get(ADMIN_SETUP + "?next=/admin/members/organisation/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Activer la double authentification" in html
    assert 'src="data:image/svg+xml;base64,' in html
    assert "http://" not in html.split("<body", 1)[1].replace("http://www.w3.org", "")
    secret = re.search(r'<code class="secret">([A-Z2-7 ]+)</code>', html).group(1)

    # A wrong code: a clear message in French, the same secret (the app already has it).
    wrong = client.post(ADMIN_SETUP, {"code": "000000"})
    assert wrong.status_code == 200
    assert "Ce code n'est pas le bon" in unescape(wrong.content.decode())
    assert secret in unescape(wrong.content.decode())
    assert not TOTPDevice.objects.filter(user=coordinator).exists()

    device = second_factor.new_device(coordinator, client.session["second_factor_key"])
    done = client.post(
        ADMIN_SETUP + "?next=/admin/members/organisation/", {"code": code_of(device)}
    )
    assert done.status_code == 302
    codes_page = client.get(done["Location"])
    codes = re.findall(r"<li><code>(\w+)</code></li>", codes_page.content.decode())
    assert len(codes) == 10
    assert 'href="/admin/members/organisation/"' in codes_page.content.decode()
    assert TOTPDevice.objects.get(user=coordinator).confirmed
    # Shown once.
    assert client.get(done["Location"]).status_code == 302
    assert client.get("/admin/").status_code == 200

    # A new login: a recovery code works, once.
    for _attempt in range(2):
        other = Client()
        password_login(other, coordinator)
        other.post(ADMIN_VERIFY, {"code": codes[0]})
        reached = other.get("/admin/").status_code
        if _attempt == 0:
            assert reached == 200
        else:
            assert reached == 302


def test_the_second_step_in_french_keeps_the_destination(client, coordinator):
    device = give_device(coordinator)
    password_login(client, coordinator)
    page = client.get(ADMIN_VERIFY + "?next=/admin/members/organisation/")
    assert "Deuxième étape de la connexion" in page.content.decode()
    wrong = client.post(ADMIN_VERIFY, {"code": "123 456", "next": "/admin/members/organisation/"})
    assert wrong.status_code == 200
    assert "Ce code n'est pas le bon" in unescape(wrong.content.decode())
    assert 'value="/admin/members/organisation/"' in unescape(wrong.content.decode())
    right = client.post(
        ADMIN_VERIFY, {"code": code_of(device), "next": "/admin/members/organisation/"}
    )
    assert right["Location"] == "/admin/members/organisation/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "a\x00b", "0"])
def test_the_second_step_refuses_to_send_elsewhere(client, coordinator, target):
    device = give_device(coordinator)
    password_login(client, coordinator)
    right = client.post(ADMIN_VERIFY, {"code": code_of(device), "next": target})
    assert right["Location"] == "/admin/"


@pytest.mark.parametrize("code", ["", "x" * 40, "abc", "12345\n6"])
def test_bad_codes_are_refused_with_a_message(client, coordinator, code):
    give_device(coordinator)
    password_login(client, coordinator)
    response = client.post(ADMIN_VERIFY, {"code": code})
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_five_wrong_codes_lock_the_pair_not_the_account(client, coordinator):
    device = give_device(coordinator)
    password_login(client, coordinator, REMOTE_ADDR="203.0.113.9")
    for _ in range(5):
        assert (
            client.post(ADMIN_VERIFY, {"code": "000000"}, REMOTE_ADDR="203.0.113.9").status_code
            == 200
        )
    locked = client.post(ADMIN_VERIFY, {"code": code_of(device)}, REMOTE_ADDR="203.0.113.9")
    assert locked.status_code == 429
    assert "Trop de codes erronés" in locked.content.decode()
    assert locked["Retry-After"] == "900"
    assert client.get("/admin/", REMOTE_ADDR="203.0.113.9").status_code == 302

    # The coordinator, from another address, gets in at once.
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    password_login(elsewhere, coordinator)
    response = elsewhere.post(ADMIN_VERIFY, {"code": code_of(device)})
    assert response.status_code == 302
    assert elsewhere.get("/admin/").status_code == 200


# --- Representatives -----------------------------------------------------------------------


def test_a_representative_turns_it_on_then_logs_in_with_a_code(client, representative):
    client.force_login(representative)
    page = client.get(PORTAL_SETTINGS_EN)
    assert "Two-factor authentication is off" in page.content.decode()
    assert client.get(PORTAL_SETTINGS).status_code == 200
    setup = client.get(PORTAL_SETUP + "?next=" + PORTAL_SETTINGS)
    assert "Activer la double authentification" in setup.content.decode()
    device = second_factor.new_device(representative, client.session["second_factor_key"])
    done = client.post(PORTAL_SETUP + "?next=" + PORTAL_SETTINGS, {"code": code_of(device)})
    assert done.status_code == 302
    assert len(re.findall(r"<li><code>", client.get(done["Location"]).content.decode())) == 10

    browser = Client()
    response = password_login(browser, representative, "/en/member-area/login/")
    assert response.status_code == 302
    response = browser.get(PORTAL_EN)
    assert response["Location"].startswith("/en/member-area/two-factor/code/?next=")
    wrong = browser.post("/en/member-area/two-factor/code/", {"code": "000000"})
    assert "This code is not right" in unescape(wrong.content.decode())
    ok = browser.post(
        "/en/member-area/two-factor/code/",
        {"code": code_of(device, offset=1), "next": PORTAL_EN},
    )
    assert ok["Location"] == PORTAL_EN
    assert browser.get(PORTAL_EN).status_code == 200


def test_a_representative_turns_it_off_with_a_code(client, representative):
    device = give_device(representative)
    client.force_login(representative)
    client.post(PORTAL_VERIFY, {"code": code_of(device)})
    page = client.get(PORTAL_SETTINGS)
    assert "La double authentification est activée" in page.content.decode()
    wrong = client.post(PORTAL_SETTINGS, {"code": "000000"})
    assert "Ce code n'est pas le bon" in unescape(wrong.content.decode())
    assert TOTPDevice.objects.filter(user=representative).exists()
    client.post(PORTAL_SETTINGS, {"code": "recover1"})
    assert not TOTPDevice.objects.filter(user=representative).exists()
    assert not StaticDevice.objects.filter(user=representative).exists()
    assert Client().login(username=representative.username, password=representative.raw_password)


def test_staff_cannot_turn_it_off_while_it_is_required(verified_client, coordinator):
    page = verified_client.get(PORTAL_SETTINGS)
    assert "doivent la garder" in page.content.decode()
    verified_client.post(PORTAL_SETTINGS, {"code": "recover1"})
    assert TOTPDevice.objects.filter(user=coordinator).exists()


def test_the_demo_accounts_cannot_turn_it_on(client, make_user):
    demo = make_user(DEMO_COORDINATOR)
    client.force_login(demo)
    refused = client.get(PORTAL_SETUP)
    assert refused.status_code == 403
    assert "ne peut pas être activée" in refused.content.decode()
    assert "ne peut pas être activée" in client.get(PORTAL_SETTINGS).content.decode()


def test_the_demo_coordinator_is_told_what_to_do_not_sent_round_in_circles(client, make_user):
    demo = make_user(DEMO_COORDINATOR, is_staff=True)
    client.force_login(demo)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 403
    assert len(response.redirect_chain) == 1
    assert "DJANGO_REQUIRE_STAFF_2FA=0" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=demo).exists()


def test_anonymous_pages_stay_untouched(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    assert "Cookie" not in response.get("Vary", "")
    assert not response.cookies


def test_the_step_costs_no_query_on_each_page(client, representative):
    """What a session owes is decided at login: an unverified representative without a device
    pays nothing more per page than before (session, user)."""
    client.force_login(representative)
    client.get(PORTAL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(PORTAL).status_code == 200
    assert not [q for q in queries.captured_queries if "otp_" in q["sql"]]


def test_a_lost_phone_is_reset_from_the_command_line(coordinator):
    give_device(coordinator)
    out = io.StringIO()
    call_command("reset_two_factor", coordinator.username, stdout=out)
    assert not second_factor.has_device(coordinator)
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")


def test_the_devices_admins_of_django_otp_are_not_offered(verified_client, coordinator):
    coordinator.is_superuser = True
    coordinator.save()
    assert verified_client.get("/admin/otp_totp/totpdevice/").status_code == 404


@pytest.mark.parametrize(("debug", "expected"), [("0", "False"), ("1", "True")])
def test_staff_need_two_factor_by_default_in_production_only(debug, expected):
    from tests.collectif.test_settings import printed_settings

    required = printed_settings(
        "print(not settings.REQUIRE_STAFF_2FA)",
        DJANGO_DEBUG=debug,
        DJANGO_SECRET_KEY="k" * 60,
    )
    assert required == [expected]
    assert printed_settings(
        "print(settings.REQUIRE_STAFF_2FA)", DJANGO_DEBUG="1", DJANGO_REQUIRE_STAFF_2FA="1"
    ) == ["True"]
