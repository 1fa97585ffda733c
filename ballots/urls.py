"""Ballots in the member area: /fr/espace-membre/scrutins/ ↔ /en/member-area/ballots/."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "ballots"


def ballots(route=""):
    return format_lazy("{}{}", _("ballots/"), route)


urlpatterns = [
    path(ballots(), views.BallotListView.as_view(), name="ballot-list"),
    path(ballots("<int:pk>/"), views.BallotDetailView.as_view(), name="ballot-detail"),
    path(
        ballots(_("<int:pk>/organisations/<slug:slug>/vote/")),
        views.VoteView.as_view(),
        name="vote",
    ),
    path(
        ballots(_("<int:pk>/organisations/<slug:slug>/proxy/")),
        views.ProxyView.as_view(),
        name="proxy",
    ),
    path(ballots(_("<int:pk>/in-the-room/")), views.PaperView.as_view(), name="paper"),
]
