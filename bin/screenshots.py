"""Full-page screenshots of the site's main page kinds, at 1,280 and 390 px, in both languages.

    .venv/bin/python bin/screenshots.py http://127.0.0.1:8000 docs/screenshots/after

Run against a server with the demo loaded (`sh bin/serve.sh`). The member pages are taken
logged in as the demo member. Uses Debian's Chromium (`CHROMIUM_PATH` to change it)."""

import os
import re
import sys
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

WIDTHS = (1280, 390)
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# (name, path under the language prefix, or a link text to follow from that page)
PUBLIC = [
    ("home", "/"),
    ("directory", {"fr": "/membres/", "en": "/members/"}),
    ("law", {"fr": "/droit/", "en": "/law/"}),
    ("news", {"fr": "/actualites/", "en": "/news/"}),
    ("events", {"fr": "/agenda/", "en": "/events/"}),
]
FIRST_LINK = {  # a detail page: the first link matching this pattern on the list page
    "organisation": ("directory", r"/(membres|members)/[^/?#]+/$"),
    "legal-text": ("law", r"/(droit|law)/(?!flux/|feed/)[^/?#]+/$"),
    "news-item": ("news", r"/(actualites|news)/(?!flux/|feed/)[^/?#]+/$"),
}


def _path(spec, lang):
    return spec[lang] if isinstance(spec, dict) else spec


def _save(page, target):
    # Lazy images load only once scrolled into view: scroll through the page first.
    page.evaluate(
        "async () => { for (let y = 0; y < document.body.scrollHeight; y += 600) {"
        " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 50)); }"
        " window.scrollTo(0, 0); }"
    )
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(target), full_page=True)
    # 128 colours keep text and flat colours exact and the files small enough to commit.
    image = Image.open(target).convert("RGB").quantize(colors=128, method=Image.Quantize.MEDIANCUT)
    image.save(target, optimize=True)


def _shoot(page, url, target):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    _save(page, target)


def main(base, out):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        for width in WIDTHS:
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            for lang in ("fr", "en"):
                lists = {}
                for name, spec in PUBLIC:
                    url = f"{base}/{lang}{_path(spec, lang)}"
                    lists[name] = url
                    _shoot(page, url, out / f"{name}-{lang}-{width}.png")
                for name, (list_name, pattern) in FIRST_LINK.items():
                    page.goto(lists[list_name])
                    hrefs = page.eval_on_selector_all("main a[href]", "els => els.map(e => e.href)")
                    match = next((h for h in hrefs if re.search(pattern, h)), None)
                    if match:
                        _shoot(page, match, out / f"{name}-{lang}-{width}.png")
            # The member area, logged in as the demo member.
            page.goto(f"{base}/fr/espace-membre/")
            if page.locator("input[name=username]").count():
                page.fill("input[name=username]", "demo-member")
                page.fill("input[name=password]", "demo-password-2014")
                page.locator("main form [type=submit]").first.click()
                page.wait_for_load_state("networkidle")
            _save(page, out / f"member-area-fr-{width}.png")
            page.goto(f"{base}/fr/espace-membre/reunions/")
            # The seed's richest minutes (29 September 2014), else the first listed.
            links = page.eval_on_selector_all(
                "main a[href]", "els => els.map(e => [e.href, e.textContent])"
            )
            listed = [(h, text) for h, text in links if re.search(r"/reunions/\d+/$", h)]
            seed = [h for h, text in listed if "Ministre de l" in text]
            minutes = (seed or [h for h, _ in listed] or [None])[0]
            if minutes:
                _shoot(page, minutes, out / f"compte-rendu-fr-{width}.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2])
