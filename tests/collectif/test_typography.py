"""Typography and formats on every page kind, in both languages, with the demo loaded; the
date and time filters; the fallback of translated texts both ways."""

import re
from datetime import date, time
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from collectif import dates, typography
from collectif.partial_dates import DatePrecision, PartialDate
from members.models import Organisation
from tests.dates import paris
from tests.demo_data import load_demo

NNBSP = "\u202f"
NBSP = "\xa0"


HIDDEN = {"script", "style", "template"}
# Elements that separate the words around them; inline ones (a, span, time…) do not.
BLOCKS = {
    *("p", "div", "li", "ul", "ol", "td", "th", "tr", "dt", "dd", "dl", "br", "title"),
    *("h1", "h2", "h3", "h4", "h5", "h6", "option", "label", "button", "section"),
    *("article", "header", "footer", "nav", "main", "aside", "form", "fieldset", "legend"),
    *("table", "figure"),
}


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in HIDDEN:
            self.hidden -= 1
        elif tag in BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible_text(html):
    parser = VisibleText()
    parser.feed(html)
    # Tags separate words; a text's own lines are joined as a reader sees them.
    return re.sub(r"[ \t\r\n]+", " ", "".join(parser.parts))


FRENCH_MONTHS = (
    "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
)
ENGLISH_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)


def slips(text, rules):
    """Each match of each rule, with some text around it to find it on the page."""
    return [
        f"{label}: {text[max(0, found.start() - 25) : found.end() + 15]!r}"
        for label, pattern in rules
        for found in re.finditer(pattern, text)
    ]


FRENCH_RULES = [
    # A space that may break, or none, before « : ; ! ? » (URLs have no space after « : »).
    (
        "high punctuation without a narrow no-break space",
        r"(?:(?<=\w)|(?<=[)»]))[ ]?[;!?:](?=\s|$)",
    ),
    ("« » without no-break spaces", r"«(?![\u202f\xa0])|(?<![\u202f\xa0])»"),
    ("first of the month without « er »", rf"\b1 (?:{FRENCH_MONTHS})\b"),
    ("time written HH:MM", r"\b\d{1,2}:\d{2}\b"),
    ("space before a comma", r"\s,"),
    ("capitalised language name", r"\b[Ee]n (?:Français|Anglais)\b"),
]
ENGLISH_RULES = [
    ("abbreviated month", r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\."),
    ("numeric date", r"\b\d{1,2}/\d{1,2}/\d{2,4}\b"),
    ("month before day", rf"\b(?:{ENGLISH_MONTHS}) \d{{1,2}}\b"),
    ("straight quotation mark", r'"'),
    ("French quotation mark in English", r"[«»]"),
    ("space before a comma", r"\s,"),
]


def french_problems(text):
    return slips(text, FRENCH_RULES)


def english_problems(text):
    return slips(text, ENGLISH_RULES)


def first_link(client, list_url, prefix, exclude=(), tail=r'[^"#?/]+/'):
    html = client.get(list_url).content.decode()
    links = re.findall(rf'href="({re.escape(prefix)}{tail})"', html)
    found = next((link for link in links if link not in exclude), None)
    assert found, f"no link under {prefix} on {list_url}"
    return found


def page_urls(client, language):
    with translation.override(language):
        public = {
            "home": reverse("collectif:home"),
            "about": reverse("collectif:about"),
            "join": reverse("collectif:join"),
            "legal": reverse("collectif:legal"),
            "privacy": reverse("collectif:privacy"),
            "contact": reverse("collectif:contact"),
            "directory": reverse("members:directory"),
            "news list": reverse("news:item-list"),
            "events list": reverse("meetings:event-list"),
            "library": reverse("documents:library"),
            "documents list": reverse("documents:document-list"),
            "newsletter": reverse("news:subscribe"),
            "login": reverse("portal:login"),
        }
        public["organisation"] = first_link(client, public["directory"], public["directory"])
        feeds = {reverse("news:feed"), reverse("documents:feed")}
        public["news item"] = first_link(client, public["news list"], public["news list"], feeds)
        public["event"] = first_link(client, public["events list"], public["events list"])
        public["library text"] = first_link(client, public["library"], public["library"], feeds)
        public["document"] = first_link(client, public["documents list"], public["documents list"])
        portal = {
            "member-area home": reverse("portal:dashboard"),
            "action items": reverse("meetings-portal:action-items"),
            "meeting list": reverse("meetings-portal:meeting-list"),
        }
    return public, portal


def rendered(client, kind, url):
    response = client.get(url)
    assert response.status_code == 200, (kind, url, response.status_code)
    return kind, url, visible_text(response.content.decode())


def render_every_page(client, language):
    load_demo()
    public, portal = page_urls(client, language)
    for kind, url in public.items():
        yield rendered(client, kind, url)
    client.force_login(get_user_model().objects.get(username="demo-member"))
    with translation.override(language):
        minutes_prefix = reverse("meetings-portal:meeting-list")
    portal["compte-rendu"] = first_link(
        client, portal["meeting list"], minutes_prefix, tail=r"\d+/"
    )
    dashboard = client.get(portal["member-area home"]).content.decode()
    portal["initiatives"] = re.search(r'href="([^"]*/initiatives/)"', dashboard).group(1)
    for kind, url in portal.items():
        yield rendered(client, kind, url)


@pytest.mark.django_db
def test_every_page_kind_follows_french_typography(client):
    problems = [
        f"{kind} ({url}): {problem}"
        for kind, url, text in render_every_page(client, "fr")
        for problem in french_problems(text)
    ]
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
def test_every_page_kind_follows_english_formats(client):
    problems = [
        f"{kind} ({url}): {problem}"
        for kind, url, text in render_every_page(client, "en")
        for problem in english_problems(text)
    ]
    assert not problems, "\n".join(problems)


# --- The rules' own checks ------------------------------------------------------------------


def test_the_rules_catch_the_slips_they_are_for():
    assert french_problems("Statut : membre")
    assert french_problems("Statut: membre")
    assert french_problems("le 1 janvier 2008")
    assert french_problems("16:00 , Ministère")
    assert french_problems("« Droit »")
    assert french_problems("disponible en Français")
    assert not french_problems(f"Statut{NNBSP}: membre, le 1er janvier 2008 à 16{NBSP}h")
    assert not french_problems(f"«{NNBSP}Droit{NNBSP}» https://example.org")
    assert english_problems("Jan. 1, 2008")
    assert english_problems("(29/09/2014)")
    assert english_problems('the "Droit" library')
    assert not english_problems("1 January 2008, 16:00, the “Droit” library")


# --- Filters ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("fr", date(2008, 1, 1), "1er janvier 2008"),
        ("fr", date(2014, 10, 18), "18 octobre 2014"),
        ("en", date(2008, 1, 1), "1 January 2008"),
        ("en", date(2014, 10, 18), "18 October 2014"),
    ],
)
def test_long_date(language, value, expected):
    with translation.override(language):
        assert dates.long_date(value) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "mercredi 1er octobre 2014"), ("en", "Wednesday 1 October 2014")],
)
def test_long_date_with_the_weekday(language, expected):
    with translation.override(language):
        assert dates.long_date(date(2014, 10, 1), weekday=True) == expected


