"""The message catalogues are complete, compiled, and cover every string of the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ["fr", "en"]


def catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def entries(po_or_mo):
    return {
        (entry.msgctxt, entry.msgid): (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())))
        for entry in po_or_mo
        if not entry.obsolete
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    po = catalogue(language)
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"{language}: untranslated {untranslated}"
    assert not fuzzy, f"{language}: fuzzy {fuzzy}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_compiled_catalogue_matches_its_source(language):
    mo_path = ROOT / "locale" / language / "LC_MESSAGES" / "django.mo"
    assert mo_path.exists(), "run bin/catalogues.py"
    po_entries = entries(catalogue(language).translated_entries())
    mo_entries = entries(polib.mofile(str(mo_path)))
    mo_entries.pop((None, ""), None)  # the header
    assert po_entries == mo_entries, "the .mo is stale: run bin/catalogues.py"


def test_every_string_of_the_code_is_in_the_catalogue(tmp_path):
    """Extract the strings again (needs gettext's xgettext) and compare with the catalogue."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("xgettext is required under CI (apt-get install gettext)")
        pytest.skip("gettext's xgettext is not installed")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "media", "staticfiles", "*.sqlite3", "node_modules"
        ),
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update({"DJANGO_SETTINGS_MODULE": "collectif.settings.test", "DJANGO_DEBUG": "1"})
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fr",
            "--no-location",
            "--ignore=.venv",
            "--ignore=staticfiles",
            "--ignore=build",
            "--ignore=tests",
        ],
        cwd=copy,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )
    extracted = polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in extracted if not entry.obsolete and not entry.translated()]
    assert not missing, f"strings without a French translation (run make messages): {missing}"
