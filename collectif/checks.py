"""System checks of production settings that Django's own `check --deploy` cannot know."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def trusted_proxies_are_declared(app_configs, **kwargs):
    if settings.TRUSTED_PROXIES is not None:
        return []
    return [
        checks.Error(
            "DJANGO_TRUSTED_PROXIES is not set.",
            hint=(
                "Behind a proxy every visitor has the proxy's address, so one visitor's failed "
                "logins or contact messages would lock everyone out. Set it to the number of "
                "proxies in front of the site (1 for nginx alone), to their addresses, or to "
                "`none` when clients connect directly."
            ),
            id="collectif.E001",
        )
    ]
