"""The member area's initiatives: a representative drafts, submits and corrects them.

Built on the members portal's RepresentativeMixin: an organisation the user does not
represent answers 404, an initiative of another organisation too. Only members and observers
propose initiatives (they take part in the collective's work)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from collectif.forms import add_service_error
from members.capabilities import Capability
from members.portal import RepresentativeMixin

from . import services
from .forms import InitiativeForm
from .models import NewsItem


class InitiativeMixin(RepresentativeMixin):
    def initiatives(self):
        return NewsItem.objects.filter(proposer=self.organisation)

    def check_capability(self):
        if not self.organisation.can(Capability.TAKE_PART):
            raise PermissionDenied(self.organisation.refusal_reason(Capability.TAKE_PART))

    def get_item(self):
        return get_object_or_404(
            self.initiatives().with_return_reason().prefetch_related("themes", "organisations"),
            pk=self.kwargs["pk"],
        )


class InitiativeListView(InitiativeMixin, TemplateView):
    template_name = "news/portal/initiative_list.html"

    def get_context_data(self, **kwargs):
        items = self.initiatives().with_return_reason().order_by("-updated_at", "-pk")
        return super().get_context_data(
            items=items,
            may_propose=self.organisation.can(Capability.TAKE_PART),
            refusal=self.organisation.refusal_reason(Capability.TAKE_PART),
            **kwargs,
        )


class InitiativeFormMixin(InitiativeMixin):
    template_name = "news/portal/initiative_form.html"
    form_class = InitiativeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "proposer": self.organisation}

    def form_with_service_errors(self, form, error):
        add_service_error(form, error)
        return self.form_invalid(form)


class InitiativeCreateView(InitiativeFormMixin, FormView):
    def get(self, request, *args, **kwargs):
        self.check_capability()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check_capability()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": NewsItem(proposer=self.organisation)}

    def form_valid(self, form):
        content, relations = form.content()
        try:
            item = services.news_item_create(
                by=self.request.user, proposer=self.organisation, **content, **relations
            )
        except ValidationError as error:
            return self.form_with_service_errors(form, error)
        messages.success(
            self.request,
            _("Your initiative is saved as a draft. Submit it when it is ready."),
        )
        return redirect("news-portal:initiative-detail", slug=self.organisation.slug, pk=item.pk)


class InitiativeEditView(InitiativeFormMixin, FormView):
    def setup_item(self):
        self.item = self.get_item()
        if not self.item.editable_by_proposer:
            raise PermissionDenied(
                _("This initiative is %(status)s: only the coordinators can change it now.")
                % {"status": self.item.get_status_display()}
            )

    def get(self, request, *args, **kwargs):
        self.setup_item()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_item()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        # A fresh copy: an invalid form must not alter the item shown around it.
        instance = NewsItem.objects.get(pk=self.item.pk)
        return {**super().get_form_kwargs(), "instance": instance}

    def get_context_data(self, **kwargs):
        return super().get_context_data(item=self.item, **kwargs)

    def form_valid(self, form):
        content, relations = form.content()
        try:
            services.news_item_update(
                item=self.item,
                by=self.request.user,
                version=form.loaded_version,
                **content,
                **relations,
            )
        except ValidationError as error:  # a StaleRecord too: shown with the input kept
            return self.form_with_service_errors(form, error)
        messages.success(self.request, _("Your initiative has been saved."))
        return redirect(
            "news-portal:initiative-detail", slug=self.organisation.slug, pk=self.item.pk
        )


class InitiativeDetailView(InitiativeMixin, TemplateView):
    template_name = "news/portal/initiative_detail.html"

    def get_context_data(self, **kwargs):
        item = self.get_item()
        transitions = item.transitions.select_related("by")
        return super().get_context_data(item=item, transitions=transitions, **kwargs)


class InitiativeSubmitView(InitiativeMixin, View):
    http_method_names = ["post"]

    def post(self, request, slug, pk):
        item = self.get_item()
        try:
            services.news_submit(item=item, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _(
                    "Your initiative is submitted: the coordinators will publish it or tell you "
                    "what to change."
                ),
            )
        return redirect("news-portal:initiative-detail", slug=slug, pk=pk)
