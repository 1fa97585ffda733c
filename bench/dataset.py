"""The benchmark's large dataset, built with bulk inserts (services are for one row at a time;
here the search indexes are rebuilt once at the end, as after an import).

Besides the sizes the issue names, it holds what each measured page needs: public events (one
meeting in four, the "external event" kind) with detail pages, held meetings with their
compte-rendu (minutes, attendance, delegations, action items, announced meetings), the
collective's documents, and a rare word (RARE_WORD) in a few records of each kind, for a
site-wide search that finds little."""

import random
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import connection

from collectif.models import Theme

ORGANISATIONS = 200
MEETINGS = 2_000
ITEMS_PER_MEETING = 10
LEGAL_TEXTS = 10_000
NEWS_ITEMS = 5_000

DOCUMENTS = 300
# In a handful of records of each kind: a search for it is selective (every other word of the
# vocabulary is in nearly every record).
RARE_WORD = "Varsovie"

PARIS = ZoneInfo("Europe/Paris")
WORDS_FR = [
    "traite",
    "êtres",
    "humains",
    "exploitation",
    "sexuelle",
    "travail",
    "forcé",
    "mendicité",
    "mineurs",
    "victimes",
    "protection",
    "ministère",
    "justice",
    "intérieur",
    "convention",
    "directive",
    "protocole",
    "plan",
    "national",
    "rapport",
    "évaluation",
    "esclavage",
    "domestique",
    "servitude",
    "délinquance",
    "identification",
]
WORDS_EN = [
    "trafficking",
    "human",
    "beings",
    "sexual",
    "exploitation",
    "forced",
    "labour",
    "begging",
    "minors",
    "victims",
    "protection",
    "ministry",
    "justice",
    "interior",
    "convention",
    "directive",
    "protocol",
    "plan",
    "national",
    "report",
    "evaluation",
    "slavery",
    "domestic",
    "servitude",
    "delinquency",
    "identification",
]


def sentence(rng, words, count):
    return " ".join(rng.choice(words) for _ in range(count)).capitalize()


def build_organisations(rng):
    from members.models import Organisation

    themes = list(Theme.objects.all())
    rows = [
        Organisation(
            name=f"Association {number}",
            slug=f"association-{number}",
            description_fr=sentence(rng, WORDS_FR, 60)
            + (f" {RARE_WORD}." if number % 50 == 11 else ""),
            description_en=sentence(rng, WORDS_EN, 60),
            status="observer" if number % 20 == 0 else "member",
            status_since=date(2008, 1, 1),
            contact_first_name="Prénom",
            contact_last_name=f"Nom {number}",
            contact_email=f"contact{number}@example.org",
            contact_confirmed_on=date(2026, 1, 15),
        )
        for number in range(ORGANISATIONS)
    ]
    Organisation.objects.bulk_create(rows, batch_size=500)
    through = Organisation.themes.through
    through.objects.bulk_create(
        [
            through(organisation_id=org.pk, theme_id=theme.pk)
            for org in Organisation.objects.all()
            for theme in rng.sample(themes, 3)
        ],
        batch_size=1000,
    )
    member = get_user_model().objects.create_user("bench-member", password="bench-password-2014")
    Organisation.objects.get(slug="association-1").representatives.add(member)
    return Organisation.objects.count()


