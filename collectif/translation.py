from modeltranslation.translator import TranslationOptions, register

from .models import LegalInformation, Page, Theme


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "intro", "body")


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(LegalInformation)
class LegalInformationTranslationOptions(TranslationOptions):
    # Names and postal addresses read the same in both languages; a role does not.
    fields = ("director_role",)
