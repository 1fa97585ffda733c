"""The site-wide pages and their first text; coordinators edit it afterwards in the admin."""

from django.db import migrations

PAGES = {
    "home": {
        "title_fr": "Ensemble contre la traite des êtres humains",
        "title_en": "Together against human trafficking",
        "intro_fr": (
            "Le Collectif réunit des associations françaises qui luttent contre la traite des "
            "êtres humains sous toutes ses formes et accompagnent ses victimes."
        ),
        "intro_en": (
            "The collective brings together French associations that fight human trafficking in "
            "all its forms and support its victims."
        ),
        "body_fr": (
            "Exploitation sexuelle, esclavage domestique, travail forcé, mendicité et délinquance "
            "forcées, exploitation des mineurs : les membres du Collectif agissent auprès des "
            "victimes en France et, avec leurs réseaux, au niveau international.\n\n"
            "Ensemble, ils partagent leurs constats de terrain, portent des propositions auprès "
            "des pouvoirs publics — ministères, MIPROF, CNCDH — et font connaître le droit "
            "applicable à la traite."
        ),
        "body_en": (
            "Sexual exploitation, domestic slavery, forced labour, forced begging and "
            "delinquency, exploitation of minors: the members of the collective work with "
            "victims in France and, through their networks, internationally.\n\n"
            "Together they share what they see in the field, put proposals to the public "
            "authorities — ministries, MIPROF, CNCDH — and make the law on trafficking known."
        ),
    },
    "about": {
        "title_fr": "Le Collectif",
        "title_en": "The collective",
        "intro_fr": (
            "« Ensemble contre la traite des êtres humains » est un collectif d'associations "
            "françaises coordonné par le Secours Catholique – Caritas France."
        ),
        "intro_en": (
            "« Ensemble contre la traite des êtres humains » (Together against human "
            "trafficking) is a collective of French associations coordinated by the Secours "
            "Catholique – Caritas France."
        ),
        "body_fr": (
            "Ses membres se réunissent en réunion plénière plusieurs fois par an. Entre deux "
            "réunions, des délégations du Collectif rencontrent les ministères (Justice, "
            "Intérieur, Affaires sociales, Affaires étrangères, Emploi), la MIPROF, la CNCDH, "
            "les syndicats et d'autres partenaires pour leur présenter les constats et les "
            "propositions du Collectif.\n\n"
            "Le Collectif suit la mise en œuvre du plan national contre la traite, contribue aux "
            "rapports alternatifs sur les droits de l'enfant et relaie les initiatives de ses "
            "membres lorsqu'elles concernent clairement la traite des êtres humains."
        ),
        "body_en": (
            "Its members meet in plenary several times a year. Between meetings, delegations of "
            "the collective meet ministries (Justice, Interior, Social Affairs, Foreign Affairs, "
            "Employment), MIPROF, the CNCDH, trade unions and other partners to present the "
            "collective's findings and proposals.\n\n"
            "The collective follows the implementation of the national action plan against "
            "trafficking, contributes to alternative reports on children's rights and relays "
            "its members' initiatives when they clearly concern human trafficking."
        ),
    },
    "join": {
        "title_fr": "Rejoindre le Collectif",
        "title_en": "Joining the collective",
        "intro_fr": (
            "Une association qui agit contre la traite des êtres humains peut demander à rejoindre "
            "le Collectif. Elle est d'abord membre observateur pendant un an."
        ),
        "intro_en": (
            "An association working against human trafficking may ask to join the collective. "
            "It is first an observer member for one year."
        ),
        "body_fr": (
            "1. L'association présente son action lors d'une réunion du Collectif.\n\n"
            "2. Elle devient membre observateur à la date où elle confirme son souhait d'entrer "
            "dans le Collectif. Elle apparaît alors comme membre observateur sur ce site et "
            "désigne une personne de contact.\n\n"
            "3. Pendant cette année d'observation, elle participe régulièrement et activement aux "
            "activités du Collectif, mais elle n'est pas mandatée pour le représenter et ne prend "
            "pas part aux votes. Cette année lui permet de découvrir les autres associations et "
            "les positions qui se construisent et se défendent en Collectif.\n\n"
            "4. Un an plus tard, les membres du Collectif votent sur son admission. Admise, elle "
            "devient membre au même titre que ceux qui en font partie depuis plusieurs années.\n\n"
            "Pour en parler, écrivez à la coordination par la page Contact."
        ),
        "body_en": (
            "1. The association presents its work at a meeting of the collective.\n\n"
            "2. It becomes an observer member on the date it confirms its wish to join the "
            "collective. It then appears as an observer member on this site and names a contact "
            "person.\n\n"
            "3. During this year of observation it takes part regularly and actively in the "
            "collective's work, but it is not mandated to represent the collective and does not "
            "vote. The year lets it get to know the other associations and the positions the "
            "collective builds and defends together.\n\n"
            "4. One year later, the members of the collective vote on its admission. Once "
            "admitted, it is a member on the same footing as those who have belonged for years.\n\n"
            "To talk it over, write to the coordination through the Contact page."
        ),
    },
    "legal": {
        "title_fr": "Mentions légales",
        "title_en": "Legal notice",
        "intro_fr": "",
        "intro_en": "",
        "body_fr": (
            "Éditeur du site : le Collectif « Ensemble contre la traite des êtres humains », "
            "coordonné par le Secours Catholique – Caritas France, 106 rue du Bac, 75341 Paris "
            "cedex 07.\n\n"
            "Les textes publiés par les associations membres engagent leurs auteurs. Les textes "
            "juridiques sont reproduits à titre d'information ; seule la version officielle fait "
            "foi.\n\n"
            "Ce site ne charge aucune ressource depuis un autre serveur et n'utilise aucun outil "
            "de mesure d'audience."
        ),
        "body_en": (
            "Publisher: the collective « Ensemble contre la traite des êtres humains », "
            "coordinated by the Secours Catholique – Caritas France, 106 rue du Bac, 75341 Paris "
            "cedex 07, France.\n\n"
            "Texts published by member associations are their authors' responsibility. Legal "
            "texts are reproduced for information; only the official version is authoritative.\n\n"
            "This site loads nothing from any other server and uses no audience measurement."
        ),
    },
    "privacy": {
        "title_fr": "Données personnelles",
        "title_en": "Privacy",
        "intro_fr": "Ce site recueille le moins de données possible, et n'en transmet à personne.",
        "intro_en": "This site collects as little data as it can, and passes none of it on.",
        "body_fr": (
            "Aucun cookie de mesure d'audience ou de publicité n'est déposé. Un cookie technique "
            "mémorise la langue choisie ; les membres connectés ont un cookie de session.\n\n"
            "Les messages envoyés par le formulaire de contact sont transmis à la coordination du "
            "Collectif et conservés le temps d'y répondre. L'adresse réseau de l'expéditeur n'est "
            "pas conservée : seule une empreinte chiffrée sert à limiter les abus.\n\n"
            "Les coordonnées des associations membres ne sont publiées qu'avec leur accord "
            "explicite. Pour exercer vos droits d'accès, de rectification ou d'effacement, "
            "écrivez à la coordination par la page Contact."
        ),
        "body_en": (
            "No audience measurement or advertising cookie is set. A technical cookie remembers "
            "the language you chose; logged-in members have a session cookie.\n\n"
            "Messages sent through the contact form go to the coordination of the collective and "
            "are kept as long as needed to answer them. The sender's network address is not "
            "kept: only a keyed fingerprint is used to limit abuse.\n\n"
            "Member associations' contact details are published only with their explicit "
            "consent. To exercise your rights of access, correction or erasure, write to the "
            "coordination through the Contact page."
        ),
    },
}


def create_pages(apps, schema_editor):
    Page = apps.get_model("collectif", "Page")
    for key, texts in PAGES.items():
        fields = {**texts, "title": texts["title_fr"], "intro": texts["intro_fr"], "body": texts["body_fr"]}
        Page.objects.get_or_create(key=key, defaults=fields)


class Migration(migrations.Migration):
    dependencies = [("collectif", "0002_coordination_group")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
