"""What the meetings app adds to the shared mechanisms (see collectif/registry.py)."""

from collectif import registry  # noqa: F401

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from collectif.hostile import Form, Page  # noqa: E402

from .forms import ActionItemDoneForm, ReaderLanguageForm  # noqa: E402


def _meeting(site):
    return {"pk": site.meeting.pk}


def _action(site):
    return {"pk": site.action.pk}


for _page in [
    Page("meetings:event-list"),
    Page("meetings:event-detail", kwargs=_meeting),
    Page("meetings:feed"),
    Page("meetings:personal-feed", kwargs=lambda site: {"token": site.calendar_token}),
    # Both kinds of readers of the minutes: a member's representative, a coordinator.
    Page("meetings-portal:meeting-list", ("kind", "year", "page"), user="representative"),
    Page("meetings-portal:meeting-list", ("kind", "year", "page"), user="coordinator"),
    Page("meetings-portal:meeting-detail", kwargs=_meeting, user="representative"),
    Page("meetings-portal:action-items", user="representative"),
    Page("meetings-portal:action-item-done", kwargs=_action, user="representative"),
    Page("meetings-portal:calendar", user="representative"),
]:
    registry.hostile_pages.add(_page)

for _form in [
    Form(
        "action-item-done",
        "meetings-portal:action-item-done",
        "representative",
        lambda site: {"comment": "Envoyé le 3 octobre.", "next": "/fr/espace-membre/"},
        form_class=ActionItemDoneForm,
        # Where to go back to: the page the button was on, read by the view.
        extra_fields=("next",),
        kwargs=_action,
        shown_on=(("meetings-portal:action-items", None),),
    ),
    Form(
        "calendar-language",
        "meetings-portal:calendar",
        "representative",
        lambda site: {"language": "en"},
        form_class=ReaderLanguageForm,
        shown_on=(("meetings-portal:calendar", None),),
    ),
    Form(
        "calendar-renew",
        "meetings-portal:calendar-renew",
        "representative",
        lambda site: {},
        extra_fields=("anything",),
        shown_on=(("meetings-portal:calendar", None),),
    ),
]:
    registry.hostile_forms.add(_form)
