from modeltranslation.translator import TranslationOptions, register

from .models import Document, IssuingBody, LegalResource


@register(IssuingBody)
class IssuingBodyTranslationOptions(TranslationOptions):
    fields = ("name", "acronym")
    required_languages = {"fr": ("name",)}


@register(LegalResource)
class LegalResourceTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "common_names")
    required_languages = {"fr": ("title",)}


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = {"fr": ("title",)}
