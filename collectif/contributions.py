"""What the collectif app adds to the shared mechanisms (see collectif/registry.py)."""

from . import dashboard, demo, registry, task_admin
from .sitemaps import SitePagesSitemap

registry.urls.add("collectif.site_urls", order=0)
registry.portal_urls.add("collectif.second_factor_urls")
registry.sitemaps.add(registry.Sitemap("site", SitePagesSitemap), order=0)
registry.coordinated_apps.add("collectif")
registry.dashboard_panels.add(dashboard.texts_lacking_english, order=40)
registry.dashboard_panels.add(task_admin.failed_tasks, order=90)
registry.demo_loaders.add(demo.load, order=10)

# --- Hostile-input suite ----------------------------------------------------------------------
# Its imports stay in this section, as its code does (hence noqa: E402).
from django.core.cache import cache  # noqa: E402

from collectif.hostile import Form, Page  # noqa: E402

from .forms import ContactForm  # noqa: E402
from .second_factor_views import CodeForm  # noqa: E402

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
    Page("collectif:site-map"),
    Page("sitemap"),
    Page("healthz"),
    Page("robots-txt"),
    Page("favicon-ico"),
    Page("admin:login", ("next",)),
    # Two-factor authentication: the pages a logged-in person can open at any time. The second
    # step and the recovery codes answer only in the middle of a login or an enrolment (else
    # they send the person on), so their forms are in the forms' suite below.
    Page("second-factor:settings", user="representative"),
    Page("second-factor:setup", ("next",), user="representative"),
    Page("second-factor-admin-setup", ("next",), user="coordinator"),
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

# A wrong code each time: what matters is that no value breaks the form. Each submission starts
# from a fresh count of wrong codes, or the lock-out (its own tests) would answer them all.
for _name, _user in [
    ("second-factor:verify", "representative"),
    ("second-factor:setup", "representative"),
    ("second-factor:settings", "representative"),
    ("second-factor-admin-verify", "coordinator"),
    ("second-factor-admin-setup", "coordinator"),
]:
    registry.hostile_forms.add(
        Form(
            _name.replace(":", "-"),
            _name,
            _user,
            lambda site: {"code": "123456"},
            form_class=CodeForm,
            extra_fields=("next",),
            prepare=lambda client, site: cache.clear(),
        )
    )
