"""A news item edited at once by two representatives of its proposer, two coordinators, or one of
each: in the member area, on its admin page or on its review page."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from collectif import locking
from news import services
from news.models import NewsItem
from tests.forms import STALE_EN, STALE_FR, form_data, open_admin, race, refused, save

pytestmark = pytest.mark.django_db
Status = NewsItem.Status
LANGUAGES = pytest.mark.parametrize(("language", "message"), [("fr", STALE_FR), ("en", STALE_EN)])


def edit_url(item, language="fr"):
    with translation.override(language):
        return reverse(
            "news-portal:initiative-edit", kwargs={"slug": item.proposer.slug, "pk": item.pk}
        )


def review_url(item):
    return reverse("admin:news_newsitem_review", args=[item.pk])


@pytest.fixture
def initiative(make_item, ccem):
    return make_item(proposer=ccem, title_fr="Déclaration des Balkans")


@pytest.fixture
def two_representatives(representative, make_user, ccem):
    browsers = []
    for user in (representative, make_user("second-rep")):
        ccem.representatives.add(user)
        browser = Client()
        browser.force_login(user)
        browsers.append(browser)
    return browsers


# --- The member area --------------------------------------------------------------------------


@LANGUAGES
def test_second_representative_cannot_overwrite_an_initiative(
    two_representatives, initiative, language, message
):
    first, second = two_representatives
    url = edit_url(initiative, language)
    data_1 = form_data(first.get(url).content.decode())
    data_2 = form_data(second.get(url).content.decode())
    assert data_1["version"] == data_2["version"] == str(initiative.version)
    assert first.post(url, {**data_1, "title_fr": "Titre du premier"}).status_code == 302
    response = second.post(url, {**data_2, "summary_fr": "Résumé du second."})
    refused(response, keeps="Résumé du second.", message=message)
    # Saving again without reloading is refused again: nothing is overwritten unseen.
    response = second.post(url, form_data(response.content.decode()))
    refused(response, keeps="Résumé du second.", message=message)
    initiative.refresh_from_db()
    assert initiative.title_fr == "Titre du premier"
    assert initiative.summary_fr == "Une déclaration contre la traite à signer."


@LANGUAGES
def test_a_coordinators_save_outdates_a_representatives_open_form(
    representative_client, coordinator, initiative, language, message
):
    url = edit_url(initiative, language)
    data = form_data(representative_client.get(url).content.decode())
    coordination = Client()
    coordination.force_login(coordinator)
    admin_url, admin_data = open_admin(coordination, initiative)
    response = save(coordination, admin_url, admin_data, summary_en="By the coordination.")
    assert response.status_code == 302, response.content.decode()[:2000]
    response = representative_client.post(url, {**data, "summary_en": "By the member."})
    refused(response, keeps="By the member.", message=message)
    assert NewsItem.objects.get(pk=initiative.pk).summary_en == "By the coordination."


def test_two_saves_racing_past_the_forms_check_leave_the_first(
    representative_client, initiative, monkeypatch
):
    """Both passed the form's check at the same instant: the claim refuses the second, whose
    input is shown again with the message, nothing of it saved."""
    url = edit_url(initiative)
    data = form_data(representative_client.get(url).content.decode())
    claim = locking.claim

    def other_save_commits_first(instance, version):
        locking.bump(NewsItem, instance.pk)
        claim(instance, version)

    monkeypatch.setattr(locking, "claim", other_save_commits_first)
    response = representative_client.post(url, {**data, "title_fr": "Perdu ?"})
    refused(response, keeps="Perdu ?")
    assert NewsItem.objects.get(pk=initiative.pk).title_fr == "Déclaration des Balkans"


# --- The admin ------------------------------------------------------------------------------------


@LANGUAGES
def test_second_coordinator_cannot_overwrite_a_news_item(
    coordinators, make_item, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    item = make_item(title_fr="Communiqué")
    response = race(*coordinators, item, summary_fr="Résumé du premier.", title_en="Second’s")
    refused(response, keeps="Second’s", message=message)
    item.refresh_from_db()
    assert item.summary_fr == "Résumé du premier."
    assert not item.title_en


@LANGUAGES
def test_a_representatives_save_outdates_a_coordinators_change_page(
    representative_client, coordinator_client, initiative, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    admin_url, admin_data = open_admin(coordinator_client, initiative)
    url = edit_url(initiative)
    data = form_data(representative_client.get(url).content.decode())
    assert representative_client.post(url, {**data, "body_fr": "Du membre."}).status_code == 302
    response = save(coordinator_client, admin_url, admin_data, body_fr="De la coordination.")
    refused(response, keeps="De la coordination.", message=message)
    assert NewsItem.objects.get(pk=initiative.pk).body_fr == "Du membre."


def test_a_news_item_history_revert_carries_the_current_version(coordinator_client, initiative):
    coordinator = initiative.created_by
    services.news_item_update(item=initiative, by=coordinator, summary_fr="Première.")
    services.news_item_update(item=initiative, by=coordinator, summary_fr="Vandale.")
    first = initiative.history.filter(summary_fr="Première.").get()
    url = f"/admin/news/newsitem/{initiative.pk}/history/{first.history_id}/"
    data = form_data(coordinator_client.get(url).content.decode(), "historicalnewsitem_form")
    assert data["version"] == str(NewsItem.objects.get(pk=initiative.pk).version)
    services.news_item_update(item=initiative, by=coordinator, body_en="New.")
    response = coordinator_client.post(url, data)
    assert response.status_code == 200
    assert STALE_FR in response.content.decode()
    data = form_data(coordinator_client.get(url).content.decode(), "historicalnewsitem_form")
    assert coordinator_client.post(url, data).status_code == 302
    assert NewsItem.objects.get(pk=initiative.pk).summary_fr == "Première."


# --- The review page: a decision on the item as it was shown --------------------------------------


@pytest.fixture
def submitted(make_item, ccem):
    return make_item(Status.SUBMITTED, proposer=ccem)


def open_review(client, item):
    page = client.get(review_url(item)).content.decode()
    return {"version": form_data(page)["version"]}


@LANGUAGES
def test_returning_an_item_changed_since_the_review_page_opened_is_refused(
    coordinators, submitted, settings, language, message
):
    settings.ADMIN_LANGUAGE_CODE = language
    reviewer, editor = coordinators
    data = open_review(reviewer, submitted)
    assert data["version"] == str(submitted.version)
    admin_url, admin_data = open_admin(editor, submitted)
    assert save(editor, admin_url, admin_data, summary_fr="Corrigé.").status_code == 302
    response = reviewer.post(
        review_url(submitted), {**data, "action": "return", "reason": "Précisez le lien."}
    )
    refused(response, keeps="Précisez le lien.", message=message)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.summary_fr) == (Status.SUBMITTED, "Corrigé.")
    assert not submitted.transitions.filter(to_status=Status.RETURNED).exists()


def test_publishing_an_item_changed_since_the_review_page_opened_is_refused(
    coordinators, submitted
):
    reviewer, editor = coordinators
    data = open_review(reviewer, submitted)
    admin_url, admin_data = open_admin(editor, submitted)
    assert save(editor, admin_url, admin_data, body_fr="Ajouté après.").status_code == 302
    response = reviewer.post(review_url(submitted), {**data, "action": "publish", "reason": ""})
    refused(response, keeps="Ajouté après.")  # the page now shows what was added
    assert NewsItem.objects.get(pk=submitted.pk).status == Status.SUBMITTED


def test_two_reviews_racing_past_the_forms_check_leave_the_first(
    coordinator_client, submitted, monkeypatch
):
    data = open_review(coordinator_client, submitted)
    claim = locking.claim

    def other_save_commits_first(instance, version):
        locking.bump(NewsItem, instance.pk)
        claim(instance, version)

    monkeypatch.setattr(locking, "claim", other_save_commits_first)
    response = coordinator_client.post(
        review_url(submitted), {**data, "action": "return", "reason": "Précisez le lien."}
    )
    refused(response, keeps="Précisez le lien.")
    submitted.refresh_from_db()
    assert submitted.status == Status.SUBMITTED
    assert not submitted.transitions.filter(to_status=Status.RETURNED).exists()


# --- The services -------------------------------------------------------------------------------


def test_the_service_refuses_a_stale_version(initiative, representative):
    loaded = initiative.version
    services.news_item_update(item=initiative, by=representative, summary_fr="Un.")
    with pytest.raises(locking.StaleRecord):
        services.news_item_update(
            item=NewsItem.objects.get(pk=initiative.pk),
            by=representative,
            version=loaded,
            summary_fr="Deux.",
        )
    assert NewsItem.objects.get(pk=initiative.pk).summary_fr == "Un."


@pytest.mark.parametrize(
    ("status", "decision"),
    [(Status.SUBMITTED, "publish"), (Status.SUBMITTED, "return"), (Status.PUBLISHED, "unpublish")],
)
def test_a_decision_on_a_stale_version_is_refused(make_item, ccem, coordinator, status, decision):
    item = make_item(status, proposer=ccem)
    story = list(item.transitions.values_list("to_status", flat=True))
    loaded = item.version
    services.news_item_update(item=item, by=coordinator, summary_fr="Corrigé.")
    stale = NewsItem.objects.get(pk=item.pk)
    decide = {
        "publish": lambda: services.news_publish(
            item=stale, by=coordinator, version=loaded, notify=False
        ),
        "return": lambda: services.news_return(
            item=stale, by=coordinator, reason="Pourquoi ?", version=loaded, notify=False
        ),
        "unpublish": lambda: services.news_unpublish(
            item=stale, by=coordinator, reason="Erreur.", version=loaded
        ),
    }[decision]
    with pytest.raises(locking.StaleRecord):
        decide()
    item.refresh_from_db()
    assert item.status == status
    assert list(item.transitions.values_list("to_status", flat=True)) == story
