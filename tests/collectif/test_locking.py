"""Optimistic locking (collectif/locking.py): two people open the same record; the first to save
wins, the second is refused with a clear message, keeps what it typed, and overwrites nothing.
The other apps test it on their own records (organisation, international network, news item,
meeting, legal text, document)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import get_messages

from collectif import locking
from collectif.models import Page
from tests.forms import open_admin, race, refused, save

pytestmark = pytest.mark.django_db


def test_every_save_gives_a_new_version_even_from_an_old_copy():
    page = Page.objects.get(key=Page.Key.ABOUT)
    old_copy = Page.objects.get(pk=page.pk)
    page.save()
    page.save(update_fields=["title_fr"])
    assert page.version == old_copy.version + 2
    old_copy.save()
    assert Page.objects.get(pk=page.pk).version == old_copy.version == page.version + 1


def test_claim_takes_the_next_version_once():
    page = Page.objects.get(key=Page.Key.ABOUT)
    loaded = page.version
    locking.claim(page, loaded)
    assert page.version == loaded + 1
    with pytest.raises(locking.StaleRecord):
        locking.claim(Page.objects.get(pk=page.pk), loaded)


def test_second_coordinator_cannot_overwrite_a_site_page(coordinators):
    page = Page.objects.get(key=Page.Key.ABOUT)
    response = race(*coordinators, page, intro_fr="Premier.", intro_en="Second")
    refused(response, keeps="\nSecond</textarea>")
    page.refresh_from_db()
    assert page.intro_fr == "Premier."
    assert page.intro_en != "Second"


def test_a_tampered_version_is_refused_as_stale(coordinator_client):
    page = Page.objects.get(key=Page.Key.JOIN)
    url, data = open_admin(coordinator_client, page)
    for version in ["", "abc", "-1", str(page.version + 5)]:
        response = save(coordinator_client, url, data, version=version, intro_fr="Modifié")
        refused(response, keeps="Modifié")
    assert Page.objects.get(pk=page.pk).intro_fr != "Modifié"


def test_without_a_rival_the_save_goes_through(coordinator_client):
    page = Page.objects.get(key=Page.Key.JOIN)
    url, data = open_admin(coordinator_client, page)
    assert save(coordinator_client, url, data, intro_fr="Modifié").status_code == 302
    url, data = open_admin(coordinator_client, page)
    assert save(coordinator_client, url, data, intro_fr="Encore.").status_code == 302
    assert Page.objects.get(pk=page.pk).intro_fr == "Encore."


def test_two_saves_racing_past_the_forms_check_leave_the_first(coordinator_client, monkeypatch):
    """Both passed clean() at the same instant: the row's conditional update refuses the
    second, whose transaction is rolled back, with a message."""
    page = Page.objects.get(key=Page.Key.LEGAL)
    url, data = open_admin(coordinator_client, page)
    claim = locking.claim

    def other_save_commits_first(instance, version):
        Page.objects.filter(pk=instance.pk).update(intro_fr="Enregistré par l'autre.")
        locking.bump(Page, instance.pk)
        claim(instance, version)

    monkeypatch.setattr(locking, "claim", other_save_commits_first)
    response = save(coordinator_client, url, data, title_fr="Perdu")
    assert response.status_code == 302
    assert response.url == url
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Quelqu'un d'autre a enregistré cette fiche au même moment que vous\u202f: vos "
        "modifications n'ont pas été enregistrées. La voici telle qu'il l'a laissée\u202f; "
        "refaites vos modifications."
    ]
    page.refresh_from_db()
    assert page.title_fr != "Perdu"


def test_an_invalid_submission_is_shown_again_on_a_fresh_worker(coordinator_client):
    """A worker's first admin page may be an invalid submission: the admin then reads the content
    type from the database, which must happen before the transaction is marked for rollback."""
    page = Page.objects.get(key=Page.Key.JOIN)
    url, data = open_admin(coordinator_client, page)
    ContentType.objects.clear_cache()
    response = save(coordinator_client, url, data, title_fr="")
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in response.content.decode()
    assert Page.objects.get(pk=page.pk).title_fr
