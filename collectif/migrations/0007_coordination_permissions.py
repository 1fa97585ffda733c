from django.db import migrations

from collectif.permissions import grant_coordination_permissions


class Migration(migrations.Migration):
    dependencies = [("collectif", "0006_translation_stamp")]

    operations = [migrations.RunPython(grant_coordination_permissions, migrations.RunPython.noop)]
