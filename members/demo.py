"""Demo content of the members app: the associations of the minutes of 29 September 2014.

The thirteen organisations of the participants' list and of the delegations are members (the
dates they joined are not in the minutes: 2008-01-01 stands for « before this site »); SOS
Esclaves, presented at that meeting, is an observer since 1 October 2014, so its vote fell
due on 1 October 2015. Contacts are the people the minutes name; e-mail addresses are
example.org ones and no telephone number is invented. Idempotent: what exists is left as is.

Around that history, the demo adds the collective's present (marked as demonstration content,
see collectif/demo.py): the other associations publicly known as members of the collective
(their public mission only, an example.org address and no contact person), SOS Esclaves
admitted by the members' vote when its observation year ended, Koutcha an observer whose vote
falls due in about a month, contacts confirmed this year, last year's activity reports (small
generated PDFs) and logos (generated pictures of their initials) for several members.
"""

import io
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from collectif.demo import DEMO_COORDINATOR, DEMO_MEMBER, demo_record, mark_demo, move_to
from collectif.models import Theme
from documents.pdfmaker import make_pdf

from . import services
from .models import ActivityReport, InternationalNetwork, Organisation

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


# The other members of the collective as publicly known: their public mission only.
OTHER_MEMBERS = [
    {
        "slug": "fondation-scelles",
        "name": "Fondation Scelles",
        "acronym": "",
        "themes": ["sexual-exploitation", "advocacy"],
        "website_fr": "https://www.fondationscelles.org/",
        "description_fr": (
            "Reconnue d'utilité publique, la Fondation Scelles combat l'exploitation sexuelle "
            "commerciale par l'information et la recherche, le plaidoyer et le soutien aux "
            "victimes."
        ),
        "description_en": (
            "A foundation recognised as being of public utility, the Fondation Scelles fights "
            "commercial sexual exploitation through information and research, advocacy and "
            "support for victims."
        ),
    },
    {
        "slug": "amis-du-bus-des-femmes",
        "name": "Les Amis du Bus des Femmes",
        "acronym": "",
        "themes": ["sexual-exploitation", "victim-support"],
        "description_fr": (
            "Association parisienne de santé communautaire qui va à la rencontre des personnes "
            "prostituées et accompagne des victimes de traite dans l'accès à leurs droits."
        ),
        "description_en": (
            "A Paris community health association that reaches out to people in prostitution "
            "and helps victims of trafficking to access their rights."
        ),
    },
    {
        "slug": "aux-captifs-la-liberation",
        "name": "Aux captifs, la libération",
        "acronym": "",
        "themes": ["sexual-exploitation", "victim-support"],
        "description_fr": (
            "L'association va à la rencontre des personnes de la rue et des personnes "
            "prostituées à Paris et les accompagne dans la durée."
        ),
        "description_en": (
            "The association reaches out to people living on the street and people in "
            "prostitution in Paris, and stays by their side over time."
        ),
    },
    {
        "slug": "alc",
        "name": "ALC – Accompagnement, lieux d'accueil, carrefour éducatif et social",
        "acronym": "ALC",
        "themes": ["victim-support", "sexual-exploitation"],
        "description_fr": (
            "Basée à Nice, l'ALC coordonne le dispositif national Ac.Sé, qui met à l'abri loin "
            "de leur lieu d'exploitation des victimes de traite en danger et les accompagne."
        ),
        "description_en": (
            "Based in Nice, ALC coordinates the national Ac.Sé scheme, which shelters victims "
            "of trafficking in danger far from where they were exploited and supports them."
        ),
    },
    {
        "slug": "armee-du-salut",
        "name": "Fondation de l'Armée du Salut",
        "acronym": "Armée du Salut",
        "themes": ["victim-support"],
        "description_fr": (
            "Fondation protestante d'action sociale : accueil, hébergement et accompagnement des "
            "personnes en situation d'exclusion."
        ),
        "description_en": (
            "A Protestant social-action foundation: reception, accommodation and support for "
            "people facing exclusion."
        ),
    },
    {
        "slug": "ars",
        "name": "Association pour la réadaptation sociale",
        "acronym": "ARS",
        "themes": ["victim-support"],
        "description_fr": (
            "À Marseille, l'ARS accueille, héberge et accompagne vers l'insertion des personnes "
            "en grande difficulté sociale."
        ),
        "description_en": (
            "In Marseille, ARS welcomes, shelters and helps towards integration people in "
            "serious social difficulty."
        ),
    },
    {
        "slug": "justice-et-paix",
        "name": "Justice et Paix France",
        "acronym": "",
        "themes": ["advocacy"],
        "description_fr": (
            "Commission de la Conférence des évêques de France, Justice et Paix France travaille "
            "sur les droits de l'homme, la paix et le développement."
        ),
        "description_en": (
            "A commission of the French Bishops' Conference, Justice et Paix France works on "
            "human rights, peace and development."
        ),
    },
    {
        "slug": "cpdh",
        "name": "Comité protestant évangélique pour la dignité humaine",
        "acronym": "CPDH",
        "themes": ["advocacy"],
        "description_fr": (
            "Le CPDH promeut le respect de la dignité de la personne humaine et sensibilise à "
            "la lutte contre l'exploitation des êtres humains."
        ),
        "description_en": (
            "The CPDH promotes respect for human dignity and raises awareness of the fight "
            "against the exploitation of human beings."
        ),
    },
    {
        "slug": "entraide-protestante",
        "name": "Fédération de l'Entraide Protestante",
        "acronym": "FEP",
        "themes": ["victim-support"],
        "description_fr": (
            "La FEP fédère des associations et fondations protestantes des secteurs social, "
            "sanitaire et médico-social."
        ),
        "description_en": (
            "The FEP federates Protestant associations and foundations working in social, "
            "health and care services."
        ),
    },
    {
        "slug": "la-cimade",
        "name": "La Cimade",
        "acronym": "",
        "themes": ["victim-support", "advocacy"],
        "website_fr": "https://www.lacimade.org/",
        "description_fr": (
            "La Cimade accompagne les personnes migrantes, réfugiées et demandeuses d'asile "
            "dans la défense de leurs droits."
        ),
        "description_en": (
            "La Cimade supports migrants, refugees and asylum seekers in defending their rights."
        ),
    },
    {
        "slug": "ldh",
        "name": "Ligue des droits de l'Homme",
        "acronym": "LDH",
        "themes": ["advocacy"],
        "website_fr": "https://www.ldh-france.org/",
        "description_fr": "Depuis 1898, la LDH défend les droits et les libertés en France.",
        "description_en": "Since 1898 the LDH has defended rights and freedoms in France.",
    },
    {
        "slug": "medecins-du-monde",
        "name": "Médecins du Monde",
        "acronym": "",
        "themes": ["victim-support", "sexual-exploitation"],
        "website_fr": "https://www.medecinsdumonde.org/",
        "description_fr": (
            "Médecins du Monde soigne les personnes exclues des soins, en France et dans le "
            "monde, et témoigne des atteintes à leur santé et à leurs droits."
        ),
        "description_en": (
            "Médecins du Monde cares for people excluded from health care, in France and "
            "worldwide, and bears witness to the harm done to their health and rights."
        ),
    },
    {
        "slug": "reseau-chretien-immigres",
        "name": "Réseau Chrétien – Immigrés",
        "acronym": "RCI",
        "themes": ["victim-support"],
        "description_fr": (
            "Réseau de chrétiens engagés aux côtés des personnes immigrées pour leur accueil et "
            "l'accès à leurs droits."
        ),
        "description_en": (
            "A network of Christians who stand by immigrants for their welcome and their access "
            "to their rights."
        ),
    },
]
OTHERS_JOINED_REASON = (
    "Membre du Collectif selon sa liste publique (date indicative, contenu de démonstration)."
)

