"""The public agenda: /fr/agenda/ ↔ /en/events/, and the calendar feeds."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "meetings"

urlpatterns = [
    path(_("events/"), views.EventListView.as_view(), name="event-list"),
    path(_("events/<int:pk>/"), views.EventDetailView.as_view(), name="event-detail"),
    path(_("events/calendar.ics"), views.CalendarFeedView.as_view(), name="feed"),
    path(
        _("events/personal/<str:token>.ics"),
        views.PersonalCalendarFeedView.as_view(),
        name="personal-feed",
    ),
]
