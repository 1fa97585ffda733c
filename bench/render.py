#!/usr/bin/env python
"""What each public page costs to render, in process, with every cache off (a developer tool).

Runs each public page kind (French addresses, representative records of the benchmark's
dataset, built beforehand by bench/run.py or bench/dataset.py) through django.test.Client with
the production settings (bench.settings), the page cache off and a local-memory cache, and
prints per request: CPU ms (time.process_time, DB client work included) and wall ms (medians),
SQL queries and SQL ms (the database server's time, not in the CPU figure), template renders
(Template._render calls: includes and inclusion tags too) and reverse() calls. "fixed-string"
is the cheapest Django answer, "layout" a page that is only base.html. The targets are the
issue's, as CPU: a page showing one record ≤ 8 ms (0.1× a 0.8 ms fixed string), a list ≤ 16 ms.

    PYTHONPATH=. .venv/bin/python bench/render.py [--requests 20] [--only home news ...]
        [--database-url postgres://postgres@127.0.0.1:5432/contrelatraite_bench_shared]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_DATABASE = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/contrelatraite_bench_shared"
)
DETAIL_TARGET_MS, LIST_TARGET_MS = 8, 16


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_DATABASE)
    parser.add_argument("--requests", type=int, default=20, help="timed requests per page")
    parser.add_argument("--only", nargs="*", help="page names to measure")
    return parser.parse_args()


def setup(database_url, static_root):
    os.environ.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        DJANGO_PAGE_CACHE_SECONDS="0",
        DJANGO_STATIC_ROOT=static_root,
    )
    os.environ.pop("REDIS_URL", None)  # local memory: no cache server in the way
    import django
    from django.core.management import call_command

    django.setup()
    # Production's manifest storage needs its manifest to render {% static %}.
    call_command("collectstatic", interactive=False, verbosity=0)


def pages():
    """(name, path, target ms) of each page kind; the target is None for the references."""
    from django.urls import reverse
    from django.utils import translation

    from documents.models import Document, LegalResource
    from meetings.models import Meeting
    from members.models import Organisation
    from news.models import NewsItem

    organisation = Organisation.objects.public().order_by("pk")[100]
    text = LegalResource.objects.order_by("pk")[5000]
    item = NewsItem.objects.published().order_by("pk")[2500]
    event = Meeting.objects.public().order_by("pk")[250]
    document = Document.objects.public().order_by("pk").first()
    detail, listing = DETAIL_TARGET_MS, LIST_TARGET_MS
    with translation.override("fr"):
        library = reverse("documents:library")
        rows = [
            ("fixed-string", "/bench/fixed", None),
            ("layout", "/bench/layout", None),
            ("home", reverse("collectif:home"), listing),
            ("directory", reverse("members:directory"), listing),
            ("organisation", organisation.get_absolute_url(), detail),
            ("news", reverse("news:item-list"), listing),
            ("news item", item.get_absolute_url(), detail),
            ("events", reverse("meetings:event-list"), listing),
            ("event", event.get_public_url(), detail),
            ("documents", reverse("documents:document-list"), listing),
            ("library list", library, listing),
            ("library search", library + "?q=traite+des+mineurs", listing),
            ("library detail", text.get_absolute_url(), detail),
            ("site search", reverse("collectif:search") + "?q=Varsovie", listing),
        ]
        if document:
            rows.append(("document", document.get_absolute_url(), detail))
    return rows


def layout_urlconf():
    """bench.urls plus /bench/layout: base.html around nothing, to see the layout's share."""
    from types import ModuleType

    from django.http import HttpResponse
    from django.template import engines
    from django.urls import path

    from bench.urls import urlpatterns

    template = engines["django"].from_string(
        '{% extends "base.html" %}{% block title %}Layout{% endblock title %}'
    )

    def layout(request):
        return HttpResponse(template.render({}, request))

    urlconf = ModuleType("bench_render_urls")
    urlconf.urlpatterns = [path("bench/layout", layout), *urlpatterns]  # type: ignore[attr-defined]
    return urlconf


class Counters:
    """Counts template renders and reverse() calls by wrapping the functions they go through."""

    def __init__(self):
        from django.template.base import Template
        from django.urls.resolvers import URLResolver

        self.templates = self.reverses = 0
        render, reverse = Template._render, URLResolver._reverse_with_prefix

        def counted_render(template, context):
            self.templates += 1
            return render(template, context)

        def counted_reverse(resolver, *args, **kwargs):
            self.reverses += 1
            return reverse(resolver, *args, **kwargs)

        Template._render = counted_render
        URLResolver._reverse_with_prefix = counted_reverse


def measure(client, counters, path, requests):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)  # warm: templates compiled, URL patterns loaded
    assert response.status_code == 200, f"{path}: {response.status_code}"
    counters.templates = counters.reverses = 0
    cpu, wall, sql, queries = [], [], [], 0
    for _ in range(requests):
        with CaptureQueriesContext(connection) as captured:
            started_cpu, started_wall = time.process_time(), time.perf_counter()
            client.get(path)
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started_wall)
        queries += len(captured.captured_queries)
        sql.append(sum(float(query["time"]) for query in captured.captured_queries))
    # Medians: on a shared machine, a neighbour's burst lands on a few requests only.
    return {
        "cpu": statistics.median(cpu) * 1000,
        "cpu_min": min(cpu) * 1000,
        "wall": statistics.median(wall) * 1000,
        "queries": queries / requests,
        "sql": statistics.median(sql) * 1000,
        "templates": counters.templates / requests,
        "reverses": counters.reverses / requests,
    }


def main():
    options = parse_args()
    static_root = tempfile.mkdtemp(prefix="render-static-")
    try:
        setup(options.database_url, static_root)
        run(options)
    finally:
        shutil.rmtree(static_root)


def run(options):
    from django.test import Client
    from django.test.utils import override_settings

    rows = [row for row in pages() if not options.only or row[0] in options.only]
    counters = Counters()
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{len(rows)} pages, {options.requests} requests each, page cache off")
    header = f"{'page':<16}{'CPU ms':>8}{'wall ms':>9}{'queries':>9}{'SQL ms':>8}"
    print(f"{header}{'templates':>11}{'reverse()':>11}{'target':>8}")
    misses = []
    with override_settings(ROOT_URLCONF=layout_urlconf()):
        for name, path, target in rows:
            m = measure(client, counters, path, options.requests)
            shown = f"≤ {target}" if target else ""
            print(
                f"{name:<16}{m['cpu']:>8.1f}({m['cpu_min']:.1f}){m['wall']:>9.1f}{m['queries']:>9.0f}{m['sql']:>8.1f}"
                f"{m['templates']:>11.0f}{m['reverses']:>11.0f}{shown:>8}"
            )
            if target and m["cpu"] > target:
                misses.append(f"{name}: {m['cpu']:.1f} ms CPU > {target} ms")
    print("targets met" if not misses else "targets missed:\n  - " + "\n  - ".join(misses))


if __name__ == "__main__":
    main()
