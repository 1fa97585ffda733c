"""Translation status by construction: whatever saves a record of a translated model, a
change of its French leaves its English stale (issue: legal texts, documents and the
meetings' inlines used to stay « up to date » forever)."""

from datetime import date

import pytest
from modeltranslation.utils import build_localized_fieldname

from collectif import translation_status
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(time_machine):
    time_machine.move_to("2014-09-29 10:00")
    load_demo()


def _translated_instance(model):
    """A demo record of `model` and one of its tracked fields with text in both languages
    (the English is written now if the demo has none)."""
    for name in translation_status.tracked_fields(model):
        french = build_localized_fieldname(name, "fr")
        found = model._base_manager.exclude(**{french: ""}).exclude(**{f"{french}__isnull": True})
        instance = found.order_by("pk").first()
        if instance is None:
            continue
        english = build_localized_fieldname(name, "en")
        if not getattr(instance, english):
            setattr(instance, english, "An English text.")
            instance.save()
        return instance, name
    return None, None


def _english(instance, name):
    return translation_status.status_for(instance).texts[(name, "en")]


def test_every_translated_model_is_tracked_whatever_saves_it(demo, time_machine):
    untested = []
    for model in translation_status.tracked_models():
        instance, name = _translated_instance(model)
        if instance is None:
            untested.append(model._meta.label)
            continue
        assert not _english(instance, name).needs_work, model._meta.label
        time_machine.shift(3600)
        french = build_localized_fieldname(name, "fr")
        setattr(instance, french, f"{getattr(instance, french)} (modifié)")
        instance.save()
        assert _english(instance, name).is_stale, model._meta.label
    # The demo has records of every translated model: none escapes the walk.
    assert untested == []


def test_a_legal_text_saved_through_its_service_has_a_stale_english(demo, time_machine):
    from documents import services
    from documents.models import LegalResource

    text = LegalResource.objects.get(slug="palermo-protocol-2000")
    assert not _english(text, "title").needs_work
    time_machine.shift(3600)
    text.title_fr = "Protocole de Palerme (version revue)"
    services.legal_resource_save(resource=text)
    assert _english(text, "title").is_stale


def test_an_agenda_item_saved_field_by_field_has_a_stale_english(demo, time_machine):
    from meetings.models import AgendaItem

    item = AgendaItem.objects.exclude(title_fr="").exclude(title_en="").order_by("pk").first()
    assert item is not None
    assert not _english(item, "title").needs_work
    time_machine.shift(3600)
    item.title_fr = "Point revu en séance"
    item.save(update_fields=["title_fr"])
    assert _english(item, "title").is_stale


def test_saving_other_fields_leaves_the_translation_alone(demo, time_machine):
    from documents.models import LegalResource

    text = LegalResource.objects.get(slug="palermo-protocol-2000")
    time_machine.shift(3600)
    text.last_checked = date(2014, 10, 1)
    text.save()
    assert not _english(text, "title").needs_work
