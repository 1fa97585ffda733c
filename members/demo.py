"""Demo content of the members app: the associations of the minutes of 29 September 2014.

The thirteen organisations of the participants' list and of the delegations are members (the
dates they joined are not in the minutes: 2008-01-01 stands for « before this site »); SOS
Esclaves, presented at that meeting, is an observer since 1 October 2014, so its vote fell
due on 1 October 2015. Contacts are the people the minutes name; e-mail addresses are
example.org ones and no telephone number is invented. Idempotent: what exists is left as is.
"""

from datetime import date

from django.contrib.auth import get_user_model

from collectif.demo import DEMO_MEMBER
from collectif.models import Theme

from . import services
from .models import InternationalNetwork, Organisation

JOINED = date(2008, 1, 1)
JOINED_REASON = "Membre du Collectif avant l'ouverture de ce site (date indicative)."
CONFIRMED = date(2014, 10, 6)  # the date of the minutes that asked members to check

NETWORKS = {
    "caritas": {
        "name": "Caritas Internationalis",
        "website": "https://www.caritas.org/",
        "presentation_fr": (
            "Confédération de plus de 160 organisations catholiques d'aide humanitaire, de "
            "développement et de service social. Elle anime COATNET (Christian Organisations "
            "Against Trafficking Network), le réseau d'organisations chrétiennes contre la traite "
            "des êtres humains."
        ),
        "presentation_en": (
            "A confederation of more than 160 Catholic humanitarian, development and social "
            "service organisations. It runs COATNET (Christian Organisations Against "
            "Trafficking Network), the network of Christian organisations against human "
            "trafficking."
        ),
    },
    "ecpat": {
        "name": "ECPAT International",
        "website": "https://ecpat.org/",
        "presentation_fr": (
            "Réseau mondial d'organisations de la société civile qui agissent pour mettre fin à "
            "l'exploitation sexuelle des enfants."
        ),
        "presentation_en": (
            "A global network of civil society organisations working to end the sexual "
            "exploitation of children."
        ),
    },
    "renate": {
        "name": "RENATE",
        "website": "",
        "presentation_fr": (
            "Religious in Europe Networking Against Trafficking and Exploitation : réseau "
            "européen de religieuses et de religieux engagés contre la traite et l'exploitation "
            "des êtres humains."
        ),
        "presentation_en": "",
    },
}

