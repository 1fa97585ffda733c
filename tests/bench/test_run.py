"""The benchmark's arithmetic and parsing (bench/run.py), without a server or wrk: what it reads
from /proc and from wrk, when it decides a server has drained, and how it checks targets."""

import math
import mmap
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.test import override_settings

from bench import gunicorn_conf, run
from bench.caches import DUMMY_CACHE, caches_off

WRK_REPORT = """\
Running 10s test @ http://127.0.0.1:40111/fr/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   412.05ms  120.20ms    1.20s    70.00%
    Req/Sec     9.81      3.02    20.00     80.00%
  Latency Distribution
     50%  401.00ms
     75%  480.00ms
     90%  600.00ms
     99%    1.10s
  97 requests in 10.02s, 12.34MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 4
Requests/sec:      9.68
Transfer/sec:      1.23MB
"""

NOTHING_COMPLETED = """\
Running 1s test @ http://127.0.0.1:40111/fr/
  1 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     0.00us    0.00us   0.00us    -nan%
    Req/Sec     0.00      0.00     0.00      -nan%
  Latency Distribution
     50%    0.00us
     75%    0.00us
     90%    0.00us
     99%    0.00us
  0 requests in 1.00s, 0.00B read
Requests/sec:      0.00
Transfer/sec:       0.00B
"""


def test_proc_stat_fields_counted_after_the_command_name():
    # A command name may hold spaces and parentheses.
    # state, ppid, pgrp, session, tty, tpgid, flags, 4 page fault counts, utime, stime,
    # cutime, cstime, then the rest.
    text = "4242 (gunicorn: (worker) x) S 4200 4200 4200 0 -1 4194624 1 2 3 4 150 25 7 3 20 0 1 0"
    stat = run.parse_proc_stat(text)
    assert stat == run.ProcStat(ppid=4200, ticks=175, children_ticks=10)


def test_proc_stat_of_this_process():
    import os
    from pathlib import Path

    stat = run.parse_proc_stat(Path(f"/proc/{os.getpid()}/stat").read_text())
    assert stat.ppid == os.getppid()
    assert stat.ticks >= 0


def test_machine_cpu_line():
    text = "cpu  100 5 50 1000 20 3 2 10 0 0\ncpu0 50 2 25 500 10 1 1 5 0 0\n"
    # user, nice, system, irq, softirq and steal are busy; idle and I/O wait are not.
    assert run.parse_cpu_line(text) == (170, 1190)


def test_postgresql_backend_told_by_its_title():
    title = "postgres: 15/main: postgres contrelatraite_bench 127.0.0.1(4242) idle\0\0"
    assert run.is_backend_of(title, user="postgres", database="contrelatraite_bench")
    # Another database, even one whose name starts the same.
    assert not run.is_backend_of(title, user="postgres", database="contrelatraite")
    shared = "postgres: 15/main: postgres contrelatraite_bench_shared 127.0.0.1(1) SELECT"
    assert not run.is_backend_of(shared, user="postgres", database="contrelatraite_bench")
    # The server's own processes, and anything else.
    assert not run.is_backend_of(
        "postgres: 15/main: autovacuum worker contrelatraite_bench",
        user="postgres",
        database="contrelatraite_bench",
    )
    assert not run.is_backend_of(
        "psql -U postgres contrelatraite_bench ", user="postgres", database="contrelatraite_bench"
    )


@pytest.mark.parametrize(
    ("text", "ms"),
    [("250.00us", 0.25), ("12.5ms", 12.5), ("1.10s", 1100.0), ("2.00m", 120_000.0)],
)
def test_wrk_durations(text, ms):
    assert run.to_ms(text) == pytest.approx(ms)


def test_unknown_wrk_duration_refused():
    with pytest.raises(ValueError, match="unknown wrk duration"):
        run.to_ms("12 parsecs")


def test_wrk_report_parsed():
    assert run.parse_wrk(WRK_REPORT) == {
        "completed": 97,
        "rps": 9.68,
        "p50": 401.0,
        "p99": 1100.0,
        "non_2xx": 4,
        "socket_errors": {"read": 2, "timeout": 3},
    }


def test_wrk_report_with_nothing_completed():
    figures = run.parse_wrk(NOTHING_COMPLETED)
    assert figures["completed"] == 0
    assert figures["rps"] == 0
    assert figures["socket_errors"] == {}


def test_not_a_wrk_report_refused():
    with pytest.raises(ValueError, match="not a wrk"):
        run.parse_wrk("unable to connect to 127.0.0.1:1 Connection refused")


@pytest.mark.parametrize(
    ("totals", "expected"),
    [
        ([100, 100], False),  # two polls are one interval
        ([100, 100, 100], True),
        ([90, 100, 100.5], False),  # still busy a poll ago
        ([100, 100, 101], False),  # a tick: not yet
        ([50, 80, 80, 80], True),
    ],
)
def test_drained_after_two_quiet_intervals(totals, expected):
    assert run.settled(totals) is expected


def test_cpu_per_request():
    assert run.cpu_per_request(250, 1000, 100) == pytest.approx(2.5)
    assert math.isnan(run.cpu_per_request(250, 0, 100))


