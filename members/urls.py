"""The public directory: /fr/membres/ ↔ /en/members/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "members"

urlpatterns = [
    path(_("members/"), views.DirectoryView.as_view(), name="directory"),
    path(
        _("members/<slug:slug>/"),
        views.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
]
