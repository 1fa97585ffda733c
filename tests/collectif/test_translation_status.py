from datetime import timedelta

import pytest
from django.utils import timezone, translation

from collectif import services, translation_status
from collectif.models import Page, TranslationStamp
from members.models import InternationalNetwork, Organisation

pytestmark = pytest.mark.django_db


def save_tracked(instance, **values):
    for name, value in values.items():
        setattr(instance, name, value)
    changes = translation_status.pending_changes(instance)
    instance.save()
    translation_status.record(instance, changes)
    return changes


def english_state(instance, field):
    status = translation_status.status_for(instance)
    return status.texts.get((field, "en"))


def test_tracked_fields_are_the_translated_texts_not_addresses():
    assert set(translation_status.tracked_fields(Organisation)) == {"description", "contact_role"}
    assert translation_status.tracked_fields(InternationalNetwork) == ["presentation"]
    assert set(translation_status.tracked_fields(Page)) == {"title", "intro", "body"}
    assert Organisation in translation_status.tracked_models()


def test_english_is_missing_when_only_the_french_has_text():
    network = InternationalNetwork.objects.create(name="RENATE", presentation_fr="Réseau européen.")
    assert english_state(network, "presentation").is_missing


def test_empty_french_needs_no_english():
    network = InternationalNetwork.objects.create(name="RENATE")
    assert ("presentation", "en") not in translation_status.status_for(network).texts


def test_english_written_with_the_french_is_up_to_date():
    network = InternationalNetwork(name="ECPAT International")
    save_tracked(network, presentation_fr="Réseau mondial.", presentation_en="A global network.")
    assert not english_state(network, "presentation").needs_work


def test_english_becomes_stale_when_the_french_changes_after_it(time_machine):
    time_machine.move_to("2014-09-29 10:00")
    network = InternationalNetwork(name="ECPAT International")
    save_tracked(network, presentation_fr="Réseau mondial.", presentation_en="A global network.")
    time_machine.move_to("2014-10-06 10:00")
    assert save_tracked(network, presentation_fr="Réseau mondial d'ONG.") == [
        ("presentation", "fr")
    ]
    state = english_state(network, "presentation")
    assert state.is_stale
    assert state.changed_at < state.source_changed_at


def test_new_english_makes_it_current_again(time_machine):
    time_machine.move_to("2014-09-29 10:00")
    network = InternationalNetwork(name="ECPAT International")
    save_tracked(network, presentation_fr="Un.", presentation_en="One.")
    time_machine.move_to("2014-10-06 10:00")
    save_tracked(network, presentation_fr="Deux.")
    time_machine.move_to("2014-10-07 10:00")
    save_tracked(network, presentation_en="Two.")
    assert not english_state(network, "presentation").needs_work


def test_french_changed_on_a_record_never_stamped_makes_its_english_stale():
    page = Page.objects.get(key=Page.Key.ABOUT)
    assert not translation_status.status_for(page).needing_work()
    save_tracked(page, body_fr=page.body_fr + "\n\nUn paragraphe de plus.")
    assert english_state(page, "body").is_stale


def test_confirming_unchanged_english_makes_it_current():
    page = Page.objects.get(key=Page.Key.ABOUT)
    save_tracked(page, body_fr="Nouveau texte.")
    services.translation_submit(instance=page, texts={}, confirmed=["body"])
    assert not english_state(page, "body").needs_work


def test_translation_submit_saves_english_and_refuses_untracked_fields():
    network = InternationalNetwork.objects.create(name="RENATE", presentation_fr="Réseau.")
    services.translation_submit(instance=network, texts={"presentation": " A network. "})
    network.refresh_from_db()
    assert network.presentation_en == "A network."
    assert TranslationStamp.objects.filter(field="presentation", language="en").exists()
    with pytest.raises(ValueError, match="Not translated fields"):
        services.translation_submit(instance=network, texts={"name": "Other"})


def test_statuses_for_several_models_cost_one_query(django_assert_num_queries):
    page = Page.objects.get(key=Page.Key.HOME)
    networks = [
        InternationalNetwork.objects.create(name=f"N{i}", presentation_fr="x") for i in range(5)
    ]
    with django_assert_num_queries(1):
        statuses = translation_status.statuses_for([page, *networks])
    assert [s.instance for s in statuses] == [page, *networks]


def test_coordinators_list_holds_every_model_with_missing_or_stale_english():
    InternationalNetwork.objects.create(name="RENATE", presentation_fr="Réseau.")
    InternationalNetwork.objects.create(
        name="Caritas", presentation_fr="Un.", presentation_en="One."
    )
    page = Page.objects.get(key=Page.Key.JOIN)
    save_tracked(page, intro_fr="Nouvelle introduction.")
    found = {
        (type(s.instance).__name__, str(s.instance), t.field, t.state)
        for s in translation_status.records_needing_translation()
        for t in s.needing_work()
    }
    assert ("InternationalNetwork", "RENATE", "presentation", "missing") in found
    assert ("Page", str(page), "intro", "stale") in found
    assert not any(name == "Caritas" for _kind, name, _f, _s in found)


def test_record_status_in_templates_follows_the_active_language():
    page = Page.objects.get(key=Page.Key.ABOUT)
    save_tracked(page, body_fr="Nouveau.")
    status = translation_status.status_for(page)
    with translation.override("en"):
        assert status.body.is_stale
        assert status.any_stale
    with translation.override("fr"):
        assert not status.body.is_stale
        assert not status.any_stale


def test_admin_save_records_which_language_changed(coordinator_client):
    page = Page.objects.get(key=Page.Key.PRIVACY)
    data = {
        "title_fr": page.title_fr,
        "title_en": page.title_en,
        "intro_fr": page.intro_fr,
        "intro_en": page.intro_en,
        "body_fr": page.body_fr + "\n\nMise à jour.",
        "body_en": page.body_en,
        "version": page.version,
    }
    response = coordinator_client.post(f"/admin/collectif/page/{page.pk}/change/", data)
    assert response.status_code == 302
    stamps = TranslationStamp.objects.filter(object_id=page.pk, field="body")
    assert list(stamps.values_list("language", flat=True)) == ["fr"]
    assert english_state(page, "body").is_stale


def test_english_page_says_when_its_english_may_be_outdated(client):
    page = Page.objects.get(key=Page.Key.ABOUT)
    page.body_fr = "Nouveau texte."
    translation_status.record(page, [("body", "fr")], when=timezone.now() + timedelta(seconds=1))
    page.save()
    english = client.get("/en/about/").content.decode()
    assert "may be out of date" in english
    french = client.get("/fr/le-collectif/").content.decode()
    assert "n'est peut-être plus à jour" not in french


def test_coordinators_see_the_list_in_the_admin(coordinator_client):
    InternationalNetwork.objects.create(name="RENATE", presentation_fr="Réseau européen.")
    response = coordinator_client.get("/admin/collectif/textneedingtranslation/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "RENATE" in content
    assert "manquant" in content


def test_translation_list_is_for_coordinators_only(client, make_user):
    client.force_login(make_user("someone"))
    assert client.get("/admin/collectif/textneedingtranslation/").status_code == 302
