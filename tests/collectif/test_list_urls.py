"""quick_reverse() answers as reverse(), for the lists that show hundreds of records."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from collectif.list_urls import quick_reverse

ROWS = [
    ("members:organisation-detail", "slug", "ccem"),
    ("news:item-detail", "slug", "appel-du-4-novembre_2"),
    ("documents:legal-resource-detail", "slug", "protocole-de-palerme"),
    ("meetings:event-detail", "pk", 42),
    ("meetings-portal:meeting-detail", "pk", 7),
]


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize(("viewname", "kwarg", "value"), ROWS)
def test_the_address_is_the_one_reverse_writes_in_each_language(language, viewname, kwarg, value):
    with translation.override(language):
        assert quick_reverse(viewname, kwarg, value) == reverse(viewname, kwargs={kwarg: value})


def test_the_address_follows_the_script_prefix():
    try:
        set_script_prefix("/site/")
        with translation.override("fr"):
            assert quick_reverse("members:organisation-detail", "slug", "ccem") == (
                "/site/fr/membres/ccem/"
            )
    finally:
        set_script_prefix("/")
    with translation.override("fr"):
        assert quick_reverse("members:organisation-detail", "slug", "ccem") == "/fr/membres/ccem/"


def test_a_value_the_pattern_refuses_is_refused_as_reverse_refuses_it():
    with translation.override("fr"), pytest.raises(NoReverseMatch):
        quick_reverse("members:organisation-detail", "slug", "pas un slug")
