"""Official references of legal texts: each scheme's rule, its public resolver, and the other
ways people write the same reference, so that the search finds « CETS 197 », « STCE n° 197 »,
« 2011/36/UE » or "2011/36/EU" alike.

A scheme is one of `Scheme`. `clean_value` puts a value in the scheme's canonical form (or
says why it cannot be one), `link` gives the public resolver's address in a language, and
`search_forms` the strings the search indexes for a reference."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scheme(models.TextChoices):
    UN = "un", _("UN document symbol")
    CELEX = "celex", _("CELEX number (EUR-Lex)")
    ELI = "eli", _("ELI (European Legislation Identifier)")
    CETS = "cets", _("Council of Europe treaty (CETS)")
    ILO = "ilo", _("ILO instrument")
    NOR = "nor", _("NOR (French official journal)")
    JORF = "jorf", _("JORF reference")
    CODE = "code", _("Article of a French code")
    ECLI = "ecli", _("ECLI (European Case Law Identifier)")
    CASE = "case", _("Court and case number")
    OTHER = "other", _("Other reference")


HELP = _(
    "As officially written: A/RES/55/25 (UN), 32011L0036 (CELEX), 197 (Council of Europe "
    "treaty), C029 or P029 (ILO), JUSD1320513C (NOR), « Code pénal, art. 225-4-1 », "
    "« CEDH, n° 73316/01 »…"
)

_CELEX = re.compile(r"^[0-9CE]\d{4}[A-Z]{1,2}\d{4}(?:\(\d{2}\))?(?:-\d{8})?$")
# The EU's own numbering of acts, by CELEX document type: L directive, R regulation,
# F framework decision, D decision.
_CELEX_ACT = re.compile(r"^3(\d{4})([LRFD])(\d{4})$")
_NOR = re.compile(r"^[A-Z]{4}\d{7}[A-Z]$")
_ILO = re.compile(r"^([CPR])0*(\d{1,3})$")
_UN = re.compile(r"^[A-Z]+(?:/[A-Z0-9.()\-]+)+$")
_JORFTEXT = re.compile(r"^JORFTEXT\d{12}$")
_ECLI = re.compile(r"^ECLI:[A-Z]{2}:[A-Z0-9.]{1,7}:\d{4}:[A-Z0-9.]{1,25}$")
_CETS_PREFIX = re.compile(r"^(?:CETS|STCE|ETS|STE)\s*(?:N[O°º]?\.?\s*)?", re.IGNORECASE)

# Other names of the same scheme, for the search: a Council of Europe treaty is « STCE » in
# French and "CETS" in English (ETS/STE before 2004), an ILO instrument « OIT » / "ILO".
_SCHEME_WORDS = {
    Scheme.CETS: ("CETS", "STCE"),
    Scheme.ILO: ("ILO", "OIT"),
    Scheme.CELEX: ("CELEX",),
    Scheme.NOR: ("NOR",),
    Scheme.ELI: ("ELI",),
    Scheme.ECLI: (),
}

RESOLVERS = {
    Scheme.UN: "https://undocs.org/{lang}/{value}",
    Scheme.CELEX: "https://eur-lex.europa.eu/legal-content/{LANG}/TXT/?uri=CELEX:{value}",
    Scheme.CETS: (
        "https://www.coe.int/{lang}/web/conventions/full-list?module=treaty-detail"
        "&treatynum={value}"
    ),
    Scheme.ILO: (
        "https://normlex.ilo.org/dyn/normlex/{lang}/f?p=NORMLEXPUB:12100:0::NO::"
        "P12100_ILO_CODE:{value}"
    ),
    # Légifrance finds a text by its NOR in the official journal's search.
    Scheme.NOR: (
        "https://www.legifrance.gouv.fr/search/jorf?tab_selection=jorf&searchField=ALL"
        "&query={value}"
    ),
    Scheme.JORF: "https://www.legifrance.gouv.fr/jorf/id/{value}",
    Scheme.ECLI: "https://e-justice.europa.eu/ecli/{value}",
}


def clean_value(scheme, value):
    """The value in its scheme's canonical form; ValidationError in the visitor's language
    when it cannot be one."""
    value = " ".join(str(value or "").split())
    if not value:
        raise ValidationError(_("Give the reference."), code="required")
    upper = value.upper()
    if scheme == Scheme.CELEX:
        upper = upper.removeprefix("CELEX:").removeprefix("CELEX ").replace(" ", "")
        if not _CELEX.match(upper):
            raise ValidationError(
                _("A CELEX number looks like 32011L0036: sector, year, type, number."),
                code="invalid",
            )
        return upper
    if scheme == Scheme.NOR:
        upper = upper.removeprefix("NOR").strip(" :")
        if not _NOR.match(upper):
            raise ValidationError(
                _("A NOR has 12 characters, such as JUSD1320513C."), code="invalid"
            )
        return upper
    if scheme == Scheme.CETS:
        number = _CETS_PREFIX.sub("", value).strip()
        if not number.isdigit():
            raise ValidationError(
                _("Give the treaty's number in the Council of Europe series, such as 197."),
                code="invalid",
            )
        return str(int(number))
    if scheme == Scheme.ILO:
        found = _ILO.match(upper.replace(" ", "").removeprefix("ILO").removeprefix("OIT"))
        if not found:
            raise ValidationError(
                _(
                    "An ILO instrument is C (convention), P (protocol) or R (recommendation) and "
                    "its number, such as C029."
                ),
                code="invalid",
            )
        return f"{found.group(1)}{int(found.group(2)):03d}"
    if scheme == Scheme.UN:
        upper = upper.replace(" ", "")
        if not _UN.match(upper):
            raise ValidationError(
                _("A UN document symbol looks like A/RES/55/25 or CEDAW/C/GC/38."),
                code="invalid",
            )
        return upper
    if scheme == Scheme.ECLI:
        upper = upper.replace(" ", "")
        if not _ECLI.match(upper):
            raise ValidationError(
                _("An ECLI looks like ECLI:CE:ECHR:2005:0726JUD007331601."), code="invalid"
            )
        return upper
    if scheme == Scheme.JORF and _JORFTEXT.match(upper.replace(" ", "")):
        return upper.replace(" ", "")
    if scheme == Scheme.ELI:
        if not re.match(r"^https?://\S+/eli/\S+$", value):
            raise ValidationError(
                _("An ELI is an address such as http://data.europa.eu/eli/dir/2011/36/oj."),
                code="invalid",
            )
        return value
    return value


def link(scheme, value, language):
    """The public page of the reference in `language` (fr or en), or "" when the scheme has
    no resolver."""
    if scheme == Scheme.ELI:
        return value
    if scheme == Scheme.JORF and not _JORFTEXT.match(value):
        return ""
    template = RESOLVERS.get(scheme)
    if not template:
        return ""
    return template.format(lang=language, LANG=language.upper(), value=value)


def display(scheme, value, language):
    """How the reference is written in a language: « STCE n° 197 », "CETS No. 197"."""
    if scheme == Scheme.CETS:
        return f"STCE n° {value}" if language == "fr" else f"CETS No. {value}"
    if scheme in (Scheme.CELEX, Scheme.NOR):
        return f"{_SCHEME_WORDS[scheme][0]} {value}"
    return value


def search_forms(scheme, value):
    """Every string the search should find this reference by."""
    forms = [value, *(f"{word} {value}" for word in _SCHEME_WORDS.get(scheme, ()))]
    if scheme == Scheme.ILO:
        found = _ILO.match(value)
        if found:
            forms.append(f"{found.group(1)}{int(found.group(2))}")
    if scheme == Scheme.CELEX:
        act = _CELEX_ACT.match(value)
        if act:
            # 32011L0036 is Directive 2011/36/EU: people type the act's own number, with the
            # suffix of its time (EC before the Lisbon Treaty, JHA for a framework decision,
            # "(EU) 2024/1712" since 2015); UE, CE and JAI are the same words to the search.
            year, kind, number = int(act.group(1)), act.group(2), int(act.group(3))
            suffix = "JHA" if kind == "F" else ("EU" if year >= 2010 else "EC")
            forms += [f"{year}/{number}", f"{year}/{number}/{suffix}"]
            if year >= 2015:
                forms.append(f"(EU) {year}/{number}")
    return forms


def split_lines(text):
    """The non-empty lines of a field that holds one item per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
