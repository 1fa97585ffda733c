"""Atom feeds that any stored text can go through."""

import re

from django.utils import feedgenerator

# What XML 1.0 cannot carry: the C0 controls but tab, line feed and carriage return, and two
# non-characters. A vertical tab comes with text pasted from a word processor (its line break).
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    if isinstance(value, str):
        return NOT_XML.sub(" ", value)
    if isinstance(value, list | tuple):
        return type(value)(xml_safe(item) for item in value)
    return value


class Atom1Feed(feedgenerator.Atom1Feed):
    """Django's Atom feed, with those characters made spaces: Django refuses them with an
    exception, and one title carrying one made the whole feed a server error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.feed = {name: xml_safe(value) for name, value in self.feed.items()}

    def add_item(self, *args, **kwargs):
        super().add_item(*args, **kwargs)
        self.items[-1] = {name: xml_safe(value) for name, value in self.items[-1].items()}
