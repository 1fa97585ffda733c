"""The demo's ballots (run by `load_demo` after the members' and the library's demos):

- the admission of Koutcha, the demo's observer: a secret ballot open now (opened two days
  before the demo's today, closing five days after), some members having voted and Hors la Rue
  having given its proxy to the CCEM, whose representative (the demo member account) votes for
  both, which reaches the quorum of 7; the next `send_reminders` after its closing admits
  Koutcha;
- the adoption of the site's launch communiqué (annex 1 of the minutes): an open ballot held
  and closed in October 2014, each member's vote shown.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from collectif.demo import demo_record, mark_demo, move_to
from documents.models import Document
from members.models import Organisation

from . import services
from .models import Ballot, Participation, Proxy

PARIS = ZoneInfo("Europe/Paris")
ADMISSION_KEY = "ballots:admission:koutcha"
COMMUNIQUE_KEY = "ballots:communique-lancement"
# Those that voted on Koutcha's admission already, and how (their votes are secret: the demo
# only knows because it cast them).
ADMISSION_VOTES = {
    "secours-catholique": "for",
    "ecpat-france": "for",
    "mouvement-du-nid": "for",
    "fondation-scelles": "abstention",
    "la-cimade": "against",
}
PROXY = ("hors-la-rue", "ccem")  # giver, holder
COMMUNIQUE_VOTES = {
    "secours-catholique": "for",
    "ccem": "for",
    "ecpat-france": "for",
    "hors-la-rue": "for",
    "mouvement-du-nid": "abstention",
    "bon-pasteur": "for",
    "acpe": "against",
}


def _at(day, hour):
    return datetime.combine(day, time(hour), tzinfo=PARIS)


def _cast(ballot, votes):
    options = {option.meaning: option for option in ballot.options.all()}
    for organisation in Organisation.objects.filter(slug__in=votes):
        services.ballot_cast(
            ballot=ballot,
            organisation=organisation,
            option=options[votes[organisation.slug]],
            channel=Participation.Channel.ONLINE,
            by=None,
        )


def _admission(today):
    opens, closes = _at(today - timedelta(days=2), 9), _at(today + timedelta(days=5), 18)
    ballot = demo_record(Ballot, ADMISSION_KEY)
    if ballot is not None:
        if not ballot.closed_at:
            move_to(ballot, opens_at=opens, closes_at=closes)
        return 0
    observer = Organisation.objects.filter(slug="koutcha").first()
    if observer is None or not observer.is_observer:
        return 0
    ballot = services.ballot_create(
        by=None,
        kind=Ballot.Kind.ADMISSION,
        organisation=observer,
        question="Admettez-vous Koutcha comme membre du Collectif ?",
        question_fr="Admettez-vous Koutcha comme membre du Collectif ?",
        question_en="Do you admit Koutcha as a member of the collective?",
        opens_at=opens,
        closes_at=closes,
        is_secret=True,
        quorum=7,
    )
    mark_demo(ballot, ADMISSION_KEY)
    _cast(ballot, ADMISSION_VOTES)
    giver, holder = (Organisation.objects.get(slug=slug) for slug in PROXY)
    Proxy.objects.create(ballot=ballot, giver=giver, holder=holder)
    return 1


def _communique():
    if demo_record(Ballot, COMMUNIQUE_KEY) is not None:
        return 0
    document = Document.objects.filter(slug="communique-lancement-site-2014").first()
    ballot = services.ballot_create(
        by=None,
        kind=Ballot.Kind.TEXT,
        document=document,
        text="" if document else "Communiqué de lancement du site du Collectif (annexe 1).",
        question="Adoptez-vous le communiqué de lancement du site ?",
        question_fr="Adoptez-vous le communiqué de lancement du site ?",
        question_en="Do you adopt the press release on the launch of the website?",
        opens_at=_at(date(2014, 10, 6), 9),
        closes_at=_at(date(2014, 10, 13), 18),
        is_secret=False,
    )
    mark_demo(ballot, COMMUNIQUE_KEY)
    _cast(ballot, COMMUNIQUE_VOTES)
    services.ballot_close(ballot=ballot, now=ballot.closes_at)
    return 1


def load(*, today):
    created = _admission(today) + _communique()
    open_ballot = Ballot.objects.filter(kind=Ballot.Kind.ADMISSION, closed_at__isnull=True).first()
    voted = open_ballot.participations.count() if open_ballot else 0
    return [
        f"{created} ballot(s) created: Koutcha's admission open ({voted} voted), "
        "the launch communiqué adopted"
    ]
