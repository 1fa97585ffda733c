"""Hostile requests rather than hostile values: bodies too large, too many fields, NUL and
broken UTF-8 in the address, forged forms (CSRF), wrong methods, unknown hosts, odd headers.
Each is answered by a styled page in the visitor's language, never a server error."""

import html
from urllib.parse import urlencode

import pytest
from axes.models import AccessAttempt
from django.test import Client
from django.urls import path as route

from .catalogue import XSS, Findings
from .multipart import multipart

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def assert_styled(response, status, *texts):
    """A page of the site (its style sheet, one h1), saying `texts`."""
    assert response.status_code == status
    page = html.unescape(response.content.decode())
    assert 'href="/static/css/main.css"' in page
    assert page.count("<h1") == 1
    for text in texts:
        assert text in page, text


# --- The address ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/fr/membres/%00/",
        "/fr/agenda/personnel/a%00b.ics",
        "/fr/droit/?q=%00",
        "/fr/membres/?theme=a%00",
        "/admin/members/organisation/?status__exact=%00",
        "/admin/members/organisation/?q=a%00b",
        "/fr/%00",
    ],
)
def test_nul_in_the_address_is_a_bad_request(client_for, site, path):
    site.coordinator.is_superuser = True
    site.coordinator.save()
    response = client_for("coordinator").get(path)
    assert_styled(response, 400, "Requête incorrecte")


def test_nul_in_the_address_is_refused_in_english_on_english_pages(client, site):
    assert_styled(client.get("/en/law/?q=%00"), 400, "Bad request")


@pytest.mark.parametrize(
    "path",
    ["/fr/%ff%fe/", "/fr/membres/%ff/", "/%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd", "/en/%ed%a0%80/"],
)
def test_broken_utf8_in_the_path_is_not_found(client, site, path):
    response = client.get(path, follow=True)
    assert response.status_code == 404
    assert 'href="/static/css/main.css"' in response.content.decode()


def test_media_paths_do_not_climb_out_of_the_media_folder(client, site, settings, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("secret")
    findings = Findings()
    for path in [
        "/media/../secret.txt",
        "/media/%2e%2e/secret.txt",
        "/media/..%2fsecret.txt",
        "/media/%2e%2e%5csecret.txt",
        f"/media/{secret}",
        "/media//etc/passwd",
    ]:
        response = findings.check(client.get(path), allowed=(301, 302, 400, 404))
        if response.status_code == 200:
            findings.append(f"{path} served a file")
    findings.assert_none()


# --- The body -----------------------------------------------------------------------------------


def test_form_body_over_the_memory_limit_is_a_bad_request(client, site):
    body = urlencode({"name": "x" * (3 * MB)})
    response = client.post("/fr/contact/", body, content_type="application/x-www-form-urlencoded")
    assert_styled(response, 400, "Requête incorrecte")


def test_too_many_fields_is_a_bad_request(client, site):
    body = "&".join(f"f{number}=x" for number in range(1500))
    response = client.post("/en/contact/", body, content_type="application/x-www-form-urlencoded")
    assert_styled(response, 400, "Bad request")


def test_too_many_files_is_a_bad_request(client_for, site):
    files = [("logo", f"f{n}.png", b"x", "image/png") for n in range(150)]
    body, content_type = multipart({}, files)
    response = client_for("representative").post(
        "/fr/espace-membre/organisations/ccem/logo/", body, content_type=content_type
    )
    assert_styled(response, 400, "Requête incorrecte")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_request_larger_than_any_upload_is_refused_before_it_is_read(client_for, site, language):
    """The announced length is enough: nothing of a 2 GB body is read nor stored."""
    client = client_for("representative")
    body, content_type = multipart({"year": "2014"}, [("file", "r.pdf", b"%PDF-1.4", "x")])
    response = client.post(
        f"/{language}/{'espace-membre' if language == 'fr' else 'member-area'}"
        f"/organisations/ccem/{'rapports' if language == 'fr' else 'reports'}/",
        body,
        content_type=content_type,
        CONTENT_LENGTH=str(2 * 1024 * MB),
    )
    expected = {"fr": "Envoi trop volumineux", "en": "Too large"}[language]
    assert_styled(response, 413, expected)


def test_an_upload_within_the_limits_still_passes(client_for, site, settings):
    """The request limit sits above the largest admin form: two 30 MB files (a text in French
    and in English)."""
    assert settings.REQUEST_MAX_BYTES > 2 * 30 * MB
    client = client_for("representative")
    body, content_type = multipart(
        {"year": "2014", "language": "fr"},
        [("file", "r.pdf", b"%PDF-1.4\n" + b"0" * (19 * MB), "application/pdf")],
    )
    response = client.post(
        "/fr/espace-membre/organisations/ccem/rapports/", body, content_type=content_type
    )
    assert response.status_code == 302


# --- Forged forms, wrong methods, hosts, headers ------------------------------------------------


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/fr/contact/", "Le formulaire a expiré"),
        ("/en/contact/", "The form has expired"),
    ],
)
def test_forged_or_expired_form_gets_a_styled_page_in_the_visitors_language(site, path, text):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"name": "x", "email": "x@example.org", "message": "x"})
    assert_styled(response, 403, text)


