"""What the lists of organisations show of each (the home page's showcase of 200 members, the
directory), read as plain rows: a model instance, a template and a reverse() per row cost
such a list tens of milliseconds; a row costs a few microseconds."""

from __future__ import annotations

from collections import defaultdict
from html import escape
from typing import TYPE_CHECKING, Any

from django.utils.safestring import SafeString
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname, resolution_order

from collectif.list_urls import url_filler

from .capabilities import MembershipStatus
from .models import Organisation, initials

if TYPE_CHECKING:
    from django.db.models import QuerySet

COLUMNS = ("pk", "name", "acronym", "slug", "logo", "logo_width", "logo_height", "status")


def logo_html(*, url, width, height, mark, large=False) -> SafeString:
    """The logo, or the initials (`mark`) standing in for it. The name is always next to the
    mark: the logo's alt is empty, the stand-in hidden. (Python's escape, as Django's: this
    runs once per row of the lists.)"""
    size = " org-logo--large" if large else ""
    if url:
        lazy = "" if large else ' loading="lazy"'
        return SafeString(
            f'<img class="org-logo{size}" src="{escape(url)}" alt="" width="{width or ""}" '
            f'height="{height or ""}"{lazy}>'
        )
    length = " org-logo--long" if len(mark) > 8 else " org-logo--medium" if len(mark) > 5 else ""
    return SafeString(
        f'<span class="org-logo org-logo--placeholder{size}{length}" aria-hidden="true">'
        f"{escape(mark)}</span>"
    )


def rows(organisations: QuerySet[Organisation], *, themes: bool = False) -> list[dict[str, Any]]:
    """One dict per organisation, in the queryset's order: its `COLUMNS`, `url`, `logo` (the
    HTML of the mark), `is_observer`, and with `themes` the names of its themes in the
    current language (one more query)."""
    url = url_filler("members:organisation-detail", "slug")
    storage = Organisation._meta.get_field("logo").storage
    # No translated column: modeltranslation's fallback has nothing to do for these rows.
    found = list(organisations.rewrite(False).values(*COLUMNS))  # type: ignore[attr-defined]
    for row in found:
        row["url"] = url(row["slug"])
        row["logo"] = logo_html(
            url=storage.url(row["logo"]) if row["logo"] else None,
            width=row["logo_width"],
            height=row["logo_height"],
            mark=initials(row["name"], row["acronym"]),
        )
        row["is_observer"] = row["status"] == MembershipStatus.OBSERVER
    if themes:
        names = _theme_names(organisations)
        for row in found:
            row["themes"] = names.get(row["pk"], [])
    return found


def showcase_items(rows: list[dict[str, Any]], *, observer: str) -> SafeString:
    """The logo wall's items, one `<li>` per row of `rows`: written here, as the rows are,
    since two hundred items through the template language cost more than the rest of the
    home page. `observer` is the badge's label, in the page's language."""
    badge = f'<span class="badge badge--observer">{escape(observer)}</span>'
    return SafeString(
        "".join(
            f'<li><a href="{escape(row["url"])}">{row["logo"]}'
            f'<span class="logo-wall__name">{escape(row["name"])}</span>'
            f"{badge if row['is_observer'] else ''}</a></li>"
            for row in rows
        )
    )


def _theme_names(organisations: QuerySet[Organisation]) -> dict[int, list[str]]:
    """The names of each organisation's themes, in the themes' order, as a theme's `name`
    reads in the current language (modeltranslation's fallback: the other language if empty)."""
    languages = resolution_order(get_language())
    fields = [f"theme__{build_localized_fieldname('name', code)}" for code in languages]
    pairs = (
        Organisation.themes.through.objects.filter(organisation__in=organisations.values("pk"))
        .order_by("theme__position", "theme__slug")
        .values_list("organisation_id", *fields)
    )
    names = defaultdict(list)
    for organisation, *translations in pairs:
        names[organisation].append(next((name for name in translations if name), ""))
    return names
