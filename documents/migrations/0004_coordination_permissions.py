from django.db import migrations

from collectif.permissions import grant_coordination_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_issuing_bodies"),
        ("collectif", "0002_coordination_group"),
    ]

    operations = [migrations.RunPython(grant_coordination_permissions, migrations.RunPython.noop)]