def build_meetings(rng):
    from django.utils import timezone

    from meetings.models import ActionItem, AgendaItem, Attendance, Delegation, Meeting
    from members.models import Organisation

    now = timezone.now()
    start = datetime(2014, 1, 6, 10, 0, tzinfo=PARIS)
    kinds = Meeting.Kind.values
    meetings = []
    for number in range(MEETINGS):
        begins = start + timedelta(days=3 * number)
        held = begins < now
        kind = kinds[number % len(kinds)]
        meetings.append(
            Meeting(
                kind=kind,
                title_fr=f"Réunion {number}" + (f" {RARE_WORD}" if number % 500 == 7 else ""),
                title_en=f"Meeting {number}",
                summary_fr=sentence(rng, WORDS_FR, 30),
                start=begins,
                end=begins + timedelta(hours=2),
                place_name="Secours Catholique",
                place_address="106 rue du Bac, 75007 Paris",
                status=Meeting.Status.HELD if held else Meeting.Status.PLANNED,
                # The public agenda: outside events; the collective's own meetings are members'.
                visibility=(
                    Meeting.Visibility.PUBLIC
                    if kind == Meeting.Kind.EVENT
                    else Meeting.Visibility.MEMBERS
                ),
                minutes_dated=(begins + timedelta(days=7)).date() if held else None,
                signed_by="Geneviève Colas et Constance Mazard" if held else "",
                minutes_approved_on=(begins + timedelta(days=30)).date() if held else None,
            )
        )
    Meeting.objects.bulk_create(meetings, batch_size=500)
    meetings = list(Meeting.objects.order_by("start", "pk").only("pk", "kind", "start", "status"))
    organisations = list(Organisation.objects.order_by("pk").values_list("pk", flat=True))
    items = [
        AgendaItem(
            meeting_id=meeting.pk,
            position=position,
            title_fr=sentence(rng, WORDS_FR, 6)
            + (f" {RARE_WORD}" if (index * ITEMS_PER_MEETING + position) % 4000 == 3 else ""),
            minutes_fr=sentence(rng, WORDS_FR, 120),
        )
        for index, meeting in enumerate(meetings)
        for position in range(1, ITEMS_PER_MEETING + 1)
    ]
    AgendaItem.objects.bulk_create(items, batch_size=2000)
    # The compte-rendu's parts: who came (a plenary gathers the members), the delegation sent
    # to an institution, the next meetings announced, and one action item per held meeting,
    # open for the last two months' meetings (the « suivi des actions » of a plenary).
    attendances, delegations, announced = [], [], []
    through = Meeting.announced_meetings.through
    for index, meeting in enumerate(meetings):
        present = 24 if meeting.kind == Meeting.Kind.PLENARY else 4
        attendances += [
            Attendance(
                meeting_id=meeting.pk,
                person=f"Personne {index}-{offset}",
                organisation_id=organisations[(index + offset * 7) % len(organisations)],
                presence=(
                    Attendance.Presence.PRESENT if offset < present else Attendance.Presence.EXCUSED
                ),
            )
            for offset in range(present + 4)
        ]
        if meeting.kind == Meeting.Kind.INSTITUTION:
            delegations += [
                Delegation(
                    meeting_id=meeting.pk, organisation_id=organisations[index % len(organisations)]
                ),
                Delegation(
                    meeting_id=meeting.pk,
                    organisation_id=organisations[(index + 1) % len(organisations)],
                ),
            ]
        if meeting.kind == Meeting.Kind.PLENARY:
            announced += [
                through(from_meeting_id=meeting.pk, to_meeting_id=later.pk)
                for later in meetings[index + 1 : index + 4]
            ]
    Attendance.objects.bulk_create(attendances, batch_size=2000)
    Delegation.objects.bulk_create(delegations, batch_size=2000)
    through.objects.bulk_create(announced, batch_size=2000)
    held = {m.pk: m for m in meetings if m.status == Meeting.Status.HELD}
    # About twenty open at the latest plenary, as the collective's own minutes show.
    recent = now - timedelta(days=60)
    actions = ActionItem.objects.bulk_create(
        [
            ActionItem(
                meeting_id=item.meeting_id,
                agenda_item_id=item.pk,
                text_fr="Transmettre " + sentence(rng, WORDS_FR, 10).lower(),
                due_on=(held[item.meeting_id].start + timedelta(days=30)).date(),
                **(
                    {"status": ActionItem.Status.OPEN}
                    if held[item.meeting_id].start >= recent
                    else {
                        "status": ActionItem.Status.DONE,
                        "done_on": (held[item.meeting_id].start + timedelta(days=20)).date(),
                    }
                ),
            )
            for item in AgendaItem.objects.filter(position=1, meeting_id__in=held).order_by("pk")
        ],
        batch_size=2000,
    )
    owners = ActionItem.organisations.through
    owners.objects.bulk_create(
        [
            owners(actionitem_id=action.pk, organisation_id=organisations[i % len(organisations)])
            for i, action in enumerate(actions)
        ],
        batch_size=2000,
    )
    return {
        "meetings": Meeting.objects.count(),
        "agenda items": AgendaItem.objects.count(),
        "attendances": Attendance.objects.count(),
        "action items": ActionItem.objects.count(),
    }


