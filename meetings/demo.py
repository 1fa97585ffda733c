# ruff: noqa: E501 -- the minutes are kept one paragraph per line, as coordinators type them.
"""Demo content of the meetings app: the meeting of 29 September 2014, entered from its
minutes, and the meetings those minutes report or announce.

The minutes give no time for the meetings of 11 and 29 September or for the public events:
they are set in the morning (the plenary at 10:00–12:30, like the next one; SOS Esclaves
joined it « à partir de 11h30 »). The annexes the minutes cite are the documents the library's
demo creates (documents.demo, loaded first): the launch communiqué (annex 1, public) and the
two « constats et propositions » (annexes 2 and 3, members only). The English of the sections' text is left to the members (the minutes ask them for it): the
English pages show the French, marked as such. Idempotent: what exists is left as is, so an
action item marked done stays done.

That history is complete: the meetings it announced were held, the minutes of 29 September
were approved at the plenary of 7 November 2014, whose « suivi des actions » closed their
items. Around `today` the demo adds the collective's present (demonstration content, see
collectif/demo.py): the last plenary six weeks ago with its draft minutes and open action
items (one of them `MAX_OVERDUE_DAYS` late, the others not yet due), the next plenary with its
agenda on the day Koutcha's admission vote falls due, and a public event in a fortnight.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from collectif.demo import (
    DEMO_COORDINATOR,
    MAX_OVERDUE_DAYS,
    demo_record,
    mark_demo,
    move_to,
    working_day,
)
from documents.models import Document
from members.demo import VOTE_DUE_IN_DAYS
from members.models import Organisation

from . import services
from .models import ActionItem, AgendaItem, Annex, Attendance, Meeting, PersonMet

PARIS = ZoneInfo("Europe/Paris")
SC_ADDRESS = "106 rue du Bac, 75341 Paris cedex 07"
BEAUVAU = ("Ministère de l'Intérieur", "Place Beauvau, 75008 Paris")
INTERIOR_DELEGATION = [
    "secours-catholique",
    "ccem",
    "hors-la-rue",
    "oicem",
    "afj",
    "amicale-du-nid",
]
EMAILS = "contre.la.traite@secours-catholique.org et genevieve.colas@secours-catholique.org"


def at(year, month, day, hour=10, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


MEETINGS = {
    "justice": {
        "kind": Meeting.Kind.INSTITUTION,
        "start": at(2014, 9, 11),
        "title_fr": "Rencontre au Cabinet de la Ministre de la Justice",
        "title_en": "Meeting at the office of the Minister of Justice",
        "summary_fr": (
            "Une délégation du Collectif rencontre Claire D'urso, Conseillère législation "
            "pénale et aide aux victimes, au Cabinet de Christiane Taubira, Ministre de la "
            "justice. Document de constats et propositions remis (annexe 2 du compte-rendu du "
            "29 septembre 2014)."
        ),
        "summary_en": (
            "A delegation of the collective meets Claire D'urso, adviser on criminal law and "
            "victim support, at the office of Christiane Taubira, Minister of Justice. A paper "
            "of findings and proposals was handed over (annex 2 of the minutes of 29 September "
            "2014)."
        ),
        "place_name": "Ministère de la Justice",
        "place_address": "13 place Vendôme, 75001 Paris",
        "status": Meeting.Status.HELD,
        "people": [
            (
                "Claire D'urso",
                "Conseillère législation pénale et aide aux victimes",
                "Legislative adviser on criminal law and victim support",
                "Cabinet de Christiane Taubira, Ministre de la Justice",
                "Office of Christiane Taubira, Minister of Justice",
            ),
        ],
        "delegation": [],
    },
    "interior-1": {
        "kind": Meeting.Kind.INSTITUTION,
        "start": at(2014, 9, 29, 15),
        "title_fr": "Rencontre avec le Ministre de l'Intérieur",
        "title_en": "Meeting with the Minister of the Interior",
        "summary_fr": (
            "Une délégation du Collectif rencontre Bernard Cazeneuve, Ministre de l'intérieur, "
            "et les membres de son Cabinet. Document de constats et propositions remis (annexe 3 "
            "du compte-rendu du 29 septembre 2014)."
        ),
        "summary_en": (
            "A delegation of the collective meets Bernard Cazeneuve, Minister of the Interior, "
            "and members of his office. A paper of findings and proposals was handed over "
            "(annex 3 of the minutes of 29 September 2014)."
        ),
        "place_name": BEAUVAU[0],
        "place_address": BEAUVAU[1],
        "status": Meeting.Status.HELD,
        "people": [
            ("Bernard Cazeneuve", "Ministre de l'Intérieur", "Minister of the Interior", "", ""),
            (
                "Pierre-Antoine MOLINA",
                "Directeur adjoint du Cabinet",
                "Deputy chief of staff",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
            (
                "Raphael SODINI",
                "Conseiller immigration et asile (correspondant traite)",
                "Adviser on immigration and asylum (trafficking correspondent)",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
            (
                "Jean-Julien XAVIER–ROLAI",
                "Conseiller juridique",
                "Legal adviser",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
            (
                "François MINSARD",
                "Conseiller Police",
                "Police adviser",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
            (
                "Luc DEREPAS",
                "Directeur général des étrangers en France",
                "Director General for Foreigners in France",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
        ],
        "delegation": INTERIOR_DELEGATION,
    },
    "interior-2": {
        "kind": Meeting.Kind.INSTITUTION,
        "start": at(2014, 10, 23, 16),
        "title_fr": "Rencontre avec les conseillers du Ministre de l'Intérieur",
        "title_en": "Meeting with the advisers of the Minister of the Interior",
        "summary_fr": (
            "Dans la suite de la démarche en cours, rencontre d'une délégation du Collectif avec "
            "des membres du Cabinet du Ministre de l'Intérieur, Bernard Cazeneuve. Même "
            "délégation du Collectif car il s'agit d'approfondir et illustrer les points "
            "présentés lors de la rencontre avec le Ministre, et en particulier la question des "
            "mineurs."
        ),
        "summary_en": (
            "Following up the approach under way, a delegation of the collective meets members "
            "of the office of Bernard Cazeneuve, Minister of the Interior. The same delegation, "
            "since the aim is to go further into the points presented to the Minister and "
            "illustrate them, in particular the question of minors."
        ),
        "place_name": BEAUVAU[0],
        "place_address": BEAUVAU[1],
        "status": Meeting.Status.PLANNED,
        "people": [
            (
                "Raphael SODINI",
                "Conseiller immigration et asile (correspondant traite)",
                "Adviser on immigration and asylum (trafficking correspondent)",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
            (
                "Jean-Julien XAVIER–ROLAI",
                "Conseiller juridique",
                "Legal adviser",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
            (
                "François MINSAR ou un collaborateur du Conseiller Police",
                "Conseiller Police",
                "Police adviser",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
            (
                "Luc DEREPAS",
                "Directeur général des étrangers en France",
                "Director General for Foreigners in France",
                "Ministère de l'Intérieur",
                "Ministry of the Interior",
            ),
        ],
        "delegation": INTERIOR_DELEGATION,
    },
    "plenary-november": {
        "kind": Meeting.Kind.PLENARY,
        "start": at(2014, 11, 7),
        "end": at(2014, 11, 7, 12, 30),
        "title_fr": "Réunion plénière du Collectif",
        "title_en": "Plenary meeting of the collective",
        "summary_fr": "",
        "summary_en": "",
        "place_name": "Secours Catholique",
        "place_address": SC_ADDRESS,
        "room": "Salle 3002",
        "status": Meeting.Status.PLANNED,
        "people": [],
        "delegation": [],
        "agenda": [
            (
                "La traite des mineurs en France (suite)",
                "Trafficking of minors in France (continued)",
            ),
            (
                "Conférence nationale du Réseau européen des migrations : compte-rendu des "
                "participants",
                "National conference of the European Migration Network: report by those who "
                "attended",
            ),
        ],
    },
    "cfdt": {
        "kind": Meeting.Kind.PARTNER,
        "start": at(2015, 1, 20),
        "title_fr": "Rencontre avec la CFDT",
        "title_en": "Meeting with the CFDT trade union",
        "summary_fr": (
            "Rencontre d'une délégation du Collectif avec les responsables de la CFDT chargés "
            "de la question de la lutte contre la traite des êtres humains."
        ),
        "summary_en": (
            "A delegation of the collective meets the officers of the CFDT in charge of the "
            "fight against human trafficking."
        ),
        "place_name": "CFDT",
        "place_address": "4 boulevard de la Villette, 75019 Paris",
        "status": Meeting.Status.PLANNED,
        "people": [
            (
                "Jean-Louis MALYS",
                "Secrétaire national",
                "National secretary",
                "CFDT",
                "CFDT",
            ),
            (
                "Yvan KAGAN",
                "Secrétaire confédéral, Service Economie et Société",
                "Confederal secretary, Economy and Society department",
                "CFDT",
                "CFDT",
            ),
        ],
        "delegation": [],
    },
    "european-day": {
        "kind": Meeting.Kind.EVENT,
        "start": at(2014, 10, 18, 9),
        "title_fr": "Journée européenne de lutte contre la traite des êtres humains",
        "title_en": "EU Anti-Trafficking Day",
        "summary_fr": (
            "À cette occasion, le Collectif lance officiellement son nouveau site internet, "
            "contrelatraite.org."
        ),
        "summary_en": (
            "On this occasion, the collective officially launches its new website, "
            "contrelatraite.org."
        ),
        "visibility": Meeting.Visibility.PUBLIC,
        "status": Meeting.Status.PLANNED,
        "people": [],
        "delegation": [],
    },
}

# The nine sections of the minutes of 29 September 2014: (title FR, title EN, minutes,
# decisions, action items). An action item is (text, owners, due date); owners are
# organisation slugs, "coordination" or "everyone".
SECTIONS = [
    (
        "Lancement du site internet nouvelle formule le 1er octobre 2014",
        "Launch of the new website on 1 October 2014",
        """A partir du 1er octobre le site contrelatraite.org nouveau remplace l'ancien.

