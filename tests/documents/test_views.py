from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from documents import services
from documents.models import Document, LegalResource

from .conftest import pdf_upload

pytestmark = pytest.mark.django_db


def url(name, lang="fr", **kwargs):
    with translation.override(lang):
        return reverse(f"documents:{name}", kwargs=kwargs or None)


@pytest.fixture
def library(make_resource):
    """Five published texts and a draft, spread over the filters."""
    return {
        "palermo": make_resource(
            slug="palermo",
            title_fr="Protocole de Palerme",
            title_en="Palermo Protocol",
            kind="protocol",
            body="united-nations",
            level="international",
            date=date(2000, 11, 15),
            themes_=["minors", "sexual-exploitation"],
        ),
        "cets": make_resource(
            slug="cets",
            title_fr="Convention de Varsovie",
            title_en="Warsaw Convention",
            kind="convention",
            body="council-of-europe",
            level="european",
            date=date(2005, 5, 16),
            themes_=["victim-support"],
        ),
        "directive": make_resource(
            slug="directive",
            title_fr="Directive 2011/36/UE",
            title_en="Directive 2011/36/EU",
            kind="directive",
            body="european-union",
            level="european",
            date=date(2011, 4, 5),
            themes_=["victim-support", "minors"],
        ),
        "amending": make_resource(
            slug="amending",
            title_fr="Directive (UE) 2024/1712",
            title_en="",
            kind="directive",
            body="european-union",
            level="european",
            date=date(2024, 6, 13),
        ),
        "law": make_resource(
            slug="law",
            title_fr="Loi du 5 août 2013",
            title_en="Act of 5 August 2013",
            kind="law",
            body="french-republic",
            level="national",
            date=date(2013, 8, 5),
            themes_=["minors"],
        ),
        "draft": make_resource(
            slug="draft",
            title_fr="Brouillon",
            kind="report",
            is_published=False,
            date=date(2013, 1, 1),
        ),
    }


def listed(response):
    return [resource.slug for resource in response.context["resources"]]


def facet(response, name):
    found = next(f for f in response.context["facets"] if f.name == name)
    return {option.value: option.count for option in found.options if option.count}


def test_library_has_translated_addresses():
    assert url("library", "fr") == "/fr/droit/"
    assert url("library", "en") == "/en/law/"
    assert url("legal-resource-detail", "fr", slug="x") == "/fr/droit/x/"
    assert url("feed", "en") == "/en/law/feed/"


def test_library_lists_published_texts_newest_first(client, library):
    response = client.get(url("library"))
    assert response.status_code == 200
    assert listed(response) == ["amending", "law", "directive", "cets", "palermo"]


def test_header_links_to_the_library(client):
    response = client.get("/en/")
    assert b'href="/en/law/"' in response.content


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "directive"}, ["amending", "directive"]),
        ({"body": "european-union"}, ["amending", "directive"]),
        ({"level": "european"}, ["amending", "directive", "cets"]),
        ({"theme": "minors"}, ["law", "directive", "palermo"]),
        ({"year": "2005"}, ["cets"]),
        ({"level": "european", "theme": "minors"}, ["directive"]),
        ({"kind": "directive", "year": "2024"}, ["amending"]),
        ({"theme": "minors", "q": "palerme"}, ["palermo"]),
        ({"level": "national", "kind": "protocol"}, []),
    ],
)
def test_filters_combine(client, library, params, expected):
    assert listed(client.get(url("library"), params)) == expected


def test_each_filter_counts_what_it_would_give_with_the_others(client, library):
    response = client.get(url("library"), {"level": "european", "theme": "minors"})
    # Each count applies every other filter: level=european for themes, theme=minors for levels.
    assert facet(response, "level") == {"european": 1, "international": 1, "national": 1}
    assert facet(response, "theme") == {"minors": 1, "victim-support": 2}
    assert facet(response, "kind") == {"directive": 1}
    assert facet(response, "year") == {"2011": 1}
    assert "Directive (1)" in response.content.decode()


def test_counts_follow_the_search_query(client, library):
    response = client.get(url("library", "en"), {"q": "directive"})
    assert facet(response, "kind") == {"directive": 2}
    assert facet(response, "body") == {"european-union": 2}


def test_drafts_are_never_counted(client, library):
    assert "report" not in facet(client.get(url("library")), "kind")


