#!/usr/bin/env python
"""Benchmark: build a large dataset on PostgreSQL, serve it with gunicorn as in production, load
each page kind with wrk from a second process on loopback, and print a cache-on and a cache-off
table, then "targets met" or the list of misses.

    PYTHONPATH=. .venv/bin/python bench/run.py [--database-url postgres://…/contrelatraite_bench]
        [--duration 10] [--connections 16] [--workers 2] [--skip-build] [--only PAGE …]
        [--table on|off|both]

Needs wrk (apt-get install wrk) and gunicorn. The database is dropped and built anew unless
--skip-build (bench/dataset.py: 200 organisations, 2,000 meetings, 10,000 texts, 5,000 news).

Each table has its own gunicorn (bench/settings.py: production settings, Redis as cache and
session store): "cache on" is the shipped configuration; "cache off" has every cache off, the
page cache and every fragment cache (BENCH_CACHE=off). The fixed-string view is measured
first in each table, on the same server, and every ratio is relative to it in its own table;
it is measured again last ("fixed-string view, again"), whose CPU ratio shows how far the
machine's load moved the baseline while the table ran. Each table's heading gives the share
of the machine's CPU other processes used meanwhile (/proc/stat): CPU per request grows when
other processes contend for the cores and their caches, so compare runs made under similar
load.

Per page: requests/s (wrk), the gunicorn workers' CPU per request (utime + stime of the
master's children in /proc, before and after the run), the CPU of the PostgreSQL backends
serving them per request, p50 and p99 latency, queries per request on a cache miss (counted in
this process with the table's caches, cold), the throughput ratio (req/s ÷ the fixed-string
view's), the CPU ratio (the fixed-string view's CPU per request ÷ the page's, workers and
database together: what the throughput ratio would be on an idle machine; far steadier than
requests/s on a shared one, though contention inflates a heavy page's CPU more than the
baseline's) and errors (non-2xx/3xx responses and socket errors, timeouts included). After
each run the benchmark drains: it polls /proc every 100 ms until the CPU grew by less than a
tick twice in a row, and counts that CPU with the page, divided by the requests the workers
handled (bench/gunicorn_conf.py), so that a slow page's backlog never spills into the next
page. Slow pages get fewer connections and a longer run, so that they complete requests; a
page that completes none is a miss, not a zero.

Targets, checked on the CPU ratio (req/s ratios are noisy on a shared machine; both are
printed):
- cache off: a page that shows one record (organisation, legal text, news item, event) at
  least 0.1×; a list page (home, directory, news, events, documents, the site-wide search for a
  selective word, the library's list and searches) at least 0.05×;
- cache on: every anonymous public page (feed included) at least 0.5×; the logged-in pages
  (member area home, compte-rendu, logged-in directory) at least 0.3×;
- in both: at most 10 queries per page, no error, every page completes requests.
Latency is printed, not a target (it depends on the connections). The exit status is 1 when a
target is missed."""

import argparse
import http.client
import math
import mmap
import os
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import gunicorn_conf  # noqa: E402

ONE_RECORD_OFF = 0.1
LIST_OFF = 0.05
PUBLIC_ON = 0.5
MEMBER_ON = 0.3
MAX_QUERIES = 10

POLL_SECONDS = 0.1
DRAIN_LIMIT_SECONDS = 120
WARM_UP_SECONDS = 1
# A page slower than this (requests/s in its warm-up) gets 2 connections per worker, not
# --connections: the queue wrk leaves behind stays short, and its latency means something.
SLOW_RPS = 40
# A page's run lasts long enough for this many requests (up to MAX_DURATION_FACTOR × --duration).
MIN_REQUESTS = 150
MAX_DURATION_FACTOR = 4
WRK_TIMEOUT = "30s"
AGAIN = "fixed-string view, again"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/contrelatraite_bench"
        ),
    )
    parser.add_argument(
        "--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections per page")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--skip-build", action="store_true", help="reuse the existing dataset")
    parser.add_argument("--only", nargs="*", help="names of the pages to measure")
    parser.add_argument("--table", choices=["on", "off", "both"], default="both")
    return parser.parse_args(argv)