# The demo's observer: its observation year ends, and its vote falls due, this many days after
# the demo's today.
DEMO_OBSERVER = {
    "slug": "koutcha",
    "name": "Koutcha",
    "acronym": "",
    "themes": ["victim-support"],
    "description_fr": (
        "Observatrice du Collectif depuis bientôt un an ; l'association complétera sa "
        "présentation avant le vote sur son admission."
    ),
    "description_en": (
        "An observer of the collective for almost a year; the association will complete its "
        "presentation before the vote on its admission."
    ),
}
VOTE_DUE_IN_DAYS = 30

# SOS Esclaves' observation year ended on 1 October 2015: the members' vote that day.
SOS_VOTE = {
    "date": date(2015, 10, 1),
    "place": "Réunion plénière du Collectif (date de démonstration)",
    "votes_for": 12,
    "votes_against": 0,
    "abstentions": 1,
}

# Logos drawn from the initials (long ones included) and last year's activity report, for these.
LOGOS = {
    "secours-catholique": "#c8102e",
    "ccem": "#1d4f91",
    "ecpat-france": "#00857c",
    "bon-pasteur": "#6d2077",
    "mouvement-du-nid": "#e87722",
    "fondation-scelles": "#24135f",
    "la-cimade": "#d50032",
    "medecins-du-monde": "#0072ce",
    "armee-du-salut": "#b5121b",
}
REPORTS = [
    "secours-catholique",
    "ccem",
    "ecpat-france",
    "hors-la-rue",
    "mouvement-du-nid",
    "bon-pasteur",
    "amicale-du-nid",
    "fondation-scelles",
    "la-cimade",
    "sos-esclaves",
]
# These confirm their contact later in the year: the coordinators' home has someone to chase.
UNCONFIRMED = {"afj", "amicale-du-nid", "les-champs-de-booz"}


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
    elif "contact" not in spec:
        # Not in the minutes: an address that is obviously an example, and no person.
        fields.update(contact_email=f"{spec['slug']}@example.org")
    fields["description"] = fields["description_fr"]
    if spec.get("network"):
        fields["network"] = networks[spec["network"]]
    organisation, created = Organisation.objects.get_or_create(slug=spec["slug"], defaults=fields)
    if created:
        organisation.themes.set(Theme.objects.filter(slug__in=spec["themes"]))
    return organisation, created


