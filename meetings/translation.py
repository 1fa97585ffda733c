from modeltranslation.translator import TranslationOptions, register

from .models import ActionItem, AgendaItem, Attendance, Meeting, PersonMet


@register(Meeting)
class MeetingTranslationOptions(TranslationOptions):
    fields = ("title", "summary")


@register(PersonMet)
class PersonMetTranslationOptions(TranslationOptions):
    fields = ("role", "institution")


@register(Attendance)
class AttendanceTranslationOptions(TranslationOptions):
    fields = ("note",)


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "minutes", "decisions")


@register(ActionItem)
class ActionItemTranslationOptions(TranslationOptions):
    fields = ("text",)
