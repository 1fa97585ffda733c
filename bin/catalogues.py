#!/usr/bin/env python
"""Finish and compile the message catalogues without gettext's msgfmt.

Run after `manage.py makemessages` (see the Makefile's `messages` target):
- English is the language of the message ids, so an untranslated English entry takes its id;
- every catalogue is compiled to its .mo with polib, so a machine without gettext needs
  nothing but the committed files.
"""

import sys
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def fill_english(po):
    for entry in po:
        # A fuzzy entry holds msgmerge's guess from another message: never keep it.
        fuzzy = "fuzzy" in entry.flags
        if entry.msgid_plural:
            if fuzzy or not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        elif fuzzy or not entry.msgstr:
            entry.msgstr = entry.msgid
        if fuzzy:
            entry.flags.remove("fuzzy")
            entry.previous_msgid = None
            entry.previous_msgid_plural = None


def main():
    problems = []
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/django.po")):
        language = po_path.parent.parent.name
        po = polib.pofile(str(po_path), wrapwidth=100)
        if language == "en":
            fill_english(po)
            po.save()
        missing = [e.msgid for e in po if not e.obsolete and (not e.translated())]
        problems += [f"{language}: untranslated: {msgid!r}" for msgid in missing]
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
