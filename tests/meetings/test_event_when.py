"""{% event_when %}: when an event takes place, as the agenda, the event pages and the minutes
write it."""

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.dates import paris

NBSP = "\xa0"


def when(start, end=None, language="fr"):
    with translation.override(language):
        template = Template("{% load agenda %}{% event_when event %}")
        return template.render(Context({"event": SimpleNamespace(start=start, end=end)}))


def test_the_same_day_gives_the_end_as_a_time():
    assert when(paris(2014, 10, 1, 10), paris(2014, 10, 1, 12, 30)) == (
        f'<time datetime="2014-10-01T10:00:00+02:00">mercredi 1er octobre 2014 à 10{NBSP}h</time>'
        f'&nbsp;– <time datetime="2014-10-01T12:30:00+02:00">12{NBSP}h{NBSP}30</time>'
    )
    assert when(paris(2014, 10, 1, 10), paris(2014, 10, 1, 12, 30), "en") == (
        '<time datetime="2014-10-01T10:00:00+02:00">Wednesday 1 October 2014, 10:00</time>'
        '&nbsp;– <time datetime="2014-10-01T12:30:00+02:00">12:30</time>'
    )


def test_another_day_gives_the_ends_date_and_no_end_nothing():
    assert when(paris(2014, 10, 16, 9), paris(2014, 10, 17, 17), "en") == (
        '<time datetime="2014-10-16T09:00:00+02:00">Thursday 16 October 2014, 09:00</time>'
        ' – <time datetime="2014-10-17T17:00:00+02:00">Friday 17 October 2014, 17:00</time>'
    )
    assert when(paris(2014, 10, 16, 9), language="en") == (
        '<time datetime="2014-10-16T09:00:00+02:00">Thursday 16 October 2014, 09:00</time>'
    )


@pytest.mark.parametrize("language", ["fr", "en"])
def test_days_are_paris_days(language):
    """23:30 UTC on 1 October is 1:30 on 2 October in Paris: the end, the next hour, is the
    same Paris day."""
    text = when(datetime(2014, 10, 1, 23, 30, tzinfo=UTC), datetime(2014, 10, 2, 0, 30, tzinfo=UTC))
    assert '<time datetime="2014-10-02T01:30:00+02:00">' in text
    assert "&nbsp;– <time" in text
