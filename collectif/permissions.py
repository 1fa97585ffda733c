"""Who the coordinators are, and what their group may do."""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from . import registry

COORDINATION_GROUP = "Coordination"


def is_coordinator(user):
    return (
        user.is_active
        and user.is_staff
        and (user.is_superuser or user.groups.filter(name=COORDINATION_GROUP).exists())
    )


def coordination_recipients():
    """Where mail for the coordinators goes: the coordination's shared address, and every
    active coordinator's own."""
    from django.conf import settings
    from django.contrib.auth import get_user_model

    emails = (
        get_user_model()
        .objects.filter(is_active=True, groups__name=COORDINATION_GROUP)
        .exclude(email="")
    )
    recipients = [settings.COORDINATION_EMAIL] if settings.COORDINATION_EMAIL else []
    for email in emails.order_by("email").values_list("email", flat=True).distinct():
        if email.lower() not in {r.lower() for r in recipients}:
            recipients.append(email)
    return recipients


# Beyond their apps, coordinators manage the user accounts of member representatives (and
# only theirs: members/admin_accounts.py). No permission on groups or permissions: those are
# the superusers'.
ACCOUNT_PERMISSIONS = ["view_user", "add_user", "change_user"]
# And they see login lock-outs and clear them (deleting an attempt lifts its lock).
LOCKOUT_PERMISSIONS = ["view_accessattempt", "delete_accessattempt", "view_accesslog"]
# And they see the task queue's results, failures first among them (read-only).
TASK_PERMISSIONS = ["view_dbtaskresult"]


def grant_coordination_permissions(app_config, apps=None, using=DEFAULT_DB_ALIAS, **kwargs):
    """`post_migrate` receiver: give the Coordination group every permission of the apps that
    registered as coordinated (`registry.coordinated_apps`), and the account permissions.

    Django creates an app's permissions in its own `post_migrate` receiver, connected before
    this one (auth comes before collectif in INSTALLED_APPS), so a new model's permissions
    are granted by the next `migrate`, without a data migration.

    Of auth's permissions, the group keeps ACCOUNT_PERMISSIONS only: any other (on groups,
    permissions, deleting accounts) is taken back, as `view_group` was when it left the list."""
    if app_config.label not in [
        *registry.coordinated_apps,
        "auth",
        "axes",
        "django_tasks_database",
    ]:
        return
    apps = apps or global_apps
    try:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    except LookupError:  # a migration plan that stops before auth's models exist
        return
    if app_config.label == "auth":
        wanted = Permission.objects.using(using).filter(
            content_type__app_label="auth", codename__in=ACCOUNT_PERMISSIONS
        )
    elif app_config.label == "axes":
        wanted = Permission.objects.using(using).filter(
            content_type__app_label="axes", codename__in=LOCKOUT_PERMISSIONS
        )
    elif app_config.label == "django_tasks_database":
        wanted = Permission.objects.using(using).filter(
            content_type__app_label="django_tasks_database", codename__in=TASK_PERMISSIONS
        )
    else:
        wanted = Permission.objects.using(using).filter(content_type__app_label=app_config.label)
    # The group is made by migration collectif 0002; a database emptied by `flush` (which sends
    # post_migrate too) has none, and gets none back from here.
    group = Group.objects.using(using).filter(name=COORDINATION_GROUP).first()
    if group is not None:
        group.permissions.add(*wanted)
    if group is not None and app_config.label == "auth":
        group.permissions.remove(
            *group.permissions.filter(content_type__app_label="auth").exclude(
                codename__in=ACCOUNT_PERMISSIONS
            )
        )