def test_bad_filter_values_are_reported_and_ignored(client, library):
    with translation.override("en"):
        response = client.get(
            url("library", "en"), {"kind": "poem", "year": "soon", "level": "european"}
        )
    assert response.status_code == 200
    assert listed(response) == ["amending", "directive", "cets"]
    content = response.content.decode()
    assert "Select a valid choice. poem is not one of the available choices." in content
    assert "Enter a whole number." in content


def test_bad_filter_message_is_in_the_visitors_language(client, library):
    response = client.get(url("library", "fr"), {"kind": "poem"})
    assert "Sélectionnez un choix valide" in response.content.decode()


def test_sort_by_relevance_date_or_oldest(client, library):
    assert listed(client.get(url("library"), {"q": "directive"}))[0] in {"amending", "directive"}
    assert listed(client.get(url("library"), {"sort": "oldest"}))[0] == "palermo"
    assert listed(client.get(url("library"), {"q": "directive", "sort": "oldest"})) == [
        "directive",
        "amending",
    ]


def test_query_and_filters_stay_in_pagination_links(client, make_resource):
    for day in range(1, 26):
        make_resource(title_fr=f"Directive numéro {day}", kind="directive", date=date(2010, 1, day))
    response = client.get(url("library"), {"q": "directive", "kind": "directive"})
    content = response.content.decode()
    assert response.context["paginator"].count == 25
    assert len(listed(response)) == 20
    assert "?q=directive&amp;kind=directive&amp;page=2" in content
    page_two = client.get(url("library"), {"q": "directive", "kind": "directive", "page": 2})
    assert len(listed(page_two)) == 5


def test_active_filter_can_be_removed_keeping_the_others(client, library):
    response = client.get(url("library", "en"), {"q": "directive", "kind": "directive"})
    assert 'href="?q=directive"' in response.content.decode()


def test_library_links_its_atom_feed(client, library):
    content = client.get(url("library", "en")).content.decode()
    assert '<link rel="alternate" type="application/atom+xml"' in content
    assert 'href="/en/law/feed/"' in content


def test_detail_shows_the_text_and_what_it_amends(client, library):
    library["amending"].amends.set([library["directive"]])
    response = client.get(url("legal-resource-detail", "en", slug="amending"))
    content = response.content.decode()
    assert response.status_code == 200
    # No English title: the French one, marked as French.
    assert '<h1 lang="fr">Directive (UE) 2024/1712</h1>' in content
    assert "Texts it amends" in content
    assert 'href="/en/law/directive/"' in content
    amended = client.get(url("legal-resource-detail", "en", slug="directive")).content.decode()
    assert "Texts that amend it" in amended
    assert 'href="/en/law/amending/"' in amended


def test_replaced_text_shows_a_prominent_notice(client, library):
    old = library["palermo"]
    old.replaced_by = library["cets"]
    old.status = LegalResource.Status.REPLACED
    services.legal_resource_save(resource=old)
    response = client.get(url("legal-resource-detail", "en", slug="palermo"))
    content = response.content.decode()
    assert 'class="notice notice--replaced" role="note"' in content
    assert "This text has been replaced." in content
    assert 'href="/en/law/cets/"' in content
    newer = client.get(url("legal-resource-detail", "en", slug="cets")).content.decode()
    assert "Texts it replaces" in newer


def test_detail_offers_the_other_language_version_as_such(client, make_resource):
    make_resource(
        slug="fr-only",
        url_fr="https://www.legifrance.gouv.fr/x",
        file_fr=pdf_upload("Texte"),
    )
    content = client.get(url("legal-resource-detail", "en", slug="fr-only")).content.decode()
    assert 'href="https://www.legifrance.gouv.fr/x" hreflang="fr"' in content
    assert '<span lang="fr">(français)</span>' in content
    assert "In English:</strong>\n        \n          not available" in content or (
        "not available" in content
    )


def test_draft_is_not_found_for_visitors_and_members(member_client, library):
    assert Client().get(url("legal-resource-detail", slug="draft")).status_code == 404
    assert member_client.get(url("legal-resource-detail", slug="draft")).status_code == 404


def test_coordinator_previews_a_draft(coordinator_client, library):
    response = coordinator_client.get(url("legal-resource-detail", "en", slug="draft"))
    assert response.status_code == 200
    assert "Draft: only coordinators see this page" in response.content.decode()


