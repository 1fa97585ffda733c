"""Search: accents, case, both languages, the text of PDF files, relevance. The suite runs on
SQLite and on PostgreSQL, so the same expectations hold for both back-ends."""

from datetime import date

import pytest

from documents import search
from documents.models import Document, LegalResource

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_resource):
    return {
        "palermo": make_resource(
            slug="palermo",
            title_fr="Protocole de Palerme relatif à la traite des personnes",
            title_en="Palermo Protocol on trafficking in persons",
            summary_fr="Protocole additionnel à la convention des Nations unies.",
            date=date(2000, 11, 15),
        ),
        "untoc": make_resource(
            slug="untoc",
            title_fr="Convention contre la criminalité transnationale organisée",
            title_en="Convention against Transnational Organized Crime",
            summary_fr="Complétée par le Protocole de Palerme.",
            summary_en="Supplemented by the Palermo Protocol.",
            date=date(2000, 11, 14),
        ),
        "circular": make_resource(
            slug="circular",
            title_fr="Circulaire du ministère de la Justice sur la traite",
            title_en="Circular of the Ministry of Justice on trafficking",
            summary_fr="Le Ministère demande aux parquets de poursuivre.",
            kind=LegalResource.Kind.CIRCULAR,
            level=LegalResource.Level.NATIONAL,
            body="french-republic",
            date=date(2015, 1, 22),
        ),
        "plan": make_resource(
            slug="plan",
            title_fr="Plan d'action national",
            title_en="National action plan",
            summary_fr="Présenté par le ministère des Droits des femmes.",
            kind=LegalResource.Kind.ACTION_PLAN,
            body="miprof",
            date=date(2014, 5, 14),
        ),
        "report": make_resource(
            slug="report",
            title_fr="Rapport annuel",
            title_en="Annual report",
            file_fr=pdf_upload("La servitude domestique des mineurs isolés étrangers."),
            kind=LegalResource.Kind.REPORT,
            date=date(2016, 3, 1),
        ),
        "child": make_resource(
            slug="child",
            title_fr="Convention relative aux droits de l'enfant",
            title_en="Convention on the Rights of the Child",
            summary_fr="Protection des enfants contre l'exploitation.",
            date=date(1989, 11, 20),
        ),
    }


def slugs(query):
    return list(LegalResource.objects.search(query).values_list("slug", flat=True))


def test_normalise_folds_case_accents_and_ligatures():
    assert search.tokens("Ministère de l'Œuvre — ÉTÉ") == ["ministere", "de", "l", "oeuvre", "ete"]


def test_terms_drop_stop_words_and_plural_s():
    assert [term.word for term in search.parse("Les enfants de la rue").terms] == [
        "enfant",
        "rue",
    ]


@pytest.mark.parametrize("query", ["ministere", "Ministère", "MINISTERE", "ministère"])
def test_search_ignores_case_and_accents(corpus, query):
    assert slugs(query) == ["circular", "plan"]


@pytest.mark.parametrize("query", ["Palerme", "palermo", "PALERMO"])
def test_palermo_protocol_is_found_in_both_languages_and_ranked_first(corpus, query):
    assert slugs(query) == ["palermo", "untoc"]


def test_title_match_ranks_above_summary_match(corpus):
    # "ministère" is in the circular's title and summary, only in the plan's summary.
    results = list(LegalResource.objects.search("ministere"))
    assert results[0].relevance > results[1].relevance


def test_search_finds_the_text_of_uploaded_pdf_files(corpus):
    assert slugs("servitude") == ["report"]
    assert slugs("mineurs isoles") == ["report"]


def test_search_finds_plural_and_singular_alike(corpus):
    assert slugs("enfants") == ["child"]
    assert slugs("enfant") == ["child"]


def test_equal_relevance_puts_binding_texts_first_then_newest(corpus):
    # The protocol (a treaty) before the circular, newer but not binding.
    assert slugs("traite") == ["palermo", "circular"]
    # Two treaties with the word in their titles: the newer first; then a summary's match.
    assert slugs("convention") == ["untoc", "child", "palermo"]


def test_every_word_of_the_query_must_match(corpus):
    assert slugs("protocole palerme") == ["palermo", "untoc"]
    assert slugs("palerme justice") == []


def test_query_without_a_searchable_word_finds_nothing(corpus):
    assert slugs("de la") == []
    assert slugs("zzzzqqq") == []


def test_empty_query_returns_everything(corpus):
    assert set(slugs("")) == set(corpus)


def test_search_follows_edits_made_through_the_service(corpus):
    from documents import services

    plan = corpus["plan"]
    plan.summary_fr = "Présenté en Conseil des ministres."
    services.legal_resource_save(resource=plan)
    assert slugs("ministere") == ["circular"]


def test_members_only_documents_are_searched_only_for_members(make_document, member):
    from django.contrib.auth.models import AnonymousUser

    make_document(slug="public", title_fr="Communiqué sur le ministère", visibility="public")
    make_document(slug="secret", title_fr="Constats remis au ministère", visibility="members")
    anonymous = Document.objects.visible_to(AnonymousUser()).search("ministere")
    members = Document.objects.visible_to(member).search("ministere")
    assert [d.slug for d in anonymous] == ["public"]
    assert {d.slug for d in members} == {"public", "secret"}


def test_postgresql_vocabulary_has_a_trigram_index(corpus):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm: PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'documents_searchword_trgm'"
        )
        assert "gin_trgm_ops" in cursor.fetchone()[0]