Le site est présenté à chacun et quelques points d'attention sont listés :

- Dans la rubrique « nos membres », chacun vérifie que les informations sont exactes et que ce sont des contacts publics. Chaque membre peut transmettre aussi des documents complémentaires : le rapport d'activité de l'année 2013, la présentation de son réseau international si une action contre la traite est menée au niveau international.

- Le site comporte une version anglaise. Chacun est invité à la relire et transmettre les traductions en anglais des textes qu'il soumet à chaque fois que possible.

- Dans la rubrique « Droit », seront ajoutés les textes et documents à jour de GRETA, ONUDC, OSCE…

- Le site sera officiellement lancé à l'occasion de la prochaine Journée européenne de lutte contre la traite des êtres humains. Tous les membres du Collectif sont invités à adapter le texte proposé pour faire connaître le site à ses réseaux et au delà. Stéphanie Selle propose une base de texte que chacun pourra adapter.""",
        "",
        [
            (
                f"Transmettre à {EMAILS} pour chaque association membre le contact : prénom, "
                "nom, adresse Email, numéro de téléphone ; le rapport d'activité 2013 ; la "
                "présentation et le site web du réseau international auquel est liée "
                "l'association. Vérifier que la redirection vers votre site est effective tant "
                "dans la version française qu'anglaise. En cas de difficulté, nous alerter de "
                "même par Email.",
                ["everyone"],
                None,
            ),
            (
                "Chacun est invité à transmettre à ses interlocuteurs et intégrer sur son site le "
                "communiqué proposé adapté à son organisation pour faire connaître le site et "
                "l'action du Collectif. Voir ci-joint en annexe 1. N'hésitez pas à nous faire "
                "part de toute modification souhaitable.",
                ["everyone"],
                date(2014, 10, 18),
            ),
        ],
    ),
    (
        "Point sur les démarches auprès des Ministères de la Justice et de l'Intérieur",
        "Update on the approaches to the Ministries of Justice and of the Interior",
        """- Une délégation du Collectif a rencontré le 11 septembre Claire D'urso, Conseillère législation pénale et aide aux victimes, au Cabinet de Christiane Taubira, Ministre de la justice.

Voir le document de constats et propositions en annexe 2.

- Une délégation du Collectif a rencontré le 29 septembre Monsieur Bernard Cazeneuve, Ministre de l'intérieur et Pierre-Antoine MOLINA, Directeur adjoint du Cabinet ; Raphael SODINI, Conseiller immigration et asile (correspondant traite) ; Jean-Julien XAVIER–ROLAI, Conseiller juridique ; François MINSARD, Conseiller Police ; Luc DEREPAS, directeur général des étrangers en France.

Voir le document de constats et propositions en annexe 3.""",
        "",
        [
            (
                "Une prochaine rencontre avec les conseillers du ministre est prévue le jeudi 23 "
                "octobre 2014 pour illustrer et approfondir les points abordés, en particulier "
                "au niveau de la traite des mineurs.",
                ["coordination", *INTERIOR_DELEGATION],
                date(2014, 10, 23),
            ),
            (
                "Raphael SODINI est le référent traite des êtres humains au Ministère de "
                "l'intérieur.",
                ["everyone"],
                None,
            ),
        ],
    ),
    (
        "Démarches à réaliser auprès de la Ministre des Affaires sociales, du Ministre des "
        "Affaires étrangères, du Ministre de l'Emploi",
        "Approaches to make to the Ministers of Social Affairs, of Foreign Affairs and of "
        "Employment",
        """- La Ministre des Affaires sociales est aujourd'hui la Ministre de tutelle de la MIPROF. Une demande de rendez-vous avec Marisol Touraine est à prévoir afin de lui demander quelle prise en charge de son ministère sur la traite qui était par le passé reliée au Ministère des Droits des femmes.

- Une autre démarche est à prévoir auprès du Ministère des Affaires Etrangères, car la traite des êtres humains ne peut être combattue qu'à un niveau transnational.

- Une autre démarche est à prévoir auprès du Ministère de l'Emploi, pour toutes les formes d'exploitation autour du travail.""",
        "",
        [],
    ),
    (
        "Demande de rencontre avec la Secrétaire générale de la MIPROF et la Coordination "
        "nationale, pour en savoir plus sur la mise en œuvre du plan, les moyens, les "
        "financements",
        "Request to meet the Secretary General of MIPROF and the National Coordinator, to know "
        "more about the implementation of the plan, its means and its funding",
        """- Le Collectif souhaite savoir où en est la mise en œuvre du Plan et quels moyens y sont attribués. Le Collectif invitera donc la secrétaire générale de la MIPROF, Mission Interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des êtres humains, et Eric Panloup, Coordonnateur national "Lutte contre la traite des êtres humains" à rencontrer le Collectif la seconde quinzaine de novembre.""",
        "",
        [],
    ),
    (
        "Démarche auprès de la CNCDH, chargée du suivi du plan contre la traite en France",
        "Approach to the CNCDH, in charge of monitoring the plan against trafficking in France",
        """- Conformément à la directive 2011/36/UE du Parlement européen et du Conseil du 5 avril 2011 concernant la prévention de la traite des êtres humains et la lutte contre ce phénomène ainsi que la protection des victimes qui prévoit que les Etats membres prennent les mesures nécessaires pour mettre en place des rapporteurs nationaux ou mécanismes équivalents pour évaluer la politique mise en œuvre et faire un rapport périodique, la CNCDH est chargée de cette évaluation.""",
        "",
        [
            (
                "Un rendez-vous sera donc pris début 2015 avec cette institution pour savoir "
                "comment elle pense procéder et déterminer quelle contribution du Collectif est "
                "souhaitable.",
                ["coordination"],
                None,
            ),
        ],
    ),
    (
        "La traite des mineurs, en France, dans le cadre du suivi de la Convention des droits "
        "de l'enfant",
        "Trafficking of minors in France, in the monitoring of the Convention on the Rights of "
        "the Child",
        """- Une démarche a été lancée en juillet pour participer à la rédaction d'un rapport alternatif de suivi de la Convention Internationale des droits de l'Enfant sur les questions de traite des mineurs, mineurs isolés étrangers… La date de présentation du rapport à Genève a été repoussée à mars 2015, ce qui laisse un peu plus de temps.

- ECPAT a engagé l'étude sur la prise en charge des mineurs victimes de traite en France. Elle rencontre les associations à Paris, Bordeaux, Marseille, Lille et Nancy. Elle a commencé à rencontrer des associations du Collectif.

- Le point de contact français du Réseau européen des migrations (REM) organise une conférence nationale sur « L'identification et l'orientation des victimes de la traite des êtres humains en France et dans l'UE ». Ceux qui y participent sont invités à faire un compte-rendu lors de la prochaine réunion du Collectif, en particulier en ce qui concerne les mineurs.""",
        "",
        [
            (
                "Le sujet sera repris à la prochaine réunion du Collectif, le 7 novembre 2014. "
                f"Chacun est invité à contribuer en transmettant tout document utile à {EMAILS}.",
                ["everyone"],
                date(2014, 11, 7),
            ),
        ],
    ),
    (
        "Collaboration du Collectif avec les syndicats",
        "Cooperation of the collective with trade unions",
        """- Suite à la rencontre de Jean-Louis MALYS, Secrétaire national de la CFDT (Confédération Française Démocratique du Travail) et Yvan Kagan (Secrétaire confédéral, Service Economie et Société) le 1er octobre, un compte rendu sera transmis au Collectif. Geneviève Colas, Sylvie O'Dy et Ella Adler participent à cette rencontre.""",
        "",
        [
            (
                "Ceux qui sont intéressés de participer à des rencontres avec d'autres syndicats "
                "sont invités à le faire savoir.",
                ["everyone"],
                None,
            ),
        ],
    ),
    (
        "Initiatives des membres",
        "Members' initiatives",
        """- Le CCEM, Comité Contre l'Esclavage Moderne, est actuellement partenaire d'un projet cofinancé par la Commission européenne et le Ministère des Affaires étrangères de France concernant une déclaration des Balkans sur la suppression de la traite et l'exploitation des êtres humains. Les pays ciblés sont la Serbie, la Macédoine en la Croatie, la Bosnie-Herzégovine. Ce projet a pour but de renforcer les sociétés civiles de ces 4 pays par des actions de formations.

    Une déclaration a été créée, afin de rapporter le plus possible de signatures (à ce jour plus de 100). Elle contient 29 recommandations avec un volet droit de l'homme, traite des êtres humains, principalement sous l'angle des victimes, ainsi qu'un travail sur la protection des données. A l'occasion de ce projet, une application Smartphone sera potentiellement créée visant à sensibiliser le jeune public.

- Les Sœurs du Bon pasteur au niveau européen, avec le réseau Renate, préparent actuellement un repérage des actions de lutte contre l'exploitation des femmes dans les 17 pays européens : étude du contexte, situation des victimes, profil des trafiquants, réponses des pays concernés, statistiques…

- L'ACPE propose un colloque le 16 octobre 2014 sur la prostitution des mineurs en France et lance une campagne nationale. Renseignements et inscriptions sur inscriptionacpe@gmail.com. Le programme du colloque ne fait pas explicitement référence à la question de la traite des êtres humains. Pour qu'il soit fait référence aux actes du colloque sur le site contre la traite, le lien avec la traite des êtres humains devra être clairement présenté (petite introduction au moins).

- ECPAT lance une plateforme pour internet européenne réunissant 18 pays, en coopération avec Europol et Interpol, afin de recueillir des signalements de cas d'exploitation sexuelle d'enfants dans le tourisme. L'adresse est www.reportchildsextourism.eu pour le site en anglais et français actuellement prévu aussi en espagnol, russe et allemand.""",
        "",
        [
            (
                "Bénédicte Bourgeois transmettra le document en français et anglais qu'elle "
                "souhaite mettre sur le site internet (avec un petit résumé et un lien) pour "
                "proposer de signer cette déclaration.",
                ["ccem"],
                None,
            ),
        ],
    ),
    (
        "Élargissement du Collectif à SOS Esclaves",
        "Enlarging the collective: SOS Esclaves",
        """- Annick Fougeroux a présenté son association en présence de Marie Hienfray.""",
        """- Le Collectif propose que SOS Esclaves ait un statut de membre observateur pendant un an à dater du jour où l'association confirme son souhait d'entrer dans le Collectif.
- L'association apparaitra alors comme membre observateur dans le site internet du Collectif.
- Un an plus tard, un vote aura lieu pour décider si l'association rentre comme membre du Collectif au même titre que ceux qui en font partie depuis plusieurs années.
- Durant cette année d'observation, l'association participera régulièrement et activement aux activités du Collectif mais n'est pas mandatée pour représenter le collectif, ne prend pas part aux votes ; cette année lui permettant de découvrir les autres associations membres et les positions qui se construisent et se défendent en Collectif.

**A noter :** les outils élaborés précédemment par le Collectif seront utilisés jusqu'à rupture de stock.""",
        [
            (
                "L'association déterminera un de ses membres comme point de contact.",
                ["sos-esclaves"],
                None,
            ),
            (
                "Elle transmettra sous format informatique son rapport d'activité 2013 dans un "
                "format diffusable à l'extérieur (afin que celui-ci puisse apparaître sur le site "
                "internet) en mettant en avant les activités concernant la traite des êtres "
                "humains.",
                ["sos-esclaves"],
                None,
            ),
        ],
    ),
]