def _demo_organisation(spec, networks, key):
    organisation, created = _organisation(spec, networks)
    if created:
        mark_demo(organisation, key)
    return organisation, created


def _sos_esclaves_vote(today, coordinator):
    """SOS Esclaves admitted when its observation year ended (the minutes announced the vote),
    once the demo's today is past it."""
    sos = Organisation.objects.get(slug=OBSERVER["slug"])
    if today < SOS_VOTE["date"]:
        return
    if sos.status != Organisation.Status.OBSERVER or sos.vote_due_on != SOS_VOTE["date"]:
        return
    vote = services.membership_record_vote(organisation=sos, by=coordinator, **SOS_VOTE)
    mark_demo(vote, "members:vote:sos-esclaves")


def _observer(today, networks):
    """Koutcha, an observer whose vote falls due VOTE_DUE_IN_DAYS after `today`: a later run
    moves its observation to the new present (its one event and its dates, in place)."""
    due = today + timedelta(days=VOTE_DUE_IN_DAYS)
    since = services.add_months(due, -services.observation_months())
    observer, created = _demo_organisation(DEMO_OBSERVER, networks, "members:observer")
    if observer.status == Organisation.Status.CANDIDATE:
        services.membership_confirm_observer(
            organisation=observer,
            date=since,
            reason="A confirmé son souhait d'entrer dans le Collectif (démonstration).",
        )
        return created
    if observer.status == Organisation.Status.OBSERVER and not observer.admission_votes.exists():
        event = observer.membership_events.filter(to_status=Organisation.Status.OBSERVER).last()
        if event is not None:
            move_to(event, date=since)
        move_to(observer, status_since=since, vote_due_on=services.vote_due_date(since))
    return created


