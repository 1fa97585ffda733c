"""The themes the members work on, from the collective's own vocabulary."""

from django.db import migrations

THEMES = [
    ("minors", "Mineurs", "Minors"),
    ("sexual-exploitation", "Exploitation sexuelle", "Sexual exploitation"),
    ("domestic-slavery", "Esclavage domestique", "Domestic slavery"),
    ("labour-exploitation", "Exploitation par le travail", "Labour exploitation"),
    ("forced-begging-delinquency", "Mendicité et délinquance forcées", "Forced begging and delinquency"),
    ("organ-removal", "Prélèvement d'organes", "Organ removal"),
    ("victim-support", "Accompagnement des victimes", "Victim support"),
    ("advocacy", "Plaidoyer", "Advocacy"),
]


def create_themes(apps, schema_editor):
    Theme = apps.get_model("collectif", "Theme")
    for position, (slug, name_fr, name_en) in enumerate(THEMES):
        Theme.objects.get_or_create(
            slug=slug,
            defaults={"name": name_fr, "name_fr": name_fr, "name_en": name_en, "position": position},
        )


class Migration(migrations.Migration):
    dependencies = [("collectif", "0004_theme")]

    operations = [migrations.RunPython(create_themes, migrations.RunPython.noop)]
