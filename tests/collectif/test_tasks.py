"""Mail and slow work through the task queue, with the database back-end the site runs by
default (the other tests run tasks at once: settings/test.py)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from collectif.tasks import send_mail_task

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def queued(settings):
    settings.TASKS = DATABASE_TASKS
    yield
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


def run_queued():
    """Run every ready task as a worker would (claim, call, record), in order."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    # A real worker closes stale connections between tasks; inside a test's transaction that
    # would close the test's own connection (PostgreSQL; SQLite's in-memory one never closes).
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        worker.run()


class RefusingBackend:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


@pytest.fixture
def accounts(make_user):
    return make_user("known", email="known@example.org")


def test_password_reset_enqueues_the_same_for_known_and_unknown_addresses(
    client, accounts, queued, db
):
    url = reverse("portal:password-reset")
    for address in ["known@example.org", "nobody@example.org"]:
        response = client.post(url, {"email": address})
        assert response.status_code == 302
    # Nothing sent inside the requests; one identical task each, the address its argument.
    assert mail.outbox == []
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [task.task_name for task in tasks] == ["password_reset_task"] * 2
    assert [task.args_kwargs["kwargs"]["email"] for task in tasks] == [
        "known@example.org",
        "nobody@example.org",
    ]
    run_queued()  # the reset task queues the mail task, which the same run sends
    assert [message.to for message in mail.outbox] == [["known@example.org"]]
    assert "«\u202fknown\u202f»" in mail.outbox[0].body
    assert "http://testserver/fr/" in mail.outbox[0].body  # the host the request came to


def test_a_failing_mail_is_retried_later_with_back_off_then_recorded_as_failed(
    queued, settings, db
):
    settings.EMAIL_BACKEND = "tests.collectif.test_tasks.RefusingBackend"
    settings.TASK_MAX_ATTEMPTS = 3
    settings.TASK_RETRY_SECONDS = 60
    send_mail_task.enqueue(subject="Bonjour", body="…", to=["someone@example.org"])
    run_queued()
    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "SUCCESSFUL"  # this attempt handed over to the next
    assert first.return_value["failed_attempt"] == 1
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    wait = retry.run_after - timezone.now()
    assert timedelta(seconds=50) < wait <= timedelta(seconds=60)

    # The second waits twice as long; the third, the last, fails for good.
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_queued()
    third = DBTaskResult.objects.order_by("-enqueued_at").first()
    assert third.args_kwargs["kwargs"]["attempt"] == 3
    assert timedelta(seconds=110) < third.run_after - timezone.now() <= timedelta(seconds=120)
    DBTaskResult.objects.filter(pk=third.pk).update(run_after=timezone.now())
    run_queued()
    third.refresh_from_db()
    assert third.status == "FAILED"
    assert third.exception_class_path == "builtins.ConnectionRefusedError"
    assert DBTaskResult.objects.count() == 3
    assert mail.outbox == []


def test_a_mail_keeps_its_html_attachment_and_headers_through_the_queue(queued, db):
    from django.core.mail import EmailMultiAlternatives

    from collectif.tasks import queue_mail

    message = EmailMultiAlternatives(
        "Sujet", "Texte", to=["a@example.org"], reply_to=["b@example.org"], headers={"X-A": "1"}
    )
    message.attach_alternative("<p>Texte</p>", "text/html")
    message.attach("cr.pdf", b"%PDF-1.7 \x00\xff", "application/pdf")
    queue_mail(message)
    assert mail.outbox == []
    run_queued()
    (sent,) = mail.outbox
    assert sent.to == ["a@example.org"]
    assert sent.reply_to == ["b@example.org"]
    assert sent.extra_headers["X-A"] == "1"
    assert sent.alternatives[0][0] == "<p>Texte</p>"
    assert sent.attachments[0][1] == b"%PDF-1.7 \x00\xff"


