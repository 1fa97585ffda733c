"""Demo content of the site-wide part: the two demo accounts, example legal information, and
what every app's demo uses to keep the collective's present alive.

The site pages themselves come from a data migration, so that production has them too.

The seed's 2014 meetings, news and votes are the collective's history and stay at their dates.
What the demo invents around them (the next plenary, recent news, an observer whose vote is
near…) is dated relative to the `today` that `load_demo` passes to every loader, and recorded
with a `DemoContent` mark under a stable key: a later run finds each record by its key and moves
its dates to the new present instead of adding another one, and the admin shows it as
demonstration content. In that present, nothing is overdue by more than `MAX_OVERDUE_DAYS`
(one action item, so that the coordinators' home shows what an overdue item looks like)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType

from .models import DemoContent, LegalInformation
from .permissions import COORDINATION_GROUP

# Published in the README: the demo accounts exist only where `load_demo` was run.
DEMO_PASSWORD = "demo-password-2014"  # noqa: S105
DEMO_COORDINATOR = "demo-coordinator"
DEMO_MEMBER = "demo-member"


# The demo's own scenario: its one overdue action item is this many days late, and nothing
# else on the coordinators' home is overdue at all.
MAX_OVERDUE_DAYS = 10


# Fixed-date French public holidays (month, day): the demo holds no meeting or event on them.
HOLIDAYS = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}


def working_day(day, step=1):
    """`day`, or the nearest weekday after it (before it, with step=-1) that is no fixed public
    holiday: the collective meets on working days, whatever day the demo runs."""
    while day.weekday() >= 5 or (day.month, day.day) in HOLIDAYS:
        day += timedelta(days=step)
    return day


def demo_record(model, key):
    """The record the demo created under `key`, or None (never created, or deleted since)."""
    mark = DemoContent.objects.filter(key=key).first()
    if mark is None:
        return None
    record = model._base_manager.filter(pk=mark.object_id).first()
    if record is None:
        mark.delete()
    return record


def mark_demo(record, key):
    """Record that `record` is demonstration content, found again by `key`."""
    DemoContent.objects.update_or_create(
        key=key,
        defaults={
            "content_type": ContentType.objects.get_for_model(record),
            "object_id": record.pk,
        },
    )
    return record


def move_to(record, **values):
    """Set the fields that differ from `values` and save only those (nothing when all agree, so
    that a second run on the same day writes nothing); say whether anything changed."""
    changed = [name for name, value in values.items() if getattr(record, name) != value]
    for name in changed:
        setattr(record, name, values[name])
    if changed:
        type(record)._base_manager.filter(pk=record.pk).update(
            **{name: values[name] for name in changed}
        )
    return bool(changed)


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
        legal.publisher_address = "106 rue du Bac, 75341 Paris Cedex 07"
    # Only what nobody entered: loading the demo never overwrites real values.
    missing = {field: value for field, value in DEMO_LEGAL.items() if not getattr(legal, field)}
    for field, value in missing.items():
        setattr(legal, field, value)
    if missing or legal.pk is None:  # idempotent: a second load writes nothing
        legal.save()


def load(*, today):
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