def _count_queries(client, path, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params or {})
    assert response.status_code == 200
    if "paginator" in response.context:
        assert response.context["paginator"].count > 0
    return len(queries)


def _bulk_texts(count, bodies, themes):
    resources = LegalResource.objects.bulk_create(
        LegalResource(
            slug=f"bulk-{number}",
            title_fr=f"Texte de masse {number} sur la traite",
            title_en=f"Bulk text {number} on trafficking",
            summary_fr="Résumé du texte.",
            kind=LegalResource.Kind.values[number % len(LegalResource.Kind.values)],
            level=LegalResource.Level.values[number % 3],
            body=bodies[number % len(bodies)],
            date=date(1990 + number % 30, 1 + number % 12, 1),
            is_published=True,
        )
        for number in range(count)
    )
    through = LegalResource.themes.through
    through.objects.bulk_create(
        through(legalresource_id=resource.pk, theme_id=themes[index % len(themes)].pk)
        for index, resource in enumerate(resources)
    )
    for resource in resources[1:]:
        resource.amends.add(resources[0]) if resource.pk % 50 == 0 else None
    services.texts_reindex(queryset=LegalResource.objects.all())
    return resources


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        # bodies, themes, one statement (results, facets, total, the page's ids), the page
        ({}, 4),
        ({"level": "national", "sort": "oldest"}, 4),
        # and the words a beginning of word stands for, excerpts of the files' text (the
        # summaries do not hold « traite »)
        ({"q": "traite", "level": "national"}, 6),
        # the summaries hold « texte »: their excerpts need no more
        ({"q": "texte de masse sur la traite", "sort": "newest"}, 5),
    ],
)
def test_library_costs_the_same_queries_for_10_and_1000_texts(
    client, bodies, themes, params, expected
):
    bodies, themes = list(bodies.values()), list(themes.values())
    _bulk_texts(10, bodies, themes)
    small = _count_queries(client, url("library"), params)
    LegalResource.objects.all().delete()
    _bulk_texts(1000, bodies, themes)
    large = _count_queries(client, url("library"), params)
    assert small == large == expected


def test_detail_costs_the_same_queries_for_10_and_1000_texts(client, bodies, themes):
    bodies, themes = list(bodies.values()), list(themes.values())
    resources = _bulk_texts(10, bodies, themes)
    small = _count_queries(client, url("legal-resource-detail", slug=resources[0].slug))
    LegalResource.objects.all().delete()
    resources = _bulk_texts(1000, bodies, themes)
    LegalResource.objects.filter(pk=resources[0].pk).update(replaced_by=resources[1])
    large = _count_queries(client, url("legal-resource-detail", slug=resources[0].slug))
    # the text with its body and replacement, its themes, references, and the texts it
    # amends, that amend it and that it replaces (one query)
    assert small == large == 4


# The collective's documents


@pytest.fixture
def documents(make_document):
    return {
        "communique": make_document(
            slug="communique",
            title_fr="Communiqué de lancement",
            title_en="Launch press release",
            file_fr=pdf_upload("Le nouveau site du Collectif", name="communique.pdf"),
        ),
        "position": make_document(
            slug="position",
            title_fr="Constats et propositions au ministère de la Justice",
            kind=Document.Kind.POSITION,
            visibility=Document.Visibility.MEMBERS,
            file_fr=pdf_upload("Constats", name="constats.pdf"),
        ),
    }


def test_visitors_see_public_documents_only(client, documents):
    response = client.get(url("document-list"))
    assert [d.slug for d in response.context["documents"]] == ["communique"]
    assert client.get(url("document-detail", slug="position")).status_code == 404
    assert client.get(url("document-file", slug="position", language="fr")).status_code == 404


def test_members_see_members_only_documents(member_client, documents):
    response = member_client.get(url("document-list", "en"))
    assert {d.slug for d in response.context["documents"]} == {"communique", "position"}
    assert "Members only" in response.content.decode()
    assert member_client.get(url("document-detail", slug="position")).status_code == 200
    download = member_client.get(url("document-file", slug="position", language="fr"))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Cache-Control"] == "private, no-store"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_document_search_respects_visibility(member_client, documents):
    anonymous = Client().get(url("document-list"), {"q": "ministere"})
    assert list(anonymous.context["documents"]) == []
    found = member_client.get(url("document-list"), {"q": "ministere"}).context["documents"]
    assert [d.slug for d in found] == ["position"]


