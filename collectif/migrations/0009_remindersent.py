import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Takes over the model from members (its 0005 renamed the table): state only."""

    dependencies = [
        ("collectif", "0008_page_version"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("members", "0005_remindersent_to_collectif"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ReminderSent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("kind", models.CharField(max_length=100, verbose_name="kind")),
                        ("object_id", models.PositiveBigIntegerField(verbose_name="record")),
                        ("due_on", models.DateField(verbose_name="due on")),
                        ("recipients", models.TextField(verbose_name="recipients")),
                        ("sent_at", models.DateTimeField(auto_now_add=True, verbose_name="sent")),
                        (
                            "content_type",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="contenttypes.contenttype",
                                verbose_name="kind of record",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "reminder sent",
                        "verbose_name_plural": "reminders sent",
                        "ordering": ["-sent_at"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("kind", "content_type", "object_id", "due_on"),
                                name="reminder_sent_once",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        )
    ]