@pytest.mark.parametrize(
    ("language", "value", "expected"),
    [
        ("fr", time(16, 0), f"16{NBSP}h"),
        ("fr", time(16, 30), f"16{NBSP}h{NBSP}30"),
        ("fr", time(9, 5), f"9{NBSP}h{NBSP}05"),
        ("en", time(16, 0), "16:00"),
        ("en", time(9, 5), "09:05"),
    ],
)
def test_time_of_day(language, value, expected):
    with translation.override(language):
        assert dates.time_of_day(value) == expected


def test_time_range_and_date_time_in_paris_time():
    start, end = paris(2014, 10, 1, 10, 0), paris(2014, 10, 1, 12, 30)
    with translation.override("fr"):
        assert dates.time_range(start, end) == f"10{NBSP}h{NBSP}– 12{NBSP}h{NBSP}30"
        assert dates.date_time(start) == f"1er octobre 2014 à 10{NBSP}h"
    with translation.override("en"):
        assert dates.time_range(start, end) == f"10:00{NBSP}– 12:30"
        assert dates.date_time(start) == "1 October 2014, 10:00"


def test_template_filters_convert_to_local_time():
    # 14:00 UTC is 16 h in Paris in October.
    from datetime import UTC, datetime

    template = Template("{% load dates %}{{ at|long_date }} {{ at|time_of_day }}")
    with translation.override("fr"):
        rendered = template.render(Context({"at": datetime(2014, 10, 1, 14, 0, tzinfo=UTC)}))
    assert rendered == f"1er octobre 2014 16{NBSP}h"


@pytest.mark.parametrize(("language", "expected"), [("fr", "français"), ("en", "French")])
def test_language_name_in_running_text(language, expected):
    with translation.override(language):
        assert dates.language_name("fr") == expected


@pytest.mark.parametrize(
    ("language", "precision", "expected"),
    [
        ("fr", DatePrecision.DAY, "1er novembre 2000"),
        ("fr", DatePrecision.MONTH, "novembre 2000"),
        ("en", DatePrecision.DAY, "1 November 2000"),
        ("en", DatePrecision.YEAR, "2000"),
    ],
)
def test_partial_dates_follow_the_same_rules(language, precision, expected):
    with translation.override(language):
        assert PartialDate(date(2000, 11, 1), precision).format() == expected


# --- Fallback both ways ----------------------------------------------------------------------


