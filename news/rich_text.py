"""News texts are written in Markdown and published as sanitised HTML.

Markdown lets representatives write paragraphs, lists, links and headings without any HTML;
whatever HTML they type anyway goes through nh3's allow-list: no script, no style, no event
handler attribute, no image (pages load nothing from another host), no link but http(s) and
mailto. Headings start at level 2, the page's title being its only h1.
"""

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


def sanitise(html):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def render_markdown(text):
    """Safe HTML from Markdown text written by a member or a coordinator."""
    if not text:
        return mark_safe("")
    html = markdown.markdown(text, extensions=[DemoteHeadingsExtension()], output_format="html")
    return mark_safe(sanitise(html))  # noqa: S308 (sanitised just above)