# --- Parsing (pure) -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProcStat:
    ppid: int
    ticks: int  # utime + stime: the process's own CPU
    children_ticks: int  # cutime + cstime: the CPU of its children that ended and were reaped


def parse_proc_stat(text):
    """/proc/<pid>/stat's fields the benchmark reads. The command name, in parentheses, may
    hold spaces and parentheses: the fields are counted from its last parenthesis."""
    fields = text[text.rindex(")") + 2 :].split()
    # fields[0] is field 3 of proc(5) (state): ppid is field 4, utime…cstime fields 14–17.
    utime, stime, cutime, cstime = (int(value) for value in fields[11:15])
    return ProcStat(ppid=int(fields[1]), ticks=utime + stime, children_ticks=cutime + cstime)


def parse_cpu_line(text):
    """/proc/stat's first line, every CPU together: (busy ticks, all ticks). Idle and I/O wait
    are not busy; time stolen by the hypervisor is (another guest had the CPU)."""
    values = [int(value) for value in text.split("\n", 1)[0].split()[1:9]]
    return sum(values) - values[3] - values[4], sum(values)


def is_backend_of(cmdline, *, user, database):
    """Whether a process's command line (its title) is a PostgreSQL backend of `user` on
    `database`: « postgres: 15/main: postgres contrelatraite_bench 127.0.0.1(4242) idle »."""
    title = cmdline.replace("\0", " ").strip()
    return title.startswith("postgres: ") and f" {user} {database} " in f" {title} "


def to_ms(value):
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m|h)", value)
    if match is None:
        raise ValueError(f"unknown wrk duration {value!r}")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1e3, "m": 6e4, "h": 3.6e6}[unit]


def parse_wrk(output):
    """wrk --latency's report: completed requests, requests/s, p50 and p99 (ms), non-2xx/3xx
    responses and socket errors (connect, read, write, timeout)."""
    completed = re.search(r"^\s*(\d+) requests in ", output, re.M)
    rps = re.search(r"^Requests/sec:\s+([\d.]+)", output, re.M)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.M)
    if not (completed and rps and p50 and p99):
        raise ValueError(f"not a wrk --latency report:\n{output}")
    non_2xx = re.search(r"^\s*Non-2xx or 3xx responses: (\d+)", output, re.M)
    socket_errors = re.search(r"^\s*Socket errors: (.*)$", output, re.M)
    errors = {}
    if socket_errors:
        errors = {
            name: int(count)
            for name, count in re.findall(r"(\w+) (\d+)", socket_errors.group(1))
            if int(count)
        }
    return {
        "completed": int(completed.group(1)),
        "rps": float(rps.group(1)),
        "p50": to_ms(p50.group(1)),
        "p99": to_ms(p99.group(1)),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": errors,
    }


def settled(totals):
    """Whether CPU has stopped growing: the last two intervals between three polls each
    added less than one tick."""
    last = totals[-3:]
    return len(last) == 3 and last[1] - last[0] < 1 and last[2] - last[1] < 1


# --- Figures and targets (pure) --------------------------------------------------------------


@dataclass
class Result:
    name: str
    kind: str
    connections: int = 0
    seconds: float = 0
    completed: int = 0  # responses wrk received
    handled: int = 0  # requests the workers served, the backlog wrk left included
    rps: float = 0
    p50: float = 0
    p99: float = 0
    worker_ms: float = math.nan  # CPU per request
    db_ms: float = math.nan
    queries: int | None = None
    non_2xx: int = 0
    socket_errors: dict = field(default_factory=dict)
    problem: str = ""  # why the page could not be measured
    rps_ratio: float = math.nan
    cpu_ratio: float = math.nan

    @property
    def cpu_ms(self):
        return self.worker_ms + self.db_ms

    @property
    def errors(self):
        return self.non_2xx + sum(self.socket_errors.values())


def cpu_per_request(ticks, requests, clock_ticks):
    """Milliseconds of CPU per request (NaN when no request was handled)."""
    return ticks / clock_ticks * 1000 / requests if requests else math.nan


