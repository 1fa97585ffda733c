"""The library's slow work, run by a worker: reading the text of uploaded PDFs, checking
links."""

from django.apps import apps
from django_tasks import task

from . import services


@task()
def extract_file_text_task(*, model, pk, languages):
    """Read and index the text of a legal text's or document's files (a row deleted since
    has nothing to read)."""
    instance = apps.get_model(model)._base_manager.filter(pk=pk).first()
    if instance is None:
        return False
    services.file_text_refresh(instance=instance, languages=languages)
    return True


@task()
def check_links_task(*, timeout=10.0, workers=4, max_time=300.0):
    """Check every registered link and record the results (`manage.py check_links --queue`)."""
    run = services.link_checks_run(timeout=timeout, workers=workers, max_time=max_time)
    return {"checked": len(run.results) - len(run.unchecked), "broken": len(run.broken)}
