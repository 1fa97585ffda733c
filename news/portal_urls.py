"""Initiatives in the member area: /fr/espace-membre/organisations/<slug>/initiatives/…"""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import portal

app_name = "news-portal"


def initiatives(route=""):
    return format_lazy("{}{}{}", _("organisations/<slug:slug>/"), _("initiatives/"), route)


urlpatterns = [
    path(initiatives(), portal.InitiativeListView.as_view(), name="initiative-list"),
    path(initiatives(_("new/")), portal.InitiativeCreateView.as_view(), name="initiative-create"),
    path(initiatives("<int:pk>/"), portal.InitiativeDetailView.as_view(), name="initiative-detail"),
    path(
        initiatives(_("<int:pk>/edit/")),
        portal.InitiativeEditView.as_view(),
        name="initiative-edit",
    ),
    path(
        initiatives(_("<int:pk>/submit/")),
        portal.InitiativeSubmitView.as_view(),
        name="initiative-submit",
    ),
]
