"""Initiatives in the member area: who reaches what, and the forms."""

import io

import pytest
from django.urls import reverse
from django.utils import translation
from PIL import Image

from news.models import NewsItem
from tests.dates import paris

pytestmark = pytest.mark.django_db
Status = NewsItem.Status


def url(name, organisation, language="fr", **kwargs):
    with translation.override(language):
        return reverse(f"news-portal:{name}", kwargs={"slug": organisation.slug, **kwargs})


def form_data(**fields):
    return {
        "kind": "event",
        "title_fr": "Colloque de l'ACPE",
        "title_en": "",
        "summary_fr": "La prostitution des mineurs est une forme de traite.",
        "summary_en": "",
        "body_fr": "Programme à venir.",
        "body_en": "",
        "link_fr": "",
        "link_en": "",
        "link_label_fr": "",
        "link_label_en": "",
        "event_start": "2014-10-16T09:00",
        "event_end": "",
        "event_place": "Paris",
        "image_alt_fr": "",
        "image_alt_en": "",
        **fields,
    }


def png(name="affiche.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, format="PNG")
    buffer.seek(0)
    buffer.name = name
    return buffer


def test_the_initiatives_addresses_are_translated(ccem):
    assert url("initiative-list", ccem) == "/fr/espace-membre/organisations/ccem/initiatives/"
    assert url("initiative-list", ccem, "en") == "/en/member-area/organisations/ccem/initiatives/"
    assert (
        url("initiative-create", ccem)
        == "/fr/espace-membre/organisations/ccem/initiatives/nouvelle/"
    )


def test_anonymous_visitors_are_sent_to_the_login(client, ccem):
    response = client.get(url("initiative-list", ccem))
    assert response.status_code == 302
    with translation.override("fr"):
        assert response.url.startswith(reverse("portal:login") + "?next=")


def test_another_organisations_pages_answer_404(client, other_representative, ccem, make_item):
    item = make_item(proposer=ccem)
    client.force_login(other_representative)
    assert client.get(url("initiative-list", ccem)).status_code == 404
    assert client.get(url("initiative-detail", ccem, pk=item.pk)).status_code == 404
    assert client.post(url("initiative-submit", ccem, pk=item.pk)).status_code == 404


def test_an_initiative_of_another_organisation_answers_404_under_ones_own(
    representative_client, ccem, hors_la_rue, make_item
):
    item = make_item(proposer=hors_la_rue)
    assert representative_client.get(url("initiative-detail", ccem, pk=item.pk)).status_code == 404
    assert representative_client.get(url("initiative-edit", ccem, pk=item.pk)).status_code == 404


def test_a_candidate_sees_why_it_cannot_propose(client, make_organisation, make_user):
    candidate = make_organisation("Nouvelle association", status="candidate")
    user = make_user("candidate")
    candidate.representatives.add(user)
    client.force_login(user)
    with translation.override("fr"):
        reason = str(candidate.refusal_reason("take-part"))
    page = client.get(url("initiative-list", candidate)).content.decode()
    assert reason.replace("'", "&#x27;") in page
    assert url("initiative-create", candidate) not in page
    assert client.get(url("initiative-create", candidate)).status_code == 403


def test_the_list_shows_each_status_and_the_reason_of_a_return(
    representative_client, ccem, make_item
):
    make_item(Status.PUBLISHED, proposer=ccem, title_fr="Publiée")
    make_item(Status.RETURNED, proposer=ccem, title_fr="Renvoyée")
    page = representative_client.get(url("initiative-list", ccem)).content.decode()
    assert "Publiée" in page
    assert "Renvoyée" in page
    assert "Le lien avec la traite ?" in page
    assert "Renvoyée à son auteur" in page


def test_representative_proposes_an_initiative(representative_client, ccem, representative):
    response = representative_client.post(url("initiative-create", ccem), form_data(image=png()))
    item = NewsItem.objects.get()
    assert response.status_code == 302
    assert response.url == url("initiative-detail", ccem, pk=item.pk)
    assert item.status == Status.DRAFT
    assert item.proposer == ccem
    assert item.event_start == paris(2014, 10, 16, 9)
    assert item.image.name.endswith(".png")
    assert item.created_by == representative


def test_a_bad_form_explains_in_french_and_keeps_what_was_typed(representative_client, ccem):
    response = representative_client.post(
        url("initiative-create", ccem),
        form_data(
            summary_fr="", event_start="", event_end="2014-10-16T18:00", link_fr="pas une adresse"
        ),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in page
    assert "Un événement qui finit doit commencer" in page
    assert "Saisissez une URL valide." in page
    assert "Colloque de l&#x27;ACPE" in page
    assert not NewsItem.objects.exists()


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "Saisissez une date et une heure valides."), ("en", "Enter a valid date/time.")],
)
def test_a_date_of_year_one_is_refused_not_a_server_error(
    representative_client, ccem, make_item, language, message
):
    """Year 1 at midnight, Paris time, is year 0 in UTC: the constraint check failed on it."""
    item = make_item(proposer=ccem, title_fr="Titre")
    dates = {"event_start": "0001-01-01T00:00", "event_end": "0001-01-01T00:05"}
    for address in (
        url("initiative-create", ccem, language),
        url("initiative-edit", ccem, language, pk=item.pk),
    ):
        response = representative_client.post(address, form_data(**dates, version=item.version))
        assert response.status_code == 200
        # By each date field and again in the error summary at the top.
        assert response.content.decode().count(message) == 4
    assert NewsItem.objects.get().title_fr == "Titre"


