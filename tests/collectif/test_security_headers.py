import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/fr/", "/en/contact/", "/sitemap.xml", "/admin/login/", "/fr/nowhere/"]
)
def test_every_response_carries_security_headers(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "http" not in csp  # no other host is allowed anywhere
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client):
    for path in ["/fr/", "/en/", "/fr/contact/", "/en/join/"]:
        html = client.get(path).content.decode()
        assert "<script>" not in html
        assert "<script " not in html.replace('<script src="', "")
        assert " style=" not in html
        assert 'src="http' not in html
        assert 'href="//' not in html


def test_https_redirect_behind_proxy(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    plain = client.get("/fr/")
    assert plain.status_code == 301
    assert plain.headers["Location"].startswith("https://")
    forwarded = client.get("/fr/", headers={"X-Forwarded-Proto": "https"})
    assert forwarded.status_code == 200