# (section of the minutes, annex number, slug of the document in the library)
ANNEXES = [
    (1, 1, "communique-lancement-site-2014"),
    (2, 2, "constats-propositions-justice-2014-09-11"),
    (2, 3, "constats-propositions-interieur-2014-09-29"),
]

# (organisation slug, person, note FR, note EN)
PARTICIPANTS = [
    ("acpe", "Raffaella Tatangelo", "", ""),
    ("cofrade", "Raffaella Tatangelo", "", ""),
    ("ccem", "Bénédicte Bourgeois", "", ""),
    ("ecpat-france", "Alice Tallon", "", ""),
    ("hors-la-rue", "Bénédicte Cabrol", "", ""),
    ("oicem", "Andréa Couzy", "", ""),
    ("mouvement-du-nid", "Pierre Albert", "", ""),
    ("planete-enfants", "Stéphanie Selle", "", ""),
    ("planete-enfants", "Léa Benassem", "", ""),
    ("bon-pasteur", "Marie-Hélène Halligon", "", ""),
    ("les-champs-de-booz", "Marie-Hélène Halligon", "", ""),
    (
        "secours-catholique",
        "Geneviève Colas",
        "coordination du Collectif",
        "coordinator of the collective",
    ),
    ("secours-catholique", "Constance Mazard", "", ""),
    (
        "sos-esclaves",
        "Annick Fougeroux",
        "à partir de 11h30 pour présenter leur association",
        "from 11:30, to present their association",
    ),
    (
        "sos-esclaves",
        "Marie Hienfray",
        "à partir de 11h30 pour présenter leur association",
        "from 11:30, to present their association",
    ),
]


