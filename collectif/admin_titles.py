"""The admin's titles as a French writer puts them: « Ajouter une organisation »,
« Modification de l’organisation », « Consultation du texte juridique », where Django composes
« Ajout de organisation » from one pattern for every noun.

French needs the noun's gender (declared by its ModelAdmin as `title_gender = "feminine"`;
masculine otherwise) and whether it begins with a vowel or a mute h (read off the translated
name). Each pattern is a message of its own per grammatical case, so that every language
writes its titles as it needs (in English all cases read the same).
"""

from django.utils.translation import gettext, pgettext

FEMININE = "feminine"
VOWELS = set("aeiouyhàâäéèêëîïôöûüœæ")


def _case(name, gender, *, elides):
    if elides and name[:1].lower() in VOWELS:
        return "vowel"
    return FEMININE if gender == FEMININE else "masculine"


def add_title(name, gender):
    if gender == FEMININE:
        return pgettext("admin title, feminine noun", "Add %(name)s") % {"name": name}
    return pgettext("admin title, masculine noun", "Add %(name)s") % {"name": name}


def change_title(name, gender):
    case = _case(name, gender, elides=True)
    if case == "vowel":
        return pgettext("admin title, noun beginning with a vowel", "Change %(name)s") % {
            "name": name
        }
    if case == FEMININE:
        return pgettext("admin title, feminine noun", "Change %(name)s") % {"name": name}
    return pgettext("admin title, masculine noun", "Change %(name)s") % {"name": name}


def view_title(name, gender):
    case = _case(name, gender, elides=True)
    if case == "vowel":
        return pgettext("admin title, noun beginning with a vowel", "View %(name)s") % {
            "name": name
        }
    if case == FEMININE:
        return pgettext("admin title, feminine noun", "View %(name)s") % {"name": name}
    return pgettext("admin title, masculine noun", "View %(name)s") % {"name": name}


def composed(title, *, opts, model_admin, add=False, change=False, can_change=False, listing=False):
    """The title to show instead of Django's `title`, if `title` is Django's composed one;
    any other title (a custom view's) is kept."""
    if opts is None or not title:
        return title
    name = str(opts.verbose_name)
    gender = getattr(model_admin, "title_gender", "masculine")
    if listing:
        django_titles = {gettext("Select %s to change") % name, gettext("Select %s to view") % name}
        return str(opts.verbose_name_plural).capitalize() if title in django_titles else title
    if add and title == gettext("Add %s") % name:
        return add_title(name, gender)
    if change and title == gettext("Change %s") % name:
        return change_title(name, gender)
    if title == gettext("View %s") % name:
        return view_title(name, gender)
    return title
