# ruff: noqa: E501 -- texts are kept one paragraph per line, as coordinators type them.
"""Demo content of the news app: section 1 and 8 of the minutes of 29 September 2014.

The site's launch communiqué on the European day against trafficking (18 October 2014), and
the members' initiatives the minutes report: the CCEM's Balkans declaration, the Bon
Pasteur/RENATE mapping, the ACPE colloquium of 16 October 2014 and its national campaign,
ECPAT's reporting platform. Each goes through the workflow as in real life (created, submitted,
published by the coordinator), so that its history is there. The minutes give no address for
the declaration: its link is the CCEM's site. One more CCEM initiative (the awareness
application the minutes mention) is returned with a reason, so that demo-member sees the
workflow. A draft letter for October 2014 holds the month's news. Idempotent: an item that
exists (same French title) is left as it is.

Around `today`, `RECENT` adds the collective's present: news and members' initiatives
published in the last weeks, one of them announcing an event to come (demonstration content,
moved to the new present by a later run).
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model

from collectif.demo import (
    DEMO_COORDINATOR,
    DEMO_MEMBER,
    demo_record,
    mark_demo,
    move_to,
    working_day,
)
from collectif.models import Theme
from members.models import Organisation

from . import newsletter, services
from .models import NewsItem, Newsletter, Subscriber

PARIS = ZoneInfo("Europe/Paris")
Kind = NewsItem.Kind
Status = NewsItem.Status


def at(year, month, day, hour=9, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=PARIS)


ITEMS = [
    {
        "kind": Kind.COMMUNIQUE,
        "proposer": None,
        "published": at(2014, 10, 18),
        "themes": ["advocacy"],
        "organisations": ["secours-catholique"],
        "title_fr": "Journée européenne contre la traite : le Collectif lance son nouveau site",
        "title_en": "EU Anti-Trafficking Day: the collective launches its new website",
        "summary_fr": "À l'occasion de la Journée européenne de lutte contre la traite des êtres humains, le Collectif « Ensemble contre la traite des êtres humains » lance officiellement contrelatraite.org, en français et en anglais.",
        "summary_en": "On the EU Anti-Trafficking Day, the collective « Ensemble contre la traite des êtres humains » officially launches contrelatraite.org, in French and in English.",
        "body_fr": """Le 18 octobre, Journée européenne de lutte contre la traite des êtres humains, le Collectif « Ensemble contre la traite des êtres humains » lance officiellement la nouvelle formule de son site, **contrelatraite.org**, en ligne depuis le 1er octobre 2014.

Le site présente les associations membres du Collectif et leurs actions auprès des victimes de toutes les formes de traite : exploitation sexuelle, esclavage domestique, exploitation par le travail, mendicité et délinquance forcées, traite des mineurs.

Il rassemble aussi, dans la rubrique « Droit », les textes de référence et les documents à jour du GRETA, de l'ONUDC, de l'OSCE et des institutions françaises, ainsi que les positions et les propositions du Collectif.

Chaque association membre est invitée à adapter ce communiqué pour faire connaître le site à ses réseaux et au-delà.""",
        "body_en": """On 18 October, the EU Anti-Trafficking Day, the collective « Ensemble contre la traite des êtres humains » officially launches the new version of its website, **contrelatraite.org**, online since 1 October 2014.

The site presents the member associations of the collective and their work with victims of every form of trafficking: sexual exploitation, domestic slavery, labour exploitation, forced begging and delinquency, trafficking of minors.

In its « Law » section it also gathers the reference texts and the up-to-date documents of GRETA, UNODC, OSCE and the French institutions, with the collective's positions and proposals.

