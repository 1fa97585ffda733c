"""Meetings in the member area: /fr/espace-membre/reunions/ ↔ /en/member-area/meetings/."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import portal

app_name = "meetings-portal"


def meetings(route=""):
    return format_lazy("{}{}", _("meetings/"), route)


urlpatterns = [
    path(meetings(), portal.MeetingListView.as_view(), name="meeting-list"),
    path(meetings("<int:pk>/"), portal.MeetingDetailView.as_view(), name="meeting-detail"),
    path(meetings("<int:pk>/pdf/"), portal.MeetingPdfView.as_view(), name="meeting-pdf"),
    path(meetings(_("action-items/")), portal.ActionItemListView.as_view(), name="action-items"),
    path(
        meetings(_("action-items/<int:pk>/done/")),
        portal.ActionItemDoneView.as_view(),
        name="action-item-done",
    ),
    path(meetings(_("calendar/")), portal.CalendarView.as_view(), name="calendar"),
    path(meetings(_("calendar/renew/")), portal.CalendarRenewView.as_view(), name="calendar-renew"),
]
