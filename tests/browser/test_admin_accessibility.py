"""axe-core on every page of the admin that coordinators use, in French and in English.

The pages come from the admin site itself (`admin.site._registry` and each ModelAdmin's
`get_urls()`), so that a model or a view added later is checked without touching this file:
the login page, the dashboard, the password change, each application's index, and for each
ModelAdmin its change list, its add form (where adding is permitted), the change form of one
demo record and its own views (history of a version, review, preview, import...). The history
and delete pages share one template per kind of ModelAdmin, and the add forms opened in a
popup one layout: each is checked once.

The demo coordinator (staff, « Coordination » group, not superuser) walks every page it may
see; the ModelAdmins it may not see (login attempts of django-axes) are walked by a superuser,
so that no registered page escapes.
"""

import time

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.urls import URLPattern, reverse
from playwright.sync_api import expect

from collectif.demo import DEMO_COORDINATOR, DEMO_PASSWORD
from tests.demo_data import load_demo

from .conftest import AXE_OPTIONS

pytestmark = pytest.mark.django_db(transaction=True)

SUPERUSER = "a11y-superuser"
STANDARD_VIEWS = ("changelist", "add", "change", "delete", "history")
# The admin site's own pages a coordinator opens (logging out takes a POST).
SITE_VIEWS = ("password_change", "password_change_done")


@pytest.fixture
def demo(live_server):
    load_demo()
    get_user_model().objects.create_superuser(SUPERUSER, "root@example.org", DEMO_PASSWORD)