Every member association is invited to adapt this release to make the site known to its networks and beyond.""",
    },
    {
        "kind": Kind.PETITION,
        "proposer": "ccem",
        "published": at(2014, 10, 6),
        "themes": ["advocacy", "victim-support"],
        "title_fr": "Signez la déclaration des Balkans sur la suppression de la traite et de l'exploitation des êtres humains",
        "title_en": "Sign the Balkans declaration on the suppression of trafficking and exploitation of human beings",
        "summary_fr": "Le CCEM est partenaire d'un projet qui renforce la société civile de Serbie, de Macédoine, de Croatie et de Bosnie-Herzégovine contre la traite. Sa déclaration, déjà signée par plus de 100 organisations, porte 29 recommandations.",
        "summary_en": "The CCEM is a partner in a project that strengthens civil society in Serbia, Macedonia, Croatia and Bosnia and Herzegovina against trafficking. Its declaration, already signed by more than 100 organisations, makes 29 recommendations.",
        "body_fr": """Le Comité contre l'esclavage moderne (CCEM) est partenaire d'un projet cofinancé par la Commission européenne et le ministère français des Affaires étrangères, qui renforce par des formations les sociétés civiles de quatre pays des Balkans : la Serbie, la Macédoine, la Croatie et la Bosnie-Herzégovine.

Le projet a produit une **déclaration des Balkans sur la suppression de la traite et de l'exploitation des êtres humains**. Ses 29 recommandations portent sur les droits de l'homme, la traite des êtres humains, principalement du point de vue des victimes, et la protection des données.

