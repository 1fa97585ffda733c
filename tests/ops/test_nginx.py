"""The site served as in production: Debian's nginx with deploy/nginx/ in front of gunicorn.

The real site file is used, only its placeholders (host name, certificate, folders, ports)
replaced: TLS with a certificate made for the test, the port-80 redirect, and the header
snippet copied as it is. A page from Django, a static file and an upload from nginx must then
carry the same security headers, HSTS included (the visitor is on HTTPS, so Django sends it
too); the client (which connects from 127.0.0.2, while nginx reaches gunicorn from
127.0.0.1) is the address the site records, whatever X-Forwarded-For it forged; and a body
above DJANGO_REQUEST_MAX_MB stops at nginx.

Without nginx or openssl the tests skip; under CI (CI=true) they fail. SQLite whatever the
run's database: what is tested here is in front of Django."""

import http.client
import json
import os
import re
import secrets
import shutil
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import pytest
from django.conf import settings

from .conftest import ROOT, manage

NGINX = "/usr/sbin/nginx"
DEPLOY = ROOT / "deploy" / "nginx"
# One front (gunicorn behind nginx) for the module: its tests run in one xdist worker.
pytestmark = pytest.mark.xdist_group("nginx")
HOST = "example.test"
CLIENT = "127.0.0.2"  # the visitor; nginx reaches gunicorn from 127.0.0.1
LOGIN = "/fr/espace-membre/connexion/"
# Every security header Django sets on its pages (SecurityMiddleware, XFrameOptionsMiddleware,
# collectif.middleware.SecurityHeadersMiddleware).
SECURITY_HEADERS = [
    "Content-Security-Policy",
    "Permissions-Policy",
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "X-Frame-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require(path):
    if shutil.which(path) is None:
        reason = f"{path} is not installed (apt-get install nginx openssl)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"The nginx tests must run under CI: {reason}", pytrace=False)
        pytest.skip(reason)


def wait_for_port(port, process, log, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"exited with {process.returncode}: {log.read_text()[-3000:]}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nothing listens on {port} after {timeout} s: {log.read_text()[-3000:]}")


def stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def render_site(**values):
    """deploy/nginx/contrelatraite.conf with each placeholder replaced (each must be there)."""
    text = (DEPLOY / "contrelatraite.conf").read_text()
    for placeholder, value in values.items():
        assert placeholder in text, f"{placeholder!r} is no longer in contrelatraite.conf"
        text = text.replace(placeholder, value)
    return text


@pytest.fixture(scope="module")
def front():
    """gunicorn with production settings behind nginx; yields what the tests need."""
    require(NGINX)
    require("openssl")
    work = Path(tempfile.mkdtemp(prefix="nginx-"))
    processes = []
    try:
        # nginx's workers run as another user when it is started as root; they read the
        # folders below.
        work.chmod(0o755)
        static_root, media_root = work / "static", work / "media"
        (media_root / "members" / "logos").mkdir(parents=True)
        (media_root / "members" / "logos" / "logo.png").write_bytes(
            b"\x89PNG\r\n\x1a\n" + b"0" * 64
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        env.pop("REDIS_URL", None)  # its own local cache, nothing shared with other runs
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "collectif.settings.base",
                "DJANGO_DEBUG": "0",
                "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
                "DJANGO_ALLOWED_HOSTS": HOST,
                "DJANGO_TRUSTED_PROXIES": "1",
                "DATABASE_URL": f"sqlite:///{work / 'db.sqlite3'}",
                "DJANGO_STATIC_ROOT": str(static_root),
                "DJANGO_MEDIA_ROOT": str(media_root),
                "DJANGO_PRIVATE_MEDIA_ROOT": str(work / "private-media"),
                "DJANGO_LOG_LEVEL": "WARNING",
            }
        )
        for command in (["migrate", "--no-input"], ["collectstatic", "--no-input"]):
            result = manage(env, *command)
            assert result.returncode == 0, result.stderr[-3000:]

        subprocess.run(
            [
                *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
                *("-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1"),
                *("-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem")),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )

        app_port, http_port, https_port = free_port(), free_port(), free_port()
        gunicorn_log = work / "gunicorn.log"
        with gunicorn_log.open("w") as log:
            gunicorn = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "collectif.wsgi"),
                    *("--bind", f"127.0.0.1:{app_port}", "--workers", "1"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        processes.append(gunicorn)
        wait_for_port(app_port, gunicorn, gunicorn_log)

        conf = work / "conf"
        (conf / "snippets").mkdir(parents=True)
        shutil.copy(DEPLOY / "contrelatraite-headers.conf", conf / "snippets")
        (conf / "contrelatraite.conf").write_text(
            render_site(
                **{
                    "listen 80;": f"listen 127.0.0.1:{http_port};",
                    "listen [::]:80;": "",
                    "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
                    "listen [::]:443 ssl http2;": "",
                    "/etc/letsencrypt/live/example.org/fullchain.pem": str(work / "cert.pem"),
                    "/etc/letsencrypt/live/example.org/privkey.pem": str(work / "key.pem"),
                    "server_name example.org;": f"server_name {HOST};",
                    "/srv/contrelatraite/staticfiles/": f"{static_root}/",
                    "/srv/contrelatraite/media/": f"{media_root}/",
                    "127.0.0.1:8000": f"127.0.0.1:{app_port}",
                }
            )
        )
        # What Debian's /etc/nginx/nginx.conf provides around sites-enabled/, kept in the
        # test's folder. Each access is logged with the upstream that answered it.
        temp = "\n".join(
            f"    {kind}_temp_path {work / kind};"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        (conf / "nginx.conf").write_text(
            f"""daemon off;
{"user root;" if os.geteuid() == 0 else ""}
worker_processes 1;
pid {work / "nginx.pid"};
error_log {work / "error.log"} warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format upstream '$request_uri $status $upstream_addr';
    access_log {work / "access.log"} upstream;
{temp}
    include contrelatraite.conf;
}}
"""
        )
        nginx_command = [NGINX, "-p", str(work), "-c", str(conf / "nginx.conf"), "-e"]
        nginx_command.append(str(work / "error.log"))
        checked = subprocess.run([*nginx_command, "-t"], capture_output=True, text=True, timeout=30)
        assert checked.returncode == 0, checked.stderr
        nginx = subprocess.Popen(
            nginx_command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        processes.append(nginx)
        wait_for_port(https_port, nginx, work / "error.log")
        wait_for_port(http_port, nginx, work / "error.log")

        context = ssl.create_default_context(cafile=str(work / "cert.pem"))
        yield {
            "work": work,
            "http_port": http_port,
            "https_port": https_port,
            "context": context,
            "static_root": static_root,
        }
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(work, ignore_errors=True)


def fetch(front, method, path, headers=None, body=None, tls=True):
    """One request to nginx from the visitor's address, with the site's host name."""
    if tls:
        connection = http.client.HTTPSConnection(
            "127.0.0.1",
            front["https_port"],
            context=front["context"],
            timeout=30,
            source_address=(CLIENT, 0),
        )
    else:
        connection = http.client.HTTPConnection(
            "127.0.0.1", front["http_port"], timeout=30, source_address=(CLIENT, 0)
        )
    try:
        connection.request(method, path, body=body, headers={"Host": HOST, **(headers or {})})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def security_headers(headers):
    return {name: headers.get(name) for name in SECURITY_HEADERS}


def upstream_of(front, path, status=200):
    """Who answered `path` with `status`, by nginx's log: gunicorn's address, or - for nginx.
    (nginx writes the line once done with the connection, which may come after the answer.)"""
    deadline = time.monotonic() + 10
    while True:
        lines = (front["work"] / "access.log").read_text().splitlines()
        found = [line.split()[-1] for line in lines if line.startswith(f"{path} {status} ")]
        if found or time.monotonic() > deadline:
            assert found, lines
            return found[-1]
        time.sleep(0.1)


def static_name(front, name):
    manifest = json.loads((front["static_root"] / "staticfiles.json").read_text())
    return manifest["paths"][name]


def test_a_page_a_static_file_and_an_upload_carry_the_same_security_headers(front):
    status, page_headers, _ = fetch(front, "GET", "/fr/")
    assert status == 200
    page = security_headers(page_headers)
    assert all(page.values()), page  # Django sends each of them, HSTS since the visitor is on HTTPS
    assert upstream_of(front, "/fr/").startswith("127.0.0.1:")

    css = "/static/" + static_name(front, "css/main.css")
    status, headers, _ = fetch(front, "GET", css)
    assert status == 200
    assert upstream_of(front, css) == "-"  # from the disk, not from whitenoise
    assert security_headers(headers) == page
    assert headers["Content-Type"] == "text/css"  # nosniff needs the right type
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"

    logo = "/media/members/logos/logo.png"
    status, headers, _ = fetch(front, "GET", logo)
    assert status == 200
    assert upstream_of(front, logo) == "-"
    assert headers["Content-Type"] == "image/png"
    upload = security_headers(headers)
    name_and_sources = (
        item.split(maxsplit=1) for item in upload.pop("Content-Security-Policy").split(";")
    )
    policy = {pair[0]: pair[1] if len(pair) > 1 else "" for pair in name_and_sources}
    assert policy["default-src"] == "'none'"  # no script of any origin, script-src unset
    assert "script-src" not in policy
    assert policy["frame-ancestors"] == "'none'"
    assert upload == {k: v for k, v in page.items() if k != "Content-Security-Policy"}

    # A missing file is nginx's 404, with the headers all the same.
    status, headers, _ = fetch(front, "GET", "/static/nothing-here.css")
    assert status == 404
    assert upstream_of(front, "/static/nothing-here.css", 404) == "-"
    assert security_headers(headers) == page


def test_static_files_are_sent_compressed_when_the_browser_accepts_it(front):
    css = "/static/" + static_name(front, "css/main.css")
    status, headers, body = fetch(front, "GET", css, headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert body[:2] == b"\x1f\x8b"


def test_plain_http_is_redirected_to_https(front):
    status, headers, _ = fetch(front, "GET", "/fr/?q=1", tls=False)
    assert status == 301
    assert headers["Location"] == f"https://{HOST}/fr/?q=1"
    status, headers, _ = fetch(front, "GET", "/", headers={"Host": "elsewhere.test"}, tls=False)
    assert headers["Location"] == f"https://{HOST}/"  # never to a host the client names


def test_the_site_records_the_clients_address_not_a_forged_one(front):
    forged = {"X-Forwarded-For": "6.6.6.6, 7.7.7.7", "X-Forwarded-Proto": "http"}
    status, headers, body = fetch(front, "GET", LOGIN, headers=forged)
    assert status == 200  # no redirect: nginx told Django the visitor is on HTTPS
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
    cookie = headers["Set-Cookie"].split(";")[0]
    form = {"username": "someone", "password": "not-the-password", "csrfmiddlewaretoken": token}
    status, _, body = fetch(
        front,
        "POST",
        LOGIN,
        body=urllib.parse.urlencode(form),
        headers={
            **forged,
            "Cookie": cookie,
            "Origin": f"https://{HOST}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    assert status == 200, body[:500]
    with sqlite3.connect(front["work"] / "db.sqlite3") as db:
        attempts = db.execute("SELECT username, ip_address FROM axes_accessattempt").fetchall()
    assert attempts == [("someone", CLIENT)]


def test_a_body_above_the_sites_limit_stops_at_nginx(front):
    site = render_site()
    limit_mb = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    assert limit_mb * 1024 * 1024 == settings.REQUEST_MAX_BYTES  # DJANGO_REQUEST_MAX_MB's default
    connection = http.client.HTTPSConnection(
        "127.0.0.1", front["https_port"], context=front["context"], timeout=30
    )
    try:
        # Announced, never sent: nginx answers from the headers alone.
        connection.putrequest("POST", LOGIN, skip_host=True)
        connection.putheader("Host", HOST)
        connection.putheader("Content-Type", "application/octet-stream")
        connection.putheader("Content-Length", str(settings.REQUEST_MAX_BYTES + 1))
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        response.close()
        assert response.status == 413
    finally:
        connection.close()
    assert upstream_of(front, LOGIN, 413) == "-"


def test_the_configuration_says_what_the_settings_say():
    """Without nginx too: the values written in deploy/nginx/ are Django's (HSTS, which
    depends on DJANGO_DEBUG, is compared by the tests above)."""
    text = (DEPLOY / "contrelatraite-headers.conf").read_text()
    static = (DEPLOY / "contrelatraite.conf").read_text().split("location /static/")[1]
    static = static.split("location ")[0]
    written = dict(re.findall(r'add_header ([\w-]+) "([^"]*)" always;', text + static))
    assert written == {
        "Strict-Transport-Security": written["Strict-Transport-Security"],
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": settings.X_FRAME_OPTIONS,
        "Referrer-Policy": settings.SECURE_REFERRER_POLICY,
        "Cross-Origin-Opener-Policy": settings.SECURE_CROSS_ORIGIN_OPENER_POLICY,
        "Permissions-Policy": settings.PERMISSIONS_POLICY,
        "Content-Security-Policy": settings.CONTENT_SECURITY_POLICY,
    }
    assert settings.SECURE_CONTENT_TYPE_NOSNIFF
