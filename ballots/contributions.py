"""What the ballots app adds to the shared mechanisms (see collectif/registry.py)."""

from collectif import registry

from . import demo, reminders

registry.portal_urls.add("ballots.urls")
registry.coordinated_apps.add("ballots")
# Before the admission-vote reminders: a ballot that closes admits its observer first.
registry.reminders.add(reminders.ballot_reminders, order=5)
registry.demo_loaders.add(demo.load, order=60)
registry.portal_sections.add("ballots/_dashboard_section.html", order=20)

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from collectif.hostile import Form, Page  # noqa: E402

from .forms import PaperForm, ProxyForm, VoteForm  # noqa: E402


def _ballot(site):
    return {"pk": site.ballot.pk}


def _voter(site):
    return {"pk": site.ballot.pk, "slug": site.organisation.slug}


_BALLOT_PAGE = (("ballots:ballot-detail", _ballot),)

for _page in [
    Page("ballots:ballot-list", user="representative"),
    Page("ballots:ballot-detail", kwargs=_ballot, user="representative"),
    Page("ballots:vote", kwargs=_voter, user="representative"),
    Page("ballots:proxy", kwargs=_voter, user="representative"),
    Page("ballots:paper", kwargs=_ballot, user="coordinator"),
]:
    registry.hostile_pages.add(_page)

for _form in [
    Form(
        "ballot-vote",
        "ballots:vote",
        "representative",
        lambda site: {"option": str(site.ballot.options.get(meaning="for").pk)},
        form_class=VoteForm,
        kwargs=_voter,
        # Asked once the organisation has voted (to change a secret vote).
        exclude=("receipt_code",),
        shown_on=_BALLOT_PAGE,
    ),
    Form(
        "ballot-proxy",
        "ballots:proxy",
        "representative",
        lambda site: {"holder": str(site.other_organisation.pk)},
        form_class=ProxyForm,
        kwargs=_voter,
        shown_on=_BALLOT_PAGE,
    ),
    Form(
        "ballot-paper",
        "ballots:paper",
        "coordinator",
        lambda site: {"present": [str(site.other_organisation.pk)], "total_for": "1"},
        form_class=PaperForm,
        kwargs=_ballot,
        extra_fields=("total_for", "total_against", "total_abstention"),
        shown_on=_BALLOT_PAGE,
    ),
]:
    registry.hostile_forms.add(_form)
