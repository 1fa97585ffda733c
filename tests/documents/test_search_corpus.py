"""The same first ten results, in the same order, on SQLite and on PostgreSQL: the corpus of
tests/documents/search_corpus.py (real texts) and the queries below, as the library's page
runs them. EXPECTED was read off one database and holds on the other (CI runs both)."""

import pytest

from documents.selectors import library_search

from . import search_corpus

pytestmark = pytest.mark.django_db

QUERIES = [
    # Common names, both languages
    "Protocole de Palerme",
    "Palermo Protocol",
    "protocole palerme",
    "Convention de Varsovie",
    "Warsaw Convention",
    "Lanzarote",
    "Directive traite",
    # References, as people type them
    "A/RES/55/25",
    "CELEX 32011L0036",
    "32011L0036",
    "2011/36",
    "2011/36/UE",
    "2011/36/EU",
    "directive 2011/36",
    "225-4-1",
    "article 225-4-1 du code pénal",
    "CETS 197",
    "STCE n° 197",
    "P029",
    "C029",
    "2002/629/JAI",
    "2004/81/CE",
    "JUSX1306111L",
    # Phrases and words, accents and case
    "trafficking in human beings",
    "traite des êtres humains",
    "TRAITE DES ETRES HUMAINS",
    "travail forcé",
    "forced labour",
    "servitude domestique",
    "Siliadin",
    "Rantsev",
    "enfants",
    "prostitution",
    "ministère de la Justice",
    "exploitation sexuelle",
    "GRETA France",
    # Words found only in the text of a file
    "hébergement accueil",
    "real or acceptable alternative",
    "quinze heures par jour",
]
EXPECTED = {
    "Protocole de Palerme": [
        "palermo-protocol-2000",
        "untoc-2000",
        "un-global-plan-of-action-2010",
        "unodc-model-law-2009",
    ],
    "Palermo Protocol": [
        "palermo-protocol-2000",
        "untoc-2000",
        "un-global-plan-of-action-2010",
        "unodc-model-law-2009",
    ],
    "protocole palerme": [
        "palermo-protocol-2000",
        "untoc-2000",
        "un-global-plan-of-action-2010",
        "unodc-model-law-2009",
    ],
    "Convention de Varsovie": [
        "coe-convention-cets-197-2005",
        "coe-cm-rec-2022-21-labour-exploitation",
    ],
    "Warsaw Convention": [
        "coe-convention-cets-197-2005",
        "coe-cm-rec-2022-21-labour-exploitation",
    ],
    "Lanzarote": [
        "coe-lanzarote-convention-cets-201-2007",
    ],
    "Directive traite": [
        "eu-directive-2011-36",
        "eu-directive-2024-1712",
        "eu-directive-2004-81",
        "ep-resolution-2021-02-10-directive-2011-36",
        "ohchr-recommended-principles-2002",
        "code-penal-article-225-4-1",
        "eu-directive-2012-29",
        "eu-framework-decision-2002-629",
        "loi-2013-711",
    ],
    "A/RES/55/25": [
        "palermo-protocol-2000",
        "untoc-2000",
    ],
    "CELEX 32011L0036": [
        "eu-directive-2011-36",
    ],
    "32011L0036": [
        "eu-directive-2011-36",
    ],
    "2011/36": [
        "eu-directive-2011-36",
        "eu-directive-2024-1712",
        "ep-resolution-2021-02-10-directive-2011-36",
        "loi-2013-711",
        "code-penal-article-225-4-1",
        "eu-framework-decision-2002-629",
    ],
    "2011/36/UE": [
        "eu-directive-2011-36",
        "eu-directive-2024-1712",
        "ep-resolution-2021-02-10-directive-2011-36",
        "eu-framework-decision-2002-629",
        "loi-2013-711",
        "code-penal-article-225-4-1",
    ],
    "2011/36/EU": [
        "eu-directive-2011-36",
        "eu-directive-2024-1712",
        "ep-resolution-2021-02-10-directive-2011-36",
        "eu-framework-decision-2002-629",
        "loi-2013-711",
        "code-penal-article-225-4-1",
    ],
    "directive 2011/36": [
        "eu-directive-2011-36",
        "eu-directive-2024-1712",
        "ep-resolution-2021-02-10-directive-2011-36",
        "loi-2013-711",
        "code-penal-article-225-4-1",
        "eu-framework-decision-2002-629",
    ],
    "225-4-1": [
        "code-penal-article-225-4-1",
        "loi-2013-711",
    ],
    "article 225-4-1 du code pénal": [
        "code-penal-article-225-4-1",
        "loi-2013-711",
    ],
    "CETS 197": [
        "coe-convention-cets-197-2005",
    ],
    "STCE n° 197": [
        "coe-convention-cets-197-2005",
    ],
    "P029": [
        "ilo-p029-forced-labour-protocol-2014",
    ],
    "C029": [
        "ilo-c029-forced-labour-1930",
    ],
    "2002/629/JAI": [
        "eu-framework-decision-2002-629",
    ],
    "2004/81/CE": [
        "eu-directive-2004-81",
    ],
    "JUSX1306111L": [
        "loi-2013-711",
    ],
    "trafficking in human beings": [
        "eu-directive-2024-1712",
        "code-penal-article-225-4-1",
        "eu-directive-2011-36",
        "coe-convention-cets-197-2005",
        "eu-directive-2004-81",
        "eu-framework-decision-2002-629",
        "plan-national-2024-2027",
        "cncdh-evaluation-plan-2019-2021",
        "coe-cm-rec-2022-21-labour-exploitation",
        "eu-strategy-2021-2025",
    ],
    "traite des êtres humains": [
        "eu-directive-2024-1712",
        "code-penal-article-225-4-1",
        "eu-directive-2011-36",
        "coe-convention-cets-197-2005",
        "eu-directive-2004-81",
        "eu-framework-decision-2002-629",
        "plan-national-2024-2027",
        "cncdh-evaluation-plan-2019-2021",
        "coe-cm-rec-2022-21-labour-exploitation",
        "eu-strategy-2021-2025",
    ],
    "TRAITE DES ETRES HUMAINS": [
        "eu-directive-2024-1712",
        "code-penal-article-225-4-1",
        "eu-directive-2011-36",
        "coe-convention-cets-197-2005",
        "eu-directive-2004-81",
        "eu-framework-decision-2002-629",
        "plan-national-2024-2027",
        "cncdh-evaluation-plan-2019-2021",
        "coe-cm-rec-2022-21-labour-exploitation",
        "eu-strategy-2021-2025",
    ],
    "travail forcé": [
        "ilo-p029-forced-labour-protocol-2014",
        "ilo-c029-forced-labour-1930",
        "code-penal-article-225-14-1",
        "loi-2013-711",
        "code-penal-article-225-14-2",
        "echr-convention-1950",
        "echr-chowdury-v-greece-2017",
        "echr-cn-and-v-v-france-2012",
    ],
    "forced labour": [
        "ilo-p029-forced-labour-protocol-2014",
        "ilo-c029-forced-labour-1930",
        "code-penal-article-225-14-1",
        "loi-2013-711",
        "code-penal-article-225-14-2",
        "echr-convention-1950",
        "echr-chowdury-v-greece-2017",
        "echr-cn-and-v-v-france-2012",
        "eu-directive-2011-36",
    ],
    "servitude domestique": [
        "echr-siliadin-v-france-2005",
        "echr-cn-and-v-v-france-2012",
    ],
    "Siliadin": [
        "echr-siliadin-v-france-2005",
    ],
    "Rantsev": [
        "echr-rantsev-v-cyprus-and-russia-2010",
    ],
    "enfants": [
        "eu-directive-2011-93",
        "coe-lanzarote-convention-cets-201-2007",
        "palermo-protocol-2000",
        "crc-optional-protocol-sale-of-children-2000",
        "ilo-c182-worst-forms-child-labour-1999",
        "crc-1989",
        "osce-action-plan-addendum-2005",
        "crc-general-comment-6-2005",
        "unodc-global-report-2024",
        "unodc-global-report-2014",
    ],
    "prostitution": [
        "loi-2016-444",
        "crc-optional-protocol-sale-of-children-2000",
        "echr-sm-v-croatia-2020",
        "eu-directive-2011-36",
    ],
    "ministère de la Justice": [
        "loi-2013-711",
    ],
    "exploitation sexuelle": [
        "eu-directive-2011-93",
        "crc-1989",
    ],
    "GRETA France": [
        "greta-france-round-3-2022",
        "greta-france-round-2-2017",
        "greta-france-round-1-2013",
    ],
    "hébergement accueil": [
        "palermo-protocol-2000",
    ],
    "real or acceptable alternative": [
        "eu-directive-2011-36",
    ],
    "quinze heures par jour": [
        "echr-siliadin-v-france-2005",
    ],
}

