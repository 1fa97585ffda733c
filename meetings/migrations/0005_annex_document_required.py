import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    """Last step: every annex links to its meeting and to a document of the library, which
    holds the title and the file from now on."""

    dependencies = [("meetings", "0004_annexes_to_documents")]

    operations = [
        migrations.AlterField(
            model_name="annex",
            name="document",
            field=models.ForeignKey(
                help_text="A document of the library (members only unless made public there). Not there yet? Add it with the « + » button, or in the library first.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="annexes",
                to="documents.document",
                verbose_name="document",
            ),
        ),
        migrations.AlterField(
            model_name="annex",
            name="meeting",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="annexes",
                to="meetings.meeting",
                verbose_name="meeting",
            ),
        ),
        migrations.RemoveField(model_name="annex", name="title"),
        migrations.RemoveField(model_name="annex", name="title_fr"),
        migrations.RemoveField(model_name="annex", name="title_en"),
        migrations.RemoveField(model_name="annex", name="file"),
        migrations.RenameField(model_name="annex", old_name="uploaded_at", new_name="added_at"),
        migrations.AlterField(
            model_name="annex",
            name="added_at",
            field=models.DateTimeField(auto_now_add=True, verbose_name="added"),
        ),
        migrations.AlterModelOptions(
            name="annex",
            options={
                "ordering": ["meeting", "number", "pk"],
                "verbose_name": "annex",
                "verbose_name_plural": "annexes",
            },
        ),
    ]
