"""The minutes are Markdown: agenda items' minutes and decisions and action items render as
sanitised HTML (news.rich_text's sanitiser), with bare e-mail and web addresses made links."""

import importlib

import pytest
from django.apps import apps as global_apps

from meetings.rich_text import plain_to_markdown, render_minutes


def test_points_become_a_list_with_bold_and_links():
    html = render_minutes(
        "Quelques points :\n\n- un **point** important\n- écrire à contre.la.traite@secours-"
        "catholique.org\n- voir [le site](https://contrelatraite.org) ou www.ecpat.org."
    )
    assert "<ul>" in html
    assert "<li>un <strong>point</strong> important</li>" in html
    assert 'href="mailto:contre.la.traite@secours-catholique.org"' in html
    assert 'href="https://contrelatraite.org"' in html
    assert 'href="https://www.ecpat.org"' in html
    assert ">www.ecpat.org</a>." in html  # the final full stop is not part of the address


def test_script_styles_images_and_javascript_links_are_stripped():
    html = render_minutes(
        '<script>alert(1)</script><img src="https://tracker.example/x.png">'
        '<p style="color:red" onclick="x()">Texte</p> [clic](javascript:alert(1))'
    )
    for forbidden in ["<script", "<img", "style=", "onclick", "javascript:"]:
        assert forbidden not in html
    assert "Texte" in html


def test_addresses_in_code_or_links_are_left_alone():
    html = render_minutes("`a@b.org` and [write](mailto:c@d.org) c@d.org")
    assert "<code>a@b.org</code>" in html
    assert html.count('href="mailto:c@d.org"') == 2


def test_empty_text_renders_nothing():
    assert render_minutes("") == ""
    assert render_minutes(None) == ""


def test_plain_points_become_markdown_list_items_and_stay_so():
    plain = "-  Dans la rubrique « Droit ».\n\n– Le site.\n• Autre.\n- Déjà.\nTexte -  seul."
    converted = plain_to_markdown(plain)
    assert (
        converted
        == "- Dans la rubrique « Droit ».\n\n- Le site.\n- Autre.\n- Déjà.\nTexte -  seul."
    )
    assert plain_to_markdown(converted) == converted
    assert render_minutes(converted).count("<li>") == 4


@pytest.mark.django_db
def test_the_migration_turns_stored_points_into_lists(make_meeting, make_action):
    meeting = make_meeting(items=1)
    item = meeting.agenda_items.get()
    item.minutes_fr = "-  Premier point.\n\n-   Second point."
    item.decisions_fr = "• Une décision."
    item.save()
    action = make_action(meeting, text="–  Transmettre le rapport.", for_every_member=True)
    migration = importlib.import_module("meetings.migrations.0009_minutes_in_markdown")
    migration.points_to_lists(global_apps, None)
    item.refresh_from_db()
    action.refresh_from_db()
    assert item.minutes_fr == "- Premier point.\n\n- Second point."
    assert item.decisions_fr == "- Une décision."
    assert action.text_fr == "- Transmettre le rapport."


@pytest.mark.django_db
def test_member_reads_the_formatted_compte_rendu(
    representative_client, make_meeting, make_action, ccem
):
    meeting = make_meeting(items=1)
    item = meeting.agenda_items.get()
    item.minutes_fr = "- Le **CCEM** est partenaire.\n- Inscriptions : inscriptionacpe@gmail.com"
    item.decisions_fr = "- Un vote aura lieu."
    item.save()
    make_action(meeting, text="Écrire à **la coordination** : a@b.org", organisations=[ccem])
    content = representative_client.get(meeting.get_absolute_url()).content.decode()
    assert "<li>Le <strong>CCEM</strong> est partenaire.</li>" in content
    assert 'href="mailto:inscriptionacpe@gmail.com"' in content
    assert "<li>Un vote aura lieu.</li>" in content
    assert "<strong>la coordination</strong>" in content
    assert 'href="mailto:a@b.org"' in content
