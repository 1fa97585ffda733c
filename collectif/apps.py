from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectifConfig(AppConfig):
    name = "collectif"
    verbose_name = _("Collective")

    def ready(self):
        # modeltranslation, earlier in INSTALLED_APPS, has registered every translated model.
        from . import translation_status

        translation_status.track()
