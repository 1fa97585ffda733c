"""No raw English and no code values on the French admin: every change list and one change
page of each model, on the demo content, read as a coordinator reads them."""

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from collectif.demo import DEMO_COORDINATOR
from tests.demo_data import load_demo

ROOT = Path(__file__).resolve().parents[2]
# Words that are the same in both languages, or names.
SAME_IN_BOTH = {"Documents", "Actions", "Contact", "Organisation", "Organisations", "Message"}
PROJECT_APPS = {"collectif", "members", "meetings", "documents", "news"}
# Codes that are also French words (« Réunion avec une institution », « public », « Position »).
FRENCH_WORDS = {"institution", "public", "position"}


class _Text(HTMLParser):
    """The text a reader sees: no scripts, styles, hidden inputs, nor attributes."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template", "textarea"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template", "textarea") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(html):
    parser = _Text()
    parser.feed(html)
    return re.sub(r"\s+", " ", unescape(" ".join(parser.parts)))


def english_phrases():
    """The project's English messages of three words or more that French writes otherwise."""
    catalogue = polib.pofile(str(ROOT / "locale/fr/LC_MESSAGES/django.po"))
    return {
        entry.msgid
        for entry in catalogue
        if entry.msgstr
        # Not the ones French writes alike but for its no-break spaces (« Secours Catholique »).
        and entry.msgstr.split() != entry.msgid.split()
        and "%" not in entry.msgid
        and "{" not in entry.msgid
        and len(entry.msgid.split()) >= 3
    }


def code_values():
    """Values of choice fields whose French label differs: seen raw, they are code."""
    values = {}
    with translation.override("fr"):
        for model in admin.site._registry:
            if model._meta.app_label not in {
                "collectif",
                "members",
                "meetings",
                "documents",
                "news",
            }:
                continue
            for field in model._meta.get_fields():
                for value, label in getattr(field, "flatchoices", None) or []:
                    if (
                        isinstance(value, str)
                        and re.fullmatch(r"[a-z][a-z_-]{4,}", value)
                        and str(label).lower() != value
                        and value not in FRENCH_WORDS
                    ):
                        values[value] = f"{model._meta.label}.{field.name}"
    return values


def admin_pages():
    for model in admin.site._registry:
        meta = model._meta
        try:
            yield reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        except NoReverseMatch:
            continue
        obj = model._default_manager.order_by("pk").first()
        if obj is not None:
            yield reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[obj.pk])


@pytest.mark.django_db
def test_the_french_admin_shows_no_english_nor_codes(client):
    load_demo()
    # A superuser sees every page, the groups' and the login attempts' included.
    user = get_user_model().objects.get(username=DEMO_COORDINATOR)
    user.is_superuser = True
    user.save(update_fields=["is_superuser"])
    client.force_login(user)
    phrases, codes = english_phrases(), code_values()
    assert len(phrases) > 200
    assert "candidate" in codes
    found = []
    pages = list(admin_pages())
    for url in pages:
        response = client.get(url, follow=True)  # a singleton's list opens its one row
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        words = set(re.findall(r"[a-z_-]+", text))
        found += [f"{url}: English « {p} »" for p in phrases if p in text and p not in SAME_IN_BOTH]
        found += [f"{url}: code « {v} » ({codes[v]})" for v in codes if v in words]
    assert len(pages) > 40
    assert found == [], "\n".join(found)
