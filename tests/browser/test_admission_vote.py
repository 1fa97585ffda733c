"""The admission vote's add page in a browser: the number of eligible full members follows the
date typed (admission_vote.js, under the site's CSP), and without scripts the « recompute »
button does it."""

from datetime import date

import pytest
from playwright.sync_api import expect

from members import services
from members.models import AdmissionVote

pytestmark = pytest.mark.django_db(transaction=True)

ADD = "/admin/members/admissionvote/add/"


@pytest.fixture
def members(make_organisation):
    """Two founding members (2008), one admitted on 1 October 2014."""
    make_organisation()
    make_organisation()
    joined = make_organisation(status="candidate")
    services.membership_admit_without_vote(
        organisation=joined, date=date(2014, 10, 1), reason="Adhésion."
    )


@pytest.fixture
def coordinator_page(login, coordinator):
    def open_page(page):
        login(page, coordinator.username, password=coordinator.raw_password)

    return open_page


def test_the_count_follows_the_date_typed(page, live_server, coordinator_page, members):
    refused = []  # what the Content-Security-Policy blocked, and the endpoint's failures
    page.on(
        "console",
        lambda message: "Content Security Policy" in message.text and refused.append(message.text),
    )
    page.on(
        "response",
        lambda response: (
            "eligible" in response.url and not response.ok and refused.append(response.url)
        ),
    )
    coordinator_page(page)
    page.goto(live_server.url + ADD)
    output = page.locator("#eligible-voters")
    expect(output).to_contain_text("3 organisations étaient membres à part entière")
    expect(page.locator("#eligible-recompute")).to_have_count(0)  # scripts run: no button
    page.locator("#id_date").fill("01/01/2007")
    expect(output).to_have_text(
        "0 organisation était membre à part entière le 1er janvier 2007\u202f: au plus 0 voix et "
        "abstentions."
    )
    page.locator("#id_date").fill("15/11/2014")
    expect(output).to_contain_text("3 organisations étaient membres à part entière le 15 novembre")
    page.locator("#id_date").fill("15/09/2014")
    expect(output).to_contain_text("2 organisations étaient membres à part entière le 15 sept")
    assert not AdmissionVote.objects.exists()
    assert not refused, refused


def test_without_scripts_the_button_recomputes(browser, live_server, coordinator_page, members):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    coordinator_page(page)
    page.goto(live_server.url + ADD)
    page.locator("#id_date").fill("15/11/2014")
    page.locator("#id_place").fill("Plénière du 15 novembre")
    page.locator("#eligible-recompute").click()
    expect(page.locator("#eligible-voters")).to_contain_text("le 15 novembre 2014")
    expect(page.locator("#eligible-voters")).to_contain_text("3 organisations étaient membres")
    expect(page.locator("#id_place")).to_have_value("Plénière du 15 novembre")
    assert not AdmissionVote.objects.exists()
    context.close()
