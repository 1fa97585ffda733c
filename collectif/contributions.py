"""What the collectif app adds to the shared mechanisms (see collectif/registry.py)."""

from . import dashboard, demo, registry, task_admin
from .sitemaps import SitePagesSitemap

registry.urls.add("collectif.site_urls", order=0)
registry.sitemaps.add(registry.Sitemap("site", SitePagesSitemap), order=0)
registry.coordinated_apps.add("collectif")
registry.dashboard_panels.add(dashboard.texts_lacking_english, order=40)
registry.dashboard_panels.add(task_admin.failed_tasks, order=90)
registry.demo_loaders.add(demo.load, order=10)

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from collectif.hostile import Form, Page  # noqa: E402

from .forms import ContactForm  # noqa: E402

for _page in [
    Page("collectif:home"),
    Page("collectif:about"),
    Page("collectif:join"),
    Page("collectif:legal"),
    Page("collectif:privacy"),
    Page("collectif:contact"),
    # The site-wide search; members find more (minutes, agenda items, their action items).
    Page("collectif:search", ("q",), echoes=("q",)),
    Page("collectif:search", ("q",), user="representative", echoes=("q",)),
    Page("sitemap"),
    Page("healthz"),
    Page("admin:login", ("next",)),
]:
    registry.hostile_pages.add(_page)

registry.hostile_forms.add(
    Form(
        "contact",
        "collectif:contact",
        "anonymous",
        lambda site: {
            "name": "Jeanne Martin",
            "email": "jeanne@example.org",
            "organisation": "Presse",
            "subject": "Une question",
            "message": "Bonjour, une question sur le collectif.",
        },
        form_class=ContactForm,
    )
)
registry.hostile_forms.add(
    Form(
        "admin-login",
        "admin:login",
        "anonymous",
        lambda site: {"username": "coordinator", "password": "wrong password", "next": "/admin/"},
        form_class="django.contrib.admin.forms.AdminAuthenticationForm",
        # Where to go once logged in: a hidden field of the template, read by the view.
        extra_fields=("next",),
    )
)