def result(name, kind, *, worker_ms, db_ms=0.0, rps=100.0, queries=3, **kwargs):
    kwargs = {"completed": 100, "handled": 102, **kwargs}
    return run.Result(
        name=name, kind=kind, rps=rps, worker_ms=worker_ms, db_ms=db_ms, queries=queries, **kwargs
    )


def test_ratios_relative_to_the_fixed_string_view_of_the_same_table():
    rows = [
        result("fixed-string view", "baseline", worker_ms=0.8, rps=1000.0, queries=None),
        result("organisation", "one", worker_ms=6.0, db_ms=2.0, rps=50.0),
    ]
    run.add_ratios(rows)
    assert rows[0].cpu_ratio == pytest.approx(1.0)
    # The database's CPU counts with the page's.
    assert rows[1].cpu_ratio == pytest.approx(0.1)
    assert rows[1].rps_ratio == pytest.approx(0.05)


def test_targets_by_table_and_kind():
    assert run.required_ratio("off", "one") == 0.1
    assert run.required_ratio("off", "list") == 0.05
    assert run.required_ratio("off", "member") is None
    assert run.required_ratio("on", "list") == 0.5
    assert run.required_ratio("on", "feed") == 0.5
    assert run.required_ratio("on", "member") == 0.3
    assert run.required_ratio("on", "static") is None


def test_targets_checked_on_the_cpu_ratio():
    rows = [
        result("fixed-string view", "baseline", worker_ms=1.0, rps=1000.0, queries=None),
        # Below by requests/s (noise), above by CPU: met.
        result("legal text", "one", worker_ms=9.0, rps=50.0),
        result("home", "list", worker_ms=40.0, rps=900.0),
        result("news list", "list", worker_ms=5.0, queries=11),
        result("event", "one", worker_ms=2.0, non_2xx=3),
        result("library search broad", "list", worker_ms=1.0, completed=0, seconds=40),
        result("news item", "one", worker_ms=2.0, problem="answers 404"),
        result("member area home", "member", worker_ms=50.0),
    ]
    run.add_ratios(rows)
    assert run.misses("off", rows) == [
        "cache off, home: CPU ratio 0.025 < 0.05",
        "cache off, news list: 11 queries > 10",
        "cache off, event: errors: 3 non-2xx/3xx",
        "cache off, library search broad: no request completed in 40 s",
        "cache off, news item: answers 404",
    ]
    assert "cache on, member area home: CPU ratio 0.020 < 0.3" in run.misses("on", rows)


def test_every_page_meeting_its_target_is_no_miss():
    rows = [
        result("fixed-string view", "baseline", worker_ms=1.0, queries=None),
        result("static file", "static", worker_ms=0.5, queries=None),
        result("organisation", "one", worker_ms=1.5),
        result("member area home", "member", worker_ms=3.0),
    ]
    run.add_ratios(rows)
    assert run.misses("on", rows) == []


def test_table_printed_with_a_dash_for_what_was_not_measured():
    rows = [
        result("fixed-string view", "baseline", worker_ms=1.0, queries=None),
        result("news item", "one", worker_ms=2.0, problem="answers 404"),
    ]
    run.add_ratios(rows)
    table = run.format_table(rows)
    assert "fixed-string view" in table.splitlines()[2]
    assert table.splitlines()[2].split()[7] == "—"  # no query count for the baseline
    assert table.splitlines()[3] == f"{'news item':<26} answers 404"


def test_request_counts_written_by_each_worker_and_summed(tmp_path, monkeypatch):
    monkeypatch.setattr(gunicorn_conf, "_counts", None)
    path = tmp_path / "counts"
    path.write_bytes(bytes(gunicorn_conf.SLOTS * gunicorn_conf.COUNTER.size))
    monkeypatch.setenv("BENCH_REQUEST_COUNTS", str(path))
    first, second = SimpleNamespace(age=1, nr=0), SimpleNamespace(age=2, nr=0)
    gunicorn_conf.post_fork(None, first)
    for worker, requests in ((first, 3), (second, 5)):
        for _ in range(requests):
            worker.nr += 1
            gunicorn_conf.post_request(worker, None, {}, None)
    with path.open("rb") as file:
        counts = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        assert gunicorn_conf.read_total(counts) == 8
        counts.close()


def test_cache_off_keeps_nothing_but_sessions():
    with override_settings(**caches_off(settings.CACHES)):
        assert settings.PAGE_CACHE_SECONDS == 0
        cache.set("fragment", "value", 600)
        assert cache.get("fragment") is None
        assert all(
            caches[alias].__class__.__module__ + "." + caches[alias].__class__.__name__
            == DUMMY_CACHE
            for alias in settings.CACHES
            if alias != settings.SESSION_CACHE_ALIAS
        )
        sessions = caches[settings.SESSION_CACHE_ALIAS]
        sessions.set("session", "kept", 600)
        assert sessions.get("session") == "kept"


def test_request_counts_off_without_their_file(monkeypatch):
    # bench/soak.py starts the same server and counts nothing.
    monkeypatch.delenv("BENCH_REQUEST_COUNTS", raising=False)
    monkeypatch.setattr(gunicorn_conf, "_counts", None)
    worker = SimpleNamespace(age=1, nr=1)
    gunicorn_conf.post_fork(None, worker)
    gunicorn_conf.post_request(worker, None, {}, None)
    assert gunicorn_conf._counts is None