def _meeting(spec):
    fields = {
        key: spec.get(key, "")
        for key in [
            "title_fr",
            "title_en",
            "summary_fr",
            "summary_en",
            "place_name",
            "place_address",
            "room",
        ]
    }
    fields.update(
        title=spec["title_fr"],
        summary=spec.get("summary_fr", ""),
        end=spec.get("end"),
        status=spec["status"],
        visibility=spec.get("visibility", Meeting.Visibility.MEMBERS),
    )
    meeting, created = Meeting.objects.get_or_create(
        kind=spec["kind"], start=spec["start"], defaults=fields
    )
    if not created:
        return meeting, False
    for position, (name, role_fr, role_en, inst_fr, inst_en) in enumerate(spec["people"]):
        PersonMet.objects.create(
            meeting=meeting,
            name=name,
            position=position,
            role=role_fr,
            role_fr=role_fr,
            role_en=role_en,
            institution=inst_fr,
            institution_fr=inst_fr,
            institution_en=inst_en,
        )
    for slug in spec["delegation"]:
        services.delegation_add(meeting=meeting, organisation=Organisation.objects.get(slug=slug))
    for position, (title_fr, title_en) in enumerate(spec.get("agenda", []), start=1):
        AgendaItem.objects.create(
            meeting=meeting, position=position, title=title_fr, title_fr=title_fr, title_en=title_en
        )
    return meeting, True


