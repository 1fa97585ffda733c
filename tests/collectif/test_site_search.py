"""The site-wide search: one engine (the library's) over every kind, grouped by kind, and
members-only content for those who read the minutes alone."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from collectif import site_search
from documents import services as documents_services
from documents import site_index
from documents.models import Document, IssuingBody, LegalResource
from meetings.models import ActionItem, AgendaItem, Meeting
from members.models import Organisation
from news.models import NewsItem
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db

SEARCH_FR = "/fr/recherche/"
SEARCH_EN = "/en/search/"


def kinds(groups):
    return {group.kind: group for group in groups}


def urls(groups):
    return {result.url for group in groups for result in group.results}


def everything(query, user):
    """Every result of every kind, not only the page's first five."""
    return site_search.search(query, user=user, limit=10_000)


def make_meeting(title, *, visibility=Meeting.Visibility.PUBLIC, days=10, **fields):
    start = timezone.now() + timedelta(days=days)
    return Meeting.objects.create(
        kind=Meeting.Kind.PLENARY,
        title_fr=title,
        start=start,
        visibility=visibility,
        **fields,
    )


def make_news(title, *, status=NewsItem.Status.PUBLISHED, kind=NewsItem.Kind.COMMUNIQUE, **extra):
    count = NewsItem.objects.count()
    return NewsItem.objects.create(
        kind=kind,
        title_fr=title,
        slug=f"item-{count}",
        summary_fr=f"Résumé de {title}.",
        status=status,
        published_at=timezone.now() if status == NewsItem.Status.PUBLISHED else None,
        **extra,
    )


def make_text(title, slug):
    return documents_services.legal_resource_save(
        resource=LegalResource(
            title_fr=title,
            slug=slug,
            kind=LegalResource.Kind.LAW,
            level=LegalResource.Level.INTERNATIONAL,
            body=IssuingBody.objects.first(),
            date=date(2010, 1, 1),
            is_published=True,
        )
    )


def make_document(title, slug):
    return documents_services.document_save(
        document=Document(
            title_fr=title, slug=slug, kind=Document.Kind.COMMUNIQUE, date=date(2014, 10, 1)
        )
    )


# --- The page --------------------------------------------------------------------------------


def test_the_url_is_translated():
    assert reverse("collectif:search") == SEARCH_FR
    with translation.override("en"):
        assert reverse("collectif:search") == SEARCH_EN


def test_the_header_has_the_search_form_on_every_page(client):
    page = client.get("/fr/").content.decode()
    assert page.count('class="site-search" role="search"') == 1
    assert f'action="{SEARCH_FR}"' in page
    assert (
        '<label for="site-search-q" class="visually-hidden">Rechercher sur le site</label>' in page
    )


def test_an_empty_query_invites_to_type(client):
    response = client.get(SEARCH_FR)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert "Rechercher sur le site" in page


def test_a_too_short_query_says_so(client, make_organisation):
    make_organisation("Association A")
    page = client.get(SEARCH_FR, {"q": "a"}).content.decode()
    assert "au moins deux lettres" in page
    assert "result__title" not in page