def _logo(text, colour):
    """A small square picture of an organisation's initials, drawn here (nothing downloaded)."""
    size = 240
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image)
    lines = "\n".join(text.split() if len(text) > 8 else [text])
    # The largest size that leaves a margin around the initials.
    for font_size in range(96, 12, -4):
        font = ImageFont.load_default(size=font_size)
        box = draw.multiline_textbbox((0, 0), lines, font=font, align="center")
        width, height = box[2] - box[0], box[3] - box[1]
        if width <= size * 0.8 and height <= size * 0.8:
            break
    draw.multiline_text(
        ((size - width) / 2 - box[0], (size - height) / 2 - box[1]),
        lines,
        font=font,
        fill="white",
        align="center",
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def _logos(coordinator):
    organisations = Organisation.objects.filter(slug__in=LOGOS)
    for organisation in organisations:
        if organisation.logo:
            continue  # a logo a member uploaded (or an earlier run drew) stays
        text = organisation.acronym or organisation.initials
        picture = ContentFile(
            _logo(text, LOGOS[organisation.slug]), name=f"{organisation.slug}.png"
        )
        services.organisation_set_logo(organisation=organisation, logo=picture, by=coordinator)


def _reports(today, coordinator):
    """Last year's activity report of several members: a later year's run adds that year's."""
    year = today.year - 1
    for organisation in Organisation.objects.filter(slug__in=REPORTS):
        key = f"members:report:{organisation.slug}:{year}"
        if demo_record(ActivityReport, key) or organisation.reports.filter(year=year).exists():
            continue
        title = f"{organisation.name} — rapport d'activité {year}"
        pdf = make_pdf(
            [
                f"Rapport d'activité {year} de {organisation.display_name}.",
                organisation.description_fr or organisation.description,
                "Document de démonstration produit par le site du Collectif « Ensemble contre "
                "la traite des êtres humains » : il tient la place du rapport que "
                "l'association transmet chaque année.",
            ],
            title=title,
        )
        report = services.activity_report_add(
            organisation=organisation,
            year=year,
            language=ActivityReport.Language.FRENCH,
            file=ContentFile(pdf, name=f"{organisation.slug}-{year}.pdf"),
            by=coordinator,
        )
        mark_demo(report, key)


def _confirmations(today):
    """Most members confirmed their contact this year, a few days or weeks before `today`."""
    start_of_year = date(today.year, 1, 1)
    organisations = Organisation.objects.public().exclude(slug__in=UNCONFIRMED).order_by("slug")
    for position, organisation in enumerate(organisations):
        confirmed = max(start_of_year, today - timedelta(days=7 + 3 * position))
        if organisation.contact_email and organisation.contact_confirmed_on != confirmed:
            move_to(organisation, contact_confirmed_on=confirmed)


def load(*, today):
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
    for spec in OTHER_MEMBERS:
        organisation, created = _demo_organisation(
            spec, networks, f"members:organisation:{spec['slug']}"
        )
        if organisation.status == Organisation.Status.CANDIDATE:
            services.membership_admit_without_vote(
                organisation=organisation, date=JOINED, reason=OTHERS_JOINED_REASON
            )
        created_count += created

    users = get_user_model().objects
    coordinator = users.get(username=DEMO_COORDINATOR)
    _sos_esclaves_vote(today, coordinator)
    created_count += _observer(today, networks)
    _logos(coordinator)
    _reports(today, coordinator)
    _confirmations(today)

    member = users.get(username=DEMO_MEMBER)
    ccem = Organisation.objects.get(slug="ccem")
    ccem.representatives.add(member)
    return [
        f"{created_count} organisation(s) created ({Organisation.objects.count()} in all); "
        f"{DEMO_MEMBER} represents the {ccem.acronym}",
    ]