Plus de 100 organisations l'ont déjà signée. Pour que la déclaration pèse auprès des gouvernements, le plus grand nombre de signatures est recherché.""",
        "body_en": """The Committee against Modern Slavery (CCEM) is a partner in a project co-funded by the European Commission and the French Ministry of Foreign Affairs that trains civil society in four Balkan countries: Serbia, Macedonia, Croatia and Bosnia and Herzegovina.

The project produced a **Balkans declaration on the suppression of trafficking and exploitation of human beings**. Its 29 recommendations cover human rights, trafficking in human beings, mainly from the victims' point of view, and data protection.

More than 100 organisations have already signed it. The more signatures, the more weight the declaration carries with governments.""",
        "link_fr": "https://www.esclavagemoderne.org/",
        "link_label_fr": "Lire et signer la déclaration",
        "link_label_en": "Read and sign the declaration",
    },
    {
        "kind": Kind.PUBLICATION,
        "proposer": "bon-pasteur",
        "organisations": ["les-champs-de-booz"],
        "published": at(2014, 10, 8),
        "themes": ["sexual-exploitation", "victim-support"],
        "title_fr": "Le Bon Pasteur et le réseau RENATE recensent l'action contre l'exploitation des femmes en Europe",
        "title_en": "The Good Shepherd and the RENATE network map the action against the exploitation of women in Europe",
        "summary_fr": "Les sœurs du Bon Pasteur, avec le réseau RENATE, recensent dans 17 pays européens les actions de lutte contre l'exploitation des femmes, première forme de traite en Europe.",
        "summary_en": "The Sisters of the Good Shepherd and the RENATE network are mapping, in 17 European countries, the action against the exploitation of women, the leading form of trafficking in Europe.",
        "body_fr": """Les sœurs du Bon Pasteur, au niveau européen, préparent avec le réseau RENATE (Religious in Europe Networking Against Trafficking and Exploitation) un repérage des actions de lutte contre l'exploitation des femmes dans 17 pays européens.

Pour chaque pays, l'étude décrit :

- le contexte et la situation des victimes de traite ;
- le profil des trafiquants ;
- les réponses apportées par le pays ;
- les statistiques disponibles.""",
        "body_en": "",
    },
    {
        "kind": Kind.EVENT,
        "proposer": "acpe",
        "published": at(2014, 10, 1),
        "event_start": at(2014, 10, 16, 9),
        "event_place": "Paris",
        "themes": ["minors", "sexual-exploitation"],
        "title_fr": "Colloque de l'ACPE : la prostitution des mineurs en France",
        "title_en": "ACPE conference: the prostitution of minors in France",
        "summary_fr": "La prostitution des mineurs est l'une des formes de la traite des êtres humains : un mineur exploité sexuellement est une victime de traite, même sans contrainte apparente. L'ACPE y consacre un colloque le 16 octobre 2014.",
        "summary_en": "The prostitution of minors is a form of trafficking in human beings: a sexually exploited minor is a victim of trafficking, even without apparent coercion. ACPE devotes a conference to it on 16 October 2014.",
        "body_fr": """**Pourquoi ce colloque concerne la traite.** Le droit international comme le droit français (article 225-4-1 du code pénal) font de l'exploitation sexuelle d'un mineur une forme de traite des êtres humains : le recrutement, le transport ou l'hébergement d'un mineur en vue de son exploitation suffit, sans qu'il soit besoin de prouver la contrainte.

L'association Agir contre la prostitution des enfants (ACPE) réunit professionnels, associations et institutions pour faire le point sur la prostitution des mineurs en France et sur la prise en charge des victimes.

Renseignements et inscriptions : <inscriptionacpe@gmail.com>""",
        "body_en": """**Why this conference is about trafficking.** International law and French law (article 225-4-1 of the Criminal Code) treat the sexual exploitation of a minor as a form of trafficking in human beings: recruiting, transporting or harbouring a minor for exploitation is enough, with no need to prove coercion.

The association Agir contre la prostitution des enfants (ACPE) brings together professionals, associations and institutions to take stock of the prostitution of minors in France and of the care of its victims.

Information and registration: <inscriptionacpe@gmail.com>""",
    },
    {
        "kind": Kind.CAMPAIGN,
        "proposer": "acpe",
        "published": at(2014, 10, 16, 18),
        "themes": ["minors", "sexual-exploitation"],
        "title_fr": "L'ACPE lance une campagne nationale contre la prostitution des mineurs",
        "title_en": "ACPE launches a national campaign against the prostitution of minors",
        "summary_fr": "Au colloque du 16 octobre 2014, l'ACPE lance une campagne nationale pour que la prostitution des mineurs soit reconnue pour ce qu'elle est : une exploitation, et souvent une traite des êtres humains.",
        "summary_en": "At its conference of 16 October 2014, ACPE launches a national campaign so that the prostitution of minors is recognised for what it is: exploitation, and often trafficking in human beings.",
        "body_fr": "La campagne s'adresse au grand public comme aux professionnels de l'enfance : repérer les mineurs exploités, les reconnaître comme victimes et les orienter vers une protection.",
        "body_en": "The campaign addresses the general public and child-care professionals: spotting exploited minors, recognising them as victims and referring them to protection.",
    },
    {
        "kind": Kind.PLATFORM,
        "proposer": "ecpat-france",
        "published": at(2014, 10, 10),
        "themes": ["minors", "sexual-exploitation"],
        "title_fr": "ECPAT lance une plateforme européenne de signalement de l'exploitation sexuelle des enfants dans le tourisme",
        "title_en": "ECPAT launches a European platform to report the sexual exploitation of children in travel and tourism",
        "summary_fr": "Avec Europol et Interpol, ECPAT réunit 18 pays européens sur une plateforme internet où chacun peut signaler un cas d'exploitation sexuelle d'enfants dans le tourisme.",
        "summary_en": "With Europol and Interpol, ECPAT brings 18 European countries together on a website where anyone can report a case of sexual exploitation of children in travel and tourism.",
        "body_fr": """Les enfants exploités sexuellement dans le tourisme sont souvent victimes de traite : recrutés, déplacés et livrés à des voyageurs. La plateforme **www.reportchildsextourism.eu** recueille les signalements et les transmet aux services de police compétents, en coopération avec Europol et Interpol.

Le site existe en anglais et en français ; des versions en espagnol, en russe et en allemand sont prévues.""",
        "body_en": """Children sexually exploited in travel and tourism are often victims of trafficking: recruited, moved and delivered to travellers. The platform **www.reportchildsextourism.eu** collects reports and passes them on to the competent police services, in cooperation with Europol and Interpol.

The site is in English and French; Spanish, Russian and German versions are planned.""",
        "link_fr": "https://www.reportchildsextourism.eu/",
        "link_label_fr": "Signaler un cas",
        "link_label_en": "Report a case",
    },
]

RETURNED = {
    "kind": Kind.CAMPAIGN,
    "proposer": "ccem",
    "themes": ["minors"],
    "title_fr": "Une application pour sensibiliser les jeunes des Balkans",
    "title_en": "An app to raise awareness among young people in the Balkans",
    "summary_fr": "Dans le cadre du projet des Balkans, une application pour smartphone pourrait être créée à destination du jeune public.",
    "summary_en": "",
    "body_fr": "L'application proposera des quiz et de courtes vidéos. Elle sera disponible en serbe, en macédonien, en croate et en bosnien.",
    "reason": "Présentez le lien avec la traite des êtres humains dès l'introduction (à quoi l'application doit-elle sensibiliser les jeunes ?), comme le Collectif l'a demandé le 29 septembre 2014 pour les initiatives qu'il relaie.",
}

