"""The minutes' sending, run by a worker: each mail written (with its PDF, some seconds)
and sent there, not in the coordinator's request."""

from django_tasks import task

from . import services


@task()
def send_minutes_task(*, sending_ids):
    """Mail these sendings of the minutes; return how many went. Each is claimed first, so
    that this task run again (or twice at once) mails nobody twice."""
    return sum(services.minutes_deliver(sending_id) for sending_id in sending_ids)