ORGANISATIONS = [
    {
        "slug": "acpe",
        "name": "Agir contre la prostitution des enfants",
        "acronym": "ACPE",
        "themes": ["minors", "sexual-exploitation", "advocacy"],
        "contact": ("Raffaella", "Tatangelo"),
        "description_fr": (
            "L'ACPE agit contre la prostitution et l'exploitation sexuelle des enfants : "
            "sensibilisation du public et des professionnels, plaidoyer et action en justice."
        ),
        "description_en": (
            "ACPE acts against child prostitution and the sexual exploitation of children: "
            "awareness-raising among the public and professionals, advocacy and legal action."
        ),
    },
    {
        "slug": "cofrade",
        "name": "Conseil français des associations pour les droits de l'enfant",
        "acronym": "COFRADE",
        "themes": ["minors", "advocacy"],
        "contact": ("Raffaella", "Tatangelo"),
        "website_fr": "https://www.cofrade.fr/",
        "description_fr": (
            "Le COFRADE réunit des associations françaises pour faire respecter la Convention "
            "internationale des droits de l'enfant et en suivre l'application en France."
        ),
        "description_en": (
            "COFRADE brings together French associations to uphold the UN Convention on the "
            "Rights of the Child and follow its implementation in France."
        ),
    },
    {
        "slug": "ccem",
        "name": "Comité contre l'esclavage moderne",
        "acronym": "CCEM",
        "themes": ["domestic-slavery", "labour-exploitation", "victim-support"],
        "contact": ("Bénédicte", "Bourgeois"),
        "website_fr": "https://www.esclavagemoderne.org/",
        "description_fr": (
            "Le CCEM accompagne les victimes d'esclavage domestique et de traite à des fins "
            "d'exploitation par le travail : accueil, suivi juridique et social, et actions en "
            "justice pour faire reconnaître leurs droits."
        ),
        "description_en": (
            "The CCEM supports victims of domestic slavery and of trafficking for labour "
            "exploitation: reception, legal and social follow-up, and legal action to have "
            "their rights recognised."
        ),
    },
    {
        "slug": "ecpat-france",
        "name": "ECPAT France",
        "acronym": "ECPAT",
        "themes": ["minors", "sexual-exploitation", "advocacy"],
        "contact": ("Alice", "Tallon"),
        "network": "ecpat",
        "website_fr": "https://www.ecpat-france.fr/",
        "description_fr": (
            "ECPAT France lutte contre toutes les formes d'exploitation sexuelle des enfants, "
            "notamment dans le tourisme et sur internet, en France et à l'international."
        ),
        "description_en": (
            "ECPAT France fights every form of sexual exploitation of children, in particular "
            "in travel and tourism and online, in France and abroad."
        ),
    },
    {
        "slug": "hors-la-rue",
        "name": "Hors la Rue",
        "acronym": "",
        "themes": ["minors", "forced-begging-delinquency", "victim-support"],
        "contact": ("Bénédicte", "Cabrol"),
        "website_fr": "https://horslarue.org/",
        "description_fr": (
            "Hors la Rue va à la rencontre des mineurs étrangers en danger en région "
            "parisienne, notamment des enfants exploités ou contraints à commettre des délits, "
            "et les accompagne vers la protection à laquelle ils ont droit."
        ),
        "description_en": (
            "Hors la Rue reaches out to foreign children at risk in the Paris region, in "
            "particular children who are exploited or forced to commit offences, and helps "
            "them towards the protection they are entitled to."
        ),
    },
    {
        "slug": "oicem",
        "name": "Organisation internationale contre l'esclavage moderne",
        "acronym": "OICEM",
        "themes": ["labour-exploitation", "domestic-slavery", "victim-support"],
        "contact": ("Andréa", "Couzy"),
        "description_fr": (
            "Basée à Marseille, l'OICEM accompagne les victimes de traite et d'esclavage "
            "moderne et forme les professionnels à leur identification."
        ),
        # No English yet: the English page shows the French, marked as such.
        "description_en": "",
    },
    {
        "slug": "mouvement-du-nid",
        "name": "Mouvement du Nid",
        "acronym": "",
        "themes": ["sexual-exploitation", "victim-support", "advocacy"],
        "contact": ("Pierre", "Albert"),
        "website_fr": "https://mouvementdunid.org/",
        "description_fr": (
            "Le Mouvement du Nid va à la rencontre des personnes prostituées, les accompagne, "
            "et agit par la prévention et le plaidoyer contre le système prostitutionnel."
        ),
        "description_en": (
            "The Mouvement du Nid reaches out to people in prostitution, supports them, and "
            "works through prevention and advocacy against the system of prostitution."
        ),
    },
    {
        "slug": "planete-enfants",
        "name": "Planète Enfants",
        "acronym": "",
        "themes": ["minors", "sexual-exploitation"],
        "contact": ("Stéphanie", "Selle"),
        "description_fr": (
            "Planète Enfants agit pour protéger les enfants et les femmes de l'exploitation, "
            "notamment contre la traite au Népal."
        ),
        "description_en": (
            "Planète Enfants works to protect children and women from exploitation, in "
            "particular against trafficking in Nepal."
        ),
    },
    {
        "slug": "bon-pasteur",
        "name": "Congrégation Notre-Dame de Charité du Bon Pasteur",
        "acronym": "Bon Pasteur",
        "themes": ["sexual-exploitation", "victim-support"],
        "contact": ("Marie-Hélène", "Halligon"),
        "network": "renate",
        "description_fr": (
            "Les sœurs du Bon Pasteur accueillent et accompagnent des femmes et des jeunes "
            "filles en difficulté, dont des victimes de traite et d'exploitation sexuelle. En "
            "Europe, elles agissent avec le réseau RENATE."
        ),
        "description_en": (
            "The Sisters of the Good Shepherd welcome and support women and girls in "
            "difficulty, among them victims of trafficking and sexual exploitation. In Europe "
            "they work with the RENATE network."
        ),
    },
    {
        "slug": "les-champs-de-booz",
        "name": "Les Champs de Booz",
        "acronym": "",
        "themes": ["victim-support"],
        "contact": ("Marie-Hélène", "Halligon"),
        "description_fr": (
            "Association liée au Bon Pasteur qui accueille des femmes étrangères et les "
            "accompagne vers l'autonomie, notamment par l'apprentissage du français."
        ),
        "description_en": "",
    },
    {
        "slug": "secours-catholique",
        "name": "Secours Catholique – Caritas France",
        "acronym": "Secours Catholique",
        "themes": ["victim-support", "advocacy", "labour-exploitation"],
        "contact": ("Geneviève", "Colas"),
        "contact_role_fr": "Coordinatrice du Collectif",
        "contact_role_en": "Coordinator of the collective",
        "contact_address": "106 rue du Bac\n75341 Paris cedex 07",
        "contact_address_public": True,
        "network": "caritas",
        "website_fr": "https://www.secours-catholique.org/",
        "description_fr": (
            "Service de l'Église catholique, le Secours Catholique – Caritas France lutte contre "
            "la pauvreté et l'exclusion. Il coordonne le Collectif « Ensemble contre la traite "
            "des êtres humains »."
        ),
        "description_en": (
            "A service of the Catholic Church, the Secours Catholique – Caritas France fights "
            "poverty and exclusion. It coordinates the collective « Ensemble contre la traite "
            "des êtres humains »."
        ),
    },
    {
        "slug": "amicale-du-nid",
        "name": "Amicale du Nid",
        "acronym": "",
        "themes": ["sexual-exploitation", "victim-support"],
        "contact": None,
        "website_fr": "https://amicaledunid.org/",
        "description_fr": (
            "L'Amicale du Nid accompagne les personnes en situation ou en danger de "
            "prostitution vers l'insertion sociale et professionnelle, avec des services "
            "d'accueil et d'hébergement."
        ),
        "description_en": (
            "The Amicale du Nid helps people in or at risk of prostitution towards social and "
            "professional integration, with drop-in and accommodation services."
        ),
    },
    {
        "slug": "afj",
        "name": "Association Foyer Jorbalan",
        "acronym": "AFJ",
        "themes": ["sexual-exploitation", "victim-support"],
        "contact": None,
        "description_fr": (
            "L'AFJ accueille et héberge des femmes victimes de la traite à des fins "
            "d'exploitation sexuelle et les accompagne vers l'autonomie. Son adresse reste "
            "confidentielle."
        ),
        "description_en": (
            "AFJ welcomes and shelters women who are victims of trafficking for sexual "
            "exploitation and supports them towards independence. Its address is kept "
            "confidential."
        ),
    },
]