def build_legal_texts(rng, count=LEGAL_TEXTS):
    from documents import services
    from documents.models import IssuingBody, LegalReference, LegalResource

    bodies = list(IssuingBody.objects.all())
    themes = list(Theme.objects.all())
    rows = []
    for number in range(count):
        title_fr, title_en = sentence(rng, WORDS_FR, 8), sentence(rng, WORDS_EN, 8)
        names_fr = names_en = ""
        if number % 1000 == 0:
            title_fr, title_en = "Protocole de Palerme " + title_fr, "Palermo Protocol " + title_en
        if number % 1000 == 500:
            names_fr, names_en = "Convention de Varsovie", "Warsaw Convention"
        rows.append(
            LegalResource(
                slug=f"text-{number}",
                title_fr=title_fr,
                title_en=title_en,
                summary_fr=sentence(rng, WORDS_FR, 40),
                summary_en=sentence(rng, WORDS_EN, 40),
                common_names_fr=names_fr,
                common_names_en=names_en,
                text_fr=sentence(rng, WORDS_FR, 300),
                kind=LegalResource.Kind.values[number % len(LegalResource.Kind.values)],
                level=LegalResource.Level.values[number % len(LegalResource.Level.values)],
                body=bodies[number % len(bodies)],
                date=date(1990 + number % 35, 1 + number % 12, 1 + number % 28),
                is_published=True,
                published_at=datetime(2014, 1, 1, 12, tzinfo=PARIS) + timedelta(hours=number),
            )
        )
    rows = LegalResource.objects.bulk_create(rows, batch_size=1000)
    through = LegalResource.themes.through
    through.objects.bulk_create(
        [
            through(legalresource_id=resource.pk, theme_id=theme.pk)
            for index, resource in enumerate(rows)
            for theme in themes[index % len(themes) : index % len(themes) + 2]
        ],
        batch_size=2000,
    )
    # Official references, as real texts carry them: one text in ten.
    LegalReference.objects.bulk_create(
        [
            LegalReference(resource=resource, scheme="celex", value=f"3{2000 + i % 25}L{i:04d}")
            for i, resource in enumerate(rows)
            if i % 10 == 0
        ],
        batch_size=2000,
    )
    services.texts_reindex(queryset=LegalResource.objects.all(), batch_size=1000)
    return LegalResource.objects.count()


def build_news(rng):
    from news.models import NewsItem

    start = datetime(2014, 10, 1, 9, 0, tzinfo=PARIS)
    NewsItem.objects.bulk_create(
        [
            NewsItem(
                kind=NewsItem.Kind.values[number % len(NewsItem.Kind.values)],
                title_fr=sentence(rng, WORDS_FR, 8)
                + (f" {RARE_WORD}" if number % 1000 == 13 else ""),
                title_en=sentence(rng, WORDS_EN, 8),
                slug=f"news-{number}",
                summary_fr=sentence(rng, WORDS_FR, 30),
                summary_en=sentence(rng, WORDS_EN, 30),
                body_fr=sentence(rng, WORDS_FR, 200),
                body_en=sentence(rng, WORDS_EN, 200),
                status=NewsItem.Status.PUBLISHED,
                published_at=start + timedelta(hours=12 * number),
            )
            for number in range(NEWS_ITEMS)
        ],
        batch_size=1000,
    )
    return NewsItem.objects.count()


def build_documents(rng):
    from documents import services
    from documents.models import Document

    kinds, public = Document.Kind.values, Document.Visibility.PUBLIC
    first = datetime(2014, 1, 1, 12, tzinfo=PARIS)
    Document.objects.bulk_create(
        [
            Document(
                title=sentence(rng, WORDS_FR, 8),
                slug=f"document-{number}",
                summary=sentence(rng, WORDS_FR, 40),
                kind=kinds[number % len(kinds)],
                date=(first + timedelta(days=13 * number)).date(),
                # One in three for members only.
                visibility=Document.Visibility.MEMBERS if number % 3 == 0 else public,
                published_at=None if number % 3 == 0 else first + timedelta(days=13 * number),
            )
            for number in range(DOCUMENTS)
        ],
        batch_size=1000,
    )
    services.texts_reindex(queryset=Document.objects.all())
    return Document.objects.count()


def build_site_index(rng):
    from documents import site_index

    # Bulk inserts send no signal: the index is built once, as after an import.
    return {kind: site_index.rebuild(kind) for kind in site_index.KINDS}


STEPS = [
    ("organisations", build_organisations),
    ("meetings", build_meetings),
    ("legal texts", build_legal_texts),
    ("news items", build_news),
    ("documents", build_documents),
    ("site-wide search index", build_site_index),
]


def build(log=print):
    """Fill the (empty, migrated) database; each step's sizes and time go to `log`."""
    rng = random.Random(2014)
    for name, step in STEPS:
        started = time.monotonic()
        sizes = step(rng)
        log(f"  {name}: {sizes} ({time.monotonic() - started:.0f} s)")
    if connection.vendor == "postgresql":
        # A bulk load leaves no visibility map: until autovacuum passes, every index-only scan
        # reads the heap too. A site that has run for a while is vacuumed; so is the benchmark's.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
