"""choice_label(): get_FOO_display() for the lists."""

from collectif.choices import choice_label
from documents.models import LegalResource
from news.models import NewsItem


def test_a_label_is_the_one_django_displays():
    for model in (LegalResource, NewsItem):
        for value, _label in model.Kind.choices:
            record = model(kind=value)
            assert str(record.kind_label) == str(record.get_kind_display())
    assert choice_label(NewsItem.Kind, "unknown") == NewsItem(kind="unknown").get_kind_display()
