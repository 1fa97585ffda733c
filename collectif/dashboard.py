"""The coordinators' home: the admin index shows what needs their attention.

Each app registers its panels in `registry.dashboard_panels` (in its contributions.py): a
function `(today) -> Panel`, built with the helpers below. Each panel gives its figures, each
linking to the admin list behind it (filtered the same way), and its first rows. The whole page
costs a fixed number of queries, whatever the number of organisations, action items, texts or
links (see tests/collectif/test_dashboard.py).

On old data, what is overdue for more than a year (`a_year_before`) is not listed row by row:
the panel's `summary` sums it up in one line, linking to the list of exactly those items, and
its rows are the recent ones.
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from collectif import dates

from . import registry, translation_status
from .models import TextNeedingTranslation

ROWS = 5


@dataclass
class Figure:
    count: int
    label: str
    url: str
    alert: bool = False


@dataclass
class Row:
    text: str
    url: str
    detail: str = ""
    alert: bool = False


@dataclass
class Panel:
    key: str
    title: str
    figures: list
    rows: list = field(default_factory=list)
    empty: str = ""
    summary: Figure | None = None  # one line for what is overdue for more than a year

    @property
    def total(self):
        return sum(figure.count for figure in self.figures)


def changelist_url(model, query=""):
    meta = model._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    return f"{url}?{query}" if query else url


def change_url(instance):
    meta = instance._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])
    except NoReverseMatch:  # a record edited through another's page (an inline)
        return ""


def due_in(days):
    if days > 0:
        return ngettext("due in %(days)d day", "due in %(days)d days", days) % {"days": days}
    if days == 0:
        return str(_("due today"))
    return ngettext("overdue by %(days)d day", "overdue by %(days)d days", -days) % {"days": -days}


def a_year_before(today):
    """The day one year before `today` (28 February for a 29th): what fell due before it is
    overdue for more than a year."""
    try:
        return today.replace(year=today.year - 1)
    except ValueError:
        return today.replace(year=today.year - 1, day=28)


def overdue_for_a_year(count, oldest, url):
    """The summary line of what is overdue for more than a year (None when nothing is)."""
    if not count:
        return None
    label = _("overdue for more than a year (oldest due date: %(date)s)") % {
        "date": dates.long_date(oldest)
    }
    return Figure(count, label, url)


def texts_lacking_english(today):
    statuses = translation_status.records_needing_translation()
    missing = [s for s in statuses if any(t.is_missing for t in s.needing_work())]
    return Panel(
        key="english",
        title=_("English translations"),
        figures=[
            Figure(
                len(missing), _("texts without English"), changelist_url(TextNeedingTranslation)
            ),
            Figure(
                len(statuses) - len(missing),
                _("English older than the French"),
                changelist_url(TextNeedingTranslation),
            ),
        ],
        rows=[
            Row(str(s.instance), change_url(s.instance), str(s.instance._meta.verbose_name))
            for s in statuses[:ROWS]
        ],
        empty=_("Every text has its English."),
    )


def panels(*, today=None):
    """Every panel of the coordinators' home, in the order the apps registered them."""
    today = today or timezone.localdate()
    return [panel(today) for panel in registry.dashboard_panels]