def test_a_wrong_csrf_token_is_refused_the_same_way(site):
    client = Client(enforce_csrf_checks=True)
    client.get("/en/contact/")
    response = client.post("/en/contact/", {"csrfmiddlewaretoken": XSS[0], "name": "x"})
    assert_styled(response, 403, "The form has expired")
    assert XSS[0] not in response.content.decode()


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("/fr/espace-membre/deconnexion/", "Méthode non autorisée"),
        ("/en/events/", "Method not allowed"),
    ],
)
def test_wrong_method_gets_a_styled_page(client, site, path, text):
    method = client.get if "deconnexion" in path else client.delete
    response = method(path)
    assert_styled(response, 405, text)
    assert response["Allow"]


def test_every_method_on_every_page(client, site):
    findings = Findings()
    for path in ["/fr/", "/en/law/", "/fr/contact/", "/fr/espace-membre/connexion/", "/admin/"]:
        for method in ("put", "patch", "delete", "options", "head", "trace"):
            findings.check(getattr(client, method)(path), what=method)
    findings.assert_none()


@pytest.mark.parametrize("host", ["evil.example", "localhost:99999", "a b", "<script>", ""])
def test_unknown_host_is_a_bad_request(client, site, host):
    response = client.get("/fr/", HTTP_HOST=host)
    assert response.status_code == 400
    assert 'href="/static/css/main.css"' in response.content.decode()
    assert "<script>" not in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ACCEPT_LANGUAGE": XSS[0]},
        {"HTTP_ACCEPT_LANGUAGE": "x" * 10_000},
        {"HTTP_ACCEPT_LANGUAGE": "fr;q=NaN, en;q=1e999, *;q=-1"},
        {"HTTP_COOKIE": "django_language=" + XSS[0]},
        {"HTTP_COOKIE": "sessionid=" + "x" * 5000},
        {"HTTP_COOKIE": "csrftoken=%00%ff; messages=garbage"},
        {"HTTP_COOKIE": "messages=" + XSS[0]},
        {"HTTP_X_FORWARDED_FOR": XSS[0]},
        {"HTTP_X_FORWARDED_PROTO": XSS[0]},
        {"HTTP_REFERER": XSS[0]},
        {"HTTP_USER_AGENT": "\x00" + XSS[0]},
    ],
)
def test_odd_headers_and_cookies(client, site, headers):
    findings = Findings()
    for path in ["/", "/fr/", "/en/members/", "/fr/contact/"]:
        findings.check(client.get(path, **headers))
        findings.check(client.post("/fr/contact/", {"name": XSS[0]}, **headers))
    findings.assert_none()


