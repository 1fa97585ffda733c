"""The meetings part of the member area: minutes, action items, personal calendar."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models.functions import ExtractYear
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView, View

from collectif import fragments
from collectif.templatetags.translated import translated

from . import pdf, selectors, services
from .forms import ActionItemDoneForm, MeetingFilterForm, ReaderLanguageForm
from .models import ActionItem, Meeting


class MinutesReaderMixin(LoginRequiredMixin):
    """Representatives of an organisation that receives the minutes, and coordinators."""

    # A page that only reads may take the reader kept until the next write (Reader.kept_for).
    keeps_reader = False

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        # Worked out once for the whole request: the page asks it again for every item.
        if self.keeps_reader and request.method in ("GET", "HEAD"):
            self.reader = selectors.Reader.kept_for(request.user)
        else:
            self.reader = selectors.Reader.of(request.user)
        if not self.reader.reads_minutes:
            raise PermissionDenied(
                _(
                    "The minutes are for the representatives of the collective's members and "
                    "observers. Write to the coordination if your account should have access."
                )
            )
        return super().dispatch(request, *args, **kwargs)


class MeetingListView(MinutesReaderMixin, TemplateView):
    template_name = "meetings/portal/meeting_list.html"
    past_per_page = 50

    def get_context_data(self, **kwargs):
        now = timezone.now()
        years = (
            Meeting.objects.annotate(
                year=ExtractYear("start", tzinfo=timezone.get_current_timezone())
            )
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        form = MeetingFilterForm(self.request.GET or None, years=list(years))
        meetings = form.filter(Meeting.objects.all()).for_list()
        # Years of minutes pile up; the upcoming meetings are few.
        past = Paginator(meetings.past(now), self.past_per_page).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            form=form,
            upcoming=list(meetings.upcoming(now)),
            past=list(past),
            page_obj=past,
            **kwargs,
        )


class MeetingDetailView(MinutesReaderMixin, TemplateView):
    """The compte-rendu, laid out like the collective's own, and printable."""

    template_name = "meetings/portal/meeting_detail.html"
    keeps_reader = True

    def get_context_data(self, **kwargs):
        # Most of the page is kept in the cache (collectif/fragments.py): the meeting, its minutes
        # and its title are read only when they are not there. A meeting that is gone is not
        # found: its deletion, a write, made whatever was kept stale.
        pk = self.kwargs["pk"]
        reader = self.reader
        minutes = SimpleLazyObject(lambda: selectors.minutes_of(pk, reader=reader))
        meeting = SimpleLazyObject(lambda: minutes.meeting)
        return super().get_context_data(
            meeting_pk=pk,
            meeting=meeting,
            title=fragments.get_or_compute(
                "minutes-title", [pk], lambda: translated(meeting, "title")
            ),
            minutes=minutes,
            reader=reader,
            pdf_available=pdf.available(),
            **kwargs,
        )


# Members only: neither a proxy nor the browser's shared cache keeps a copy.
@method_decorator(never_cache, name="dispatch")
class MeetingPdfView(MinutesReaderMixin, View):
    """The compte-rendu as a PDF, as this reader may read it, in the page's language."""

    http_method_names = ["get", "head"]

    def get(self, request, pk):
        meeting = get_object_or_404(Meeting.objects.select_related("minutes_approved_at"), pk=pk)
        if not pdf.available():
            return render(
                request, "meetings/portal/pdf_unavailable.html", {"meeting": meeting}, status=503
            )
        minutes = selectors.minutes_for(meeting, reader=self.reader)
        response = HttpResponse(pdf.render(minutes), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{pdf.filename(meeting)}"'
        return response


class ActionItemListView(MinutesReaderMixin, TemplateView):
    template_name = "meetings/portal/action_items.html"

    def get_context_data(self, **kwargs):
        mine, everyone = selectors.action_items_of(self.reader)
        return super().get_context_data(
            mine=mine,
            everyone=everyone,
            closed=selectors.recently_closed_of(self.reader),
            done_form=ActionItemDoneForm(),
            **kwargs,
        )


class ActionItemDoneView(MinutesReaderMixin, FormView):
    """Mark one of one's organisation's action items done, with a comment."""

    form_class = ActionItemDoneForm
    template_name = "meetings/portal/action_item_done.html"
    http_method_names = ["get", "post"]

    def get_item(self):
        visible = ActionItem.objects.visible_to(self.request.user)
        return get_object_or_404(visible.select_related("meeting"), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.get_item(), **kwargs)

    def form_valid(self, form):
        item = self.get_item()
        try:
            services.action_item_close(
                item=item, by=self.request.user, comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            messages.error(self.request, " ".join(error.messages))
            return redirect(self.get_success_url())
        messages.success(self.request, _("Thank you: the action item is marked done."))
        return redirect(self.get_success_url())

    def get_success_url(self):
        next_url = self.request.POST.get("next", "")
        if next_url.startswith("/") and not next_url.startswith("//"):
            return next_url
        return "meetings-portal:action-items"


class CalendarView(MinutesReaderMixin, FormView):
    """The personal calendar address, and the language of the mail the user receives."""

    template_name = "meetings/portal/calendar.html"
    form_class = ReaderLanguageForm

    def get_initial(self):
        return {"language": services.reader_settings(self.request.user).language}

    def get_context_data(self, **kwargs):
        row = services.reader_settings(self.request.user)
        path = services.calendar_feed_url(row, get_language())
        return super().get_context_data(
            reader_settings=row,
            feed_url=self.request.build_absolute_uri(path) if path else "",
            **kwargs,
        )

    def form_valid(self, form):
        services.reader_set_language(user=self.request.user, language=form.cleaned_data["language"])
        messages.success(self.request, _("The language of your e-mails has been saved."))
        return redirect("meetings-portal:calendar")


class CalendarRenewView(MinutesReaderMixin, View):
    http_method_names = ["post"]

    def post(self, request):
        had_one = bool(services.reader_settings(request.user).calendar_token)
        services.calendar_feed_renew(user=request.user)
        if had_one:
            messages.success(
                request,
                _("Your calendar has a new address: the previous one no longer works."),
            )
        else:
            messages.success(request, _("Your personal calendar address is ready."))
        return redirect("meetings-portal:calendar")