OBSERVER = {
    "slug": "sos-esclaves",
    "name": "SOS Esclaves",
    "acronym": "",
    "themes": ["domestic-slavery", "victim-support"],
    "contact": ("Annick", "Fougeroux"),
    "description_fr": (
        "SOS Esclaves aide les victimes d'esclavage domestique et de travail forcé : écoute, "
        "accompagnement juridique et social."
    ),
    "description_en": (
        "SOS Esclaves helps victims of domestic slavery and forced labour: listening, legal "
        "and social support."
    ),
}
OBSERVER_SINCE = date(2014, 10, 1)


def _organisation(spec, networks):
    fields = {
        key: value
        for key, value in spec.items()
        if key not in {"slug", "themes", "contact", "network"}
    }
    if spec.get("contact"):
        first, last = spec["contact"]
        fields.update(
            contact_first_name=first,
            contact_last_name=last,
            contact_email=f"{spec['slug']}@example.org",
            contact_confirmed_on=CONFIRMED,
        )
    fields["description"] = fields["description_fr"]
    if spec.get("network"):
        fields["network"] = networks[spec["network"]]
    organisation, created = Organisation.objects.get_or_create(slug=spec["slug"], defaults=fields)
    if created:
        organisation.themes.set(Theme.objects.filter(slug__in=spec["themes"]))
    return organisation, created


def load():
    networks = {}
    for key, spec in NETWORKS.items():
        networks[key], _created = InternationalNetwork.objects.get_or_create(
            name=spec["name"], defaults={**spec, "presentation": spec["presentation_fr"]}
        )
    created_count = 0
    for spec in ORGANISATIONS:
        organisation, created = _organisation(spec, networks)
        if organisation.status == Organisation.Status.CANDIDATE:
            services.membership_admit_without_vote(
                organisation=organisation, date=JOINED, reason=JOINED_REASON
            )
        created_count += created
    observer, created = _organisation(OBSERVER, networks)
    if observer.status == Organisation.Status.CANDIDATE:
        services.membership_confirm_observer(
            organisation=observer,
            date=OBSERVER_SINCE,
            reason=(
                "Présentée à la réunion du 29 septembre 2014 ; a confirmé son souhait d'entrer "
                "dans le Collectif."
            ),
        )
    created_count += created

    member = get_user_model().objects.get(username=DEMO_MEMBER)
    ccem = Organisation.objects.get(slug="ccem")
    ccem.representatives.add(member)
    return [
        f"{created_count} organisation(s) created ({Organisation.objects.count()} in all); "
        f"{DEMO_MEMBER} represents the {ccem.acronym}",
    ]
