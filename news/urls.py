"""The news: /fr/actualites/ ↔ /en/news/, and the newsletter: /fr/lettre/ ↔ /en/newsletter/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "news"

urlpatterns = [
    path(_("news/"), views.NewsListView.as_view(), name="item-list"),
    path(_("news/feed/"), feeds.LatestNewsFeed(), name="feed"),
    path(_("news/<slug:slug>/"), views.NewsDetailView.as_view(), name="item-detail"),
    path(_("newsletter/"), views.SubscribeView.as_view(), name="subscribe"),
    path(
        _("newsletter/confirm/<str:token>/"),
        views.ConfirmSubscriptionView.as_view(),
        name="subscription-confirm",
    ),
    path(
        _("newsletter/unsubscribe/<str:token>/"),
        views.UnsubscribeView.as_view(),
        name="unsubscribe",
    ),
]