def test_a_bad_image_is_refused_and_the_item_keeps_its_own(representative_client, ccem, make_item):
    item = make_item(proposer=ccem)
    response = representative_client.post(
        url("initiative-edit", ccem, pk=item.pk),
        form_data(
            title_fr="Nouveau titre",
            image=io.BytesIO(b"<svg onload=alert(1)></svg>"),
            version=item.version,
        ),
        format="multipart",
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.title_fr == "Déclaration des Balkans"
    assert not item.image


@pytest.mark.parametrize(
    ("field", "limit"), [("summary_fr", 600), ("body_fr", 50_000), ("body_en", 50_000)]
)
def test_an_overlong_text_is_refused_and_the_draft_keeps_its_own(
    representative_client, ccem, make_item, field, limit
):
    item = make_item(proposer=ccem)
    before = NewsItem.objects.values().get(pk=item.pk)
    response = representative_client.post(
        url("initiative-edit", ccem, pk=item.pk),
        form_data(**{field: "x" * (limit + 1)}, version=item.version),
    )
    assert response.status_code == 200
    assert f"au plus {limit} caractères" in response.content.decode()
    assert NewsItem.objects.values().get(pk=item.pk) == before


def test_a_body_as_long_as_the_limit_is_accepted(representative_client, ccem, make_item):
    item = make_item(proposer=ccem)
    representative_client.post(
        url("initiative-edit", ccem, pk=item.pk),
        form_data(body_fr="x" * 50_000, version=item.version),
    )
    item.refresh_from_db()
    assert len(item.body_fr) == 50_000


def test_a_start_typed_wrong_gets_one_message_not_a_missing_one(representative_client, ccem):
    response = representative_client.post(
        url("initiative-create", ccem),
        form_data(event_start="16 octobre", event_end="2014-10-16T18:00", event_place="Paris"),
    )
    page = response.content.decode()
    assert "Saisissez une date et une heure valides." in page
    assert "doit commencer" not in page
    assert "Indiquez la date" not in page
    assert not NewsItem.objects.exists()


def test_an_english_visitor_gets_english_errors(client, representative, ccem):
    client.force_login(representative)
    page = client.post(
        url("initiative-create", ccem, "en"), form_data(title_fr="")
    ).content.decode()
    assert "This field is required." in page


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED])
def test_representative_edits_its_draft_and_returned_initiatives(
    representative_client, ccem, make_item, status
):
    item = make_item(status, proposer=ccem)
    page = representative_client.get(url("initiative-edit", ccem, pk=item.pk)).content.decode()
    if status == Status.RETURNED:
        assert "Le lien avec la traite ?" in page
    response = representative_client.post(
        url("initiative-edit", ccem, pk=item.pk),
        form_data(title_fr="Titre corrigé", version=item.version),
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.title_fr == "Titre corrigé"
    assert item.status == status


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PUBLISHED])
def test_representative_cannot_edit_once_submitted_or_published(
    representative_client, ccem, make_item, status
):
    item = make_item(status, proposer=ccem)
    assert representative_client.get(url("initiative-edit", ccem, pk=item.pk)).status_code == 403
    response = representative_client.post(
        url("initiative-edit", ccem, pk=item.pk), form_data(title_fr="Non")
    )
    assert response.status_code == 403
    item.refresh_from_db()
    assert item.title_fr == "Déclaration des Balkans"