def request_as(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def sample(model_admin, request):
    """One record of the ModelAdmin's list: the richest the demo has where it matters (the
    meeting with its minutes), else the first."""
    queryset = model_admin.get_queryset(request)
    if model_admin.model._meta.label == "meetings.Meeting":
        queryset = queryset.filter(start__date="2014-09-29") or queryset
    return queryset.first()


def custom_view_path(pattern, obj):
    """The address of one of the ModelAdmin's own views, with the demo record (and one of its
    history versions) for its arguments, named or in that order; None when it takes arguments
    nothing here can give."""
    regex = pattern.pattern.regex
    names = list(regex.groupindex) or ["object_id", "version_id"][: regex.groups]
    if regex.groups > len(names) or (names and obj is None):
        return None
    key = obj.pk if obj is not None else None
    values = {"object_id": key, "pk": key, "id": key}
    if "version_id" in names:
        version = obj.history.order_by("history_id").first()
        if version is None:
            return None
        values["version_id"] = version.history_id
    if set(names) - set(values):
        return None
    arguments = [values[name] for name in names]
    if regex.groupindex:
        return reverse(f"admin:{pattern.name}", kwargs=dict(zip(names, arguments, strict=True)))
    return reverse(f"admin:{pattern.name}", args=arguments)


def admin_pages(user):
    """[(what, path)] for every page of the admin this user may open."""
    request = request_as(user)
    pages = [("dashboard", reverse("admin:index"))]
    pages += [(name, reverse(f"admin:{name}")) for name in SITE_VIEWS]
    apps = sorted(
        {
            model._meta.app_label
            for model, model_admin in admin.site._registry.items()
            if model_admin.has_view_or_change_permission(request)
        }
    )
    pages += [(f"{app} index", reverse("admin:app_list", args=[app])) for app in apps]
    seen_templates = set()
    for model, model_admin in admin.site._registry.items():
        if not model_admin.has_view_or_change_permission(request):
            continue
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        label = model._meta.label
        pages.append((f"{label} list", reverse(f"admin:{info}_changelist")))
        if model_admin.has_add_permission(request):
            pages.append((f"{label} add", reverse(f"admin:{info}_add")))
        obj = sample(model_admin, request)
        if obj is not None:
            pages.append((f"{label} change", reverse(f"admin:{info}_change", args=[obj.pk])))
            history_template = ("history", model_admin.object_history_template)
            if history_template not in seen_templates:
                seen_templates.add(history_template)
                pages.append((f"{label} history", reverse(f"admin:{info}_history", args=[obj.pk])))
            delete_template = ("delete", model_admin.delete_confirmation_template)
            if model_admin.has_delete_permission(request, obj) and (
                delete_template not in seen_templates
            ):
                seen_templates.add(delete_template)
                pages.append((f"{label} delete", reverse(f"admin:{info}_delete", args=[obj.pk])))
        for pattern in model_admin.get_urls():
            if not isinstance(pattern, URLPattern) or pattern.name is None:
                continue
            if pattern.name in {f"{info}_{view}" for view in STANDARD_VIEWS}:
                continue
            path = custom_view_path(pattern, obj)
            if path is not None:
                pages.append((f"{label} {pattern.name.removeprefix(info + '_')}", path))
        if (
            model_admin.has_add_permission(request)
            and obj is not None
            and "popup" not in seen_templates
        ):
            # The add form opened by the « + » beside a choice, once.
            seen_templates.add("popup")
            pages.append((f"{label} add (popup)", reverse(f"admin:{info}_add") + "?_popup=1"))
    return pages


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.click("[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()


def describe(violations):
    lines = []
    for violation in violations:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
        shown = ", ".join(targets[:6]) + (f" (+{len(targets) - 6})" if len(targets) > 6 else "")
        lines.append(f"    {violation['id']} ({violation['impact']}): {shown}")
    return lines


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_admin_page_has_no_axe_violation(page, live_server, settings, axe, demo, language):
    settings.ADMIN_LANGUAGE_CODE = language
    started = time.monotonic()
    failures, checked, skipped = [], [], []

    def check(what, path):
        response = page.goto(live_server.url + path)
        if response is None or response.status == 405:  # a view that only takes a POST
            skipped.append(f"{what} ({path}): {response and response.status}")
            return
        if response.request.redirected_from is not None:  # a POST's view, back to its page
            skipped.append(f"{what} ({path}): redirected to {response.url}")
            return
        if not (response.headers.get("content-type") or "").startswith("text/html"):
            skipped.append(f"{what} ({path}): not a page ({response.headers.get('content-type')})")
            return
        assert response.status == 200, f"{what} ({path}) answered {response.status}"
        assert page.locator("html").get_attribute("lang") == language, path
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        checked.append(what)
        if violations:
            failures.append(f"  {what} — {path}\n" + "\n".join(describe(violations)))

    check("login", reverse("admin:login"))
    coordinator = get_user_model().objects.get(username=DEMO_COORDINATOR)
    log_in(page, live_server, DEMO_COORDINATOR)
    coordinator_pages = admin_pages(coordinator)
    for what, path in coordinator_pages:
        check(what, path)
    log_in(page, live_server, SUPERUSER)
    superuser = get_user_model().objects.get(username=SUPERUSER)
    seen = {path for _what, path in coordinator_pages}
    for what, path in admin_pages(superuser):
        if path not in seen:
            check(f"{what} (superuser)", path)

    elapsed = time.monotonic() - started
    print(f"\naxe checked {len(checked)} admin pages in {language} in {elapsed:.0f} s: ")
    print("; ".join(checked))
    print("not pages (POST only, or redirected): " + "; ".join(skipped))
    assert not failures, (
        f"axe found violations on {len(failures)} of {len(checked)} admin pages ({language}):\n"
        + "\n".join(failures)
    )


def check_axe(axe, page, state):
    violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, f"{state} — {page.url}\n" + "\n".join(describe(violations))


def test_language_tabs_by_keyboard_and_switch(page, live_server, axe, demo):
    from collectif.models import Page

    log_in(page, live_server, DEMO_COORDINATOR)
    about = Page.objects.get(key="about")
    page.goto(live_server.url + reverse("admin:collectif_page_change", args=[about.pk]))
    current = page.get_by_role("navigation", name="Fil d'Ariane").locator("[aria-current=page]")
    expect(current).to_have_text(str(about))
    titles = page.get_by_role("tablist", name="Titre")
    french = titles.get_by_role("tab", name="fr (français)")
    english = titles.get_by_role("tab", name="en (anglais)")
    expect(french).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_title_en")).to_be_hidden()
    french.focus()
    page.keyboard.press("ArrowRight")
    expect(english).to_be_focused()
    expect(english).to_have_attribute("aria-selected", "true")
    expect(page.locator("#id_title_fr")).to_be_hidden()
    expect(page.get_by_label("Titre (anglais)")).to_be_visible()
    page.keyboard.press("Home")
    expect(french).to_be_focused()
    expect(page.get_by_label("Titre (français)")).to_be_visible()
    page.keyboard.press("Tab")  # out of the tab list, into the French field
    expect(page.locator("#id_title_fr")).to_be_focused()

    page.get_by_label("Langue des champs traduits").select_option("en")
    selected = page.locator("[role=tab][aria-selected=true]")
    expect(selected).to_have_count(3)
    for tab in selected.all():
        expect(tab).to_have_text("en (anglais)")
    check_axe(axe, page, "English tabs")

    page.get_by_label("Langue des champs traduits").select_option("fr")
    page.locator("#id_title_fr").fill("")
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".errornote")).to_be_visible()
    expect(titles.get_by_role("tab", name="fr (français) contient une erreur")).to_have_attribute(
        "aria-selected", "true"
    )
    check_axe(axe, page, "form with an error")


