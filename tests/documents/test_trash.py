"""Deleting a text of the library moves it to the trash: gone from the library, its search, its
counts, the feed and the sitemap, restorable as it was; refused while another text amends it or
it replaces one."""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from collectif import trash
from documents.models import LegalResource

from .test_import_export import PALERMO, csv_bytes, preview, problems

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/documents/legalresource/"


def url(name, **kwargs):
    with translation.override("fr"):
        return reverse(f"documents:{name}", kwargs=kwargs or None)


@pytest.fixture
def duplicate(make_resource):
    return make_resource(slug="doublon", title_fr="Protocole de Palerme (doublon)")


def test_deleting_a_text_moves_it_to_the_trash(coordinator_client, coordinator, duplicate):
    delete = reverse("admin:documents_legalresource_delete", args=[duplicate.pk])
    assert "à la corbeille\u202f?" in coordinator_client.get(delete).content.decode()
    assert coordinator_client.post(delete, {"post": "yes"}).status_code == 302
    kept = LegalResource.all_objects.get(pk=duplicate.pk)
    assert kept.is_in_trash
    assert kept.deleted_by == coordinator


def test_a_text_in_the_trash_leaves_the_library_its_search_feed_and_sitemap(
    client, duplicate, make_resource
):
    make_resource(slug="palermo", title_fr="Protocole de Palerme")
    trash.move_to_trash(instance=duplicate, by=None)
    library = client.get(url("library"))
    assert [r.slug for r in library.context["resources"]] == ["palermo"]
    search = client.get(url("library"), {"q": "doublon"})
    assert list(search.context["resources"]) == []
    kinds = next(f for f in library.context["facets"] if f.name == "kind")
    assert {o.value: o.count for o in kinds.options if o.count} == {"convention": 1}
    assert client.get(duplicate.get_absolute_url()).status_code == 404
    assert "doublon" not in client.get(url("feed")).content.decode()
    assert "doublon" not in client.get("/sitemap.xml").content.decode()
    assert not LegalResource.objects.search("doublon").exists()


def test_restoring_puts_the_text_back_in_the_library(coordinator_client, client, duplicate):
    trash.move_to_trash(instance=duplicate, by=None)
    in_trash = coordinator_client.get(CHANGELIST, {"trash": "in"}).content.decode()
    assert "Protocole de Palerme (doublon)" in in_trash
    response = coordinator_client.post(
        f"{CHANGELIST}?trash=in",
        {"action": "restore_selected", "_selected_action": [duplicate.pk]},
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "1 fiche restaurée depuis la corbeille."
    ]
    assert LegalResource.objects.search("doublon").get() == duplicate


def test_a_text_that_others_amend_or_that_replaces_one_is_protected(
    coordinator_client, make_resource
):
    directive = make_resource(slug="directive-2011-36", title_fr="Directive 2011/36/UE")
    make_resource(slug="directive-2024-1712", amends=[directive])
    make_resource(slug="decision-cadre", status="replaced", replaced_by=directive)
    content = coordinator_client.get(
        reverse("admin:documents_legalresource_delete", args=[directive.pk])
    ).content.decode()
    assert "1 texte de la bibliothèque le modifie" in content
    assert "il remplace 1 texte de la bibliothèque" in content
    coordinator_client.post(
        reverse("admin:documents_legalresource_delete", args=[directive.pk]), {"post": "yes"}
    )
    assert LegalResource.objects.filter(pk=directive.pk).exists()


def test_a_text_whose_amending_text_is_in_the_trash_may_go_too(make_resource):
    directive = make_resource(slug="directive-2011-36")
    amending = make_resource(slug="directive-2024-1712", amends=[directive])
    trash.move_to_trash(instance=amending, by=None)
    trash.move_to_trash(instance=directive, by=None)
    assert not LegalResource.objects.exists()


def test_importing_a_slug_kept_in_the_trash_is_refused_with_the_reason(
    coordinator_client, make_resource
):
    trash.move_to_trash(instance=make_resource(slug="protocole-de-palerme"), by=None)
    page = preview(coordinator_client, csv_bytes([PALERMO]))
    ((_line, column, _value, reason, _accepted),) = problems(page)
    assert column == "slug"
    assert "corbeille" in reason
    assert LegalResource.all_objects.count() == 1


def test_library_costs_the_same_queries_with_texts_in_the_trash(
    client, make_resource, django_assert_num_queries
):
    texts = [make_resource() for _ in range(6)]
    client.get(url("library"))
    with CaptureQueriesContext(connection) as before:
        client.get(url("library"))
    for text in texts[:4]:
        trash.move_to_trash(instance=text, by=None)
    with django_assert_num_queries(len(before)):
        response = client.get(url("library"))
    assert len(response.context["resources"]) == 2


def test_a_text_in_the_trash_is_not_offered_as_amended_text(coordinator_client, duplicate):
    trash.move_to_trash(instance=duplicate, by=None)
    response = coordinator_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "documents",
            "model_name": "legalresource",
            "field_name": "amends",
            "term": "doublon",
        },
    )
    assert response.json()["results"] == []
