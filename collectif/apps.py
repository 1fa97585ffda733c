from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CollectifConfig(AppConfig):
    name = "collectif"
    verbose_name = _("Collective")

    def ready(self):
        # modeltranslation, earlier in INSTALLED_APPS, has registered every translated model.
        from . import registry, translation_status

        translation_status.track()
        # Every app's contributions.py registers its parts of the shared mechanisms.
        registry.discover()