# Typos people make: one click on the suggestion runs the right search.
TYPOS = {
    "Palerne": "Palerme",
    "traffiking": "trafficking",
    "Convention de Varsovei": "Convention de Varsovie",
    "Lanzarotte": "Lanzarote",
    "exploitaiton sexuelle": "exploitation sexuelle",
    "directive 2011/36 victimse": "directive 2011/36 victims",
}


@pytest.fixture
def corpus():
    return search_corpus.load()


def test_the_corpus_is_real_and_large_enough(corpus):
    assert corpus >= 40
    assert len(QUERIES) >= 30
    assert set(EXPECTED) == set(QUERIES)


def test_every_query_gives_the_same_first_ten_on_this_database(corpus):
    found = {}
    for query in QUERIES:
        found[query] = [text.slug for text in library_search(query=query).results[:10]]
    assert found == EXPECTED


def test_the_queryset_search_orders_as_the_library_page(corpus):
    """Two ways to the same scores: the library's statement and the queryset's search."""
    from documents.models import LegalResource

    for query in QUERIES:
        by_queryset = list(
            LegalResource.objects.published().search(query).values_list("slug", flat=True)[:10]
        )
        assert by_queryset == EXPECTED[query], query


@pytest.mark.parametrize(("typo", "suggestion"), TYPOS.items())
def test_a_typo_gets_a_suggestion_that_finds_texts(corpus, typo, suggestion):
    page = library_search(query=typo)
    assert page.suggestion == suggestion
    assert library_search(query=suggestion).results.count() > page.results.count()


def test_a_query_that_finds_texts_gets_no_suggestion(corpus):
    assert library_search(query="Palerme").suggestion == ""