def test_nothing_found_says_so_and_echoes_the_query_escaped(client):
    page = client.get(SEARCH_FR, {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Aucun résultat" in page
    assert "<title>Recherche\u202f: &lt;script&gt;" in page


def test_hostile_queries_are_answered(client):
    # The site refuses addresses too long (414) or with a NUL (400) before any view.
    assert client.get(SEARCH_FR, {"q": "x" * 20_000}).status_code in (200, 414)
    assert client.get(SEARCH_FR, {"q": "traite\x00"}).status_code == 400
    for query in ["x" * 1_500, "traite\x1f\x7f\x08", "\u202e\ufeff", "%", "' OR 1=1 --"]:
        response = client.get(SEARCH_FR, {"q": query})
        assert response.status_code == 200


def test_control_characters_are_dropped_from_the_query():
    assert site_search.clean_query("tra\x00ite\n  humaine ") == "tra ite humaine"
    assert len(site_search.clean_query("x" * 5_000)) == site_search.MAX_QUERY_LENGTH


def test_results_come_grouped_by_kind_with_headings_and_counts(client, make_organisation):
    make_organisation("Comité contre l'esclavage moderne", acronym="CCEM", slug="ccem")
    make_news("L'esclavage moderne en France")
    make_meeting("Colloque sur l'esclavage moderne")
    page = client.get(SEARCH_FR, {"q": "esclavage"}).content.decode()
    assert "<title>Recherche\u202f: esclavage" in page
    assert page.index('id="results-organisations-title"') < page.index('id="results-news-title"')
    assert page.index('id="results-news-title"') < page.index('id="results-events-title"')
    assert "(1 résultat)" in page
    assert "Comité contre l&#x27;esclavage moderne (CCEM)" in page


def test_the_page_works_in_english(client, make_organisation):
    make_organisation("Comité contre l'esclavage moderne", acronym="CCEM", slug="ccem")
    response = client.get(SEARCH_EN, {"q": "esclavage"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Member organisations" in page
    assert "<title>Search: esclavage" in page
    assert 'lang="en"' in page


def test_each_group_shows_five_and_counts_all(make_organisation):
    for number in range(7):
        make_organisation(f"Vigilance {number}")
    group = kinds(site_search.search("vigilance", user=None))["organisations"]
    assert group.total == 7
    assert len(group.results) == site_search.RESULTS_PER_KIND


def test_the_library_groups_link_to_their_own_search(db):
    make_text("Protocole de Palerme", "palerme")
    group = kinds(site_search.search("palerme", user=None))["legal-texts"]
    assert group.total == 1
    assert group.more_url == reverse("documents:library") + "?q=palerme"


# --- The library's matching rules ---------------------------------------------------------------


@pytest.mark.parametrize("query", ["esclavage", "ESCLAVAGE", "Esclavâge", "escla", "esclavages"])
def test_accents_case_prefixes_and_plurals_as_the_library(make_organisation, query):
    organisation = make_organisation("Contre l'Ésclavage moderne", slug="contre")
    assert organisation.get_absolute_url() in urls(site_search.search(query, user=None))


def test_every_word_must_be_found(make_organisation):
    organisation = make_organisation("Comité contre l'esclavage moderne", slug="ccem")
    assert organisation.get_absolute_url() in urls(site_search.search("comité moderne", user=None))
    assert not site_search.search("comité ancien", user=None)


def test_a_short_word_or_number_matches_whole(make_organisation):
    make_organisation("Association 365")
    assert not site_search.search("36", user=None)


def test_an_edit_and_a_deletion_reach_the_index(make_organisation):
    organisation = make_organisation("Vigilance", description_fr="")
    organisation.name = "Solidarité"
    organisation.save()
    assert not site_search.search("vigilance", user=None)
    assert site_search.search("solidarite", user=None)
    pk = organisation.pk
    Organisation.all_objects.filter(pk=pk).first().delete()
    assert not site_search.search("solidarite", user=None)


def test_an_index_missing_after_migrate_is_built(make_organisation):
    organisation = make_organisation("Vigilance")
    site_index.postings("organisations").delete()
    site_index.build_missing()
    assert organisation.get_absolute_url() in urls(site_search.search("vigilance", user=None))


def test_nothing_of_the_trash_is_found(coordinator, make_organisation):
    organisation = make_organisation("Vigilance")
    meeting = make_meeting("Vigilance")
    for record in (organisation, meeting):
        record.deleted_at = timezone.now()
        record.save()
    assert everything("vigilance", coordinator) == []


def test_the_command_rebuilds_the_index(make_organisation, capsys):
    organisation = make_organisation("Vigilance")
    site_index.postings("organisations").delete()
    assert not site_search.search("vigilance", user=None)
    call_command("index_site_search")
    assert organisation.get_absolute_url() in urls(site_search.search("vigilance", user=None))


# --- Who finds what -----------------------------------------------------------------------------


@pytest.fixture
def private_things(ccem, hors_la_rue, make_organisation):
    meeting = make_meeting("Plénière confidentielle", visibility=Meeting.Visibility.MEMBERS)
    item = AgendaItem.objects.create(meeting=meeting, title_fr="Tour de table confidentiel")
    mine = ActionItem.objects.create(
        meeting=meeting, agenda_item=item, text_fr="Relancer le ministère"
    )
    mine.organisations.add(ccem)
    theirs = ActionItem.objects.create(
        meeting=meeting, agenda_item=item, text_fr="Relancer la préfecture"
    )
    theirs.organisations.add(hors_la_rue)
    candidate = make_organisation("Candidate confidentielle", status="candidate")
    draft = make_news("Brouillon confidentiel", status=NewsItem.Status.DRAFT)
    return {
        "meeting": meeting,
        "item": item,
        "mine": mine,
        "theirs": theirs,
        "candidate": candidate,
        "draft": draft,
    }


def test_a_member_finds_minutes_agenda_items_and_own_action_items(representative, private_things):
    found = urls(everything("confidentiel", representative))
    meeting = private_things["meeting"]
    assert meeting.get_absolute_url() in found
    assert f"{meeting.get_absolute_url()}#item-{private_things['item'].pk}" in found
    assert private_things["candidate"].get_absolute_url() not in found
    assert private_things["draft"].get_absolute_url() not in found
    relancer = urls(everything("relancer", representative))
    assert relancer == {f"{meeting.get_absolute_url()}#action-{private_things['mine'].pk}"}


def test_a_coordinator_finds_the_minutes(coordinator, private_things):
    found = urls(everything("confidentiel", coordinator))
    assert private_things["meeting"].get_absolute_url() in found


def test_the_anonymous_finds_none_of_it(private_things):
    assert everything("confidentiel", None) == []
    assert everything("relancer", None) == []


def test_a_member_page_is_never_kept_for_others(representative_client, private_things):
    response = representative_client.get(SEARCH_FR, {"q": "confidentiel"})
    assert "private" in response.headers["Cache-Control"]
    assert "Tour de table confidentiel" in response.content.decode()


# --- The demo: every members-only title, searched by those who may not read it ---------------


@pytest.fixture
def demo(capsys):
    load_demo()


def _portal(meeting_id, anchor=""):
    return reverse("meetings-portal:meeting-detail", kwargs={"pk": meeting_id}) + anchor


def _first_words(text):
    return " ".join(text.split()[:8])


def _members_only_of_the_demo():
    """(title to search for, address it must never lead to) of everything kept for members."""
    return [
        *(
            (meeting.title_fr, _portal(meeting.pk))
            for meeting in Meeting.objects.exclude(visibility=Meeting.Visibility.PUBLIC)
        ),
        *(
            (item.title_fr, _portal(item.meeting_id, f"#item-{item.pk}"))
            for item in AgendaItem.objects.all()
        ),
        *(
            (_first_words(action.text_fr), _portal(action.meeting_id, f"#action-{action.pk}"))
            for action in ActionItem.objects.all()
        ),
        *(
            (document.title_fr, document.get_absolute_url())
            for document in Document.objects.exclude(visibility=Document.Visibility.PUBLIC)
        ),
        *(
            (item.title_fr, item.get_absolute_url())
            for item in NewsItem.objects.exclude(status=NewsItem.Status.PUBLISHED)
        ),
        *(
            (organisation.name, organisation.get_absolute_url())
            for organisation in Organisation.all_objects.exclude(
                pk__in=Organisation.objects.public()
            )
        ),
    ]


def test_no_members_only_title_of_the_demo_reaches_anyone_else(
    demo, client, make_user, make_organisation
):
    outsider = make_user("outsider")
    former = make_user("former")
    make_organisation("Ancienne", status="former", slug="ancienne").representatives.add(former)
    private = _members_only_of_the_demo()
    addresses = [address for _title, address in private]
    # Every kind of members-only content is there: minutes, agenda items, action items,
    # documents, unpublished news, organisations outside the directory.
    for mark in (
        "/espace-membre/",
        "#item-",
        "#action-",
        "/documents/",
        "/actualites/",
        "/membres/",
    ):
        assert any(mark in address for address in addresses), mark
    for title, address in private:
        for reader in (None, outsider, former):
            assert address not in urls(everything(title, reader)), (title, reader)
    # The page itself, as the page cache would keep it for every anonymous visitor.
    for title, address in private[:: max(1, len(private) // 25)]:
        page = client.get(SEARCH_FR, {"q": title}).content.decode()
        assert address not in page, title


def test_a_member_of_the_demo_finds_the_minutes(demo, django_user_model):
    member = django_user_model.objects.get(username="demo-member")
    meetings = Meeting.objects.exclude(visibility=Meeting.Visibility.PUBLIC)[:5]
    assert meetings
    for meeting in meetings:
        assert meeting.get_absolute_url() in urls(everything(meeting.title_fr, member))
    ccem = Organisation.objects.get(slug="ccem")
    for action in ActionItem.objects.all():
        words = _first_words(action.text_fr)
        address = f"{action.meeting.get_absolute_url()}#action-{action.pk}"
        owned = action.organisations.filter(pk=ccem.pk).exists()
        assert (address in urls(everything(words, member))) == owned, words


# --- Cost ---------------------------------------------------------------------------------------


def _rows(count, ccem):
    meeting = make_meeting("Réunion de vigilance", visibility=Meeting.Visibility.MEMBERS)
    item = AgendaItem.objects.create(meeting=meeting, title_fr="Vigilance générale")
    for number in range(count):
        Organisation.objects.create(
            name=f"Vigilance {number}", slug=f"v-{count}-{number}", status="member"
        )
        make_news(f"Vigilance {number}")
        make_news(f"Vigilance {number}", kind=NewsItem.Kind.EVENT)
        make_meeting(f"Vigilance {number}")
        make_meeting(f"Vigilance {number}", visibility=Meeting.Visibility.MEMBERS)
        AgendaItem.objects.create(meeting=meeting, title_fr=f"Vigilance {number}", position=number)
        action = ActionItem.objects.create(
            meeting=meeting, agenda_item=item, text_fr=f"Vigilance {number}"
        )
        action.organisations.add(ccem)
        make_text(f"Vigilance {number}", f"l-{count}-{number}")
        make_document(f"Vigilance {number}", f"d-{count}-{number}")


def _cost(client, query):
    with CaptureQueriesContext(connection) as queries:
        page = client.get(SEARCH_FR, {"q": "vigilance", "n": query}).content.decode()
    return len(queries), page


def test_the_page_costs_the_same_queries_for_10_and_200_rows_of_each_kind(
    client, representative, ccem
):
    member = Client()
    member.force_login(representative)
    _rows(10, ccem)
    anonymous_small, page = _cost(client, "1")
    assert "Vigilance 9" in page
    member_small, page = _cost(member, "1")
    assert 'id="results-action-items"' in page
    _rows(190, ccem)
    anonymous_large, page = _cost(client, "2")
    assert "(200 résultats)" in page
    member_large, page = _cost(member, "2")
    assert 'id="results-action-items-title"' in page
    assert page.count('class="site-search-page__group"') == 9
    assert (anonymous_large, member_large) == (anonymous_small, member_small)
    # Every kind's scores in one statement, every kind's readable rows in another, then the
    # best rows of each kind: a public page at most ten queries.
    assert anonymous_small <= 10, anonymous_small


def test_a_phrase_costs_one_statement_more_for_every_kind_at_once(client, ccem):
    _rows(10, ccem)
    one_word, _ = _cost(client, "1")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(SEARCH_FR, {"q": "vigilance 9"}).content.decode()
    assert "Vigilance 9" in page
    assert len(queries) == one_word + 1