def add_ratios(results):
    """Each page's throughput and CPU ratio to the fixed-string view of the same table."""
    baseline = next(r for r in results if r.kind == "baseline")
    for result in results:
        if result.completed and baseline.completed:
            result.rps_ratio = result.rps / baseline.rps
        if result.handled and baseline.handled and result.cpu_ms > 0:
            result.cpu_ratio = baseline.cpu_ms / result.cpu_ms


def required_ratio(table, kind):
    """The least CPU ratio a page of `kind` must reach in `table` ("on"/"off"), or None."""
    if table == "off":
        return {"one": ONE_RECORD_OFF, "list": LIST_OFF}.get(kind)
    return {"one": PUBLIC_ON, "list": PUBLIC_ON, "feed": PUBLIC_ON, "member": MEMBER_ON}.get(kind)


def misses(table, results):
    """The targets `results` (ratios added) miss in `table`, one line each."""
    lines = []
    for r in results:
        where = f"cache {table}, {r.name}"
        if r.problem:
            lines.append(f"{where}: {r.problem}")
            continue
        if not r.completed or not r.handled:
            lines.append(f"{where}: no request completed in {r.seconds:.0f} s")
            continue
        if r.errors:
            detail = ", ".join(f"{k} {v}" for k, v in r.socket_errors.items())
            lines.append(f"{where}: errors: {r.non_2xx} non-2xx/3xx {detail}".rstrip())
        if r.queries is not None and r.queries > MAX_QUERIES:
            lines.append(f"{where}: {r.queries} queries > {MAX_QUERIES}")
        required = required_ratio(table, r.kind)
        if required is not None and not r.cpu_ratio >= required:
            lines.append(f"{where}: CPU ratio {r.cpu_ratio:.3f} < {required}")
    return lines


def format_table(results):
    header = (
        f"{'page':<26} {'req/s':>7} {'cpu ms':>7} {'db ms':>6} {'p50 ms':>7} {'p99 ms':>7} "
        f"{'queries':>7} {'ratio':>6} {'cpu ratio':>9} {'errors':>6} {'load':>7} {'done':>6} "
        f"{'handled':>7}"
    )
    lines = [header, "-" * len(header)]

    def number(value, width, digits):
        return f"{'—':>{width}}" if math.isnan(value) else f"{value:>{width}.{digits}f}"

    for r in results:
        if r.problem:
            lines.append(f"{r.name:<26} {r.problem}")
            continue
        queries = "—" if r.queries is None else str(r.queries)
        load = f"{r.connections}×{r.seconds:.0f}s"
        lines.append(
            f"{r.name:<26} {r.rps:>7.0f} {number(r.worker_ms, 7, 2)} {number(r.db_ms, 6, 2)} "
            f"{r.p50:>7.1f} {r.p99:>7.1f} {queries:>7} {number(r.rps_ratio, 6, 3)} "
            f"{number(r.cpu_ratio, 9, 3)} {r.errors:>6} {load:>7} {r.completed:>6} {r.handled:>7}"
        )
    return "\n".join(lines)


# --- Processes --------------------------------------------------------------------------------


def read_stat(pid):
    try:
        return parse_proc_stat(Path(f"/proc/{pid}/stat").read_text())
    except (FileNotFoundError, ProcessLookupError):
        return None


