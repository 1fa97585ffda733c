from django.db import migrations


class Migration(migrations.Migration):
    """Granted the Coordination group its permissions by calling live code; they are now
    granted after every `migrate` (collectif.permissions, a post_migrate receiver)."""

    dependencies = [("members", "0001_initial")]

    operations = []
