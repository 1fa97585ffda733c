"""The compte-rendu's PDF downloaded from its page, and the page printed by the browser."""

import io
import os

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect
from pypdf import PdfReader

from meetings import pdf
from meetings.models import Meeting
from tests.demo_data import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(live_server):
    load_demo()
    return Meeting.objects.get(kind=Meeting.Kind.PLENARY, start__date="2014-09-29")


@pytest.fixture
def member_page(page, live_server, demo):
    with translation.override("fr"):
        path = reverse("portal:login")
    page.goto(live_server.url + path)
    page.fill("input[name=username]", "demo-member")
    page.fill("input[name=password]", "demo-password-2014")
    page.click("main [type=submit]")
    page.goto(live_server.url + demo.get_absolute_url())
    return page


@pytest.mark.skipif(
    not pdf.available() and os.environ.get("CI", "").lower() != "true",
    reason="WeasyPrint cannot load Pango (see the README)",
)
def test_member_downloads_the_compte_rendu_as_a_pdf(member_page):
    link = member_page.get_by_role("link", name="Télécharger le compte-rendu (PDF, A4)")
    with member_page.expect_download() as download_info:
        link.click()
    download = download_info.value
    assert download.suggested_filename == "compte-rendu-2014-09-29.pdf"
    reader = PdfReader(download.path())
    assert "À suivre" in " ".join(page.extract_text() for page in reader.pages)


def test_the_browsers_print_is_the_compte_rendu_alone_without_half_empty_pages(member_page):
    member_page.emulate_media(media="print")
    for hidden in [".site-header", ".site-footer", "nav", ".minutes__tools", "form"]:
        for element in member_page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(member_page.locator(".minutes__item").first).to_be_visible()
    expect(member_page.locator(".minutes__signature")).to_be_visible()
    # Chromium's own print, at the stylesheet's A4 page and margins.
    printed = PdfReader(io.BytesIO(member_page.pdf(prefer_css_page_size=True)))
    pages = [" ".join(page.extract_text().split()) for page in printed.pages]
    assert 2 <= len(pages) <= 10
    assert "Télécharger" not in " ".join(pages)  # the PDF link, the annexes' files
    assert "Imprimer" not in " ".join(pages)
    # Every page but the last is well filled: no section forced onto a fresh page.
    full = max(len(text) for text in pages)
    assert all(len(text) > full / 2 for text in pages[:-1]), [len(text) for text in pages]