def test_open_widgets_and_added_rows_have_no_axe_violation(page, live_server, axe, demo):
    from meetings.models import Meeting
    from news.models import NewsItem

    log_in(page, live_server, DEMO_COORDINATOR)
    item = NewsItem.objects.exclude(themes=None).first()
    page.goto(live_server.url + reverse("admin:news_newsitem_change", args=[item.pk]))
    for name in ["themes", "proposer"]:
        page.locator(f"#id_{name} + .select2 .select2-selection").click()
        expect(page.locator(".select2-results__option").first).to_be_visible()
        check_axe(axe, page, f"autocomplete {name} open")
        page.keyboard.press("Escape")
    calendar = page.locator(".field-event_start .datetimeshortcuts a").nth(1)
    calendar.click()
    expect(page.locator(".calendarbox").first).to_be_visible()
    check_axe(axe, page, "calendar open")
    page.keyboard.press("Escape")
    clock = page.locator(".field-event_start .datetimeshortcuts a").nth(3)
    clock.click()
    expect(page.locator(".clockbox").first).to_be_visible()
    check_axe(axe, page, "clock open")
    page.keyboard.press("Escape")

    # Rows added to the meeting page's inlines (people met, delegation) come labelled.
    meeting = Meeting.objects.filter(start__date="2014-09-29").first()
    page.goto(live_server.url + reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    groups = page.locator(".inline-group:has(.add-row a)")
    assert groups.count() >= 1
    for group in groups.all():
        rows = group.locator("tr.form-row:not(.empty-form)").count()
        group.locator(".add-row a").click()
        expect(group.locator("tr.form-row:not(.empty-form)")).to_have_count(rows + 1)
    check_axe(axe, page, "inline rows added")


def test_dark_theme_keeps_its_contrast(page, live_server, axe, demo):
    from members.models import Organisation

    page.emulate_media(color_scheme="dark")
    log_in(page, live_server, DEMO_COORDINATOR)
    organisation = Organisation.objects.get(slug="ccem")
    for path in [
        reverse("admin:index"),
        reverse("admin:members_organisation_changelist"),
        reverse("admin:members_organisation_change", args=[organisation.pk]),
    ]:
        page.goto(live_server.url + path)
        check_axe(axe, page, "dark theme")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_import_preview_and_refusal_have_no_axe_violation(
    page, live_server, settings, axe, demo, language
):
    """The import pages once a file is sent: a preview with an updated row (the export of the
    organisations, one name changed), then a file refused whole (a row twice)."""
    settings.ADMIN_LANGUAGE_CODE = language
    log_in(page, live_server, DEMO_COORDINATOR)
    import_url = live_server.url + reverse("admin:members_organisation_import")
    exported = page.request.get(
        live_server.url + reverse("admin:members_organisation_export", args=["csv"])
    )
    assert exported.ok, exported.status
    lines = exported.body().decode("utf-8-sig").splitlines()
    good = "\n".join([lines[0], lines[1].replace("CCEM", "CCEM (Paris)", 1), *lines[2:]])
    for state, content, shown in [
        ("preview", good.encode("utf-8"), "[name=confirm]"),
        (
            "refused",
            (lines[0] + "\n" + lines[1] + "\n" + lines[1]).encode("cp1252"),
            ".import-problem",
        ),
    ]:
        page.goto(import_url)
        page.set_input_files(
            "#id_import_file", {"name": f"{state}.csv", "mimeType": "text/csv", "buffer": content}
        )
        page.locator("#import-upload [type=submit]").click()
        expect(page.locator(shown).first).to_be_visible()
        check_axe(axe, page, f"import {state} ({language})")
