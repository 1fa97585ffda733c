from django.db import migrations


def create_group(apps, schema_editor):
    # Its permissions are granted after every migrate (collectif.permissions).
    apps.get_model("auth", "Group").objects.get_or_create(name="Coordination")


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="Coordination").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("collectif", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
