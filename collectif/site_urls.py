"""The site-wide pages: home, about, joining, legal notice, privacy, contact, site map."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views
from .models import Page

app_name = "collectif"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("about/"), views.PageView.as_view(key=Page.Key.ABOUT), name="about"),
    path(
        _("join/"),
        views.PageView.as_view(key=Page.Key.JOIN, template_name="collectif/join.html"),
        name="join",
    ),
    path(_("legal-notice/"), views.LegalNoticeView.as_view(), name="legal"),
    path(_("privacy/"), views.PageView.as_view(key=Page.Key.PRIVACY), name="privacy"),
    path(_("contact/"), views.ContactView.as_view(), name="contact"),
    path(_("search/"), views.SearchView.as_view(), name="search"),
    path(_("site-map/"), views.SiteMapView.as_view(), name="site-map"),
]
