"""The minutes' text (agenda items' minutes and decisions, action items) is Markdown, rendered
by the news' renderer and sanitiser (news.rich_text) with the bare e-mail and web addresses
made links."""

import re

from news.rich_text import render_markdown

# A line of the plain-text minutes that starts a point: « - », « -  », « – », « • ».
_BULLET = re.compile(r"^[ \t]*[-–•][ \t]+(?=\S)", re.MULTILINE)


def render_minutes(text):
    return render_markdown(text, link_addresses=True)


def plain_to_markdown(text):
    """The minutes as they were typed before they were Markdown: their points (« - », « – »,
    « • », any indent or spacing) become Markdown list items. Idempotent."""
    return _BULLET.sub("- ", text or "")
