"""Two application servers on different ports share one database and one Redis: a session
opened on one is valid on the other, and an edit made through one invalidates both caches."""

import html
import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid

import pytest

from .conftest import ROOT, manage

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")


def redis_available():
    host, port = urllib.parse.urlsplit(REDIS_URL).hostname, urllib.parse.urlsplit(REDIS_URL).port
    try:
        socket.create_connection((host, port or 6379), timeout=1).close()
        return True
    except OSError:
        return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster(list):
    """The servers' addresses, and the environment they run in (for manage.py beside them)."""

    def __init__(self, urls, env):
        super().__init__(urls)
        self.env = env


@pytest.fixture
def cluster(scratch_env):
    if not redis_available():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Redis is required under CI at {REDIS_URL}")
        pytest.skip(f"no Redis at {REDIS_URL}")
    env = {**scratch_env, "REDIS_URL": REDIS_URL, "DJANGO_CACHE_KEY_PREFIX": uuid.uuid4().hex}
    assert manage(env, "migrate", "--no-input").returncode == 0
    create = (
        "from django.contrib.auth.models import User, Group;"
        "u = User.objects.create_user('coord', password='a-long-test-password', is_staff=True);"
        "u.groups.add(Group.objects.get(name='Coordination'))"
    )
    assert manage(env, "shell", "--no-imports", "-c", create).returncode == 0
    servers, urls = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "gunicorn",
                    "collectif.wsgi",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--log-level",
                    "warning",
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            for _ in range(100):
                try:
                    urllib.request.urlopen(url + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            else:
                pytest.fail(f"{url} did not start")
        yield Cluster(urls, env)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=10)


def browser():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar)), jar


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def post(opener, url, data, referer):
    request = urllib.request.Request(
        url, data=urllib.parse.urlencode(data).encode(), headers={"Referer": referer}
    )
    return opener.open(request, timeout=10)


def test_session_and_cache_invalidation_are_shared_by_two_servers(cluster):
    server_a, server_b = cluster
    anonymous = urllib.request.build_opener()
    for server in cluster:  # both servers cache the page
        assert "Le Collectif" in anonymous.open(server + "/fr/le-collectif/").read().decode()

    coordinator, _jar = browser()
    login_page = coordinator.open(server_a + "/admin/login/").read().decode()
    post(
        coordinator,
        server_a + "/admin/login/?next=/admin/",
        {
            "username": "coord",
            "password": "a-long-test-password",
            "csrfmiddlewaretoken": csrf_token(login_page),
        },
        referer=server_a + "/admin/login/",
    )
    # The session opened on A is valid on B.
    on_b = coordinator.open(server_b + "/admin/collectif/page/")
    assert on_b.geturl().endswith("/admin/collectif/page/"), "redirected to the login page"

    change_url = server_b + "/admin/collectif/page/"
    listing = on_b.read().decode()
    page_path = re.search(
        r'href="(/admin/collectif/page/\d+/change/)">Le Collectif<', listing
    ).group(1)
    form = coordinator.open(server_b + page_path).read().decode()
    fields = dict(
        re.findall(r'<input type="text" name="(\w+_(?:fr|en))"[^>]*value="([^"]*)"', form)
    )
    fields.update(
        dict(re.findall(r'<textarea name="(\w+_(?:fr|en))"[^>]*>\n?([^<]*)</textarea>', form))
    )
    fields = {name: html.unescape(value) for name, value in fields.items()}
    fields["version"] = re.search(r'<input type="hidden" name="version" value="(\d+)"', form)[1]
    fields["title_fr"] = "Le Collectif, édité sur B"
    post(
        coordinator,
        server_b + page_path,
        {**fields, "csrfmiddlewaretoken": csrf_token(form), "_save": "1"},
        referer=change_url,
    )
    # Both caches see the edit at once.
    for server in cluster:
        page = anonymous.open(server + "/fr/le-collectif/").read().decode()
        assert "Le Collectif, édité sur B" in page, server

    # An edit elsewhere leaves the page cached on both servers. To see it, the page's row is
    # first changed behind the cache's back (no version moves for a write that skips the
    # connection's wrapper): a page made again would show that title.
    # (A page made within CONTENT_VERSIONS_CLOCK_SKEW_MS of a write to it is not kept.)
    time.sleep(1.2)
    for server in cluster:
        anonymous.open(server + "/fr/le-collectif/").read()
    sneak = (
        "from django.db import connection;"
        "connection.ensure_connection(); connection.execute_wrappers.clear();"
        "from collectif.models import Page;"
        "Page.objects.filter(key='about').update(title_fr='Changé en douce')"
    )
    assert manage(cluster.env, "shell", "--no-imports", "-c", sneak).returncode == 0
    theme_form = coordinator.open(server_a + "/admin/collectif/theme/add/").read().decode()
    added = post(
        coordinator,
        server_a + "/admin/collectif/theme/add/",
        {
            "name_fr": "Mendicité forcée",
            "name_en": "Forced begging",
            "slug": "mendicite-forcee",
            "position": "9",
            "csrfmiddlewaretoken": csrf_token(theme_form),
            "_save": "1",
        },
        referer=server_a + "/admin/collectif/theme/add/",
    )
    assert added.geturl().endswith("/admin/collectif/theme/"), added.geturl()
    for server in cluster:
        page = anonymous.open(server + "/fr/le-collectif/").read().decode()
        assert "Le Collectif, édité sur B" in page, server
        assert "Changé en douce" not in page, server

    # Logging out on A ends the session on B too (sessions are read from the shared cache).
    admin_index = coordinator.open(server_a + "/admin/").read().decode()
    post(
        coordinator,
        server_a + "/admin/logout/",
        {"csrfmiddlewaretoken": csrf_token(admin_index)},
        referer=server_a + "/admin/",
    )
    after = coordinator.open(server_b + "/admin/collectif/page/")
    assert "/admin/login/" in after.geturl()
