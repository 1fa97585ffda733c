"""The public agenda and the calendar feeds."""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView, View

from collectif import events
from members.access import can_read_members_only

from .calendar import calendar_bytes
from .models import Meeting, ReaderSettings

PAST_EVENTS_SHOWN = 30
UPCOMING_PER_PAGE = 20


class EventListView(ListView):
    """Public events: the upcoming ones a page at a time, soonest first, and on the first page
    the latest past ones."""

    template_name = "meetings/event_list.html"
    context_object_name = "upcoming"
    paginate_by = UPCOMING_PER_PAGE

    def get_queryset(self):
        self.now = timezone.now()
        meetings = Meeting.objects.public().for_agenda().upcoming(self.now)
        return events.Upcoming(meetings, now=self.now)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if context["page_obj"].number == 1:
            past = Meeting.objects.public().for_agenda().past(self.now)
            context["past"] = events.past(past, now=self.now, limit=PAST_EVENTS_SHOWN)
        return context


class EventDetailView(DetailView):
    template_name = "meetings/event_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.public()


class CalendarFeedView(View):
    filename = "agenda.ics"

    def meetings(self):
        return Meeting.objects.public()

    def calendar_name(self):
        return gettext("Together against human trafficking: public events")

    def url_for(self, meeting):
        return self.request.build_absolute_uri(meeting.get_public_url())

    def get(self, request, *args, **kwargs):
        every = events.with_all(self.meetings().order_by("start", "pk"), now=timezone.now())
        body = calendar_bytes(every, name=self.calendar_name(), url_for=self.url_for)
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{self.filename}"'
        return response


class PersonalCalendarFeedView(CalendarFeedView):
    """Every meeting the user may read, at a secret address (calendar apps cannot log in).
    Renewing the address makes the old one answer 404."""

    filename = "reunions.ics"

    def get(self, request, *args, **kwargs):
        row = get_object_or_404(
            ReaderSettings.objects.select_related("user"), calendar_token=kwargs["token"]
        )
        if not row.user.is_active:
            raise Http404
        self.reads_minutes = can_read_members_only(row.user)
        response = super().get(request, *args, **kwargs)
        # Never kept by a shared cache: the address is the only secret.
        response["Cache-Control"] = "private, no-store"
        return response

    def meetings(self):
        return Meeting.objects.all() if self.reads_minutes else Meeting.objects.public()

    def calendar_name(self):
        return gettext("Together against human trafficking: meetings")

    def url_for(self, meeting):
        if self.reads_minutes:
            return self.request.build_absolute_uri(meeting.get_absolute_url())
        return super().url_for(meeting)
