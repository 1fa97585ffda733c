import simple_history
from modeltranslation.translator import TranslationOptions, register

from .models import ActivityReport, InternationalNetwork, Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("description", "website", "contact_role")


@register(InternationalNetwork)
class InternationalNetworkTranslationOptions(TranslationOptions):
    fields = ("presentation",)


# History is registered here, after modeltranslation has added the per-language fields, so
# that the history keeps them (a `HistoricalRecords()` in models.py would miss them).
# The version is left out: a revert from the history then carries the current version, so that
# it is refused, like any form, if someone changed the record since it was opened.
simple_history.register(Organisation, m2m_fields=["themes"], excluded_fields=["version"])
simple_history.register(InternationalNetwork, excluded_fields=["version"])
simple_history.register(ActivityReport)
