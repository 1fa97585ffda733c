"""The coordinators' side in the admin: reviewing initiatives, composing and sending letters."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from news.models import NewsItem, NewsItemTransition, Newsletter, NewsletterDelivery, Subscriber
from tests.dates import paris

pytestmark = pytest.mark.django_db
Status = NewsItem.Status


def review(item):
    return reverse("admin:news_newsitem_review", args=[item.pk])


def test_review_page_is_for_coordinators_only(client, make_item, ccem, representative, make_user):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    client.force_login(representative)
    assert client.get(review(item)).status_code == 302  # to the admin's login
    client.force_login(make_user("staff", is_staff=True))
    assert client.get(review(item)).status_code == 403


def test_coordinator_publishes_a_submitted_initiative(coordinator_client, make_item, ccem):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    page = coordinator_client.get(review(item)).content.decode()
    assert "Déclaration des Balkans" in page
    assert 'value="publish"' in page
    assert 'value="return"' in page
    response = coordinator_client.post(
        review(item), {"action": "publish", "reason": "", "version": item.version}, follow=True
    )
    assert "est publiée" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED


def test_returning_without_a_reason_is_refused_and_changes_nothing(
    coordinator_client, make_item, ccem
):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    response = coordinator_client.post(
        review(item), {"action": "return", "reason": "", "version": item.version}
    )
    assert response.status_code == 200
    assert "Dites ce que l&#x27;auteur doit changer" in response.content.decode()
    item.refresh_from_db()
    assert item.status == Status.SUBMITTED


def test_coordinator_returns_with_a_reason(coordinator_client, make_item, ccem, coordinator):
    item = make_item(Status.SUBMITTED, proposer=ccem)
    coordinator_client.post(
        review(item),
        {
            "action": "return",
            "reason": "Présentez le lien avec la traite.",
            "version": item.version,
        },
    )
    item.refresh_from_db()
    assert item.status == Status.RETURNED
    last = NewsItemTransition.objects.filter(item=item).last()
    assert (last.by, last.reason) == (coordinator, "Présentez le lien avec la traite.")


def test_a_draft_initiative_cannot_be_published_from_the_review_page(
    coordinator_client, make_item, ccem
):
    item = make_item(Status.DRAFT, proposer=ccem)
    page = coordinator_client.get(review(item)).content.decode()
    assert 'value="publish"' not in page
    response = coordinator_client.post(review(item), {"action": "publish"})
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_coordinator_takes_a_published_item_off_the_site(coordinator_client, make_item):
    item = make_item(Status.PUBLISHED)
    coordinator_client.post(
        review(item), {"action": "unpublish", "reason": "Erreur de date.", "version": item.version}
    )
    item.refresh_from_db()
    assert item.status == Status.DRAFT


def test_adding_the_collectives_news_in_the_admin_records_its_creation(
    coordinator_client, coordinator, ccem
):
    response = coordinator_client.post(
        reverse("admin:news_newsitem_add"),
        {
            "kind": "communique",
            "title_fr": "Communiqué",
            "title_en": "",
            "slug": "communique",
            "summary_fr": "Résumé.",
            "summary_en": "",
            "body_fr": "",
            "body_en": "",
            "proposer": ccem.pk,
            "link_fr": "",
            "link_en": "",
            "link_label_fr": "",
            "link_label_en": "",
            "event_place": "",
            "image_alt_fr": "",
            "image_alt_en": "",
            "transitions-TOTAL_FORMS": "0",
            "transitions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    item = NewsItem.objects.get()
    assert (item.status, item.created_by) == (Status.DRAFT, coordinator)
    assert list(item.organisations.all()) == [ccem]
    assert NewsItemTransition.objects.filter(
        item=item, to_status=Status.DRAFT, by=coordinator
    ).exists()


def test_the_submitted_filter_lists_the_initiatives_to_review(coordinator_client, make_item, ccem):
    make_item(Status.SUBMITTED, proposer=ccem, title_fr="À relire")
    make_item(Status.DRAFT, proposer=ccem, title_fr="Brouillon")
    page = coordinator_client.get(
        reverse("admin:news_newsitem_changelist") + "?status__exact=submitted"
    ).content.decode()
    assert "À relire" in page
    assert "Brouillon" not in page


def test_a_new_letter_holds_the_months_news(coordinator_client, make_item):
    october = make_item(Status.PUBLISHED, when=paris(2014, 10, 18, 9), title_fr="Octobre")
    make_item(Status.PUBLISHED, when=paris(2014, 11, 2, 9), title_fr="Novembre")
    response = coordinator_client.get(reverse("admin:news_newsletter_add") + "?month=2014-10")
    form = response.context["adminform"].form
    assert form.initial["items"] == [october.pk]
    assert str(form.initial["month"]) == "2014-10-01"
    assert "octobre 2014" in form.initial["title_fr"]


@pytest.fixture
def letter(make_item, coordinator):
    from datetime import date

    from news import newsletter

    make_item(
        Status.PUBLISHED,
        when=paris(2014, 10, 18, 9),
        title_fr="Lancement du site",
        title_en="Site launch",
    )
    return newsletter.newsletter_compose(
        month=date(2014, 10, 1),
        by=coordinator,
        title_fr="Lettre d'octobre",
        title_en="October letter",
    )


def test_preview_shows_the_letter_in_each_language(coordinator_client, letter):
    page = coordinator_client.get(
        reverse("admin:news_newsletter_preview", args=[letter.pk])
    ).content.decode()
    assert "Lettre d&#x27;octobre" in page
    assert "October letter" in page
    assert "Site launch" in page
    assert "Lancement du site" in page


def test_test_send_goes_to_the_coordinator_only(coordinator_client, letter, coordinator):
    Subscriber.objects.create(
        email="reader@example.org", language="fr", confirmed_at=timezone.now()
    )
    coordinator_client.post(reverse("admin:news_newsletter_test", args=[letter.pk]))
    assert {tuple(m.to) for m in mail.outbox} == {(coordinator.email,)}
    assert not NewsletterDelivery.objects.exists()


def test_sending_from_the_admin_and_its_progress(coordinator_client, letter):
    for number in range(3):
        Subscriber.objects.create(
            email=f"r{number}@example.org", language="fr", confirmed_at=timezone.now()
        )
    coordinator_client.post(reverse("admin:news_newsletter_send", args=[letter.pk]))
    assert len(mail.outbox) == 3
    letter.refresh_from_db()
    assert letter.status == Newsletter.Status.SENT
    page = coordinator_client.get(reverse("admin:news_newsletter_changelist")).content.decode()
    assert "3 envoyées sur 3 (100 %)" in page
    preview = coordinator_client.get(
        reverse("admin:news_newsletter_preview", args=[letter.pk])
    ).content.decode()
    assert "Reprendre l'envoi" not in preview
    assert "Envoyer à" not in preview


def test_a_stopped_sending_shows_its_progress_and_resumes(
    coordinator_client, letter, settings, coordinator
):
    from news import newsletter

    for number in range(5):
        Subscriber.objects.create(
            email=f"r{number}@example.org", language="fr", confirmed_at=timezone.now()
        )
    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    newsletter.newsletter_send_pending(newsletter=letter, limit=2)
    preview = coordinator_client.get(
        reverse("admin:news_newsletter_preview", args=[letter.pk])
    ).content.decode()
    assert "2 envoyées sur 5 (40 %)" in preview
    assert "Reprendre l'envoi" in preview
    coordinator_client.post(reverse("admin:news_newsletter_send", args=[letter.pk]))
    assert len(mail.outbox) == 5
    letter.refresh_from_db()
    assert letter.status == Newsletter.Status.SENT


def test_a_sent_letter_can_no_longer_be_edited(coordinator_client, letter, coordinator):
    from news import newsletter

    newsletter.newsletter_start_sending(newsletter=letter, by=coordinator)
    response = coordinator_client.post(
        reverse("admin:news_newsletter_change", args=[letter.pk]),
        {
            "month": "2014-11-01",
            "title_fr": "Autre",
            "title_en": "",
            "introduction_fr": "",
            "introduction_en": "",
        },
    )
    letter.refresh_from_db()
    assert letter.title_fr == "Lettre d'octobre"
    assert response.status_code in {200, 302}


def test_subscribers_come_only_through_the_opt_in(coordinator_client):
    assert coordinator_client.get(reverse("admin:news_subscriber_add")).status_code == 403


def test_a_letter_holds_published_news_only(coordinator_client, make_item):
    draft = make_item(Status.DRAFT, title_fr="Brouillon")
    response = coordinator_client.post(
        reverse("admin:news_newsletter_add"),
        {
            "month": "2014-10-01",
            "title_fr": "Octobre",
            "title_en": "",
            "introduction_fr": "",
            "introduction_en": "",
            "items": [draft.pk],
        },
    )
    assert response.status_code == 200
    assert not Newsletter.objects.exists()
    assert "Sélectionnez un choix valide" in response.content.decode()
