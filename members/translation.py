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
simple_history.register(Organisation, m2m_fields=["themes"])
simple_history.register(InternationalNetwork)
simple_history.register(ActivityReport)
