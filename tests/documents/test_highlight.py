"""Why a text matched: the query's words marked in escaped text, short excerpts."""

import pytest

from documents import search, suggest
from documents.highlight import excerpt, mark


def terms(query):
    return search.parse(query).terms


def test_marks_the_words_that_match_whatever_their_case_and_accents():
    html = mark("La Traite des êtres humains", terms("traite etres"))
    assert html == "La <mark>Traite</mark> des <mark>êtres</mark> humains"


def test_marks_references_typed_another_way():
    html = mark("Directive 2011/36/UE", terms("2011/36/EU"))
    assert html == "Directive <mark>2011</mark>/<mark>36</mark>/<mark>UE</mark>"


def test_markup_in_a_title_stays_text():
    html = mark('<script>alert("x")</script> traite', terms("traite script"))
    assert "<script>" not in html
    assert "&lt;<mark>script</mark>&gt;" in html
    assert "<mark>traite</mark>" in html


def test_an_excerpt_is_cut_around_the_first_match_and_says_so():
    text = " ".join(f"mot{n}" for n in range(100)) + " servitude " + "fin " * 50
    html = excerpt(text, terms("servitude"))
    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>servitude</mark>" in html
    assert len(html.split()) < 45


def test_no_excerpt_where_nothing_matches():
    assert excerpt("Rien à voir", terms("servitude")) is None


@pytest.mark.parametrize(
    ("first", "second"), [("palerne", "palerme"), ("traffiking", "trafficking"), ("abc", "xyz")]
)
def test_trigram_similarity_is_pg_trgm_s(first, second):
    """The formula the portable suggestion uses is the one PostgreSQL computes."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm: PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity(%s, %s)", [first, second])
        expected = cursor.fetchone()[0]
    assert suggest.similarity(first, second) == pytest.approx(expected, abs=1e-6)


test_trigram_similarity_is_pg_trgm_s = pytest.mark.django_db(test_trigram_similarity_is_pg_trgm_s)
