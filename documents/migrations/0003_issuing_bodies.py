"""The issuing bodies the library starts with; coordinators add others in the admin."""

from django.db import migrations

# slug, parent, French name, French acronym, English name, English acronym
BODIES = [
    ("united-nations", None, "Organisation des Nations unies", "ONU", "United Nations", "UN"),
    ("unodc", "united-nations", "Office des Nations unies contre la drogue et le crime", "ONUDC",
     "United Nations Office on Drugs and Crime", "UNODC"),
    ("ilo", None, "Organisation internationale du travail", "OIT",
     "International Labour Organization", "ILO"),
    ("osce", None, "Organisation pour la sécurité et la coopération en Europe", "OSCE",
     "Organization for Security and Co-operation in Europe", "OSCE"),
    ("council-of-europe", None, "Conseil de l'Europe", "CdE", "Council of Europe", "CoE"),
    ("greta", "council-of-europe",
     "Groupe d'experts sur la lutte contre la traite des êtres humains", "GRETA",
     "Group of Experts on Action against Trafficking in Human Beings", "GRETA"),
    ("echr", "council-of-europe", "Cour européenne des droits de l'homme", "CEDH",
     "European Court of Human Rights", "ECHR"),
    ("european-union", None, "Union européenne", "UE", "European Union", "EU"),
    ("french-republic", None, "République française", "", "French Republic", ""),
    ("cncdh", "french-republic", "Commission nationale consultative des droits de l'homme",
     "CNCDH", "National Consultative Commission on Human Rights", "CNCDH"),
    ("miprof", "french-republic",
     "Mission interministérielle pour la protection des femmes contre les violences et la lutte "
     "contre la traite des êtres humains", "MIPROF",
     "Interministerial mission for the protection of women against violence and the fight "
     "against human trafficking", "MIPROF"),
]


def create_bodies(apps, schema_editor):
    IssuingBody = apps.get_model("documents", "IssuingBody")
    created = {}
    for slug, parent, name_fr, acronym_fr, name_en, acronym_en in BODIES:
        body, _ = IssuingBody.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name_fr,
                "name_fr": name_fr,
                "name_en": name_en,
                "acronym": acronym_fr,
                "acronym_fr": acronym_fr,
                "acronym_en": acronym_en,
                "parent": created.get(parent),
            },
        )
        created[slug] = body


class Migration(migrations.Migration):
    dependencies = [("documents", "0002_full_text_search")]

    operations = [migrations.RunPython(create_bodies, migrations.RunPython.noop)]