class ServerCPU:
    """The CPU of one gunicorn's workers (the master's children; those that ended are in the
    master's children's time) and of the PostgreSQL backends of the benchmark's database
    (tracked at every poll, so that a backend that ends between two polls keeps what it used
    until the last one)."""

    def __init__(self, master_pid, *, db_user, database):
        self.master_pid = master_pid
        self.db_user, self.database = db_user, database
        self.backends = {}  # pid -> ticks at the last poll
        self.seen = set()  # pids already classified
        self.workers = set()

    def _discover(self):
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit() or int(entry.name) in self.seen:
                continue
            pid = int(entry.name)
            self.seen.add(pid)
            stat = read_stat(pid)
            if stat is None:
                continue
            if stat.ppid == self.master_pid:
                self.workers.add(pid)
                continue
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_text(errors="replace")
            except OSError:
                continue
            if is_backend_of(cmdline, user=self.db_user, database=self.database):
                self.backends[pid] = stat.ticks

    def poll(self):
        """(worker ticks, database ticks) so far."""
        self._discover()
        worker_ticks = 0
        for pid in sorted(self.workers):
            stat = read_stat(pid)
            if stat is None or stat.ppid != self.master_pid:
                self.workers.discard(pid)  # ended: now in the master's children's time
            else:
                worker_ticks += stat.ticks
        master = read_stat(self.master_pid)
        worker_ticks += master.children_ticks if master else 0
        for pid in self.backends:
            stat = read_stat(pid)
            if stat is not None:
                self.backends[pid] = stat.ticks
        return worker_ticks, sum(self.backends.values())


class RequestCounter:
    """The workers' request counters (bench/gunicorn_conf.py), in a file mapped in memory."""

    def __init__(self):
        handle, self.path = tempfile.mkstemp(prefix="bench-requests-")
        os.write(handle, bytes(gunicorn_conf.SLOTS * gunicorn_conf.COUNTER.size))
        os.close(handle)
        with open(self.path, "rb") as file:
            self.counts = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)

    def total(self):
        return gunicorn_conf.read_total(self.counts)

    def close(self):
        self.counts.close()
        os.unlink(self.path)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, server=None, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise SystemExit(f"gunicorn ended (status {server.returncode})")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 -- the local server's address
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def start_gunicorn(*, workers, env):
    """The application as in production, on a free loopback port: (process, base URL)."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "collectif.wsgi",
            "--config",
            str(ROOT / "bench" / "gunicorn_conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
    )
    return server, f"http://127.0.0.1:{port}"


def check_page(base, path, *, cookie, marker):
    """Why the page cannot be measured, or "": it must answer 200 itself (wrk counts a redirect
    as a success), and a page requested with a session (`cookie`) must show the visitor logged
    in (`marker` in it)."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", path, headers={"Cookie": cookie} if cookie else {})
        response = connection.getresponse()
        body = response.read().decode(errors="replace")
    finally:
        connection.close()
    if response.status != 200:
        return f"answers {response.status} {response.getheader('Location') or ''}".rstrip()
    if cookie and marker not in body:
        return "not logged in (no logout form on the page)"
    return ""


def wrk_command(url, *, seconds, connections, cookie):
    command = ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    command += ["--timeout", WRK_TIMEOUT]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    return [*command, url]


def run_wrk(url, *, duration, connections, cookie=None):
    """One wrk run's figures, "errors" the non-2xx/3xx responses (bench/soak.py's load)."""
    command = wrk_command(url, seconds=duration, connections=connections, cookie=cookie)
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    figures = parse_wrk(output)
    return {**figures, "errors": figures["non_2xx"]}


def drain(cpu, totals):
    """Poll until the CPU stops growing; the last (worker ticks, database ticks)."""
    deadline = time.monotonic() + DRAIN_LIMIT_SECONDS
    last = cpu.poll()
    totals.append(sum(last))
    while not settled(totals):
        if time.monotonic() > deadline:
            raise SystemExit(f"the server was still busy {DRAIN_LIMIT_SECONDS} s after wrk ended")
        time.sleep(POLL_SECONDS)
        last = cpu.poll()
        totals.append(sum(last))
    return last


