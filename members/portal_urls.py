"""The member area: /fr/espace-membre/ ↔ /en/member-area/."""

from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from . import portal

app_name = "portal"


def organisation(route):
    return format_lazy("{}{}", _("organisations/<slug:slug>/"), route)


urlpatterns = [
    path("", portal.DashboardView.as_view(), name="dashboard"),
    path(_("login/"), portal.LoginView.as_view(), name="login"),
    path(_("logout/"), portal.LogoutView.as_view(), name="logout"),
    path(_("password/"), portal.PasswordChangeView.as_view(), name="password-change"),
    path(_("password-reset/"), portal.PasswordResetView.as_view(), name="password-reset"),
    path(
        _("password-reset/sent/"),
        portal.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        _("password-reset/<uidb64>/<token>/"),
        portal.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(organisation(_("edit/")), portal.OrganisationEditView.as_view(), name="organisation-edit"),
    path(organisation(_("contact/")), portal.ContactEditView.as_view(), name="contact-edit"),
    path(organisation(_("logo/")), portal.LogoEditView.as_view(), name="logo-edit"),
    path(organisation(_("reports/")), portal.ReportListView.as_view(), name="reports"),
    path(
        organisation(_("reports/<int:pk>/delete/")),
        portal.ReportDeleteView.as_view(),
        name="report-delete",
    ),
    path(organisation(_("network/")), portal.NetworkEditView.as_view(), name="network-edit"),
    path(organisation(_("translations/")), portal.TranslationsView.as_view(), name="translations"),
]
