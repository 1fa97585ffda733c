"""Demo content of the site-wide part: the two demo accounts, example legal information.

The site pages themselves come from a data migration, so that production has them too."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .models import LegalInformation
from .permissions import COORDINATION_GROUP

# Published in the README: the demo accounts exist only where `load_demo` was run.
DEMO_PASSWORD = "demo-password-2014"  # noqa: S105
DEMO_COORDINATOR = "demo-coordinator"
DEMO_MEMBER = "demo-member"


def ensure_user(username, *, first_name, last_name, email, is_staff=False):
    """Create the account once; a second run leaves it (and its password) as it is."""
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": email,
            "is_staff": is_staff,
        },
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
    return user


# Invented, and said to be: the real director of publication and host are for the
# coordinators to enter.
DEMO_LEGAL = {
    "director": "Camille Exemple (démo)",
    "director_role_fr": "Président·e du Secours Catholique – Caritas France (exemple de démo)",
    "director_role_en": "President of the Secours Catholique – Caritas France (demo example)",
    "host": "Hébergeur Exemple SAS (démo)",
    "host_address": "1 rue de l'Exemple, 75000 Paris (démo)",
    "host_phone": "01 00 00 00 00",
}


def load_legal_information():
    legal = LegalInformation.current()
    if legal.pk is None:
        legal.publisher = "Secours Catholique – Caritas France"
        legal.publisher_address = "106 rue du Bac, 75007 Paris"
    # Only what nobody entered: loading the demo never overwrites real values.
    missing = {field: value for field, value in DEMO_LEGAL.items() if not getattr(legal, field)}
    for field, value in missing.items():
        setattr(legal, field, value)
    if missing or legal.pk is None:  # idempotent: a second load writes nothing
        legal.save()


def load():
    load_legal_information()
    coordinator = ensure_user(
        DEMO_COORDINATOR,
        first_name="Geneviève",
        last_name="Colas",
        email="coordination@example.org",
        is_staff=True,
    )
    coordinator.groups.add(Group.objects.get(name=COORDINATION_GROUP))
    ensure_user(
        DEMO_MEMBER,
        first_name="Bénédicte",
        last_name="Bourgeois",
        email="ccem@example.org",
    )
    return [
        f"{DEMO_COORDINATOR} / {DEMO_PASSWORD} (coordinator, admin at /admin/)",
        f"{DEMO_MEMBER} / {DEMO_PASSWORD} (member representative)",
    ]