def _action_item(item, position, text, due_on, owners, organisations):
    """An action item of an agenda item, for the organisations (slugs) among its owners, the
    coordination (« coordination ») or every member (« everyone »)."""
    action = ActionItem.objects.create(
        meeting=item.meeting,
        agenda_item=item,
        position=position,
        text=text,
        text_fr=text,
        due_on=due_on,
        for_coordination="coordination" in owners,
        for_every_member="everyone" in owners,
    )
    action.organisations.set([organisations[slug] for slug in owners if slug in organisations])
    return action


def _plenary_of_29_september(announced):
    meeting, created = Meeting.objects.get_or_create(
        kind=Meeting.Kind.PLENARY,
        start=at(2014, 9, 29),
        defaults={
            "end": at(2014, 9, 29, 12, 30),
            "title": "Réunion du Collectif",
            "title_fr": "Réunion du Collectif",
            "title_en": "Meeting of the collective",
            "status": Meeting.Status.HELD,
            "minutes_dated": date(2014, 10, 6),
            "signed_by": "Geneviève Colas et Constance Mazard",
        },
    )
    if not created:
        return meeting, False
    meeting.announced_meetings.set(announced)
    organisations = {o.slug: o for o in Organisation.objects.all()}
    for position, (title_fr, title_en, minutes, decisions, actions) in enumerate(SECTIONS, start=1):
        item = AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title=title_fr,
            title_fr=title_fr,
            title_en=title_en,
            minutes=minutes,
            minutes_fr=minutes,
            decisions=decisions,
            decisions_fr=decisions,
        )
        for action_position, (text, owners, due_on) in enumerate(actions, start=1):
            _action_item(item, action_position, text, due_on, owners, organisations)
    for slug, person, note_fr, note_en in PARTICIPANTS:
        Attendance.objects.create(
            meeting=meeting,
            organisation=organisations[slug],
            person=person,
            note=note_fr,
            note_fr=note_fr,
            note_en=note_en,
        )
    return meeting, True


