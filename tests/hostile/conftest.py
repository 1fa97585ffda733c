"""Fixtures of the hostile-input suite (its payloads, checks and entries: catalogue.py)."""

import pytest

from .catalogue import sample_objects


@pytest.fixture
def site(make_user, make_organisation, coordinator):
    """One of every object a page shows, and the people who see them."""
    return sample_objects(make_user, make_organisation, coordinator)


@pytest.fixture
def client_for(client, site):
    """The test client logged in as "anonymous", "representative" or "coordinator"."""

    # A server error is a finding to report with the others, not an exception that stops the
    # test at the first one.
    client.raise_request_exception = False

    def login(who):
        client.logout()
        if who != "anonymous":
            client.force_login(getattr(site, who))
        return client

    return login
