import io
from datetime import date

import pytest
from django.core.management import call_command

from documents import demo
from documents.models import Document, LegalResource

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    return demo.load(today=date(2026, 12, 1))


def test_demo_has_at_least_25_real_texts_with_official_links(loaded):
    published = LegalResource.objects.published()
    assert published.count() >= 25
    with_link = published.exclude(url_fr="", url_en="")
    assert with_link.count() >= 25
    for text in with_link:
        for link in (text.url_fr, text.url_en):
            assert not link or link.startswith("https://")


def test_demo_answers_the_searches_of_the_issue(loaded):
    def first(query):
        return LegalResource.objects.search(query).values_list("slug", flat=True).first()

    assert first("Palerme") == "palermo-protocol-2000"
    assert first("Palermo") == "palermo-protocol-2000"
    assert LegalResource.objects.search("ministere").exists()
    assert first("2024/1712") == "eu-directive-2024-1712"
    assert first("Palermo Protocol") == "palermo-protocol-2000"
    assert first("Warsaw Convention") == "coe-convention-cets-197-2005"
    assert first("2011/36") == first("2011/36/UE") == first("2011/36/EU") == "eu-directive-2011-36"
    assert first("225-4-1") == "code-penal-article-225-4-1"
    assert first("CETS 197") == "coe-convention-cets-197-2005"
    assert first("A/RES/55/25") in {"palermo-protocol-2000", "untoc-2000"}


def test_every_demo_text_carries_what_real_libraries_record(loaded):
    texts = LegalResource.objects.published().prefetch_related("references")
    assert texts.count() >= 45
    with_names = [t for t in texts if t.common_names_fr or t.common_names_en]
    with_references = [t for t in texts if t.references.all()]
    assert len(with_names) >= 15
    assert len(with_references) >= 40
    assert texts.exclude(date_precision="day").count() >= 3
    treaties = texts.filter(kind__in=["convention", "protocol"])
    assert treaties.exclude(entry_into_force=None).count() >= 10
    assert treaties.exclude(france_ratification=None).count() >= 8
    # Every kind a coordinator may need is used by a real text.
    assert {"framework-decision", "resolution", "general-comment", "opinion"} <= set(
        texts.values_list("kind", flat=True)
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_demo_detail_shows_names_references_and_dates(client, loaded, language):
    path = {"fr": "/fr/droit/", "en": "/en/law/"}[language]
    page = client.get(f"{path}coe-convention-cets-197-2005/").content.decode()
    name, reference, force = {
        "fr": ("Convention de Varsovie", "STCE n° 197", "1er février 2008"),
        "en": ("Warsaw Convention", "CETS No. 197", "1 February 2008"),
    }[language]
    assert name in page
    assert reference in page
    assert force in page
    assert "treatynum=197" in page


def test_demo_directive_2011_36_is_amended_and_the_framework_decision_replaced(loaded):
    directive = LegalResource.objects.get(slug="eu-directive-2011-36")
    assert directive.amended_by.get().slug == "eu-directive-2024-1712"
    framework = LegalResource.objects.get(slug="eu-framework-decision-2002-629")
    assert framework.replaced_by == directive


def test_demo_documents_of_the_minutes(loaded):
    communique = Document.objects.get(slug="communique-lancement-site-2014")
    assert communique.is_public
    assert communique.file_fr
    assert communique.file_en
    assert "contrelatraite.org" in communique.text_fr
    positions = Document.objects.filter(kind=Document.Kind.POSITION)
    assert {p.date.isoformat() for p in positions} == {"2014-09-11", "2014-09-29"}
    assert not positions.filter(visibility=Document.Visibility.PUBLIC).exists()


def test_loading_twice_changes_nothing(loaded):
    before = list(LegalResource.objects.values_list("slug", "updated_at").order_by("slug"))
    documents_before = list(Document.objects.values_list("slug", "updated_at", "file_fr"))
    call_command("load_demo", stdout=io.StringIO())
    assert list(LegalResource.objects.values_list("slug", "updated_at").order_by("slug")) == before
    assert list(Document.objects.values_list("slug", "updated_at", "file_fr")) == documents_before
