"""The member area's two-factor pages (under /fr/espace-membres/); the admin's are in
collectif/urls.py."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import second_factor_views as views

app_name = "second-factor"

urlpatterns = [
    path(_("two-factor/"), views.SettingsView.as_view(), name="settings"),
    path(_("two-factor/code/"), views.VerifyView.as_view(), name="verify"),
    path(_("two-factor/setup/"), views.SetupView.as_view(), name="setup"),
    path(_("two-factor/recovery-codes/"), views.RecoveryCodesView.as_view(), name="codes"),
]

# Under /admin/, before the admin's own URLs.
admin_urlpatterns = [
    path(
        "admin/second-factor/",
        views.VerifyView.as_view(in_admin=True),
        name="second-factor-admin-verify",
    ),
    path(
        "admin/second-factor/setup/",
        views.SetupView.as_view(in_admin=True),
        name="second-factor-admin-setup",
    ),
    path(
        "admin/second-factor/recovery-codes/",
        views.RecoveryCodesView.as_view(in_admin=True),
        name="second-factor-admin-codes",
    ),
]