def _annexes(meeting):
    """Link the annexes the minutes cite, once; a number already given is left as it is."""
    items = {item.position: item for item in meeting.agenda_items.all()}
    documents = Document.objects.in_bulk([slug for _, _, slug in ANNEXES], field_name="slug")
    for position, number, slug in ANNEXES:
        Annex.objects.get_or_create(
            meeting=meeting,
            number=number,
            defaults={"agenda_item": items[position], "document": documents[slug]},
        )


HISTORY_CLOSED_ON = date(2014, 11, 7)
HISTORY_COMMENT = (
    "Suivi à la réunion plénière du 7 novembre 2014 (clôture de démonstration\u202f: les comptes "
    "rendus suivants ne sont pas sur le site)."
)


def _history(today, coordinator):
    """The seed's meetings as the history they became, as far as the demo's today is past
    them: held, the minutes of 29 September approved on 7 November 2014 and their items closed
    then."""
    for spec in MEETINGS.values():
        if timezone.localdate(spec["start"]) < today:
            Meeting.objects.filter(
                kind=spec["kind"], start=spec["start"], status=Meeting.Status.PLANNED
            ).update(status=Meeting.Status.HELD)
    if today < HISTORY_CLOSED_ON:
        return
    september = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start=at(2014, 9, 29))
    november = Meeting.objects.get(kind=Meeting.Kind.PLENARY, start=at(2014, 11, 7))
    if september.minutes_approved_on is None:
        services.meeting_approve_minutes(
            meeting=september, on=HISTORY_CLOSED_ON, at_meeting=november
        )
    for item in september.action_items.open():
        services.action_item_close(
            item=item, by=coordinator, on=HISTORY_CLOSED_ON, comment=HISTORY_COMMENT
        )


