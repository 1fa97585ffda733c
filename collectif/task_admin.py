"""The task queue in the admin, in French: coordinators see what the workers did, and above
all what failed (a mail not sent after its last attempt), with its error."""

from django.apps import apps
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from .dashboard import ROWS, Figure, Panel, Row, change_url, changelist_url

# The library's own words, given here so that the site's catalogues translate them (Django
# looks a message up in every catalogue; the library ships no French one).
LIBRARY_STRINGS = [
    _("Task Result"),
    _("Task Results"),
    _("status"),
    _("enqueued at"),
    _("started at"),
    _("finished at"),
    _("args kwargs"),
    _("priority"),
    _("task path"),
    _("worker id"),
    _("queue name"),
    _("backend name"),
    _("run after"),
    _("return value"),
    _("exception class path"),
    _("traceback"),
    pgettext_lazy("Task", "Ready"),
    pgettext_lazy("Task", "Running"),
    pgettext_lazy("Task", "Failed"),
    pgettext_lazy("Task", "Successful"),
]

apps.get_app_config("django_tasks_database").verbose_name = _("Task queue")


class TaskResultAdmin(DBTaskResultAdmin):
    list_display = ["task", "status", "enqueued_at", "finished_at", "error"]
    list_filter = ["status", "queue_name"]
    search_fields = ["task_path", "exception_class_path"]
    title_gender = "feminine"  # « une tâche »

    @admin.display(description=_("task"), ordering="task_path")
    def task(self, obj):
        return obj.task_path.rsplit(".", 1)[-1]

    @admin.display(description=_("error"))
    def error(self, obj):
        return obj.exception_class_path.rsplit(".", 1)[-1] if obj.exception_class_path else ""


if DBTaskResult in admin.site._registry:
    admin.site.unregister(DBTaskResult)
admin.site.register(DBTaskResult, TaskResultAdmin)


def failed_tasks(today):
    """The coordinators' home: the tasks that failed for good (a mail never sent), newest
    first. Two queries."""
    failed = DBTaskResult.objects.filter(status="FAILED").order_by("-finished_at")
    rows = list(failed.only("id", "task_path", "exception_class_path", "finished_at")[:ROWS])
    return Panel(
        key="tasks",
        title=_("Task queue"),
        figures=[
            Figure(
                failed.count(),
                _("tasks failed"),
                changelist_url(DBTaskResult, "status__exact=FAILED"),
                alert=True,
            )
        ],
        rows=[
            Row(
                row.task_path.rsplit(".", 1)[-1],
                change_url(row),
                row.exception_class_path.rsplit(".", 1)[-1],
                alert=True,
            )
            for row in rows
        ],
        empty=_("No task has failed."),
    )
