"""The ballots in the member area: the list, a ballot's page, voting, proxies, the room.

Every representative of an organisation sees the ballots (observers and former members too,
told why they do not vote); only the representatives of an organisation that may vote cast its
vote, or those of the organisation holding its proxy. Another organisation's vote or proxy page
answers 404, as the member area does for another organisation's pages; the coordinators record
the in-room votes and vote for no organisation."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from collectif.forms import add_service_error
from collectif.permissions import is_coordinator
from members.models import Organisation

from . import services
from .forms import PaperForm, ProxyForm, VoteForm
from .models import Ballot, OpenVote, Participation, Proxy


class BallotAccessMixin(LoginRequiredMixin):
    """Coordinators and the representatives of an organisation; `self.ballot` from the URL."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.is_coordinator = is_coordinator(request.user)
        self.own = list(Organisation.objects.represented_by(request.user))
        if not (self.is_coordinator or self.own):
            raise PermissionDenied(
                _("Ballots are for the representatives of the collective's organisations.")
            )
        if "pk" in kwargs:
            self.ballot = get_object_or_404(Ballot.objects.for_list(), pk=kwargs["pk"])
        self.now = timezone.now()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if hasattr(self, "ballot"):
            context["ballot"] = self.ballot
            context["state"] = self.ballot.state_at(self.now)
        return context


class BallotListView(BallotAccessMixin, TemplateView):
    template_name = "ballots/ballot_list.html"

    def get_context_data(self, **kwargs):
        ballots = Ballot.objects.for_list().annotate(voted=Count("participations"))
        groups = {"open": [], "upcoming": [], "closed": []}
        for ballot in ballots:
            groups[ballot.state_at(self.now)].append(ballot)
        groups["upcoming"].reverse()  # the soonest first
        return super().get_context_data(**groups, **kwargs)


class BallotDetailView(BallotAccessMixin, TemplateView):
    template_name = "ballots/ballot_detail.html"

    def get_context_data(self, **kwargs):
        ballot = self.ballot
        state = ballot.state_at(self.now)
        voted = dict(
            Participation.objects.filter(ballot=ballot).values_list("organisation_id", "channel")
        )
        eligible = set(
            ballot.eligible_organisations()
            .filter(pk__in=[o.pk for o in self.own])
            .values_list("pk", flat=True)
        )
        proxies = list(
            Proxy.objects.filter(ballot=ballot)
            .filter(Q(giver__in=self.own) | Q(holder__in=self.own))
            .select_related("giver", "holder")
        )
        given = {proxy.giver_id: proxy for proxy in proxies}
        own_ids = {o.pk for o in self.own}
        voters = []
        for organisation in self.own:
            proxy = given.get(organisation.pk)
            if organisation.pk not in eligible:
                reason = services.ineligibility_reason(ballot, organisation)
            elif proxy and proxy.holder_id not in own_ids:
                reason = _("%(organisation)s gave its proxy to %(holder)s.") % {
                    "organisation": organisation,
                    "holder": proxy.holder,
                }
            else:
                reason = None
            voters.append(
                {
                    "organisation": organisation,
                    "channel": None,
                    "reason": reason,
                    "voted": voted.get(organisation.pk),
                    "may_give_proxy": reason is None
                    and organisation.pk not in voted
                    and not proxy
                    and state != "closed",
                }
            )
        voters.extend(
            {
                "organisation": proxy.giver,
                "channel": Participation.Channel.PROXY,
                "holder": proxy.holder,
                "reason": None,
                "voted": voted.get(proxy.giver_id),
                "may_give_proxy": False,
            }
            for proxy in proxies
            if proxy.holder_id in own_ids and proxy.giver_id not in own_ids
        )
        context = {
            "voters": voters,
            "voted_count": len(voted),
            "eligible_count": ballot.eligible_count
            if ballot.closed_at
            else ballot.eligible_organisations().count(),
            "options": list(ballot.options.all()),
            "is_coordinator": self.is_coordinator,
        }
        if ballot.closed_at and not ballot.is_secret:
            context["open_votes"] = list(
                OpenVote.objects.filter(ballot=ballot)
                .select_related("organisation", "option")
                .order_by("organisation__name", "pk")
            )
        return super().get_context_data(**context, **kwargs)


