"""The coordinators' home: the admin index shows what needs their attention.

It reads every app, so nothing in collectif imports it but the admin's index template (through
collectif/templatetags/dashboard.py).

Each panel gives its figures, each linking to the admin list behind it (filtered the same
way), and its first rows. The whole page costs a fixed number of queries, whatever the number
of organisations, action items, texts or links (see tests/collectif/test_dashboard.py).
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from documents.models import LegalResource, LinkCheck
from meetings.models import ActionItem
from meetings.reminders import DUE_SOON_DAYS
from members.models import Organisation
from members.selectors import provisions
from news.models import NewsItem

from . import translation_status
from .models import TextNeedingTranslation

ROWS = 5
VOTE_NOTICE_DAYS = 30


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

    @property
    def total(self):
        return sum(figure.count for figure in self.figures)


def _changelist(model, query=""):
    meta = model._meta
    url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
    return f"{url}?{query}" if query else url


def _change(instance):
    meta = instance._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[instance.pk])
    except NoReverseMatch:  # a record edited through another's page (an inline)
        return ""


def _days(days):
    if days > 0:
        return ngettext("due in %(days)d day", "due in %(days)d days", days) % {"days": days}
    if days == 0:
        return str(_("due today"))
    return ngettext("overdue by %(days)d day", "overdue by %(days)d days", -days) % {"days": -days}


def admission_votes(today):
    horizon = today + timedelta(days=VOTE_NOTICE_DAYS)
    observers = list(
        Organisation.objects.observers()
        .filter(vote_due_on__lte=horizon)
        .order_by("vote_due_on", "name")
        .only("pk", "name", "vote_due_on")
    )
    overdue = [o for o in observers if o.vote_due_on < today]
    return Panel(
        key="votes",
        title=_("Admission votes"),
        figures=[
            Figure(len(overdue), _("overdue"), _changelist(Organisation, "vote=overdue"), True),
            Figure(
                len(observers) - len(overdue),
                _("due within 30 days"),
                _changelist(Organisation, "vote=soon"),
            ),
        ],
        rows=[
            Row(
                o.name,
                _change(o),
                _days((o.vote_due_on - today).days),
                o.vote_due_on < today,
            )
            for o in observers[:ROWS]
        ],
        empty=_("No admission vote falls due within 30 days."),
    )


def action_items(today):
    horizon = today + timedelta(days=DUE_SOON_DAYS)
    items = ActionItem.objects.open().filter(due_on__lte=horizon).order_by("due_on", "pk")
    overdue = items.filter(due_on__lt=today).count()
    due_soon = items.filter(due_on__gte=today).count()
    return Panel(
        key="action-items",
        title=_("Action items « à suivre »"),
        figures=[
            Figure(overdue, _("overdue"), _changelist(ActionItem, "due=overdue"), True),
            Figure(due_soon, _("due within 7 days"), _changelist(ActionItem, "due=week")),
        ],
        rows=[
            Row(str(item), _change(item), _days((item.due_on - today).days), item.due_on < today)
            for item in items[:ROWS]
        ],
        empty=_("No action item is overdue or due within 7 days."),
    )


def initiatives_to_review():
    waiting = NewsItem.objects.waiting_for_review().select_related("proposer")
    rows = list(waiting.order_by("updated_at", "pk")[: ROWS + 1])
    count = len(rows) if len(rows) <= ROWS else waiting.count()
    return Panel(
        key="initiatives",
        title=_("Members' initiatives"),
        figures=[
            Figure(
                count,
                _("waiting for review"),
                _changelist(NewsItem, "status__exact=submitted"),
                bool(count),
            )
        ],
        rows=[
            Row(
                item.title_fr,
                reverse("admin:news_newsitem_review", args=[item.pk]),
                str(item.proposer or ""),
            )
            for item in rows[:ROWS]
        ],
        empty=_("No initiative is waiting for review."),
    )


def texts_lacking_english():
    statuses = translation_status.records_needing_translation()
    missing = [s for s in statuses if any(t.is_missing for t in s.needing_work())]
    return Panel(
        key="english",
        title=_("English translations"),
        figures=[
            Figure(len(missing), _("texts without English"), _changelist(TextNeedingTranslation)),
            Figure(
                len(statuses) - len(missing),
                _("English older than the French"),
                _changelist(TextNeedingTranslation),
            ),
        ],
        rows=[
            Row(str(s.instance), _change(s.instance), str(s.instance._meta.verbose_name))
            for s in statuses[:ROWS]
        ],
        empty=_("Every text has its English."),
    )


def organisations_missing(today):
    rows = provisions(Organisation.objects.public(), today=today)
    unconfirmed = [p for p in rows if not p.confirmed_this_year]
    no_report = [p for p in rows if not p.has_current_report]
    url = reverse("admin:members_organisation_missing")
    lacking = [p for p in rows if not p.confirmed_this_year or not p.has_current_report]
    return Panel(
        key="organisations",
        title=_("What members have not provided"),
        figures=[
            Figure(len(unconfirmed), _("contact not confirmed this year"), url),
            Figure(
                len(no_report),
                _("no activity report of %(year)s or later") % {"year": today.year - 1},
                url,
            ),
        ],
        rows=[
            Row(p.organisation.name, _change(p.organisation), ", ".join(map(str, p.missing)))
            for p in lacking[:ROWS]
        ],
        empty=_("Every member has confirmed its contact and sent its latest report."),
    )


def legal_texts_to_check(today):
    stale = LegalResource.objects.needs_check(today)
    rows = list(stale.order_by("last_checked", "pk").only("pk", "title", "last_checked")[:ROWS])
    return Panel(
        key="legal-texts",
        title=_("Legal texts"),
        figures=[
            Figure(
                stale.count(),
                _("not checked for a year"),
                _changelist(LegalResource, "checked=stale"),
            )
        ],
        rows=[
            Row(
                str(resource),
                _change(resource),
                (
                    _("last checked on %(date)s")
                    % {"date": resource.last_checked.strftime("%d/%m/%Y")}
                )
                if resource.last_checked
                else _("never checked"),
            )
            for resource in rows
        ],
        empty=_("Every legal text was checked within a year."),
    )


def broken_links():
    broken = LinkCheck.objects.filter(ok=False)
    rows = list(broken.order_by("url")[:ROWS])
    return Panel(
        key="links",
        title=_("Links"),
        figures=[
            Figure(
                broken.count(),
                _("broken at the last check"),
                _changelist(LinkCheck, "ok__exact=0"),
                True,
            )
        ],
        rows=[
            Row(check.url, _change(check), check.error or f"HTTP {check.status_code}", True)
            for check in rows
        ],
        empty=_("No broken link at the last check."),
    )


def panels(*, today=None):
    """Every panel of the coordinators' home, in the order they read it."""
    today = today or timezone.localdate()
    return [
        admission_votes(today),
        action_items(today),
        initiatives_to_review(),
        texts_lacking_english(),
        organisations_missing(today),
        legal_texts_to_check(today),
        broken_links(),
    ]
