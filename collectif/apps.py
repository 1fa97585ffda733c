from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectifConfig(AppConfig):
    name = "collectif"
    verbose_name = _("Collective")