def test_representative_submits_then_resubmits_after_a_return(
    representative_client, ccem, make_item, coordinator
):
    from news import services

    item = make_item(proposer=ccem)
    response = representative_client.post(url("initiative-submit", ccem, pk=item.pk), follow=True)
    assert "Votre initiative est soumise" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED
    services.news_return(
        item=item, by=coordinator, reason="Présentez le lien avec la traite.", notify=False
    )
    page = representative_client.get(url("initiative-detail", ccem, pk=item.pk)).content.decode()
    assert "Présentez le lien avec la traite." in page
    assert "Soumettre de nouveau" in page
    representative_client.post(url("initiative-submit", ccem, pk=item.pk))
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_submitting_twice_is_refused_with_the_reason(representative_client, ccem, make_item):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    response = representative_client.post(url("initiative-submit", ccem, pk=item.pk))
    assert response.status_code == 403
    assert "seuls les coordinateurs peuvent la modifier" in response.content.decode()


def test_submit_accepts_post_only(representative_client, ccem, make_item):
    item = make_item(proposer=ccem)
    assert representative_client.get(url("initiative-submit", ccem, pk=item.pk)).status_code == 405


def test_the_portal_navigation_links_to_the_initiatives(representative_client, ccem):
    page = representative_client.get(reverse("portal:dashboard")).content.decode()
    assert url("initiative-list", ccem) in page


def test_the_list_costs_the_same_queries_for_10_and_200_initiatives(
    representative_client, ccem, bulk_published, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def create(count):
        NewsItem.objects.all().delete()
        NewsItem.objects.filter(pk__in=[i.pk for i in bulk_published(count)]).update(
            proposer=ccem, status=Status.RETURNED
        )

    create(10)
    with CaptureQueriesContext(connection) as ten:
        representative_client.get(url("initiative-list", ccem))
    create(200)
    with django_assert_num_queries(len(ten)):
        page = representative_client.get(url("initiative-list", ccem)).content.decode()
    assert page.count("badge--returned") == 200


def test_a_french_return_note_is_marked_french_on_the_english_page(
    representative_client, ccem, make_item, coordinator
):
    from news import services

    item = make_item(Status.SUBMITTED, proposer=ccem)
    services.news_return(item=item, by=coordinator, reason="Précisez la date.", notify=False)
    page = representative_client.get(url("initiative-detail", ccem, "en", pk=item.pk))
    html = page.content.decode()
    assert '<p lang="fr">Précisez la date.</p>' in html
    assert '“<span lang="fr">Précisez la date.</span>”' in html
    french = representative_client.get(url("initiative-detail", ccem, pk=item.pk)).content.decode()
    assert "<p>Précisez la date.</p>" in french
    assert "«\u202f<span>Précisez la date.</span>\u202f»" in french
