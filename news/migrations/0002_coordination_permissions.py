from django.db import migrations

from collectif.permissions import grant_coordination_permissions


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(grant_coordination_permissions, migrations.RunPython.noop)]