def _day_at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS)


LAST_PLENARY_DAYS_AGO = 42
EVENT_IN_DAYS = 16

# (key, title FR, title EN, minutes FR, minutes EN, action items: (key, text FR, owners,
# due in days))
LAST_PLENARY_SECTIONS = [
    (
        "members",
        "Vie du Collectif : rapports d'activité et contacts",
        "The collective: activity reports and contacts",
        "Les membres mettent à jour leur page sur le site et transmettent leur rapport "
        "d'activité de l'année écoulée.",
        "Members update their page on the site and send their activity report for the past year.",
        [
            (
                "reports",
                "Transmettre le rapport d'activité de l'année écoulée, dans un format "
                "diffusable, pour la page de l'association.",
                ["everyone"],
                45,
            ),
            (
                "english",
                "Transmettre la version anglaise de la présentation de l'association.",
                ["ccem"],
                14,
            ),
            (
                "late",
                "Relire la fiche « Droit » sur l'exploitation sexuelle des mineurs en ligne.",
                ["ecpat-france"],
                -MAX_OVERDUE_DAYS,
            ),
        ],
    ),
    (
        "observer",
        "Admission de Koutcha : fin de l'année d'observation",
        "Admission of Koutcha: end of the observation year",
        "L'année d'observation de Koutcha s'achève : le vote des membres aura lieu à la "
        "prochaine réunion plénière.",
        "Koutcha's observation year is ending: the members will vote at the next plenary meeting.",
        [
            (
                "koutcha-report",
                "Transmettre le rapport d'activité de l'association avant le vote.",
                ["koutcha"],
                21,
            ),
        ],
    ),
    (
        "event",
        "Préparation de la soirée publique",
        "Preparing the public evening",
        "Le Collectif organise une soirée publique ; chacun la fait connaître à ses réseaux.",
        "The collective holds a public evening; everyone spreads the word in their networks.",
        [
            (
                "agenda",
                "Envoyer aux membres l'ordre du jour de la prochaine réunion plénière.",
                ["coordination"],
                7,
            ),
        ],
    ),
]

NEXT_PLENARY_AGENDA = [
    (
        "Approbation du compte rendu de la réunion précédente",
        "Approval of the minutes of the previous meeting",
    ),
    (
        "Vote sur l'admission de Koutcha comme membre du Collectif",
        "Vote on the admission of Koutcha as a member of the collective",
    ),
    ("Suivi des démarches auprès des ministères", "Follow-up of the approaches to ministries"),
    ("Initiatives des membres", "Members' initiatives"),
]


def _present_meeting(key, dates, **fields):
    """The demo's meeting under `key`, created once; a later run moves it to `dates`."""
    meeting = demo_record(Meeting, key)
    if meeting is not None:
        move_to(meeting, **dates)
        return meeting, False
    translated = {"title", "summary"} & {name.removesuffix("_fr") for name in fields}
    fields.update({name: fields[f"{name}_fr"] for name in translated})
    meeting = Meeting.objects.create(**dates, **fields)
    return mark_demo(meeting, key), True


