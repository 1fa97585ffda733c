from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "documents"

urlpatterns = [
    path(_("law/"), views.LibraryView.as_view(), name="library"),
    path(_("law/feed/"), feeds.LatestTextsFeed(), name="feed"),
    path(
        _("law/<slug:slug>/"), views.LegalResourceDetailView.as_view(), name="legal-resource-detail"
    ),
    path(_("documents/"), views.DocumentListView.as_view(), name="document-list"),
    path(_("documents/<slug:slug>/"), views.DocumentDetailView.as_view(), name="document-detail"),
    path(
        _("documents/<slug:slug>/file/<str:language>/"),
        views.DocumentFileView.as_view(),
        name="document-file",
    ),
]
