"""The public news pages and the newsletter's subscription pages."""

from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import DetailView, FormView, ListView, TemplateView

from collectif import throttle
from collectif.permissions import is_coordinator
from collectif.services import client_address
from members.models import Organisation

from . import newsletter
from .forms import NewsFilterForm, SubscribeForm
from .models import NewsItem, Subscriber

PAGE_SIZE = 12


class NewsListView(ListView):
    template_name = "news/item_list.html"
    context_object_name = "items"
    paginate_by = PAGE_SIZE

    def get_queryset(self):
        self.filter_form = NewsFilterForm(self.request.GET or None)
        items = NewsItem.objects.published().for_cards(organisations=True).newest_first()
        return self.filter_form.filter(items)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(
            filter_form=self.filter_form,
            filtered=self.filter_form.is_bound
            and any(self.request.GET.get(k) for k in ("kind", "organisation", "theme")),
            query_string=query.urlencode(),
        )
        return context


def items_visible_to(user):
    """Published items for everyone; coordinators see every item, and representatives the
    items of their organisations, to check them before publication."""
    items = NewsItem.objects.all()
    if not user.is_authenticated:
        return items.published()
    if is_coordinator(user):
        return items
    mine = Organisation.objects.represented_by(user).values("pk")
    return items.filter(Q(status=NewsItem.Status.PUBLISHED) | Q(proposer__in=mine))


class NewsDetailView(DetailView):
    template_name = "news/item_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return items_visible_to(self.request.user).for_list()


class SubscribeView(FormView):
    template_name = "news/subscribe.html"
    form_class = SubscribeForm

    def get_initial(self):
        return {"language": get_language()}

    def form_valid(self, form):
        try:
            throttle.hit(throttle.NEWSLETTER_PER_CLIENT, client_address(self.request))
            throttle.hit(throttle.MAIL_PER_RECIPIENT, throttle.mailbox(form.cleaned_data["email"]))
        except throttle.Throttled as error:
            return throttle.refused_response(self, form, error)
        if not form.is_spam():
            newsletter.subscriber_subscribe(
                email=form.cleaned_data["email"], language=form.cleaned_data["language"]
            )
        messages.success(
            self.request,
            _(
                "Almost done: we have sent you an e-mail. Open the link it contains to confirm "
                "your subscription."
            ),
        )
        return redirect("news:subscribe")


@method_decorator(never_cache, name="dispatch")
class ConfirmSubscriptionView(TemplateView):
    """The link of the confirmation mail shows a button; the subscription is confirmed by
    pressing it (a mail scanner that follows links does not subscribe anyone)."""

    template_name = "news/confirm.html"

    def get(self, request, *args, **kwargs):
        state = "ready"
        try:
            newsletter.check_confirmation(token=kwargs["token"])
        except newsletter.LinkExpired:
            state = "expired"
        except newsletter.LinkInvalid:
            state = "invalid"
        return self.render_to_response(self.get_context_data(state=state, **kwargs))

    def post(self, request, *args, **kwargs):
        try:
            subscriber = newsletter.subscriber_confirm(token=kwargs["token"])
        except newsletter.LinkExpired:
            return self.render_to_response(self.get_context_data(state="expired", **kwargs))
        except newsletter.LinkInvalid:
            return self.render_to_response(self.get_context_data(state="invalid", **kwargs))
        messages.success(request, _("Thank you: your subscription to the newsletter is confirmed."))
        return self.render_to_response(
            self.get_context_data(state="confirmed", subscriber=subscriber, **kwargs)
        )


@method_decorator(never_cache, name="dispatch")
@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(TemplateView):
    """GET shows a button; POST unsubscribes. POST needs no CSRF token: mail programs send it
    on their own « unsubscribe » button (RFC 8058), and the key in the address is the proof."""

    template_name = "news/unsubscribe.html"

    def get(self, request, *args, **kwargs):
        known = Subscriber.objects.filter(token=kwargs["token"]).exists()
        return self.render_to_response(self.get_context_data(state="ready" if known else "gone"))

    def post(self, request, *args, **kwargs):
        newsletter.subscriber_unsubscribe(token=kwargs["token"])
        # The same answer for an unknown key: the address is gone either way.
        return self.render_to_response(self.get_context_data(state="done"))