def test_public_document_file_is_downloaded_by_anyone(client, documents):
    response = client.get(url("document-file", "en", slug="communique", language="fr"))
    assert response.status_code == 200
    assert 'filename="communique-fr.pdf"' in response["Content-Disposition"]


def test_missing_language_or_unknown_language_is_not_found(client, documents):
    assert client.get(url("document-file", slug="communique", language="en")).status_code == 404
    assert client.get(url("document-file", slug="communique", language="de")).status_code == 404


def test_document_files_are_kept_outside_the_public_media_folder(documents, settings):
    from pathlib import Path

    path = Path(documents["position"].file_fr.path)
    assert Path(settings.PRIVATE_MEDIA_ROOT).resolve() in path.parents
    assert Path(settings.MEDIA_ROOT).resolve() not in path.parents


def test_document_filter_rejects_an_unknown_kind(client, documents):
    with translation.override("en"):
        response = client.get(url("document-list", "en"), {"kind": "poem"})
    assert "Select a valid choice." in response.content.decode()


# Real texts as records: dates known to the year, names, references


@pytest.fixture
def model_law(make_resource):
    text = make_resource(
        slug="model-law",
        title_fr="Loi type contre la traite des personnes",
        title_en="Model Law against Trafficking in Persons",
        kind="guide",
        date=date(2009, 1, 1),
        date_precision="year",
    )
    return text


def test_a_text_known_by_its_year_shows_the_year_only(client, library, model_law):
    for language, path in [("fr", url("library")), ("en", url("library", "en"))]:
        page = client.get(path).content.decode()
        assert '<time datetime="2009">2009</time>' in page, language
        assert "1 janvier 2009" not in page
        assert "1 January 2009" not in page
    detail = client.get(model_law.get_absolute_url()).content.decode()
    assert '<dd><time datetime="2009">2009</time></dd>' in detail


def test_a_text_known_by_its_year_sorts_and_filters_as_its_first_day(client, library, model_law):
    newest = listed(client.get(url("library")))
    assert newest.index("directive") < newest.index("model-law") < newest.index("cets")
    assert facet(client.get(url("library")), "year")["2009"] == 1
    assert listed(client.get(url("library"), {"year": "2009"})) == ["model-law"]


def test_the_feed_carries_a_text_known_by_its_year(client, model_law):
    feed = client.get(url("feed")).content.decode()
    assert "Loi type contre la traite des personnes" in feed


def test_detail_shows_common_names_treaty_dates_and_linked_references(client, make_resource):
    text = make_resource(
        slug="cets-197",
        title_fr="Convention du Conseil de l'Europe sur la lutte contre la traite",
        title_en="Council of Europe Convention on Action against Trafficking in Human Beings",
        common_names_fr="Convention de Varsovie",
        common_names_en="Warsaw Convention",
        date=date(2005, 5, 16),
        entry_into_force=date(2008, 2, 1),
        france_signature=date(2006, 5, 22),
        france_ratification=date(2008, 1, 9),
    )
    text.references.create(scheme="cets", value="197", position=0)
    text.references.create(scheme="case", value="Rapport explicatif, § 12", position=1)
    french = client.get(text.get_absolute_url()).content.decode()
    assert "Convention de Varsovie" in french
    assert "1er février 2008" in french
    assert "22 mai 2006" in french
    assert "9 janvier 2008" in french
    assert (
        '<a href="https://www.coe.int/fr/web/conventions/full-list?module=treaty-detail&amp;'
        'treatynum=197" rel="external noopener">STCE n° 197</a>'
    ) in french
    # A scheme without a resolver is shown, not linked.
    assert "<dd>Rapport explicatif, § 12</dd>" in french
    english = client.get(url("legal-resource-detail", "en", slug="cets-197")).content.decode()
    assert "Warsaw Convention" in english
    assert "CETS No. 197" in english
    assert "/en/web/conventions/" in english
    assert "1 February 2008" in english


def test_a_query_sorts_by_relevance_by_default_and_newest_is_one_click_away(client, library):
    response = client.get(url("library"), {"q": "Palerme"})
    assert response.context["sort"] == "relevance"
    links = {link["label"]: link for link in response.context["sort_links"]}
    assert links["Pertinence"]["current"]
    assert "sort=newest" in links["Plus récents d'abord"]["url"]
    assert "q=Palerme" in links["Plus récents d'abord"]["url"]
    # The search form carries no sort: a new query is sorted by relevance again.
    assert 'name="sort"' not in response.content.decode()