def load(cpu, counter, url, *, seconds, connections, cookie, clock_ticks):
    """One wrk run and its drain: wrk's figures, and the CPU per request handled."""
    before, handled_before = drain(cpu, []), counter.total()
    wrk = subprocess.Popen(
        wrk_command(url, seconds=seconds, connections=connections, cookie=cookie),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    totals = []
    while wrk.poll() is None:
        time.sleep(POLL_SECONDS)
        totals.append(sum(cpu.poll()))  # sees the backends that come and go during the run
    output, errors = wrk.communicate()
    if wrk.returncode:
        raise SystemExit(f"wrk failed on {url}: {errors}")
    after = drain(cpu, totals)
    handled = counter.total() - handled_before
    figures = parse_wrk(output)
    figures.update(
        handled=handled,
        worker_ms=cpu_per_request(after[0] - before[0], handled, clock_ticks),
        db_ms=cpu_per_request(after[1] - before[1], handled, clock_ticks),
    )
    return figures


def measure_table(table, targets, *, args, env, cookies, queries, marker):
    from django.db import connections

    connections.close_all()  # this process's backend is not the server's
    counter = RequestCounter()
    server_env = {**env, "BENCH_CACHE": table, "BENCH_REQUEST_COUNTS": counter.path}
    server, base = start_gunicorn(workers=args.workers, env=server_env)
    database = urllib.parse.urlsplit(args.database_url)
    cpu = ServerCPU(
        server.pid,
        db_user=database.username or "postgres",
        database=database.path.lstrip("/"),
    )
    clock_ticks = os.sysconf("SC_CLK_TCK")
    results = []
    try:
        wait_for(base + "/healthz", server)
        machine_before, ours_before = machine_ticks(), our_ticks(cpu, clock_ticks)
        # The fixed-string view once more at the end: how much the machine's load moved the
        # baseline while the table ran (its CPU ratio), a measure of the table's noise.
        again = {**targets[0], "name": AGAIN, "kind": "check"}
        # Every page checked before any is measured: a broken one is known at once, and each
        # worker has served a few requests before the baseline's.
        problems = {
            t["name"]: check_page(base, t["path"], cookie=cookies.get(t["name"]), marker=marker)
            for t in targets
        }
        for target in [*targets, again]:
            name, kind = target["name"], target["kind"]
            cookie = cookies.get(name)
            result = Result(name=name, kind=kind, queries=queries.get(name))
            results.append(result)
            url = base + target["path"]
            result.problem = problems.get(name, "")
            if result.problem:
                continue
            # Warm-up (fills the caches when they are on), not counted: it tells how slow the
            # page is, and so how to load it.
            warm = load(
                cpu,
                counter,
                url,
                seconds=WARM_UP_SECONDS,
                connections=2 * args.workers,
                cookie=cookie,
                clock_ticks=clock_ticks,
            )
            rate = warm["handled"] / WARM_UP_SECONDS
            result.connections = args.connections if rate >= SLOW_RPS else 2 * args.workers
            result.seconds = min(
                max(args.duration, math.ceil(MIN_REQUESTS / max(rate, 1))),
                MAX_DURATION_FACTOR * args.duration,
            )
            figures = load(
                cpu,
                counter,
                url,
                seconds=result.seconds,
                connections=result.connections,
                cookie=cookie,
                clock_ticks=clock_ticks,
            )
            for key, value in figures.items():
                setattr(result, key, value)
            print(
                f"  cache {table}: {name}: {result.rps:.0f} req/s, "
                f"{result.cpu_ms:.2f} ms CPU/request",
                flush=True,
            )
        machine_after, ours_after = machine_ticks(), our_ticks(cpu, clock_ticks)
    finally:
        server.terminate()
        server.wait(timeout=30)
        counter.close()
    add_ratios(results)
    busy, total = machine_after[0] - machine_before[0], machine_after[1] - machine_before[1]
    # What the rest of the machine used while the table ran: the noise its figures carry.
    others = max(0, busy - (ours_after - ours_before)) / total if total else math.nan
    return results, others


def machine_ticks():
    return parse_cpu_line(Path("/proc/stat").read_text())


def our_ticks(cpu, clock_ticks):
    """The CPU of the benchmark itself: the server, its database backends, this process and
    the children it has waited for (wrk)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime
    return sum(cpu.poll()) + seconds * clock_ticks


# --- Setup ------------------------------------------------------------------------------------


def recreate_database(url):
    import dj_database_url

    config = dj_database_url.parse(url)
    admin = [
        "psql",
        "-h",
        config["HOST"] or "localhost",
        "-p",
        str(config["PORT"] or 5432),
        "-U",
        config["USER"] or "postgres",
        "-d",
        "postgres",
        "-qc",
    ]
    subprocess.run([*admin, f'DROP DATABASE IF EXISTS "{config["NAME"]}"'], check=True)
    subprocess.run([*admin, f'CREATE DATABASE "{config["NAME"]}"'], check=True)


def setup_django(env):
    os.environ.update(env)
    import django

    django.setup()


def count_queries(path, *, table, user=None):
    """Queries one request costs on a cache miss, with `table`'s caches, cold (a key prefix
    of its own)."""
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    from bench.caches import caches_off

    caches = {
        alias: {**config, "KEY_PREFIX": f"bench-count-{os.getpid()}-{time.monotonic_ns()}"}
        for alias, config in settings.CACHES.items()
    }
    overrides = {"CACHES": caches} if table == "on" else caches_off(caches)
    with override_settings(**overrides):
        client = Client(HTTP_HOST="127.0.0.1")
        if user is not None:
            client.force_login(user)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path} answers {response.status_code} in this process")
    return len(queries)


def main(argv=None):
    args = parse_args(argv)
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        # This run's cache entries only: none left by an earlier run is ever a hit.
        "DJANGO_CACHE_KEY_PREFIX": f"bench-{os.getpid()}-{int(time.time())}",
    }
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env["DJANGO_STATIC_ROOT"] = static_root
    if not args.skip_build and args.database_url.startswith("postgres"):
        recreate_database(args.database_url)
    setup_django(env)

    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from bench import dataset, pages

    if not args.skip_build:
        started = time.monotonic()
        print("building the dataset:", flush=True)
        dataset.build(log=lambda line: print(line, flush=True))
        print(f"dataset built in {time.monotonic() - started:.0f} s", flush=True)
    targets = pages.targets()
    if args.only:
        unknown = set(args.only) - {t["name"] for t in targets}
        if unknown:
            raise SystemExit(f"unknown pages: {', '.join(sorted(unknown))}")
        # The fixed-string view always: every ratio is relative to it.
        targets = [t for t in targets if t["kind"] == "baseline" or t["name"] in args.only]
    if targets[0]["kind"] != "baseline":
        raise SystemExit("bench/pages.py lists the fixed-string view first")
    cookies = {t["name"]: pages.session_cookie(t["user"]) for t in targets if t.get("user")}
    tables = ["on", "off"] if args.table == "both" else [args.table]

    report, all_misses = [], []
    try:
        for table in tables:
            queries = {
                t["name"]: count_queries(t["path"], table=table, user=t.get("user"))
                for t in targets
                if t["kind"] not in {"baseline", "static"}
            }
            started = time.monotonic()
            results, others = measure_table(
                table,
                targets,
                args=args,
                env=env,
                cookies=cookies,
                queries=queries,
                marker=pages.logged_in_marker(),
            )
            minutes = (time.monotonic() - started) / 60
            report.append(
                f"\nCache {table} ({describe(table)}), {minutes:.1f} min; other processes kept "
                f"{others:.0%} of the machine's CPU busy meanwhile"
            )
            report.append(format_table(results))
            all_misses += misses(table, results)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    print(
        f"\n{args.workers} gunicorn workers, PostgreSQL, wrk on loopback: {args.connections} "
        f"connections and {args.duration} s per page ({2 * args.workers} connections and up to "
        f"{MAX_DURATION_FACTOR * args.duration} s for a page under {SLOW_RPS} req/s); "
        "cpu ms = gunicorn workers' CPU per request handled, db ms = PostgreSQL's; "
        "cpu ratio = the fixed-string view's (cpu + db) ÷ the page's; load = wrk's connections × "
        "seconds; done = responses wrk received, handled = requests the workers served (the "
        "backlog wrk left included)"
    )
    print("\n".join(report))
    print()
    if all_misses:
        print("targets missed:\n  " + "\n  ".join(all_misses))
        return 1
    print("targets met")
    return 0


def describe(table):
    if table == "on":
        return "shipped: page cache, fragment caches, sessions through Redis"
    return "every cache off: no page cache, no fragment cache; sessions through Redis"


if __name__ == "__main__":
    sys.exit(main())
