"""News items, made through the services as in real life (the organisations and their
representatives: tests/conftest.py)."""

import pytest

from news import services
from news.models import NewsItem


def content(**fields):
    """The fields of an initiative, French only unless told."""
    return {
        "kind": NewsItem.Kind.PETITION,
        "title_fr": "Déclaration des Balkans",
        "summary_fr": "Une déclaration contre la traite à signer.",
        "body_fr": "Le **CCEM** propose de signer.",
        **fields,
    }


@pytest.fixture
def make_item(coordinator):
    """An item in the status asked for, through the workflow: a member's initiative with a
    proposer, the collective's news without."""

    def make(status=NewsItem.Status.DRAFT, *, proposer=None, when=None, **fields):
        kind = NewsItem.Kind.PETITION if proposer else NewsItem.Kind.COMMUNIQUE
        item = services.news_item_create(
            by=coordinator, proposer=proposer, **content(kind=fields.pop("kind", kind), **fields)
        )
        if status == NewsItem.Status.DRAFT:
            return item
        if proposer:
            services.news_submit(item=item, by=coordinator, notify=False)
        if status == NewsItem.Status.RETURNED:
            services.news_return(item=item, by=coordinator, reason="Le lien avec la traite ?")
        elif status == NewsItem.Status.PUBLISHED:
            services.news_publish(item=item, by=coordinator, when=when, notify=False)
        item.refresh_from_db()
        return item

    return make


@pytest.fixture
def bulk_published(db):
    """Many published items at once (for query counts), each with its organisations and
    themes: rows written directly, as the workflow would leave them."""
    from django.utils import timezone

    def make(count, *, organisations=(), themes=(), event_start=None, prefix="Actualité"):
        now = timezone.now()
        items = NewsItem.objects.bulk_create(
            NewsItem(
                kind=NewsItem.Kind.COMMUNIQUE,
                title_fr=f"{prefix} {number}",
                summary_fr=f"Résumé {number}.",
                slug=f"item-{number}-{now.timestamp():.0f}",
                status=NewsItem.Status.PUBLISHED,
                published_at=now,
                event_start=event_start(number) if event_start else None,
            )
            for number in range(count)
        )
        NewsItem.organisations.through.objects.bulk_create(
            NewsItem.organisations.through(newsitem=item, organisation=organisation)
            for item in items
            for organisation in organisations
        )
        NewsItem.themes.through.objects.bulk_create(
            NewsItem.themes.through(newsitem=item, theme=theme)
            for item in items
            for theme in themes
        )
        return items

    return make
