"""The link checker against a local HTTP server (never the internet)."""

import io
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import call_command

from documents import linkcheck
from documents.models import LinkCheck


class Handler(BaseHTTPRequestHandler):
    def _answer(self, send_body):
        path = self.path.split("?")[0]
        if path == "/ok":
            self.send_response(200)
        elif path == "/missing":
            self.send_response(404)
        elif path == "/moved":
            self.send_response(301)
            self.send_header("Location", "/ok")
        elif path == "/no-head" and self.command == "HEAD":
            self.send_response(405)
        elif path == "/no-head":
            self.send_response(200)
        elif path == "/slow":
            time.sleep(2)
            self.send_response(200)
        else:
            self.send_response(500)
        self.send_header("Content-Length", "2")
        self.end_headers()
        if send_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self._answer(False)

    def do_GET(self):
        self._answer(True)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_working_link_is_ok(server):
    result = linkcheck.check_url(f"{server}/ok", timeout=2)
    assert (result.ok, result.status_code, result.redirects) == (True, 200, 0)


def test_missing_page_is_broken(server):
    result = linkcheck.check_url(f"{server}/missing", timeout=2)
    assert (result.ok, result.status_code) == (False, 404)


def test_redirect_is_followed_and_recorded(server):
    result = linkcheck.check_url(f"{server}/moved", timeout=2)
    assert result.ok
    assert result.status_code == 200
    assert result.redirects == 1
    assert result.final_url == f"{server}/ok"


def test_server_refusing_head_is_asked_with_get(server):
    result = linkcheck.check_url(f"{server}/no-head", timeout=2)
    assert (result.ok, result.status_code) == (True, 200)


def test_slow_server_times_out(server):
    started = time.monotonic()
    result = linkcheck.check_url(f"{server}/slow", timeout=0.3)
    assert not result.ok
    assert "timed out" in result.error
    assert time.monotonic() - started < 1.5


def test_unreachable_host_and_non_web_address_are_broken():
    assert "not a web address" in linkcheck.check_url("file:///etc/passwd").error
    refused = linkcheck.check_url("http://127.0.0.1:9/", timeout=1)
    assert not refused.ok
    assert refused.error


def test_run_is_bounded_in_time_whatever_the_servers_do(server):
    urls = [f"{server}/slow?{n}" for n in range(6)] + [f"{server}/ok"]
    started = time.monotonic()
    results = linkcheck.check_urls(urls, timeout=5, workers=2, max_time=0.5)
    assert time.monotonic() - started < 1.5
    assert len(results) == len(urls)
    assert any(not result.checked for result in results)


@pytest.mark.django_db
def test_command_records_results_and_lists_broken_links(server, make_resource, capsys):
    make_resource(title_fr="Texte au lien cassé", url_fr=f"{server}/missing", url_en=f"{server}/ok")
    make_resource(title_fr="Texte déplacé", consolidated_url=f"{server}/moved")
    call_command("check_links", "--timeout", "2", "--max-time", "20")
    output = capsys.readouterr().out
    assert "3 links checked, 1 broken." in output
    assert f"BROKEN HTTP 404: {server}/missing" in output
    assert "Texte au lien cassé" in output
    missing = LinkCheck.objects.get(url=f"{server}/missing")
    assert (missing.ok, missing.status_code) == (False, 404)
    assert missing.checked_at
    moved = LinkCheck.objects.get(url=f"{server}/moved")
    assert moved.ok
    assert moved.redirects == 1
    assert moved.final_url == f"{server}/ok"


@pytest.mark.django_db
def test_broken_link_filter_finds_the_text(server, make_resource):
    from documents.models import LegalResource

    broken = make_resource(url_fr=f"{server}/missing")
    make_resource(url_fr=f"{server}/ok")
    call_command("check_links", "--timeout", "2", stdout=io.StringIO())
    assert list(LegalResource.objects.with_broken_link()) == [broken]


@pytest.mark.django_db
def test_command_refuses_nonsense_options():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("check_links", "--timeout", "0")