def _last_plenary(today, organisations):
    day = working_day(today - timedelta(days=LAST_PLENARY_DAYS_AGO), step=-1)
    meeting, created = _present_meeting(
        "meetings:last-plenary",
        {
            "start": _day_at(day, 10),
            "end": _day_at(day, 12, 30),
            "minutes_dated": day + timedelta(days=7),
        },
        kind=Meeting.Kind.PLENARY,
        title_fr="Réunion plénière du Collectif",
        title_en="Plenary meeting of the collective",
        place_name="Secours Catholique",
        place_address=SC_ADDRESS,
        status=Meeting.Status.HELD,
        signed_by="Geneviève Colas",
    )
    for position, (key, title_fr, title_en, minutes, minutes_en, actions) in enumerate(
        LAST_PLENARY_SECTIONS, start=1
    ):
        if created:
            AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                title=title_fr,
                title_fr=title_fr,
                title_en=title_en,
                minutes=minutes,
                minutes_fr=minutes,
                minutes_en=minutes_en,
            )
        item = meeting.agenda_items.get(position=position)
        for action_position, (action_key, text, owners, due_in) in enumerate(actions, start=1):
            due_on = today + timedelta(days=due_in)
            full_key = f"meetings:last-plenary:{key}:{action_key}"
            action = demo_record(ActionItem, full_key)
            if action is not None:
                move_to(action, due_on=due_on)
                continue
            action = _action_item(item, action_position, text, due_on, owners, organisations)
            mark_demo(action, full_key)
    return meeting


def _next_plenary(today):
    # On or before the day Koutcha's vote falls due.
    day = working_day(today + timedelta(days=VOTE_DUE_IN_DAYS), step=-1)
    meeting, created = _present_meeting(
        "meetings:next-plenary",
        {"start": _day_at(day, 10), "end": _day_at(day, 12, 30)},
        kind=Meeting.Kind.PLENARY,
        title_fr="Réunion plénière du Collectif",
        title_en="Plenary meeting of the collective",
        place_name="Secours Catholique",
        place_address=SC_ADDRESS,
        room="Salle 3002",
        status=Meeting.Status.PLANNED,
    )
    if created:
        for position, (title_fr, title_en) in enumerate(NEXT_PLENARY_AGENDA, start=1):
            AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                title=title_fr,
                title_fr=title_fr,
                title_en=title_en,
            )
    return meeting


def _public_event(today):
    day = working_day(today + timedelta(days=EVENT_IN_DAYS))
    meeting, _created = _present_meeting(
        "meetings:public-event",
        {"start": _day_at(day, 18, 30), "end": _day_at(day, 20, 30)},
        kind=Meeting.Kind.EVENT,
        title_fr="Soirée publique : repérer et protéger les victimes de la traite",
        title_en="Public evening: identifying and protecting victims of trafficking",
        summary_fr=(
            "Les associations du Collectif présentent leur action auprès des victimes de toutes "
            "les formes de traite et répondent aux questions du public. Entrée libre."
        ),
        summary_en=(
            "The collective's associations present their work with victims of every form of "
            "trafficking and answer the public's questions. Admission free."
        ),
        place_name="Secours Catholique",
        place_address=SC_ADDRESS,
        status=Meeting.Status.PLANNED,
        visibility=Meeting.Visibility.PUBLIC,
    )
    return meeting


def _present(today):
    organisations = {o.slug: o for o in Organisation.objects.all()}
    last = _last_plenary(today, organisations)
    upcoming = [_next_plenary(today), _public_event(today)]
    if not last.announced_meetings.exists():
        last.announced_meetings.set(upcoming)


def load(*, today):
    coordinator = get_user_model().objects.get(username=DEMO_COORDINATOR)
    meetings, created = {}, 0
    for key, spec in MEETINGS.items():
        meetings[key], was_created = _meeting(spec)
        created += was_created
    plenary, was_created = _plenary_of_29_september(
        [meetings["interior-2"], meetings["plenary-november"], meetings["cfdt"]]
    )
    created += was_created
    _annexes(plenary)
    _history(today, coordinator)
    _present(today)
    open_for_ccem = ActionItem.objects.open().for_organisation(
        Organisation.objects.get(slug="ccem")
    )
    return [
        f"{created} meeting(s) created ({Meeting.objects.count()} in all); the minutes of "
        f"29 September 2014 have {plenary.agenda_items.count()} sections and "
        f"{plenary.action_items.count()} action items ({open_for_ccem.count()} open for the CCEM) "
        f"and {plenary.annexes.count()} annexes",
    ]
