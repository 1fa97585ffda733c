from modeltranslation.translator import TranslationOptions, register

from .models import Ballot, BallotOption


@register(Ballot)
class BallotTranslationOptions(TranslationOptions):
    fields = ("question", "text")


@register(BallotOption)
class BallotOptionTranslationOptions(TranslationOptions):
    fields = ("label",)
