from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CollectifConfig(AppConfig):
    name = "collectif"
    verbose_name = _("Collective")

    def ready(self):
        from . import checks, collation, permissions, registry, translation_status  # noqa: F401

        collation.install()
        # Before any connection opens: every statement tells the page cache what it changed.
        from . import table_usage

        table_usage.install()
        # Written with the record they stamp (collectif/translation_status.py); a visit's state.
        from django.contrib.sessions.models import Session

        from .models import TranslationStamp

        table_usage.satellite(TranslationStamp)
        table_usage.satellite(Session)

        # modeltranslation, earlier in INSTALLED_APPS, has registered every translated model.
        translation_status.track()
        # Every app's contributions.py registers its parts of the shared mechanisms.
        registry.discover()
        from django.contrib.auth.signals import user_logged_in

        from . import second_factor
        from .middleware import StaffIdleTimeoutMiddleware

        user_logged_in.connect(StaffIdleTimeoutMiddleware.note_login, dispatch_uid="staff-clock")
        user_logged_in.connect(second_factor.note_login, dispatch_uid="second-factor-step")
        post_migrate.connect(
            permissions.grant_coordination_permissions, dispatch_uid="coordination-permissions"
        )
