from django.db import migrations


class Migration(migrations.Migration):
    """Granted the Coordination group its permissions by calling live code; they are now
    granted after every `migrate` (collectif.permissions, a post_migrate receiver)."""

    dependencies = [
        ("documents", "0003_issuing_bodies"),
        ("collectif", "0002_coordination_group"),
    ]

    operations = []
