"""The organisations of these tests by their membership status (each made by the shared
fixture of tests/conftest.py; the representative is the CCEM's)."""

import pytest


@pytest.fixture
def member(ccem):
    return ccem


@pytest.fixture
def other_member(hors_la_rue):
    return hors_la_rue


@pytest.fixture
def observer(sos_esclaves):
    return sos_esclaves