class VoterMixin(BallotAccessMixin):
    """`self.organisation`: the organisation of the URL, whose vote the user may cast (its own
    or one whose proxy an organisation of its holds); any other answers 404."""

    def setup_voter(self):
        own = {o.slug: o for o in self.own}
        organisation = own.get(self.kwargs["slug"])
        if organisation is None:
            proxy = (
                Proxy.objects.filter(
                    ballot=self.ballot, giver__slug=self.kwargs["slug"], holder__in=self.own
                )
                .select_related("giver")
                .first()
            )
            if proxy is None:
                raise Http404
            organisation = proxy.giver
        self.organisation = organisation

    def get(self, request, *args, **kwargs):
        self.check()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check()
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(organisation=self.organisation, **kwargs)


class VoteView(VoterMixin, FormView):
    template_name = "ballots/vote_form.html"
    form_class = VoteForm

    def check(self):
        self.setup_voter()
        refusal = services.vote_refusal(
            ballot=self.ballot, organisation=self.organisation, user=self.request.user
        )
        if refusal:
            raise PermissionDenied(refusal)
        self.participation = Participation.objects.filter(
            ballot=self.ballot, organisation=self.organisation
        ).first()

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "ballot": self.ballot,
            "ask_code": self.ballot.is_secret and self.participation is not None,
        }

    def get_initial(self):
        if not self.ballot.is_secret and self.participation:
            vote = OpenVote.objects.filter(ballot=self.ballot, organisation=self.organisation)
            if vote := vote.first():
                return {"option": vote.option_id}
        return {}

    def get_context_data(self, **kwargs):
        return super().get_context_data(participation=self.participation, **kwargs)

    def form_valid(self, form):
        try:
            receipt = services.ballot_vote(
                ballot=self.ballot,
                organisation=self.organisation,
                option=form.cleaned_data["option"],
                by=self.request.user,
                receipt_code=form.cleaned_data.get("receipt_code", ""),
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        # The receipt code is shown in this answer only: kept in no session, no cache, no log.
        response = self.response_class(
            request=self.request,
            template=["ballots/receipt.html"],
            context=self.get_context_data(receipt=receipt),
            using=self.template_engine,
        )
        patch_cache_control(response, no_store=True, private=True)
        return response


class ProxyView(VoterMixin, FormView):
    template_name = "ballots/proxy_form.html"
    form_class = ProxyForm

    def check(self):
        own = {o.slug: o for o in self.own}
        self.organisation = own.get(self.kwargs["slug"])
        if self.organisation is None:
            raise Http404
        reason = services.ineligibility_reason(self.ballot, self.organisation)
        if reason:
            raise PermissionDenied(reason)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "ballot": self.ballot, "giver": self.organisation}

    def get_context_data(self, **kwargs):
        proxy = (
            Proxy.objects.filter(ballot=self.ballot, giver=self.organisation)
            .select_related("holder")
            .first()
        )
        return super().get_context_data(
            proxy=proxy, limit=services.proxies_per_organisation(), **kwargs
        )

    def form_valid(self, form):
        try:
            proxy = services.proxy_give(
                ballot=self.ballot,
                giver=self.organisation,
                holder=form.cleaned_data["holder"],
                by=self.request.user,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(holder)s now votes for %(giver)s in this ballot.")
            % {"holder": proxy.holder, "giver": proxy.giver},
        )
        return redirect("ballots:ballot-detail", pk=self.ballot.pk)


class PaperView(BallotAccessMixin, FormView):
    template_name = "ballots/paper_form.html"
    form_class = PaperForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not is_coordinator(request.user):
            raise PermissionDenied(_("Only the coordinators record the votes cast in the room."))
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "ballot": self.ballot}

    def get_context_data(self, **kwargs):
        voted = {
            str(pk)
            for pk in Participation.objects.filter(ballot=self.ballot).values_list(
                "organisation_id", flat=True
            )
        }
        return super().get_context_data(voted=voted, **kwargs)

    def form_valid(self, form):
        try:
            count = services.ballot_record_paper(
                ballot=self.ballot,
                by=self.request.user,
                present=form.present_organisations(),
                choices=None if self.ballot.is_secret else form.choices(),
                totals=form.totals() if self.ballot.is_secret else None,
            )
        except ValidationError as error:
            add_service_error(form, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("The votes of %(count)s organisations present have been recorded.")
            % {"count": count},
        )
        return redirect("ballots:ballot-detail", pk=self.ballot.pk)
