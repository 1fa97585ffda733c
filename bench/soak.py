#!/usr/bin/env python
"""Load and soak: 64 connections for 60 s on the biggest pages, from a second process on
loopback, while the resident memory of every gunicorn worker is sampled each second.

    .venv/bin/python bench/soak.py [--seconds 60] [--connections 64] [--workers 2]

Run bench/run.py first (it builds the dataset in the same database). Prints, per page, the
requests served, errors, and each worker's memory at the start, the peak and the end: a
worker whose memory keeps growing leaks."""

import argparse
import contextlib
import os
import re
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import run_wrk, setup_django, start_gunicorn, wait_for  # noqa: E402

BIGGEST_PAGES = [
    "library search broad",
    "library list",
    "directory",
    "organisation",
    "home",
    "events list",
    # Never cached: the one that runs Django, templates and the database on every request.
    "member area home",
]


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def rss_mb(pid):
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024


def sample(master, stop, samples):
    while not stop.is_set():
        for worker in children(master):
            with contextlib.suppress(FileNotFoundError, AttributeError):  # a worker restarting
                samples.setdefault(worker, []).append(rss_mb(worker))
        stop.wait(1)


def main():
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
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pages", nargs="*", default=BIGGEST_PAGES)
    args = parser.parse_args()
    static_root = tempfile.mkdtemp(prefix="soak-static-")
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "DJANGO_CACHE_KEY_PREFIX": f"soak-{os.getpid()}",
        "DJANGO_STATIC_ROOT": static_root,
    }
    setup_django(env)
    from django.core.management import call_command

    from bench import pages

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    targets = [t for t in pages.targets() if t["name"] in args.pages]
    server, base = start_gunicorn(workers=args.workers, env=env)
    print(f"{args.connections} connections, {args.seconds} s per page, {args.workers} workers")
    print(
        f"{'page':<26} {'requests':>9} {'req/s':>7} {'p99 ms':>7} {'errors':>7}  "
        "worker memory MB (start → peak → end)"
    )
    failed = False
    try:
        wait_for(base + "/healthz")
        for target in targets:
            samples, stop = {}, threading.Event()
            sampler = threading.Thread(target=sample, args=(server.pid, stop, samples))
            sampler.start()
            cookie = pages.session_cookie(target["user"]) if target.get("user") else None
            result = run_wrk(
                base + target["path"],
                duration=args.seconds,
                connections=args.connections,
                cookie=cookie,
            )
            stop.set()
            sampler.join()
            memory = "; ".join(
                f"{values[0]:.0f} → {max(values):.0f} → {values[-1]:.0f}"
                for values in samples.values()
                if values
            )
            errors = result["errors"] + (1 if result["socket_errors"] else 0)
            failed |= bool(errors)
            print(
                f"{target['name']:<26} {result['rps'] * args.seconds:>9.0f} {result['rps']:>7.0f} "
                f"{result['p99']:>7.0f} {errors:>7}  {memory} {result['socket_errors']}"
            )
    finally:
        server.terminate()
        server.wait(timeout=30)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