def test_results_mark_the_words_that_matched_and_escape_the_rest(client, make_resource):
    make_resource(
        slug="markup",
        title_fr='Traite <b onmouseover="x">des</b> êtres humains',
        summary_fr="Un résumé qui parle de la traite des mineurs.",
    )
    page = client.get(url("library"), {"q": "traite mineurs"}).content.decode()
    assert "<mark>Traite</mark> &lt;b onmouseover=&quot;x&quot;&gt;des&lt;/b&gt;" in page
    assert "de la <mark>traite</mark> des <mark>mineurs</mark>." in page
    assert "<b onmouseover" not in page


def test_a_match_only_in_a_file_shows_an_excerpt_of_it(client, make_resource):
    make_resource(
        slug="report",
        title_fr="Rapport annuel",
        summary_fr="Un rapport.",
        file_fr=pdf_upload("Introduction. " * 40 + "La servitude domestique des mineurs isolés."),
    )
    page = client.get(url("library"), {"q": "servitude"}).content.decode()
    assert "La <mark>servitude</mark> domestique des mineurs isolés." in page
    assert "… " in page


def test_a_typo_gets_a_suggestion_one_click_away(client, library):
    response = client.get(url("library"), {"q": "Palerne", "level": "international"})
    assert response.context["suggestion"] == "Palerme"
    page = response.content.decode()
    assert "Vouliez-vous dire" in page
    assert "«\u202fPalerme\u202f»" in page
    suggested = client.get(url("library") + response.context["suggestion_url"])
    assert listed(suggested) == ["palermo"]
    english = client.get(url("library", "en"), {"q": "Palerne"}).content.decode()
    assert "Did you mean" in english
    assert "“Palerme”" in english


def test_a_suggestion_never_reveals_a_draft(client, library):
    # The draft is « Brouillon »: a visitor's near miss must not offer it.
    response = client.get(url("library"), {"q": "Brouillom"})
    assert response.context["suggestion"] == ""


def test_a_chosen_sort_stays_while_filters_change_not_for_a_new_query(client, library):
    page = client.get(url("library"), {"q": "directive", "sort": "oldest"}).content.decode()
    assert '<input type="hidden" name="sort" value="oldest">' in page
    kept = client.get(
        url("library"),
        {"q": "directive", "sort": "oldest", "sorted_for": "directive", "level": "european"},
    )
    assert kept.context["sort"] == "oldest"
    assert listed(kept) == ["directive", "amending"]
    new_query = client.get(
        url("library"), {"q": "palerme", "sort": "oldest", "sorted_for": "directive"}
    )
    assert new_query.context["sort"] == "relevance"


def test_a_suggestion_keeps_to_the_filters_chosen(client, library):
    # « Palerme » finds the protocol, an international text: not under « national ».
    response = client.get(url("library"), {"q": "Palerne", "level": "national"})
    assert response.context["suggestion"] == ""


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (
            "fr",
            'Disponible en\u202f: <span lang="fr">Français</span>, <span lang="en">English</span>',
        ),
        ("en", 'Available in: <span lang="fr">Français</span>, <span lang="en">English</span>'),
    ],
)
def test_each_listed_text_says_the_languages_it_exists_in(client, make_resource, language, said):
    make_resource(slug="both", url_fr="https://example.org/fr", file_en=pdf_upload("Text"))
    make_resource(slug="none")
    content = client.get(url("library", language)).content.decode()
    assert content.count('<p class="result__languages">') == 1
    assert f'<p class="result__languages">{said}</p>' in content


def test_related_texts_are_listed_newest_first(client, make_resource):
    text = make_resource(slug="base", date=date(2000, 1, 1))
    for number, year in enumerate([2005, 2011, 2008]):
        make_resource(slug=f"amending-{number}", date=date(year, 1, 1), amends=[text])
    content = client.get(url("legal-resource-detail", "en", slug="base")).content.decode()
    listed = content.split('id="amended-by-title"')[1].split("</section>")[0]
    positions = [listed.index(f"/en/law/amending-{n}/") for n in (1, 2, 0)]  # 2011, 2008, 2005
    assert positions == sorted(positions)
