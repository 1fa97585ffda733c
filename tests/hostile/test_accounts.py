"""Password reset links: each works once, and not after the password changed or the link aged."""

import re

import pytest
from django.core import mail
from django.test import Client

from .catalogue import reset_link

pytestmark = pytest.mark.django_db

INVALID = "Ce lien n'est pas valide"
NEW_PASSWORD = {
    "new_password1": "une-phrase-de-passe-2015",
    "new_password2": "une-phrase-de-passe-2015",
}


def open_link(client, link):
    """Follow the e-mail's link: Django moves the token into the session, then shows the form
    at an address without it."""
    return client.get(link, follow=True)


def use_link(client, link, password=NEW_PASSWORD):
    form = open_link(client, link)
    return client.post(form.redirect_chain[-1][0], password) if form.redirect_chain else form


def is_refused(response):
    return response.status_code == 200 and INVALID in response.content.decode().replace(
        "&#x27;", "'"
    )


def test_reset_link_works_once(client, site):
    link = reset_link(site.representative)
    assert use_link(client, link).status_code == 302
    site.representative.refresh_from_db()
    assert site.representative.check_password(NEW_PASSWORD["new_password1"])
    # Used: the same link, in the same browser or another, is refused.
    assert is_refused(open_link(client, link))
    assert is_refused(open_link(Client(), link))
    again = use_link(Client(), link, {"new_password1": "x" * 20, "new_password2": "x" * 20})
    assert is_refused(again)
    site.representative.refresh_from_db()
    assert site.representative.check_password(NEW_PASSWORD["new_password1"])


def test_the_form_cannot_be_sent_twice(client, site):
    form = open_link(client, reset_link(site.representative))
    set_password_url = form.redirect_chain[-1][0]
    assert client.post(set_password_url, NEW_PASSWORD).status_code == 302
    second = client.post(set_password_url, {"new_password1": "y" * 20, "new_password2": "y" * 20})
    assert is_refused(second)
    site.representative.refresh_from_db()
    assert site.representative.check_password(NEW_PASSWORD["new_password1"])


def test_an_older_link_dies_when_a_newer_one_is_used(client, site, time_machine):
    time_machine.move_to("2015-01-01 10:00")
    older = reset_link(site.representative)
    time_machine.move_to("2015-01-01 11:00")
    newer = reset_link(site.representative)
    assert use_link(client, newer).status_code == 302
    assert is_refused(open_link(Client(), older))


def test_a_link_dies_when_the_account_logs_in(client, site):
    link = reset_link(site.representative)
    assert Client().login(username="representative", password="a-long-test-password")
    assert is_refused(open_link(client, link))


def test_a_link_expires(client, site, settings, time_machine):
    time_machine.move_to("2015-01-01 10:00")
    link = reset_link(site.representative)
    time_machine.shift(settings.PASSWORD_RESET_TIMEOUT - 60)
    assert not is_refused(open_link(Client(), link))
    time_machine.shift(120)
    assert is_refused(open_link(client, link))


def test_the_e_mailed_link_is_the_one_that_works(client, site):
    client.post("/fr/espace-membre/mot-de-passe-oublie/", {"email": "rep@example.org"})
    [message] = mail.outbox
    link = re.search(r"http://testserver(/fr/\S+/)", message.body)[1]
    assert use_link(client, link).status_code == 302
    assert is_refused(open_link(client, link))


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, site):
    known = client.post("/fr/espace-membre/mot-de-passe-oublie/", {"email": "rep@example.org"})
    unknown = client.post("/fr/espace-membre/mot-de-passe-oublie/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1
