"""The workflow of news items: every transition, by every role."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from collectif.models import TranslationStamp
from news import services
from news.models import NewsItem, NewsItemTransition
from tests.dates import paris

from .conftest import content

pytestmark = pytest.mark.django_db
Status = NewsItem.Status


@pytest.fixture
def draft(representative, ccem):
    return services.news_item_create(by=representative, proposer=ccem, **content())


def history(item):
    return list(
        NewsItemTransition.objects.filter(item=item)
        .order_by("at", "pk")
        .values_list("from_status", "to_status", "by__username", "reason")
    )


# --- Creating -------------------------------------------------------------------------------


def test_representative_creates_a_draft_initiative_for_its_organisation(
    draft, ccem, representative
):
    assert draft.status == Status.DRAFT
    assert draft.proposer == ccem
    assert list(draft.organisations.all()) == [ccem]
    assert draft.created_by == representative
    assert draft.slug == "declaration-des-balkans"
    assert history(draft) == [("", "draft", "representative", "")]


def test_representative_cannot_create_for_another_organisation(representative, hors_la_rue):
    with pytest.raises(PermissionDenied):
        services.news_item_create(by=representative, proposer=hors_la_rue, **content())
    assert not NewsItem.objects.exists()


def test_representative_cannot_create_the_collectives_news(representative, ccem):
    with pytest.raises(PermissionDenied):
        services.news_item_create(by=representative, **content(kind="communique"))
    with pytest.raises(ValidationError):
        services.news_item_create(by=representative, proposer=ccem, **content(kind="communique"))
    assert not NewsItem.objects.exists()


def test_observer_proposes_initiatives_like_a_member(make_organisation, make_user):
    observer = make_organisation("SOS Esclaves", status="observer")
    user = make_user("sos")
    observer.representatives.add(user)
    item = services.news_item_create(by=user, proposer=observer, **content())
    assert item.status == Status.DRAFT


@pytest.mark.parametrize("status", ["candidate", "former"])
def test_candidate_and_former_member_cannot_propose(make_organisation, make_user, status):
    organisation = make_organisation(status=status)
    user = make_user("rep")
    organisation.representatives.add(user)
    with pytest.raises(PermissionDenied):
        services.news_item_create(by=user, proposer=organisation, **content())


@pytest.mark.parametrize("missing", ["title_fr", "summary_fr"])
def test_french_title_and_summary_are_required(representative, ccem, missing):
    """Each refused on its own field, empty or left out; the other one is not blamed."""
    left_out = {name: value for name, value in content().items() if name != missing}
    for fields in (content(**{missing: ""}), left_out):
        with pytest.raises(ValidationError) as error:
            services.news_item_create(by=representative, proposer=ccem, **fields)
        assert error.value.message_dict == {missing: ["Ce champ est obligatoire."]}
    assert not NewsItem.objects.exists()
    assert not NewsItemTransition.objects.exists()


@pytest.mark.parametrize("missing", ["title_fr", "summary_fr"])
def test_french_title_and_summary_stay_required_when_editing(draft, representative, missing):
    with pytest.raises(ValidationError) as error:
        services.news_item_update(item=draft, by=representative, **{missing: ""})
    assert error.value.message_dict == {missing: ["Ce champ est obligatoire."]}
    saved = NewsItem.objects.get(pk=draft.pk)
    assert (saved.title_fr, saved.summary_fr) == (content()["title_fr"], content()["summary_fr"])


def test_an_event_cannot_end_before_it_starts(representative, ccem):
    with pytest.raises(ValidationError) as error:
        services.news_item_create(
            by=representative,
            proposer=ccem,
            **content(event_start=paris(2014, 10, 16, 9), event_end=paris(2014, 10, 15, 9)),
        )
    assert "event_end" in error.value.error_dict


def test_slugs_stay_unique(draft, representative, ccem):
    second = services.news_item_create(by=representative, proposer=ccem, **content())
    assert second.slug == "declaration-des-balkans-2"


def test_coordinator_creates_the_collectives_news_and_publishes_it_directly(coordinator):
    item = services.news_item_create(by=coordinator, **content(kind="communique"))
    services.news_publish(item=item, by=coordinator, when=paris(2014, 10, 18, 9))
    assert item.status == Status.PUBLISHED
    assert item.published_at == paris(2014, 10, 18, 9)
    assert history(item) == [
        ("", "draft", "coordinator", ""),
        ("draft", "published", "coordinator", ""),
    ]


def test_saving_records_which_language_changed(draft):
    fields = set(
        TranslationStamp.objects.filter(object_id=draft.pk).values_list("field", "language")
    )
    assert {("title", "fr"), ("summary", "fr"), ("body", "fr")} <= fields
    assert ("title", "en") not in fields


# --- Editing --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED])
def test_representative_edits_its_draft_and_returned_items(make_item, ccem, representative, status):
    item = make_item(status, proposer=ccem)
    services.news_item_update(item=item, by=representative, title_en="Balkans declaration")
    item.refresh_from_db()
    assert item.title_en == "Balkans declaration"
    assert item.status == status


@pytest.mark.parametrize("status", [Status.SUBMITTED, Status.PUBLISHED])
def test_representative_cannot_edit_a_submitted_or_published_item(
    make_item, ccem, representative, status
):
    item = make_item(status, proposer=ccem)
    with pytest.raises(PermissionDenied):
        services.news_item_update(item=item, by=representative, title_fr="Autre titre")
    item.refresh_from_db()
    assert item.title_fr == "Déclaration des Balkans"


def test_representative_cannot_edit_another_organisations_draft(
    make_item, hors_la_rue, representative
):
    item = make_item(proposer=hors_la_rue)
    with pytest.raises(PermissionDenied):
        services.news_item_update(item=item, by=representative, title_fr="Autre titre")


def test_coordinator_changes_a_published_item(make_item, ccem, coordinator):
    item = make_item(Status.PUBLISHED, proposer=ccem)
    services.news_item_update(item=item, by=coordinator, summary_fr="Plus de 100 signatures.")
    item.refresh_from_db()
    assert item.summary_fr == "Plus de 100 signatures."
    assert item.status == Status.PUBLISHED


def test_the_proposer_stays_among_the_organisations(draft, representative, hors_la_rue, ccem):
    services.news_item_update(item=draft, by=representative, organisations=[hors_la_rue])
    assert set(draft.organisations.all()) == {ccem, hors_la_rue}


def test_unknown_fields_are_refused(draft, representative):
    with pytest.raises(ValueError, match="Not editable here"):
        services.news_item_update(item=draft, by=representative, status="published")


# --- Submitting, returning, publishing --------------------------------------------------------


def test_whole_path_is_recorded_from_draft_to_published(draft, representative, coordinator):
    services.news_submit(item=draft, by=representative)
    services.news_return(item=draft, by=coordinator, reason="Présentez le lien avec la traite.")
    services.news_item_update(item=draft, by=representative, summary_fr="La traite, d'abord.")
    services.news_submit(item=draft, by=representative)
    services.news_publish(item=draft, by=coordinator)
    assert history(draft) == [
        ("", "draft", "representative", ""),
        ("draft", "submitted", "representative", ""),
        ("submitted", "returned", "coordinator", "Présentez le lien avec la traite."),
        ("returned", "submitted", "representative", ""),
        ("submitted", "published", "coordinator", ""),
    ]
    assert draft.published_at is not None


def test_other_representative_cannot_submit(draft, other_representative):
    with pytest.raises(PermissionDenied):
        services.news_submit(item=draft, by=other_representative)
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_submitted_item_cannot_be_submitted_again(make_item, ccem, coordinator):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    with pytest.raises(ValidationError):
        services.news_submit(item=item, by=coordinator)


def test_the_collectives_news_is_not_submitted(make_item, coordinator):
    with pytest.raises(ValidationError):
        services.news_submit(item=make_item(), by=coordinator)


def test_representative_cannot_publish_or_return(make_item, ccem, representative):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    with pytest.raises(PermissionDenied):
        services.news_publish(item=item, by=representative)
    with pytest.raises(PermissionDenied):
        services.news_return(item=item, by=representative, reason="…")
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_returning_needs_a_reason(make_item, ccem, coordinator):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    with pytest.raises(ValidationError) as error:
        services.news_return(item=item, by=coordinator, reason="  ")
    assert "reason" in error.value.error_dict
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED, Status.PUBLISHED])
def test_only_a_submitted_initiative_is_returned(make_item, ccem, coordinator, status):
    item = make_item(status, proposer=ccem)
    with pytest.raises(ValidationError):
        services.news_return(item=item, by=coordinator, reason="Non.")


@pytest.mark.parametrize("status", [Status.DRAFT, Status.RETURNED, Status.PUBLISHED])
def test_a_members_initiative_is_published_only_once_submitted(
    make_item, ccem, coordinator, status
):
    item = make_item(status, proposer=ccem)
    with pytest.raises(ValidationError):
        services.news_publish(item=item, by=coordinator)


def test_unpublishing_takes_the_item_back_to_a_draft_with_its_reason(make_item, ccem, coordinator):
    item = make_item(Status.PUBLISHED, proposer=ccem)
    with pytest.raises(ValidationError):
        services.news_unpublish(item=item, by=coordinator, reason="")
    services.news_unpublish(item=item, by=coordinator, reason="Lien cassé.")
    assert item.status == Status.DRAFT
    assert history(item)[-1] == ("published", "draft", "coordinator", "Lien cassé.")


def test_representative_cannot_unpublish(make_item, ccem, representative):
    item = make_item(Status.PUBLISHED, proposer=ccem)
    with pytest.raises(PermissionDenied):
        services.news_unpublish(item=item, by=representative, reason="Erreur.")


# --- Who is told --------------------------------------------------------------------------------


def test_submitting_tells_the_coordinators(
    draft, representative, coordinator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.news_submit(item=draft, by=representative)
    assert len(mail.outbox) == 1
    assert coordinator.email in mail.outbox[0].to
    assert "Initiative à relire\u202f: Déclaration des Balkans" in mail.outbox[0].subject
    assert f"/admin/news/newsitem/{draft.pk}/review/" in mail.outbox[0].body


def test_returning_tells_the_representatives_the_reason(
    make_item, ccem, representative, coordinator, django_capture_on_commit_callbacks
):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    with django_capture_on_commit_callbacks(execute=True):
        services.news_return(item=item, by=coordinator, reason="Présentez le lien avec la traite.")
    assert [m.to for m in mail.outbox] == [[representative.email]]
    assert "Présentez le lien avec la traite." in mail.outbox[0].body
    assert f"/fr/espace-membre/organisations/ccem/initiatives/{item.pk}/" in mail.outbox[0].body


def test_publishing_tells_the_representatives(
    make_item, ccem, representative, coordinator, django_capture_on_commit_callbacks
):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    with django_capture_on_commit_callbacks(execute=True):
        services.news_publish(item=item, by=coordinator)
    assert [m.to for m in mail.outbox] == [[representative.email]]
    assert item.get_absolute_url() in mail.outbox[0].body
