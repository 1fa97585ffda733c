"""The law library's panels of the coordinators' home (registered in contributions.py)."""

from django.utils.translation import gettext_lazy as _

from collectif import dates
from collectif.dashboard import ROWS, Figure, Panel, Row, change_url, changelist_url

from .models import LegalResource, LinkCheck


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
                changelist_url(LegalResource, "checked=stale"),
            )
        ],
        rows=[
            Row(
                str(resource),
                change_url(resource),
                (_("last checked on %(date)s") % {"date": dates.long_date(resource.last_checked)})
                if resource.last_checked
                else _("never checked"),
            )
            for resource in rows
        ],
        empty=_("Every legal text was checked within a year."),
    )


def broken_links(today):
    broken = LinkCheck.objects.filter(ok=False)
    rows = list(broken.order_by("url")[:ROWS])
    return Panel(
        key="links",
        title=_("Links"),
        figures=[
            Figure(
                broken.count(),
                _("broken at the last check"),
                changelist_url(LinkCheck, "ok__exact=0"),
                True,
            )
        ],
        rows=[
            Row(check.url, change_url(check), check.error or f"HTTP {check.status_code}", True)
            for check in rows
        ],
        empty=_("No broken link at the last check."),
    )
