"""The benchmark's large dataset, built with bulk inserts (services are for one row at a time;
here the search index is rebuilt once at the end, as after an import)."""

import random
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
            description_fr=sentence(rng, WORDS_FR, 60),
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
    from meetings.models import ActionItem, AgendaItem, Meeting

    start = datetime(2014, 1, 6, 10, 0, tzinfo=PARIS)
    meetings = [
        Meeting(
            kind=Meeting.Kind.values[number % len(Meeting.Kind.values)],
            title_fr=f"Réunion {number}",
            title_en=f"Meeting {number}",
            summary_fr=sentence(rng, WORDS_FR, 30),
            start=start + timedelta(days=3 * number),
            end=start + timedelta(days=3 * number, hours=2),
            place_name="Secours Catholique",
            status=Meeting.Status.HELD,
            visibility=Meeting.Visibility.PUBLIC if number % 4 == 0 else Meeting.Visibility.MEMBERS,
        )
        for number in range(MEETINGS)
    ]
    Meeting.objects.bulk_create(meetings, batch_size=500)
    items = [
        AgendaItem(
            meeting_id=meeting.pk,
            position=position,
            title_fr=sentence(rng, WORDS_FR, 6),
            minutes_fr=sentence(rng, WORDS_FR, 120),
        )
        for meeting in Meeting.objects.only("pk")
        for position in range(1, ITEMS_PER_MEETING + 1)
    ]
    AgendaItem.objects.bulk_create(items, batch_size=2000)
    first_items = AgendaItem.objects.filter(position=1).select_related("meeting")
    ActionItem.objects.bulk_create(
        [
            ActionItem(meeting_id=item.meeting_id, agenda_item_id=item.pk, text_fr="Transmettre")
            for item in first_items
        ],
        batch_size=2000,
    )
    return {"meetings": Meeting.objects.count(), "agenda items": AgendaItem.objects.count()}


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
                title_fr=sentence(rng, WORDS_FR, 8),
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


def build():
    rng = random.Random(2014)
    sizes = {
        "organisations": build_organisations(rng),
        **build_meetings(rng),
        "legal texts": build_legal_texts(rng),
        "news items": build_news(rng),
    }
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return sizes