@pytest.mark.django_db
def test_french_page_shows_an_english_only_description_marked_as_english(client, ccem):
    ccem.description_fr = ""
    ccem.description_en = "An English-only presentation of the committee."
    ccem.save()
    html = client.get(ccem.get_absolute_url()).content.decode()
    assert '<div class="rich-text" lang="en"><p>An English-only presentation' in html
    notice = f"Ce texte n’existe pas encore en français{NNBSP}; il est affiché en anglais."
    assert f'<p class="fallback-notice">{notice}</p>' in html


@pytest.mark.django_db
def test_english_page_shows_a_french_only_description_marked_as_french(client, ccem):
    ccem.description_fr = "Une présentation du comité en français seulement."
    ccem.description_en = ""
    ccem.save()
    with translation.override("en"):
        url = Organisation.objects.get(pk=ccem.pk).get_absolute_url()
    html = client.get(url).content.decode()
    assert '<div class="rich-text" lang="fr"><p>Une présentation du comité' in html
    assert "This text is not yet available in English; it is shown in French." in html


# --- Typography of what people type, and its language -----------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Statut : membre", f"Statut{NNBSP}: membre"),
        ("Vraiment?", f"Vraiment{NNBSP}?"),
        ("« Droit »", f"«{NNBSP}Droit{NNBSP}»"),
        ("voir https://example.org/?q=1 à 16:00", "voir https://example.org/?q=1 à 16:00"),
    ],
)
def test_french_typography_of_typed_text(typed, expected):
    assert typography.french(typed) == expected


def test_english_quotation_marks_in_typed_text():
    assert typography.english('the "Droit" library, « Law »') == "the “Droit” library, “Law”"
    assert typography.english('<a href="x">') == '<a href="x">'


def test_truncated_text_keeps_its_typography():
    template = Template(
        '{% load translated %}{% translated page "body" as body %}{{ body|words:3 }}'
    )
    page = SimpleNamespace(body_fr="Trois priorités : identifier, protéger", body_en="")
    with translation.override("fr"):
        assert template.render(Context({"page": page})) == f"Trois priorités{NNBSP}: …"


@pytest.mark.parametrize(("language", "expected"), [("fr", ""), ("en", ' lang="fr"')])
def test_free_text_is_marked_french_on_english_pages(language, expected):
    with translation.override(language):
        assert Template("{% load translated %}{% written_lang %}").render(Context()) == expected


def test_an_event_place_typed_in_french_is_marked_french_on_the_english_page():
    meeting = SimpleNamespace(
        title_fr="Rencontre au ministère",
        title_en="Meeting at the ministry",
        summary_fr="",
        summary_en="",
        start=paris(2014, 10, 1, 10, 0),
        end=paris(2014, 10, 1, 12, 30),
        place="Ministère de l'Intérieur, place Beauvau",
        is_cancelled=False,
        get_public_url="/en/events/1/",
    )
    with translation.override("en"):
        html = render_to_string("meetings/_event_list.html", {"events": [meeting]})
    assert '<p class="event__place" lang="fr">Ministère de l&#x27;Intérieur' in html
    assert "Wednesday 1 October 2014, 10:00</time>&nbsp;– <time" in html
    with translation.override("fr"):
        html = render_to_string("meetings/_event_list.html", {"events": [meeting]})
    assert '<p class="event__place">Ministère' in html
    assert f"mercredi 1er octobre 2014 à 10{NBSP}h</time>&nbsp;– <time" in html
    assert f">12{NBSP}h{NBSP}30</time>" in html


def test_templates_show_dates_through_the_shared_filters():
    """`|date:"…"` and `|time:"…"` only for machines (`<time datetime>`, comparisons): shown
    dates and times go through {% load dates %}, which writes « 1er » and « 16 h »."""
    machine = {"c", "Y-m-d", "Ymd", "Hi"}
    templates = Path(settings.BASE_DIR, "templates")
    ad_hoc = [
        f"{path.relative_to(templates)}: {found.group()}"
        for path in templates.rglob("*.*")
        for found in re.finditer(r"\|(?:date|time):[\"']([^\"']*)[\"']", path.read_text())
        if found.group(1) not in machine
    ]
    assert not ad_hoc, "\n".join(ad_hoc)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rapport annuel 2014", "Rapport annuel 2014"),
        ("Trois questions : pourquoi ?", f"Trois questions{NNBSP}: pourquoi{NNBSP}?"),
        ("« Ensemble »", f"«{NNBSP}Ensemble{NNBSP}»"),
        ("https://example.org:8000/a?b", "https://example.org:8000/a?b"),
    ],
)
def test_french_typography_changes_only_texts_that_need_it(text, expected):
    assert typography.french(text) == expected
    assert type(typography.french(text)) is str


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Annual report 2014", "Annual report 2014"),
        ('The "Palermo" Protocol', "The “Palermo” Protocol"),
        ("The « Palermo » Protocol", "The “Palermo” Protocol"),
    ],
)
def test_english_quotes_change_only_texts_that_need_it(text, expected):
    assert typography.english(text) == expected
