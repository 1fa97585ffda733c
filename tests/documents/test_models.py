from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.utils import translation

from documents.models import Document, LegalResource
from members.access import can_read_members_only

pytestmark = pytest.mark.django_db


def test_a_text_cannot_replace_itself(make_resource):
    text = make_resource()
    text.replaced_by = text
    text.status = LegalResource.Status.REPLACED
    with pytest.raises(ValidationError) as error:
        text.full_clean()
    assert "replaced_by" in error.value.message_dict


def test_a_replaced_text_must_say_what_replaces_it(make_resource):
    text = make_resource()
    text.status = LegalResource.Status.REPLACED
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            text.full_clean()
        assert error.value.message_dict["replaced_by"] == ["Say which text replaces this one."]


def test_languages_lists_those_with_a_file_or_a_link(make_resource):
    assert make_resource(url_en="https://example.org/en").languages == ["en"]
    assert make_resource().languages == []


def test_drafts_are_visible_to_coordinators_only(make_resource, coordinator, member):
    draft = make_resource(is_published=False)
    assert draft not in LegalResource.objects.visible_to(AnonymousUser())
    assert draft not in LegalResource.objects.visible_to(member)
    assert draft in LegalResource.objects.visible_to(coordinator)


def test_needs_check_after_twelve_months_or_never(make_resource):
    never = make_resource()
    old = make_resource(last_checked=date(2023, 5, 31))
    recent = make_resource(last_checked=date(2023, 6, 2))
    stale = LegalResource.objects.needs_check(today=date(2024, 6, 1))
    assert set(stale) == {never, old}
    assert recent not in stale


def test_missing_translation_finds_missing_english_title_or_summary(make_resource):
    no_title = make_resource(title_en="")
    no_summary = make_resource(summary_fr="Résumé", summary_en="")
    complete = make_resource(summary_fr="Résumé", summary_en="Summary")
    assert set(LegalResource.objects.missing_translation()) == {no_title, no_summary}
    assert complete not in LegalResource.objects.missing_translation()


def test_members_only_means_representatives_of_organisations_receiving_minutes(
    make_user, make_organisation, coordinator
):
    assert not can_read_members_only(AnonymousUser())
    assert not can_read_members_only(make_user("someone"))
    assert can_read_members_only(coordinator)
    for status in ["member", "observer"]:
        user = make_user(f"rep-{status}")
        make_organisation(status=status).representatives.add(user)
        assert can_read_members_only(user), status
    former = make_user("rep-former")
    make_organisation(status="former").representatives.add(former)
    assert not can_read_members_only(former)
    gone = make_user("gone", is_active=False)
    make_organisation().representatives.add(gone)
    assert not can_read_members_only(gone)


def test_members_only_documents_are_hidden_from_visitors(make_document, member):
    public = make_document(visibility=Document.Visibility.PUBLIC)
    private = make_document(visibility=Document.Visibility.MEMBERS)
    assert list(Document.objects.visible_to(AnonymousUser())) == [public]
    assert set(Document.objects.visible_to(member)) == {public, private}


def test_issuing_bodies_have_acronyms_in_both_languages():
    from documents.models import IssuingBody

    unodc = IssuingBody.objects.get(slug="unodc")
    assert (unodc.acronym_fr, unodc.acronym_en) == ("ONUDC", "UNODC")
    assert IssuingBody.objects.get(slug="greta").parent.slug == "council-of-europe"
