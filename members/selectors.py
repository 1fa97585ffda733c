"""What each organisation has not provided yet: the « à suivre » list of the minutes of
29 September 2014 (contact, activity report, international network), kept live."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Max
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from collectif import translation_status
from collectif.collation import collated

from .models import InternationalNetwork, Organisation

if TYPE_CHECKING:
    from django.contrib.auth.models import User
    from django.db.models import QuerySet
    from django_stubs_ext import StrPromise


@dataclass
class Provision:
    organisation: Organisation
    has_contact: bool
    confirmed_this_year: bool
    latest_report_year: int | None
    has_current_report: bool
    has_network: bool
    has_network_presentation: bool
    has_network_website: bool
    english_needed: list = field(default_factory=list)

    @property
    def missing(self) -> list[StrPromise]:
        """Labels of what is missing, in the order of the « à suivre » list."""
        labels = []
        if not self.has_contact:
            labels.append(_("public contact"))
        if not self.confirmed_this_year:
            labels.append(_("contact confirmed this year"))
        if not self.has_current_report:
            labels.append(_("latest activity report"))
        if self.has_network and not self.has_network_presentation:
            labels.append(_("presentation of the international network"))
        if self.has_network and not self.has_network_website:
            labels.append(_("website of the international network"))
        if self.english_needed:
            labels.append(_("English of some texts"))
        return labels


def provisions(organisations: QuerySet[Organisation], *, today: date) -> list[Provision]:
    """One Provision per organisation, in a fixed number of queries. The latest activity report
    is the previous year's: the minutes of September 2014 asked for the 2013 report."""
    organisations = list(
        organisations.select_related("network").annotate(latest_report_year=Max("reports__year"))
    )
    networks = {o.network_id: o.network for o in organisations if o.network_id}
    statuses = translation_status.statuses_for([*organisations, *networks.values()])
    by_record = {(type(s.instance), s.instance.pk): s for s in statuses}
    result = []
    for organisation in organisations:
        network = organisation.network
        needed = [
            {"label": text.label, "status": text}
            for text in by_record[(Organisation, organisation.pk)].needing_work()
        ]
        if network:
            needed += [
                {"label": f"{text.label} ({network})", "status": text}
                for text in by_record[(type(network), network.pk)].needing_work()
            ]
        result.append(
            Provision(
                organisation=organisation,
                has_contact=organisation.has_contact,
                confirmed_this_year=bool(
                    organisation.contact_confirmed_on
                    and organisation.contact_confirmed_on.year == today.year
                ),
                latest_report_year=organisation.latest_report_year,
                has_current_report=bool(
                    organisation.latest_report_year
                    and organisation.latest_report_year >= today.year - 1
                ),
                has_network=bool(network),
                has_network_presentation=bool(network and network.presentation_fr),
                has_network_website=bool(network and network.website),
                english_needed=needed,
            )
        )
    return result


def provisions_of(user: User, *, today: date) -> list[Provision]:
    """The provisions of the organisations `user` represents, for the member area's home (which
    keeps what it shows of them in the cache: templates/members/portal/dashboard.html)."""
    return provisions(Organisation.objects.represented_by(user), today=today)


def website_links() -> Iterator[tuple[str, str]]:
    """Link-checker source: the websites of the organisations shown on the site (in each
    language) and of their international networks."""
    rows = (
        Organisation.objects.public()
        .order_by(collated("name"), "pk")
        .values_list("name", "website_fr", "website_en")
    )
    for name, website_fr, website_en in rows:
        yield website_fr, gettext("%(name)s, website (French)") % {"name": name}
        yield website_en, gettext("%(name)s, website (English)") % {"name": name}
    for name, website in InternationalNetwork.objects.order_by(collated("name"), "pk").values_list(
        "name", "website"
    ):
        yield website, gettext("International network %(name)s, website") % {"name": name}
