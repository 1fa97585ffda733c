from django.db import migrations


class Migration(migrations.Migration):
    """The record of reminders sent is shared by every app: it moves to collectif
    (collectif 0009 takes over the model, the table keeps its rows)."""

    dependencies = [("members", "0004_organisation_version_and_trash")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("ReminderSent", "collectif_remindersent"),
            ],
            state_operations=[migrations.DeleteModel("ReminderSent")],
        )
    ]
