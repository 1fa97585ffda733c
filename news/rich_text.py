"""News texts are written in Markdown and published as sanitised HTML.

Markdown lets representatives write paragraphs, lists, links and headings without any HTML;
whatever HTML they type anyway goes through nh3's allow-list: no script, no style, no event
handler attribute, no image (pages load nothing from another host), no link but http(s) and
mailto. Headings start at level 2, the page's title being its only h1.

The minutes (meetings) also make links of the bare e-mail and web addresses they cite
(« inscriptionacpe@gmail.com », « www.reportchildsextourism.eu »): `link_addresses=True`.
"""

import re
import xml.etree.ElementTree as ET

import markdown
import nh3
from django.utils.safestring import mark_safe
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _DemoteHeadings(Treeprocessor):
    def run(self, root):
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                element.tag = f"h{min(int(element.tag[1]) + 1, 4)}"


class DemoteHeadingsExtension(Extension):
    def extendMarkdown(self, md):
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 5)


# An e-mail address, or a web address starting with http(s):// or www. (its final
# punctuation left out: « voir www.ecpat.org. »).
_ADDRESS = re.compile(
    r"(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<url>(?:https?://|www\.)[^\s<>«»\"]*[^\s<>«»\".,;:!?)\]])",
    re.UNICODE,
)
_NO_LINKS_INSIDE = {"a", "code", "pre"}


def _link(match):
    link = ET.Element("a")
    if match.group("email"):
        link.set("href", "mailto:" + match.group("email"))
    else:
        url = match.group("url")
        link.set("href", url if url.startswith("http") else "https://" + url)
    link.text = match.group(0)
    return link


def _split(text):
    """The pieces of `text`: strings and <a> elements for the addresses in it."""
    pieces, last = [], 0
    for match in _ADDRESS.finditer(text or ""):
        pieces += [text[last : match.start()], _link(match)]
        last = match.end()
    return [*pieces, (text or "")[last:]] if pieces else None


class _LinkAddresses(Treeprocessor):
    def run(self, root):
        self._walk(root)

    def _walk(self, element):
        if element.tag in _NO_LINKS_INSIDE:
            return
        for child in list(element):
            self._walk(child)
        pieces = _split(element.text)
        if pieces:
            element.text = pieces[0]
            self._insert(element, 0, pieces[1:])
        for child in list(element):
            pieces = _split(child.tail)
            if pieces:
                child.tail = pieces[0]
                self._insert(element, list(element).index(child) + 1, pieces[1:])

    @staticmethod
    def _insert(parent, index, pieces):
        # pieces: link, text, link, text, …, text
        for link, text in zip(pieces[::2], pieces[1::2], strict=True):
            link.tail = text
            parent.insert(index, link)
            index += 1


class LinkAddressesExtension(Extension):
    def extendMarkdown(self, md):
        # After the inline patterns (20) and the unescaping of « \* » and the like (0).
        md.treeprocessors.register(_LinkAddresses(md), "link_addresses", -10)


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text, *, link_addresses=False):
    """Safe HTML from Markdown text written by a member or a coordinator."""
    if not text:
        return mark_safe("")
    extensions = [DemoteHeadingsExtension()]
    if link_addresses:
        extensions.append(LinkAddressesExtension())
    html = markdown.markdown(text, extensions=extensions, output_format="html")
    return mark_safe(sanitise(html))  # noqa: S308 (sanitised just above)