CONTENT = {"kind", "event_start", "event_place", "link_fr", "link_label_fr", "link_label_en"} | {
    f"{name}_{code}" for name in ("title", "summary", "body") for code in ("fr", "en")
}


def _create(spec, *, by, unique=True):
    if unique and NewsItem.objects.filter(title_fr=spec["title_fr"]).exists():
        return None
    proposer = Organisation.objects.get(slug=spec["proposer"]) if spec["proposer"] else None
    return services.news_item_create(
        by=by,
        proposer=proposer,
        themes=Theme.objects.filter(slug__in=spec.get("themes", [])),
        organisations=Organisation.objects.filter(slug__in=spec.get("organisations", [])),
        **{name: value for name, value in spec.items() if name in CONTENT},
    )


# The collective's present (demonstration content, see collectif/demo.py): news published a
# few days or weeks before the demo's today, and a member's event in the coming weeks. Each
# item is (key, days since published, days until its event or None, spec).
RECENT = [
    (
        "shelter",
        4,
        None,
        {
            "kind": Kind.COMMUNIQUE,
            "proposer": None,
            "themes": ["victim-support", "advocacy"],
            "organisations": ["secours-catholique"],
            "title_fr": "Le Collectif demande davantage de places d'hébergement sécurisé pour les victimes de traite",
            "title_en": "The collective calls for more secure accommodation for victims of trafficking",
            "summary_fr": "Trop de victimes de traite restent sans mise à l'abri loin de leurs exploiteurs : les associations du Collectif demandent que les places d'hébergement sécurisé soient plus nombreuses.",
            "summary_en": "Too many victims of trafficking are left without shelter away from their exploiters: the collective's associations call for more places in secure accommodation.",
            "body_fr": "Mettre une victime à l'abri, loin du lieu où elle était exploitée, est la première condition de sa protection et de sa sortie de la traite. Les associations du Collectif constatent chaque jour que les places manquent.\n\nElles demandent que le dispositif national d'accueil sécurisant soit renforcé et que chaque région dispose de places adaptées, pour les femmes, les hommes et les mineurs.",
            "body_en": "Sheltering a victim away from where they were exploited is the first condition of their protection and of their way out of trafficking. Every day the collective's associations see that places are lacking.\n\nThey call for the national secure reception scheme to be strengthened and for every region to have suitable places, for women, men and minors.",
        },
    ),
    (
        "training",
        6,
        24,
        {
            "kind": Kind.EVENT,
            "proposer": "ccem",
            "themes": ["labour-exploitation", "domestic-slavery"],
            "event_place": "Paris",
            "title_fr": "Le CCEM propose une journée de formation sur l'exploitation par le travail",
            "title_en": "The CCEM offers a training day on labour exploitation",
            "summary_fr": "L'exploitation par le travail et l'esclavage domestique sont des formes de traite des êtres humains : le CCEM forme les professionnels à en reconnaître les victimes.",
            "summary_en": "Labour exploitation and domestic slavery are forms of trafficking in human beings: the CCEM trains professionals to recognise their victims.",
            "body_fr": "La journée s'adresse aux travailleurs sociaux, aux juristes et aux bénévoles : repérer les signes de l'exploitation, connaître les droits des victimes, savoir vers qui les orienter.",
            "body_en": "The day is for social workers, lawyers and volunteers: spotting the signs of exploitation, knowing victims' rights, knowing where to refer them.",
        },
    ),
    (
        "guide",
        11,
        None,
        {
            "kind": Kind.PUBLICATION,
            "proposer": "hors-la-rue",
            "themes": ["minors", "forced-begging-delinquency"],
            "title_fr": "Hors la Rue publie un guide pour repérer les mineurs contraints à commettre des délits",
            "title_en": "Hors la Rue publishes a guide to spotting children forced to commit offences",
            "summary_fr": "Un enfant contraint à voler ou à mendier est une victime de traite, pas un délinquant : le guide aide les professionnels à le reconnaître et à le protéger.",
            "summary_en": "A child forced to steal or beg is a victim of trafficking, not an offender: the guide helps professionals to recognise and protect them.",
            "body_fr": "Le guide rassemble les signes qui doivent alerter, le cadre juridique de la traite des mineurs (article 225-4-1 du code pénal) et les contacts utiles pour une mise à l'abri.",
            "body_en": "",
        },
    ),
    (
        "campaign",
        19,
        None,
        {
            "kind": Kind.CAMPAIGN,
            "proposer": "mouvement-du-nid",
            "themes": ["sexual-exploitation", "minors"],
            "title_fr": "Le Mouvement du Nid lance une campagne de prévention auprès des jeunes",
            "title_en": "The Mouvement du Nid launches a prevention campaign for young people",
            "summary_fr": "Recrutement sur les réseaux sociaux, « loverboys » : la campagne aide les jeunes à reconnaître les mécanismes qui mènent à l'exploitation sexuelle et à la traite.",
            "summary_en": "Recruitment on social media, “loverboys”: the campaign helps young people to recognise the mechanisms that lead to sexual exploitation and trafficking.",
            "body_fr": "Les équipes du Mouvement du Nid interviennent dans les collèges et les lycées et proposent aux enseignants des outils pour en parler en classe.",
            "body_en": "The Mouvement du Nid's teams visit schools and offer teachers tools to talk about it in class.",
        },
    ),
]


