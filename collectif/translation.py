from modeltranslation.translator import TranslationOptions, register

from .models import Page, Theme


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "intro", "body")


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
