#!/usr/bin/env python
"""Benchmark: build a large dataset on PostgreSQL, serve it with gunicorn as in production, load
each public page kind with wrk from a second process on loopback, and print a table.

    .venv/bin/python bench/run.py [--database-url postgres://postgres@127.0.0.1:5432/contrelatraite_bench]
                                  [--duration 10] [--connections 16] [--workers 2] [--skip-build]

Needs wrk (apt-get install wrk) and gunicorn. The database is dropped and built anew unless
--skip-build. Figures are noisy on a shared machine: compare the ratios of one run."""

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
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
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--skip-build", action="store_true", help="reuse the existing dataset")
    parser.add_argument("--only", nargs="*", help="page names to measure")
    return parser.parse_args()


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


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 -- the local server's address
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"server did not answer at {url}")


def to_ms(value):
    match = re.match(r"([\d.]+)(us|ms|s|m)", value)
    if match is None:
        raise ValueError(f"unknown wrk duration {value!r}")
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}[unit]


def start_gunicorn(*, workers, env):
    """The application as in production, on a free loopback port: (process, base URL)."""
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "collectif.wsgi",
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


def run_wrk(url, *, duration, connections, cookie=None):
    command = [
        "wrk",
        "-t",
        "1",
        "-c",
        str(connections),
        "-d",
        f"{duration}s",
        "--latency",
        "--timeout",
        "5s",
        url,
    ]
    if cookie:
        command[1:1] = ["-H", f"Cookie: {cookie}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "50%" not in output:
        raise SystemExit(f"wrk could not measure {url}:\n{output}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    try:
        p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
        p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    except ValueError as error:
        raise SystemExit(f"{error} in wrk's output for {url}:\n{output}") from error
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": p50,
        "p99": p99,
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def count_queries(path, cookie_user=None):
    """Queries one request costs on a cache miss (the page cache is bypassed)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    if cookie_user is not None:
        client.force_login(cookie_user)
    with override_settings(PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)


def main():
    args = parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DJANGO_CACHE_KEY_PREFIX": f"bench-{os.getpid()}",
    }
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env["DJANGO_STATIC_ROOT"] = static_root
    if not args.skip_build and args.database_url.startswith("postgres"):
        recreate_database(args.database_url)
    setup_django(env)

    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    from bench import dataset, pages

    if not args.skip_build:
        started = time.monotonic()
        sizes = dataset.build()
        print(f"dataset built in {time.monotonic() - started:.0f} s: {sizes}")
    targets = pages.targets()
    if args.only:
        targets = [t for t in targets if t["name"] in args.only]

    for target in targets:
        target["queries"] = (
            count_queries(target["path"], target.get("user")) if target.get("django", True) else 0
        )

    server, base = start_gunicorn(workers=args.workers, env=env)
    try:
        wait_for(base + "/healthz")
        for target in targets:
            cookie = pages.session_cookie(target["user"]) if target.get("user") else None
            url = base + target["path"]
            run_wrk(url, duration=1, connections=args.connections, cookie=cookie)  # warm up
            target.update(
                run_wrk(url, duration=args.duration, connections=args.connections, cookie=cookie)
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)

    baseline = next(t for t in targets if t["name"] == "fixed-string view")["rps"]
    print()
    print(
        f"{args.connections} connections, {args.duration} s per page, "
        f"{args.workers} gunicorn workers, database {connection.vendor}"
    )
    header = (
        f"{'page':<28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'queries':>8} {'ratio':>7} {'errors':>7}"
    )
    print(header)
    print("-" * len(header))
    misses = []
    for t in targets:
        ratio = t["rps"] / baseline
        print(
            f"{t['name']:<28} {t['rps']:>9.0f} {t['p50']:>8.1f} {t['p99']:>8.1f} "
            f"{t['queries']:>8} {ratio:>7.2f} {t['errors']:>7}"
        )
        if t.get("public") and ratio < 0.5:
            misses.append(f"{t['name']}: ratio {ratio:.2f} < 0.5")
        if t["queries"] > 10:
            misses.append(f"{t['name']}: {t['queries']} queries > 10")
        if t["p99"] > 150:
            misses.append(f"{t['name']}: p99 {t['p99']:.0f} ms > 150 ms")
        if t["errors"] or t["socket_errors"]:
            misses.append(f"{t['name']}: errors {t['errors']} {t['socket_errors']}")
    print()
    print("targets met" if not misses else "targets missed:\n  " + "\n  ".join(misses))


if __name__ == "__main__":
    main()