def _at_days(today, days, hour):
    return datetime.combine(today + timedelta(days=days), time(hour), tzinfo=PARIS)


def _recent(today, coordinator):
    lines = []
    for key, days_ago, event_in, spec in RECENT:
        published = _at_days(today, -days_ago, 9)
        dates = {"published_at": published}
        if event_in is not None:
            day = working_day(today + timedelta(days=event_in))
            dates["event_start"] = datetime.combine(day, time(9), tzinfo=PARIS)
        item = demo_record(NewsItem, f"news:recent:{key}")
        if item is not None:
            move_to(item, **dates)
            continue
        item = _create(
            {**spec, **({"event_start": dates["event_start"]} if event_in else {})},
            by=coordinator,
            unique=False,
        )
        if item.proposer:
            services.news_submit(item=item, by=coordinator, notify=False)
        services.news_publish(item=item, by=coordinator, when=published, notify=False)
        mark_demo(item, f"news:recent:{key}")
        lines.append(f"news (demonstration): {item.title_fr}")
    return lines


def load(*, today):
    users = get_user_model().objects
    coordinator = users.get(username=DEMO_COORDINATOR)
    member = users.get(username=DEMO_MEMBER)
    lines = []
    for spec in ITEMS:
        item = _create(spec, by=coordinator)
        if item is None:
            continue
        if item.proposer:
            services.news_submit(item=item, by=coordinator, notify=False)
        services.news_publish(item=item, by=coordinator, when=spec["published"], notify=False)
        lines.append(f"news: {item.title_fr}")
    lines += _recent(today, coordinator)
    returned = _create(RETURNED, by=member)
    if returned is not None:
        services.news_submit(item=returned, by=member, notify=False)
        services.news_return(item=returned, by=coordinator, reason=RETURNED["reason"], notify=False)
        lines.append(f"news: {returned.title_fr} (returned to {DEMO_MEMBER})")
    if not Newsletter.objects.filter(month=date(2014, 10, 1)).exists():
        newsletter.newsletter_compose(
            month=date(2014, 10, 1),
            by=coordinator,
            title_fr="La lettre du Collectif — octobre 2014",
            title_en="The collective's newsletter — October 2014",
            introduction_fr="Ce mois-ci, le Collectif lance son nouveau site, et ses membres se mobilisent contre la traite des mineurs, dans les Balkans et dans toute l'Europe.",
            introduction_en="This month the collective launches its new website, and its members act against the trafficking of minors, in the Balkans and all over Europe.",
        )
        lines.append("newsletter: October 2014 (draft)")
    for email, language in [("lecteur@example.org", "fr"), ("reader@example.org", "en")]:
        _subscriber, created = Subscriber.objects.get_or_create(
            email=email, defaults={"language": language, "confirmed_at": at(2014, 10, 2)}
        )
        if created:
            lines.append(f"newsletter subscriber: {email} ({language})")
    return lines
