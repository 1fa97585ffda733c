#!/usr/bin/env python
"""How long the password-reset answer takes for a known address and for an unknown one.

    .venv/bin/python bench/password_reset_timing.py [--requests 200] [--database PATH]

Runs the site in this process on a scratch SQLite file (migrated on first use), with the
console mail back-end (its output thrown away), and posts the form alternately with both
addresses. "inline" runs each task inside the request (the immediate back-end: what the site
did before the task queue, the mail sent in the request); "queued" is the default database
back-end, where the request only enqueues. Prints the medians, in milliseconds."""

import argparse
import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="Per address and mode.")
    parser.add_argument(
        "--database",
        default=str(Path(tempfile.gettempdir()) / "tasks-bench.sqlite3"),
        help="The scratch SQLite file.",
    )
    return parser.parse_args()


def main():
    args = parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "collectif.settings.base")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DATABASE_URL"] = f"sqlite:///{args.database}"
    os.environ["DJANGO_EMAIL_BACKEND"] = "django.core.mail.backends.console.EmailBackend"
    import django

    django.setup()
    import logging

    logging.disable(logging.INFO)  # a line per task would be timed too
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import Client, override_settings
    from django.urls import reverse

    settings.ALLOWED_HOSTS = ["*"]
    call_command("migrate", verbosity=0)
    user, _created = get_user_model().objects.get_or_create(
        username="bench-known", defaults={"email": "known@example.org"}
    )
    user.set_password("a-long-bench-password")
    user.save()
    url = reverse("portal:password-reset")
    client = Client()
    modes = {
        "inline": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "queued": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    print(f"{'mode':<8} {'known':>9} {'unknown':>9}  (median ms, {args.requests} requests each)")
    for mode, backend in modes.items():
        timings = {"known@example.org": [], "nobody@example.org": []}
        with override_settings(TASKS={"default": backend}):
            for number in range(args.requests):
                # Each address first every other round: the first after the cache is
                # emptied pays for it.
                order = list(timings.items())
                for address, found in order if number % 2 else reversed(order):
                    cache.clear()  # the mail limits would answer 429 after a few
                    with contextlib.redirect_stdout(io.StringIO()):
                        start = time.perf_counter()
                        response = client.post(url, {"email": address})
                        found.append((time.perf_counter() - start) * 1000)
                    assert response.status_code == 302, response.status_code
        known = statistics.median(timings["known@example.org"])
        unknown = statistics.median(timings["nobody@example.org"])
        print(f"{mode:<8} {known:>9.1f} {unknown:>9.1f}")
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.all().delete()  # no worker will send these


if __name__ == "__main__":
    main()
