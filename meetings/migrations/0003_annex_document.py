import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """First step of annexes becoming documents of the library: the links, empty for now
    (0004 fills them, 0005 makes them required and drops the annex's own title and file)."""

    dependencies = [
        ("documents", "0004_coordination_permissions"),
        ("meetings", "0002_coordination_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="annex",
            name="document",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="annexes",
                to="documents.document",
                verbose_name="document",
            ),
        ),
        migrations.AddField(
            model_name="annex",
            name="meeting",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="annexes",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
    ]
