"""The task queue's real worker (`manage.py db_worker`, the database back-end) killed in the
middle of a newsletter and of the minutes: started again, it mails the rest, and nobody gets
a message twice."""

import email
import os
import signal
import subprocess
import sys
import time

import pytest
import redis

from .conftest import ROOT, manage
from .test_scale_out import REDIS_URL, redis_available

RECIPIENTS = 12

SETUP = f"""
from datetime import date
from django.contrib.auth.models import Group, User
from django.utils import timezone
from collectif.permissions import COORDINATION_GROUP
from news import newsletter, services
from news.models import NewsItem, Subscriber
from news.tasks import send_newsletter_task

coordinator = User.objects.create_user("coordinator", "coordinator@example.org", is_staff=True)
coordinator.groups.add(Group.objects.get(name=COORDINATION_GROUP))
item = services.news_item_create(
    by=coordinator, proposer=None, kind=NewsItem.Kind.COMMUNIQUE, title_fr="Lancement",
    summary_fr="Le site est en ligne.", body_fr="Le site est en ligne.",
)
services.news_publish(item=item, by=coordinator, when=timezone.now(), notify=False)
for number in range({RECIPIENTS}):
    Subscriber.objects.create(
        email=f"reader{{number}}@example.org", language="fr", confirmed_at=timezone.now()
    )
letter = newsletter.newsletter_compose(
    month=timezone.localdate().replace(day=1), by=coordinator, title_fr="Lettre"
)
newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
send_newsletter_task.enqueue(newsletter_id=letter.pk)
"""

STATE = """
from news.models import NewsletterDelivery
for row in NewsletterDelivery.objects.values("subscriber__email", "status"):
    print(row["subscriber__email"], row["status"])
"""

EXPIRE = """
from datetime import timedelta
from django.utils import timezone
from news import newsletter
from news.models import Newsletter
letter = Newsletter.objects.get()
newsletter.newsletter_send_pending(newsletter=letter, now=timezone.now() + timedelta(minutes=11))
letter.refresh_from_db()
print(letter.status)
"""


def mailed(folder):
    """Each recipient's number of messages."""
    counts = {}
    for path in folder.glob("*.eml"):
        to = email.message_from_bytes(path.read_bytes())["To"]
        counts[to] = counts.get(to, 0) + 1
    return counts


def state(env):
    result = manage(env, "shell", "-c", STATE)
    assert result.returncode == 0, result.stderr
    rows = [line.split() for line in result.stdout.splitlines() if line.startswith("reader")]
    return dict(rows)


def forget_rq_keys(url):
    connection = redis.Redis.from_url(url)
    keys = list(connection.scan_iter("rq:*"))
    if keys:
        connection.delete(*keys)


def test_a_worker_killed_mid_newsletter_resumes_without_sending_anyone_twice(scratch_env, tmp_path):
    folder = tmp_path / "mail"
    folder.mkdir()
    env = {
        **scratch_env,
        "DJANGO_TASKS_BACKEND": "database",
        "DJANGO_EMAIL_BACKEND": "tests.recording_mail.EmailBackend",
        "RECORDING_MAIL_DIR": str(folder),
        "RECORDING_MAIL_DELAY": "0.3",
    }
    assert manage(env, "migrate", "--no-input").returncode == 0
    setup = manage(env, "shell", "-c", SETUP)
    assert setup.returncode == 0, setup.stderr
    assert not mailed(folder)  # enqueuing sent nothing: only a worker does

    # No reloader (on by default under DEBUG): it would run the worker in a child process that
    # outlives the kill below and goes on sending beside the second worker.
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--interval",
            "0.1",
            "--no-startup-delay",
            "--no-reload",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while len(list(folder.glob("*.eml"))) < 4:
            assert worker.poll() is None, "the worker stopped by itself"
            assert time.monotonic() < deadline, "the worker sent nothing"
            time.sleep(0.05)
        # One process: killing it stops every sending (Linux lists a process's children here).
        children = f"/proc/{worker.pid}/task/{worker.pid}/children"
        if os.path.exists(children):
            with open(children) as listing:
                assert not listing.read().split(), "the worker runs in a child process"
    finally:
        os.kill(worker.pid, signal.SIGKILL)  # no graceful shutdown: a crash
        worker.wait()
    before = mailed(folder)
    assert 4 <= sum(before.values()) < RECIPIENTS
    assert set(before.values()) == {1}

    # The cron line queues the rest; a new worker runs the queue until it is empty.
    assert "sending queued" in manage(env, "send_newsletters").stdout
    rerun = manage(env, "db_worker", "--batch", "--no-startup-delay")
    assert rerun.returncode == 0, rerun.stderr

    after = mailed(folder)
    assert set(after.values()) == {1}, after  # nobody twice
    statuses = state(env)
    # The one being sent at the crash is left claimed (« sending »), never sent again; every
    # other reader got the letter once.
    in_flight = [address for address, status in statuses.items() if status == "sending"]
    assert len(in_flight) <= 1
    for address, status in statuses.items():
        if status == "sent":
            assert after.get(address) == 1
    assert len(statuses) == RECIPIENTS
    assert sum(status == "sent" for status in statuses.values()) >= RECIPIENTS - 1

    # Ten minutes on, the claim is marked interrupted and the letter counts as sent.
    expired = manage(env, "shell", "-c", EXPIRE)
    assert expired.stdout.splitlines()[-1] == "sent", expired.stderr
    assert set(mailed(folder).values()) == {1}


def test_with_rq_on_redis_a_worker_sends_the_newsletter(scratch_env, tmp_path):
    """Production's back-end: the same tasks through Redis, run by `rqworker`."""
    if not redis_available():
        pytest.skip("no Redis server")
    # The Redis database of the scale-out test, whose keys carry a prefix of their own: only
    # RQ's keys are cleared, so that the two may run at once (xdist).
    url = REDIS_URL
    forget_rq_keys(url)
    folder = tmp_path / "mail"
    folder.mkdir()
    env = {
        **scratch_env,
        "DJANGO_TASKS_BACKEND": "rq",
        "REDIS_URL": url,
        "DJANGO_EMAIL_BACKEND": "tests.recording_mail.EmailBackend",
        "RECORDING_MAIL_DIR": str(folder),
    }
    assert manage(env, "migrate", "--no-input").returncode == 0
    setup = manage(env, "shell", "-c", SETUP)
    assert setup.returncode == 0, setup.stderr
    assert not mailed(folder)
    worker = manage(env, "rqworker", "default", "--job-class", "django_tasks_rq.Job", "--burst")
    assert worker.returncode == 0, worker.stderr
    assert mailed(folder) == {f"reader{number}@example.org": 1 for number in range(RECIPIENTS)}
    forget_rq_keys(url)