def test_forwarded_addresses_that_are_not_addresses_are_ignored(client, site, settings):
    """Behind the proxy, the last X-Forwarded-For hop names the client; anything but an
    address there falls back to the connection's address (login throttling records it)."""
    settings.TRUSTED_PROXIES = "1"
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 100
    findings = Findings()
    for forwarded in [XSS[0], "not-an-ip", "1.2.3.4, <script>", "999.1.1.1", "\x00", ", ,"]:
        findings.check(
            client.post(
                "/fr/espace-membre/connexion/",
                {"username": "representative", "password": "wrong"},
                HTTP_X_FORWARDED_FOR=forwarded,
            ),
            allowed=(200,),
        )
    findings.assert_none()
    client.post(
        "/fr/espace-membre/connexion/",
        {"username": "representative", "password": "wrong"},
        HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7",
    )
    recorded = set(AccessAttempt.objects.values_list("ip_address", flat=True))
    assert recorded == {"127.0.0.1", "203.0.113.7"}


# --- Open redirects -----------------------------------------------------------------------------

OFFSITE = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/\t/evil.example/",
    " //evil.example/",
    "javascript:alert(1)",
    "\x00//evil.example/",
]


def test_action_item_done_never_leads_off_site(client_for, site):
    client = client_for("representative")
    for target in OFFSITE:
        site.action.status = "open"
        site.action.save()
        response = client.post(
            f"/fr/espace-membre/reunions/actions/{site.action.pk}/faite/", {"next": target}
        )
        assert response.status_code == 302, target
        location = response["Location"]
        assert location.startswith("/"), target
        assert not location.startswith(("//", "/\\")), target


def test_login_never_leads_off_site(client, site):
    for target in OFFSITE:
        response = client.post(
            f"/fr/espace-membre/connexion/?{urlencode({'next': target})}",
            {"username": "representative", "password": "a-long-test-password"},
        )
        if "\x00" in target:
            assert response.status_code == 400  # a NUL in the address
            continue
        assert response.status_code == 302, target
        assert response["Location"] == "/fr/espace-membre/", target
        client.logout()


# --- Every error page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("fr", ["Requête incorrecte", "Page introuvable", "Adresse trop longue"]),
        ("en", ["Bad request", "Page not found", "Address too long"]),
    ],
)
def test_error_pages_are_styled_in_the_visitors_language(client, site, language, texts):
    library = {"fr": "/fr/droit/", "en": "/en/law/"}[language]
    bad_request, not_found, too_long = texts
    assert_styled(client.get(f"{library}?q=%00"), 400, bad_request)
    assert_styled(client.get(f"{library}nowhere/"), 404, not_found)
    assert_styled(client.get(f"{library}?q={'x' * 9000}"), 414, too_long)


def test_lockout_page_is_styled(client, site, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 1
    for _ in range(2):
        response = client.post(
            "/en/member-area/login/", {"username": "representative", "password": "wrong"}
        )
    assert_styled(response, 429, "Too many failed attempts")


def broken_view(request):
    raise RuntimeError("boom")


urlpatterns = [route("broken/", broken_view)]


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "Erreur du serveur"), ("en", "Server error")],
)
def test_server_error_page_is_styled_in_the_visitors_language(client, language, text, settings):
    settings.ROOT_URLCONF = __name__
    client.raise_request_exception = False
    response = client.get("/broken/", headers={"Accept-Language": language})
    assert response.status_code == 500
    page = response.content.decode()
    assert 'href="/static/css/main.css"' in page
    assert f'<html lang="{language}">' in page
    assert text in page


def test_hostile_addresses_with_the_page_cache_on(client, site, settings, recwarn):
    """The page cache keys pages by their address: odd addresses are answered the same,
    make valid cache keys, and what one visitor's hostile address produced is never served
    for another address."""
    settings.PAGE_CACHE_SECONDS = 600
    findings = Findings()
    for query in ["q=%ff%fe", "q=%00", f"q={'x' * 9000}", f"q={XSS[0]}", "%c0%af=1", "q=%"]:
        for _ in range(2):  # the second answer may come from the cache
            findings.check(client.get(f"/fr/droit/?{query}"))
    findings.assert_none()
    assert not [w for w in recwarn if w.category.__name__ == "CacheKeyWarning"]
    plain = client.get("/fr/droit/")
    assert plain.status_code == 200
    assert "xss-script" not in plain.content.decode()
