"""The public directory of members and observers."""

from django.utils.functional import SimpleLazyObject
from django.views.generic import DetailView, ListView

from collectif import translation_status

from . import capabilities, listing
from .forms import DirectoryFilterForm
from .models import Organisation


class DirectoryView(ListView):
    """Every member and observer, or those the filters keep, as rows (members/listing.py)."""

    template_name = "members/directory.html"

    def get_queryset(self):
        self.filter_form = DirectoryFilterForm(self.request.GET or None)
        return self.filter_form.filter(Organisation.objects.public())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Read where the template shows them: inside a fragment that may come from the cache.
        rows = self.object_list
        context["organisations"] = SimpleLazyObject(lambda: listing.rows(rows, themes=True))
        context["filter_form"] = self.filter_form
        context["is_filtered"] = bool(self.filter_form.is_bound and self.filter_form.is_valid())
        return context


class OrganisationDetailView(DetailView):
    template_name = "members/organisation_detail.html"
    context_object_name = "organisation"

    def get_queryset(self):
        return Organisation.objects.public().for_directory().prefetch_related("reports")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        statuses = translation_status.statuses_for([organisation, organisation.network])
        context["translation_status"] = statuses[0]
        context["network_translation_status"] = statuses[1] if organisation.network else None
        context["contact"] = organisation.public_contact()
        context["observer_limits"] = [c.label for c in capabilities.withheld(organisation.status)]
        return context
