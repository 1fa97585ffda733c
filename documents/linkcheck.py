"""Checking web addresses: HEAD first, GET if the server refuses HEAD, redirects followed and
counted, a time-out per request and a bound on the whole run.

Requests run in a few daemon threads; the caller waits at most `max_time`, so a server that
answers byte by byte can never hold the run (a straggler is reported as not checked and its
thread dies with the process). Database writes stay with the caller, in its own thread."""

import queue
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPException

USER_AGENT = "contrelatraite-link-checker/1.0 (+https://contrelatraite.org)"
# Statuses that say "this method is not welcome here" rather than "this page is gone".
RETRY_WITH_GET = {400, 403, 404, 405, 406, 409, 429, 500, 501, 502, 503}


@dataclass
class LinkResult:
    url: str
    checked: bool = True
    ok: bool = False
    status_code: int | None = None
    error: str = ""
    final_url: str = ""
    redirects: int = 0


class _CountingRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self):
        self.count = 0

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        self.count += 1
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _request(url, method, timeout):
    redirects = _CountingRedirects()
    opener = urllib.request.build_opener(redirects)
    # check_url lets only http(s) addresses here; urllib follows redirects to no other.
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})  # noqa: S310
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.geturl(), redirects.count
    except urllib.error.HTTPError as error:
        return error.code, error.geturl() or url, redirects.count


def check_url(url, *, timeout=10.0):
    """Check one address; never raises."""
    if not url.lower().startswith(("http://", "https://")):
        return LinkResult(url=url, error="not a web address")
    try:
        status, final_url, redirects = _request(url, "HEAD", timeout)
        if status in RETRY_WITH_GET:
            status, final_url, redirects = _request(url, "GET", timeout)
    except TimeoutError:
        return LinkResult(url=url, error=f"timed out after {timeout:g} s")
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            return LinkResult(url=url, error=f"timed out after {timeout:g} s")
        return LinkResult(url=url, error=str(reason))
    except (HTTPException, OSError, ValueError) as error:
        return LinkResult(url=url, error=f"{type(error).__name__}: {error}")
    return LinkResult(
        url=url,
        ok=200 <= status < 400,
        status_code=status,
        final_url=final_url,
        redirects=redirects,
    )


def check_urls(urls, *, timeout=10.0, workers=4, max_time=300.0):
    """Check the addresses with `workers` threads; return one result per address, in order.
    Whatever is still running after `max_time` seconds is returned as not checked."""
    urls = list(dict.fromkeys(urls))
    if not urls:
        return []
    todo = queue.Queue()
    for url in urls:
        todo.put(url)
    done = {}
    lock = threading.Lock()
    finished = threading.Event()
    stop = threading.Event()

    def work():
        while not stop.is_set():
            try:
                url = todo.get_nowait()
            except queue.Empty:
                return
            result = check_url(url, timeout=timeout)
            with lock:
                done[url] = result
                if len(done) == len(urls):
                    finished.set()

    for _ in range(max(1, min(workers, len(urls)))):
        threading.Thread(target=work, name="link-checker", daemon=True).start()
    deadline = time.monotonic() + max_time
    finished.wait(timeout=max(0.0, deadline - time.monotonic()))
    stop.set()
    with lock:
        return [
            done.get(url)
            or LinkResult(url=url, checked=False, error="not checked: the run's time was up")
            for url in urls
        ]
