"""The admin's shared pieces: read-only admins of records only the code writes."""

import pytest
from django.apps import apps
from django.contrib import admin

from collectif.admin import ReadOnlyAdminMixin
from members.admin import AdmissionVoteInline, MembershipEventInline
from news.admin import NewsItemTransitionInline

pytestmark = pytest.mark.django_db

# Model → may a coordinator delete its records?
READ_ONLY = {
    "collectif.textneedingtranslation": False,
    "documents.linkcheck": True,
    "meetings.minutessending": True,
    "news.newsletterdelivery": True,
    "news.subscriber": True,
}


@pytest.fixture
def coordinator_request(rf, coordinator):
    request = rf.get("/admin/")
    request.user = coordinator
    return request


@pytest.mark.parametrize(("label", "deletable"), READ_ONLY.items())
def test_read_only_admins_show_and_never_add_or_change(coordinator_request, label, deletable):
    model_admin = admin.site._registry[apps.get_model(label)]
    assert isinstance(model_admin, ReadOnlyAdminMixin)
    assert model_admin.has_view_permission(coordinator_request)
    assert not model_admin.has_add_permission(coordinator_request)
    assert not model_admin.has_change_permission(coordinator_request)
    assert model_admin.has_delete_permission(coordinator_request) is deletable


def test_deletion_still_needs_the_permission(rf, make_user):
    request = rf.get("/admin/")
    request.user = make_user("staff-without-permissions", is_staff=True)
    subscribers = admin.site._registry[apps.get_model("news.subscriber")]
    assert not subscribers.has_delete_permission(request)


@pytest.mark.parametrize(
    ("parent", "inline_class"),
    [
        ("members.organisation", MembershipEventInline),
        ("members.organisation", AdmissionVoteInline),
        ("news.newsitem", NewsItemTransitionInline),
    ],
)
def test_story_inlines_are_read_only_and_kept_whole(coordinator_request, parent, inline_class):
    model_admin = admin.site._registry[apps.get_model(parent)]
    inline = inline_class(model_admin.model, admin.site)
    assert not inline.has_add_permission(coordinator_request, None)
    assert not inline.has_change_permission(coordinator_request, None)
    assert not inline.has_delete_permission(coordinator_request, None)
    assert not inline.get_formset(coordinator_request, None).can_delete
