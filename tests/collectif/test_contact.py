import pytest
from django.core import mail

from collectif.models import ContactMessage

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Alice Martin",
    "email": "alice@example.org",
    "organisation": "",
    "subject": "Adhésion",
    "message": "Notre association souhaite rejoindre le Collectif.",
    "website": "",
}


def test_message_is_kept_and_mailed_to_the_coordination(
    client, settings, django_capture_on_commit_callbacks
):
    settings.COORDINATION_EMAIL = "coordination@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/contact/", VALID, follow=True)
    assert response.redirect_chain[-1][0] == "/fr/contact/"
    assert "Votre message est bien parvenu" in response.content.decode()
    message = ContactMessage.objects.get()
    assert message.email == "alice@example.org"
    assert message.language == "fr"
    assert message.sender_hash
    assert "127.0.0.1" not in message.sender_hash
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["coordination@example.org"]
    assert mail.outbox[0].reply_to == ["alice@example.org"]
    assert "rejoindre le Collectif" in mail.outbox[0].body


def test_contact_page_publishes_no_personal_address(client):
    html = client.get("/fr/contact/").content.decode()
    assert "@" not in html.split("<main")[1].split("</main>")[0]


@pytest.mark.parametrize(
    ("field", "value", "error_fr", "error_en"),
    [
        (
            "email",
            "not-an-address",
            "Saisissez une adresse de courriel valide.",
            "Enter a valid email address.",
        ),
        ("name", "", "Ce champ est obligatoire.", "This field is required."),
        ("message", "", "Ce champ est obligatoire.", "This field is required."),
        ("message", "x" * 5001, "5000 caractères", "5000 characters"),
    ],
)
def test_bad_input_is_answered_field_by_field_in_the_visitors_language(
    client, field, value, error_fr, error_en
):
    data = {**VALID, field: value}
    french = client.post("/fr/contact/", data)
    english = client.post("/en/contact/", data)
    assert french.status_code == english.status_code == 200
    assert error_fr in french.content.decode()
    assert error_en in english.content.decode()
    assert french.context["form"].errors.keys() == {field}
    # What the visitor typed is still there.
    assert "Alice Martin" in french.content.decode() or field == "name"
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_honeypot_keeps_and_sends_nothing_but_answers_the_same(client):
    response = client.post("/en/contact/", {**VALID, "website": "http://spam.example"}, follow=True)
    assert "Your message has reached the coordination" in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert not mail.outbox


def test_rate_limit_per_sender_address_keeps_the_message_in_the_form(client, settings):
    settings.THROTTLE_CONTACT_PER_CLIENT = (2, 3600)
    for _ in range(2):
        assert client.post("/en/contact/", VALID).status_code == 302
    response = client.post("/en/contact/", {**VALID, "message": "Third message, kept in the form."})
    html = response.content.decode()
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "You have sent several messages in the last hour" in html
    assert "Third message, kept in the form." in html
    assert ContactMessage.objects.count() == 2
    # Another address is not limited.
    other = client.post("/en/contact/", VALID, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 302


def test_rate_limit_is_lifted_after_an_hour(client, settings, time_machine):
    settings.THROTTLE_CONTACT_PER_CLIENT = (1, 3600)
    time_machine.move_to("2026-01-10 10:00:00+00:00")
    assert client.post("/en/contact/", VALID).status_code == 302
    assert client.post("/en/contact/", VALID).status_code == 429
    time_machine.move_to("2026-01-10 11:01:00+00:00")
    assert client.post("/en/contact/", VALID).status_code == 302


def test_contact_messages_are_listed_for_coordinators(coordinator_client):
    ContactMessage.objects.create(
        name="Bob",
        email="bob@example.org",
        subject="Question",
        message="?",
        language="en",
        sender_hash="x",
    )
    response = coordinator_client.get("/admin/collectif/contactmessage/")
    assert response.status_code == 200
    assert "bob@example.org" in response.content.decode()


@pytest.mark.parametrize("field", ["name", "organisation", "subject"])
@pytest.mark.parametrize("breaks", ["\r\n", "\n", "\r", "\u2028", "\x85"])
def test_line_breaks_in_one_line_fields_are_refused(client, field, breaks):
    """The attack: fake header lines written into the message the coordination reads."""
    forged = f"Alice{breaks}Bcc: victim@example.org{breaks}De : coordination@example.org"
    french = client.post("/fr/contact/", {**VALID, field: forged})
    english = client.post("/en/contact/", {**VALID, field: forged})
    assert french.status_code == english.status_code == 200
    assert "une seule ligne" in french.content.decode()
    assert "a single line" in english.content.decode()
    assert not ContactMessage.objects.exists()
    assert mail.outbox == []


def test_the_coordinations_copy_is_in_french_whatever_the_visitors_language(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/contact/", VALID)
    body = mail.outbox[0].body
    assert "Message envoyé par le formulaire de contact du site" in body
    assert "Objet" in body
    assert "Subject" not in body
