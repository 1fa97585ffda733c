"""Who the coordinators are, and what their group may do."""

COORDINATION_GROUP = "Coordination"

# The apps whose every model coordinators edit in the admin.
COORDINATED_APPS = ["collectif", "members", "meetings", "documents", "news"]


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


def grant_coordination_permissions(apps, schema_editor):
    """Data-migration helper: (re)create the Coordination group and give it every permission of
    the coordinated apps, plus managing the user accounts of member representatives.

    Permissions are normally created after migrations; they are created here first so that the
    group is complete as soon as the migration that calls this has run."""
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    for app_config in global_apps.get_app_configs():
        if app_config.label in COORDINATED_APPS + ["auth"]:
            create_permissions(app_config, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COORDINATION_GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=COORDINATED_APPS),
        *Permission.objects.filter(
            content_type__app_label="auth",
            codename__in=["view_user", "add_user", "change_user", "view_group"],
        ),
    )