def test_the_newsletter_sent_from_the_admin_goes_through_a_worker(
    coordinator_client, coordinator, queued, db
):
    from news import newsletter, services
    from news.models import NewsItem, Newsletter, Subscriber

    item = services.news_item_create(
        by=coordinator,
        proposer=None,
        kind=NewsItem.Kind.COMMUNIQUE,
        title_fr="Lancement",
        summary_fr="En ligne.",
        body_fr="En ligne.",
    )
    services.news_publish(item=item, by=coordinator, when=timezone.now(), notify=False)
    for number in range(3):
        Subscriber.objects.create(
            email=f"r{number}@example.org", language="fr", confirmed_at=timezone.now()
        )
    letter = newsletter.newsletter_compose(
        month=timezone.localdate(), by=coordinator, title_fr="Lettre"
    )
    response = coordinator_client.post(
        reverse("admin:news_newsletter_send", args=[letter.pk]), follow=True
    )
    assert mail.outbox == []
    assert "est en cours d" in response.content.decode()  # « La lettre est en cours d'envoi »
    letter.refresh_from_db()
    assert letter.status == Newsletter.Status.SENDING
    run_queued()
    assert sorted(m.to[0] for m in mail.outbox) == [f"r{n}@example.org" for n in range(3)]
    letter.refresh_from_db()
    assert letter.status == Newsletter.Status.SENT


def test_coordinators_see_failed_tasks_in_french_others_do_not(
    coordinator_client, representative, queued, settings, db
):
    from django.test import Client

    settings.EMAIL_BACKEND = "tests.collectif.test_tasks.RefusingBackend"
    settings.TASK_MAX_ATTEMPTS = 1
    send_mail_task.enqueue(subject="Bonjour", body="…", to=["someone@example.org"])
    run_queued()
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    page = coordinator_client.get(url + "?status__exact=FAILED")
    assert page.status_code == 200
    html = page.content.decode()
    assert "send_mail_task" in html
    assert "ConnectionRefusedError" in html
    assert "Échouée" in html
    assert "File des tâches" in coordinator_client.get(reverse("admin:index")).content.decode()
    result = DBTaskResult.objects.get()
    detail = coordinator_client.get(
        reverse("admin:django_tasks_database_dbtaskresult_change", args=[result.pk])
    )
    assert detail.status_code == 200
    assert "mail server down" in detail.content.decode()
    other = Client()
    other.force_login(representative)
    assert other.get(url).status_code == 302  # to the admin's login: not staff


@pytest.mark.parametrize("rows", [10, 200])
def test_the_task_list_costs_a_fixed_number_of_queries(
    coordinator_client, queued, rows, django_assert_max_num_queries, db
):
    for _number in range(rows):
        send_mail_task.enqueue(subject="Bonjour", body="…", to=["someone@example.org"])
    url = reverse("admin:django_tasks_database_dbtaskresult_changelist")
    coordinator_client.get(url)
    with django_assert_max_num_queries(12):
        assert coordinator_client.get(url).status_code == 200


def test_the_coordinators_home_counts_the_failed_tasks(coordinator_client, queued, settings, db):
    from collectif import dashboard

    settings.EMAIL_BACKEND = "tests.collectif.test_tasks.RefusingBackend"
    settings.TASK_MAX_ATTEMPTS = 1
    send_mail_task.enqueue(subject="Bonjour", body="…", to=["someone@example.org"])
    run_queued()
    (panel,) = [panel for panel in dashboard.panels() if panel.key == "tasks"]
    assert [figure.count for figure in panel.figures] == [1]
    assert [row.text for row in panel.rows] == ["send_mail_task"]
    assert coordinator_client.get(panel.figures[0].url).context["cl"].result_count == 1


def test_a_reset_for_a_known_address_does_what_one_for_an_unknown_does(
    client, accounts, queued, django_assert_num_queries, db
):
    """The timing attack: before, the known address's request looked the account up, wrote
    and sent the mail (28 against 19 ms). Now both run the same queries, and nothing else."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    url = reverse("portal:password-reset")
    client.post(url, {"email": "warm-up@example.org"})
    shapes = []
    for address in ["known@example.org", "nobody@example.org"]:
        with CaptureQueriesContext(connection) as queries:
            assert client.post(url, {"email": address}).status_code == 302
        # The same statements, their values aside (the task's id, time and address).
        shapes.append([query["sql"].split(" VALUES ")[0] for query in queries])
    assert shapes[0] == shapes[1]
    assert not any("auth_user" in sql for sql in shapes[0])  # no account looked up
    assert mail.outbox == []
