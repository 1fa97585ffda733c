"""Demo content of the library: real texts against human trafficking with their official links,
and the collective's documents named in the minutes of 29 September 2014 (annexes 1 to 3).

Idempotent: texts are keyed by slug; a second run changes nothing. `last_checked` stays empty:
these entries wait for a coordinator to check them, as the minutes ask (« textes à jour »)."""

from datetime import date

from django.core.files.base import ContentFile

from collectif.models import Theme

from . import services
from .models import Document, IssuingBody, LegalReference, LegalResource
from .pdfmaker import make_pdf

EURLEX = "https://eur-lex.europa.eu/legal-content/{lang}/TXT/?uri=CELEX:{celex}"
COE_TREATY = (
    "https://www.coe.int/{lang}/web/conventions/full-list?module=treaty-detail&treatynum={n}"
)
NORMLEX = (
    "https://www.ilo.org/dyn/normlex/{lang}/f?p=NORMLEXPUB:12100:0::NO::P12100_ILO_CODE:{code}"
)
OHCHR = "https://www.ohchr.org/{lang}/instruments-mechanisms/instruments/{page}"
UNTC = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={n}&chapter=18&clang=_{lang}"
GRETA_FRANCE = "https://www.coe.int/{lang}/web/anti-human-trafficking/france"
HUDOC = "https://hudoc.echr.coe.int/{lang}?i={item}"
JORF = "https://www.legifrance.gouv.fr/jorf/id/{id}"
GLOTIP = "https://www.unodc.org/documents/data-and-analysis/{path}"


def eurlex(celex):
    return {
        "url_fr": EURLEX.format(lang="FR", celex=celex),
        "url_en": EURLEX.format(lang="EN", celex=celex),
    }


def coe_treaty(number):
    return {
        "url_fr": COE_TREATY.format(lang="fr", n=number),
        "url_en": COE_TREATY.format(lang="en", n=number),
    }


def normlex(code):
    return {
        "url_fr": NORMLEX.format(lang="fr", code=code),
        "url_en": NORMLEX.format(lang="en", code=code),
    }


def ohchr(page):
    return {
        "url_fr": OHCHR.format(lang="fr", page=page),
        "url_en": OHCHR.format(lang="en", page=page),
    }


def greta_france():
    return {"url_fr": GRETA_FRANCE.format(lang="fr"), "url_en": GRETA_FRANCE.format(lang="en")}


def hudoc(item):
    return {
        "url_fr": HUDOC.format(lang="fre", item=item),
        "url_en": HUDOC.format(lang="eng", item=item),
    }


# slug: (kind, body, level, date, themes, titles, summaries, links and other fields)
TEXTS = [
    {
        "slug": "untoc-2000",
        "kind": "convention",
        "body": "united-nations",
        "level": "international",
        "date": date(2000, 11, 15),
        "themes": ["advocacy"],
        "title_fr": "Convention des Nations unies contre la criminalité transnationale organisée",
        "title_en": "United Nations Convention against Transnational Organized Crime",
        "summary_fr": "Adoptée à New York le 15 novembre 2000 (résolution 55/25 de l'Assemblée "
        "générale), entrée en vigueur le 29 septembre 2003. Elle est complétée par trois "
        "protocoles, dont le Protocole de Palerme sur la traite des personnes.",
        "summary_en": "Adopted in New York on 15 November 2000 (General Assembly resolution "
        "55/25), in force since 29 September 2003. Three protocols supplement it, among them the "
        "Palermo Protocol on trafficking in persons.",
        "common_names_fr": "Convention de Palerme",
        "common_names_en": "Palermo Convention\nUNTOC",
        "entry_into_force": date(2003, 9, 29),
        "france_signature": date(2000, 12, 12),
        "france_ratification": date(2002, 10, 29),
        "references": [("un", "A/RES/55/25")],
        "url_fr": UNTC.format(n="XVIII-12", lang="fr"),
        "url_en": UNTC.format(n="XVIII-12", lang="en"),
    },
    {
        "slug": "palermo-protocol-2000",
        "kind": "protocol",
        "body": "united-nations",
        "level": "international",
        "date": date(2000, 11, 15),
        "themes": ["sexual-exploitation", "labour-exploitation", "minors"],
        "title_fr": "Protocole de Palerme visant à prévenir, réprimer et punir la traite des "
        "personnes, en particulier des femmes et des enfants",
        "title_en": "Palermo Protocol to Prevent, Suppress and Punish Trafficking in Persons, "
        "Especially Women and Children",
        "summary_fr": "Additionnel à la Convention des Nations unies contre la criminalité "
        "transnationale organisée, il donne la première définition internationale de la traite "
        "des personnes (article 3). En vigueur depuis le 25 décembre 2003.",
        "summary_en": "Supplementing the United Nations Convention against Transnational "
        "Organized Crime, it gives the first international definition of trafficking in persons "
        "(article 3). In force since 25 December 2003.",
        "common_names_fr": "Protocole de Palerme",
        "common_names_en": "Palermo Protocol\nUN Trafficking Protocol",
        "entry_into_force": date(2003, 12, 25),
        "france_signature": date(2000, 12, 12),
        "france_ratification": date(2002, 10, 29),
        "references": [("un", "A/RES/55/25")],
        **ohchr("protocol-prevent-suppress-and-punish-trafficking-persons"),
    },
    {
        "slug": "un-global-plan-of-action-2010",
        "kind": "resolution",
        "body": "united-nations",
        "level": "international",
        "date": date(2010, 7, 30),
        "themes": ["advocacy", "victim-support"],
        "title_fr": "Plan d'action mondial des Nations unies pour la lutte contre la traite des "
        "personnes (résolution 64/293 de l'Assemblée générale)",
        "title_en": "United Nations Global Plan of Action to Combat Trafficking in Persons "
        "(General Assembly resolution 64/293)",
        "summary_fr": "Adopté par l'Assemblée générale le 30 juillet 2010 pour promouvoir la "
        "ratification et l'application du Protocole de Palerme. Il crée le Fonds de "
        "contributions volontaires des Nations unies en faveur des victimes de la traite, en "
        "particulier des femmes et des enfants, et demande à l'ONUDC un rapport mondial tous "
        "les deux ans.",
        "summary_en": "Adopted by the General Assembly on 30 July 2010 to promote the "
        "ratification and implementation of the Palermo Protocol. It establishes the United "
        "Nations Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women "
        "and Children, and asks UNODC for a global report every two years.",
        "common_names_fr": "Plan d'action mondial",
        "common_names_en": "Global Plan of Action",
        "references": [("un", "A/RES/64/293")],
        "url_fr": "https://undocs.org/fr/A/RES/64/293",
        "url_en": "https://undocs.org/en/A/RES/64/293",
    },
    {
        "slug": "ohchr-recommended-principles-2002",
        "kind": "recommendation",
        "body": "united-nations",
        "level": "international",
        "date": date(2002, 5, 1),
        "date_precision": "month",
        "themes": ["victim-support", "advocacy"],
        "title_fr": "Principes et directives concernant les droits de l'homme et la traite des "
        "êtres humains : recommandations",
        "title_en": "Recommended Principles and Guidelines on Human Rights and Human Trafficking",
        "summary_fr": "Présentés par le Haut-Commissaire des Nations unies aux droits de l'homme "
        "au Conseil économique et social en mai 2002. Les droits fondamentaux des victimes "
        "doivent être au cœur de la lutte contre la traite ; les victimes ne doivent être ni "
        "détenues ni poursuivies pour les infractions liées à leur situation.",
        "summary_en": "Presented by the United Nations High Commissioner for Human Rights to the "
        "Economic and Social Council in May 2002. The human rights of trafficked persons must "
        "be at the centre of all efforts against trafficking; victims must not be detained or "
        "prosecuted for offences arising from their situation.",
        "common_names_fr": "Principes et directives recommandés",
        "common_names_en": "Recommended Principles and Guidelines",
        "references": [("un", "E/2002/68/ADD.1")],
        "url_fr": "https://undocs.org/fr/E/2002/68/Add.1",
        "url_en": "https://undocs.org/en/E/2002/68/Add.1",
    },
    {
        "slug": "cedaw-general-recommendation-38-2020",
        "kind": "general-comment",
        "body": "united-nations",
        "level": "international",
        "date": date(2020, 11, 1),
        "date_precision": "month",
        "themes": ["sexual-exploitation", "victim-support", "advocacy"],
        "title_fr": "Comité pour l'élimination de la discrimination à l'égard des femmes : "
        "recommandation générale n° 38 (2020) sur la traite des femmes et des filles dans le "
        "contexte des migrations internationales",
        "title_en": "Committee on the Elimination of Discrimination against Women: general "
        "recommendation No. 38 (2020) on trafficking in women and girls in the context of "
        "global migration",
        "summary_fr": "Le Comité précise les obligations des États au titre de l'article 6 de "
        "la Convention sur l'élimination de toutes les formes de discrimination à l'égard des "
        "femmes : s'attaquer aux causes profondes de la traite, à la demande qui favorise "
        "l'exploitation et à l'usage des technologies numériques, et protéger les victimes.",
        "summary_en": "The Committee sets out States' obligations under article 6 of the "
        "Convention on the Elimination of All Forms of Discrimination against Women: address "
        "the root causes of trafficking, the demand that fosters exploitation and the use of "
        "digital technology, and protect victims.",
        "common_names_fr": "Recommandation générale n° 38",
        "common_names_en": "General Recommendation No. 38\nGR 38",
        "references": [("un", "CEDAW/C/GC/38")],
        "url_fr": "https://undocs.org/fr/CEDAW/C/GC/38",
        "url_en": "https://undocs.org/en/CEDAW/C/GC/38",
    },
    {
        "slug": "crc-1989",
        "kind": "convention",
        "body": "united-nations",
        "level": "international",
        "date": date(1989, 11, 20),
        "themes": ["minors"],
        "title_fr": "Convention relative aux droits de l'enfant",
        "title_en": "Convention on the Rights of the Child",
        "summary_fr": "Adoptée par l'Assemblée générale des Nations unies le 20 novembre 1989. "
        "Ses articles 34 et 35 engagent les États à protéger l'enfant contre l'exploitation "
        "sexuelle et à empêcher la vente et la traite d'enfants. Le Collectif contribue au "
        "rapport alternatif de suivi de la Convention pour la France.",
        "summary_en": "Adopted by the United Nations General Assembly on 20 November 1989. Its "
        "articles 34 and 35 bind States to protect children from sexual exploitation and to "
        "prevent the sale of and traffic in children.",
        "common_names_fr": "CIDE\nConvention internationale des droits de l'enfant",
        "common_names_en": "CRC\nUNCRC",
        "entry_into_force": date(1990, 9, 2),
        "france_signature": date(1990, 1, 26),
        "france_ratification": date(1990, 8, 7),
        "references": [("un", "A/RES/44/25")],
        **ohchr("convention-rights-child"),
    },
    {
        "slug": "crc-optional-protocol-sale-of-children-2000",
        "kind": "protocol",
        "body": "united-nations",
        "level": "international",
        "date": date(2000, 5, 25),
        "themes": ["minors", "sexual-exploitation"],
        "title_fr": "Protocole facultatif à la Convention relative aux droits de l'enfant, "
        "concernant la vente d'enfants, la prostitution des enfants et la pornographie mettant "
        "en scène des enfants",
        "title_en": "Optional Protocol to the Convention on the Rights of the Child on the sale "
        "of children, child prostitution and child pornography",
        "summary_fr": "Adopté le 25 mai 2000 par l'Assemblée générale des Nations unies, en "
        "vigueur depuis le 18 janvier 2002.",
        "summary_en": "Adopted by the United Nations General Assembly on 25 May 2000, in force "
        "since 18 January 2002.",
        "common_names_fr": "Protocole facultatif concernant la vente d'enfants",
        "common_names_en": "OPSC\nOptional Protocol on the Sale of Children",
        "entry_into_force": date(2002, 1, 18),
        "france_signature": date(2000, 9, 6),
        "france_ratification": date(2003, 2, 5),
        "references": [("un", "A/RES/54/263")],
        **ohchr("optional-protocol-convention-rights-child-sale-children-child"),
    },
    {
        "slug": "crc-general-comment-6-2005",
        "kind": "general-comment",
        "body": "united-nations",
        "level": "international",
        "date": date(2005, 1, 1),
        "date_precision": "year",
        "themes": ["minors", "victim-support"],
        "title_fr": "Comité des droits de l'enfant : observation générale n° 6 (2005) sur le "
        "traitement des enfants non accompagnés et des enfants séparés en dehors de leur pays "
        "d'origine",
        "title_en": "Committee on the Rights of the Child: general comment No. 6 (2005) on the "
        "treatment of unaccompanied and separated children outside their country of origin",
        "summary_fr": "Le Comité rappelle que les enfants non accompagnés ou séparés sont "
        "particulièrement exposés à la traite : les États doivent les identifier sans délai, "
        "leur désigner un tuteur et les protéger, y compris contre une nouvelle victimisation.",
        "summary_en": "The Committee recalls that unaccompanied or separated children are "
        "particularly vulnerable to trafficking: States must identify them promptly, appoint a "
        "guardian and protect them, including against re-victimisation.",
        "common_names_fr": "Observation générale n° 6",
        "common_names_en": "General Comment No. 6",
        "references": [("un", "CRC/GC/2005/6")],
        "url_fr": "https://undocs.org/fr/CRC/GC/2005/6",
        "url_en": "https://undocs.org/en/CRC/GC/2005/6",
    },
    {
        "slug": "ilo-c029-forced-labour-1930",
        "kind": "convention",
        "body": "ilo",
        "level": "international",
        "date": date(1930, 6, 28),
        "themes": ["labour-exploitation"],
        "title_fr": "Convention (n° 29) sur le travail forcé, 1930",
        "title_en": "Forced Labour Convention, 1930 (No. 29)",
        "summary_fr": "Définit le travail forcé ou obligatoire et engage les États à le "
        "supprimer. Complétée par le protocole de 2014.",
        "summary_en": "Defines forced or compulsory labour and binds States to suppress it. "
        "Supplemented by the Protocol of 2014.",
        "common_names_fr": "Convention sur le travail forcé",
        "common_names_en": "Forced Labour Convention",
        "entry_into_force": date(1932, 5, 1),
        "france_ratification": date(1937, 6, 24),
        "references": [("ilo", "C029")],
        "status": "amended",
        **normlex("C029"),
    },
    {
        "slug": "ilo-p029-forced-labour-protocol-2014",
        "kind": "protocol",
        "body": "ilo",
        "level": "international",
        "date": date(2014, 6, 11),
        "themes": ["labour-exploitation", "victim-support"],
        "title_fr": "Protocole de 2014 relatif à la convention sur le travail forcé, 1930 (P029)",
        "title_en": "Protocol of 2014 to the Forced Labour Convention, 1930 (P029)",
        "summary_fr": "Adopté par la Conférence internationale du travail le 11 juin 2014, en "
        "vigueur depuis le 9 novembre 2016 : prévention, protection et indemnisation des "
        "victimes du travail forcé, y compris de la traite à cette fin.",
        "summary_en": "Adopted by the International Labour Conference on 11 June 2014, in force "
        "since 9 November 2016: prevention, protection and remedies for victims of forced "
        "labour, including trafficking for that purpose.",
        "common_names_fr": "Protocole sur le travail forcé",
        "common_names_en": "Forced Labour Protocol",
        "entry_into_force": date(2016, 11, 9),
        "france_ratification": date(2016, 6, 7),
        "references": [("ilo", "P029")],
        "amends": ["ilo-c029-forced-labour-1930"],
        **normlex("P029"),
    },
    {
        "slug": "ilo-c182-worst-forms-child-labour-1999",
        "kind": "convention",
        "body": "ilo",
        "level": "international",
        "date": date(1999, 6, 17),
        "themes": ["minors", "labour-exploitation"],
        "title_fr": "Convention (n° 182) sur les pires formes de travail des enfants, 1999",
        "title_en": "Worst Forms of Child Labour Convention, 1999 (No. 182)",
        "summary_fr": "La vente et la traite des enfants comptent parmi les pires formes de "
        "travail des enfants que les États doivent éliminer d'urgence.",
        "summary_en": "The sale and trafficking of children are among the worst forms of child "
        "labour that States must eliminate as a matter of urgency.",
        "common_names_fr": "Convention sur les pires formes de travail des enfants",
        "common_names_en": "Worst Forms of Child Labour Convention",
        "entry_into_force": date(2000, 11, 19),
        "france_ratification": date(2001, 9, 11),
        "references": [("ilo", "C182")],
        **normlex("C182"),
    },
    {
        "slug": "echr-convention-1950",
        "kind": "convention",
        "body": "council-of-europe",
        "level": "european",
        "date": date(1950, 11, 4),
        "themes": ["domestic-slavery", "labour-exploitation"],
        "title_fr": "Convention de sauvegarde des droits de l'homme et des libertés "
        "fondamentales (STE n° 5)",
        "title_en": "Convention for the Protection of Human Rights and Fundamental Freedoms "
        "(ETS No. 5)",
        "summary_fr": "Signée à Rome le 4 novembre 1950, en vigueur depuis le 3 septembre 1953. "
        "Son article 4 interdit l'esclavage, la servitude et le travail forcé ; la Cour "
        "européenne des droits de l'homme y rattache la traite des êtres humains.",
        "summary_en": "Signed in Rome on 4 November 1950, in force since 3 September 1953. Its "
        "article 4 prohibits slavery, servitude and forced labour; the European Court of Human "
        "Rights brings trafficking in human beings within it.",
        "status": "amended",
        "common_names_fr": "Convention européenne des droits de l'homme\nCEDH",
        "common_names_en": "European Convention on Human Rights\nECHR",
        "entry_into_force": date(1953, 9, 3),
        "france_signature": date(1950, 11, 4),
        "france_ratification": date(1974, 5, 3),
        "references": [("cets", "5")],
        **coe_treaty("005"),
    },
    {
        "slug": "coe-convention-cets-197-2005",
        "kind": "convention",
        "body": "council-of-europe",
        "level": "european",
        "date": date(2005, 5, 16),
        "themes": ["victim-support", "advocacy"],
        "title_fr": "Convention du Conseil de l'Europe sur la lutte contre la traite des êtres "
        "humains (STCE n° 197)",
        "title_en": "Council of Europe Convention on Action against Trafficking in Human Beings "
        "(CETS No. 197)",
        "summary_fr": "Signée à Varsovie le 16 mai 2005, en vigueur depuis le 1er février 2008. "
        "Elle protège les droits des victimes (délai de rétablissement et de réflexion, permis "
        "de séjour) et institue le GRETA pour suivre sa mise en œuvre.",
        "summary_en": "Opened for signature in Warsaw on 16 May 2005, in force since "
        "1 February 2008. It protects victims' rights (recovery and reflection period, residence "
        "permits) and sets up GRETA to monitor its implementation.",
        "common_names_fr": "Convention de Varsovie",
        "common_names_en": "Warsaw Convention\nAnti-Trafficking Convention",
        "entry_into_force": date(2008, 2, 1),
        "france_signature": date(2006, 5, 22),
        "france_ratification": date(2008, 1, 9),
        "references": [("cets", "197")],
        **coe_treaty(197),
    },
    {
        "slug": "coe-lanzarote-convention-cets-201-2007",
        "kind": "convention",
        "body": "council-of-europe",
        "level": "european",
        "date": date(2007, 10, 25),
        "themes": ["minors", "sexual-exploitation"],
        "title_fr": "Convention du Conseil de l'Europe sur la protection des enfants contre "
        "l'exploitation et les abus sexuels (Convention de Lanzarote, STCE n° 201)",
        "title_en": "Council of Europe Convention on the Protection of Children against Sexual "
        "Exploitation and Sexual Abuse (Lanzarote Convention, CETS No. 201)",
        "summary_fr": "Signée à Lanzarote le 25 octobre 2007, en vigueur depuis le "
        "1er juillet 2010.",
        "summary_en": "Opened for signature in Lanzarote on 25 October 2007, in force since "
        "1 July 2010.",
        "common_names_fr": "Convention de Lanzarote",
        "common_names_en": "Lanzarote Convention",
        "entry_into_force": date(2010, 7, 1),
        "france_signature": date(2007, 10, 25),
        "france_ratification": date(2010, 9, 27),
        "references": [("cets", "201")],
        **coe_treaty(201),
    },
    {
        "slug": "coe-convention-organs-cets-216-2015",
        "kind": "convention",
        "body": "council-of-europe",
        "level": "european",
        "date": date(2015, 3, 25),
        "themes": ["organ-removal"],
        "title_fr": "Convention du Conseil de l'Europe contre le trafic d'organes humains "
        "(STCE n° 216)",
        "title_en": "Council of Europe Convention against Trafficking in Human Organs "
        "(CETS No. 216)",
        "summary_fr": "Ouverte à la signature à Saint-Jacques-de-Compostelle le 25 mars 2015, en "
        "vigueur depuis le 1er mars 2018. Elle incrimine le prélèvement illicite d'organes "
        "humains et leur utilisation, et protège les victimes.",
        "summary_en": "Opened for signature in Santiago de Compostela on 25 March 2015, in force "
        "since 1 March 2018. It makes the illicit removal and use of human organs criminal "
        "offences and protects victims.",
        "entry_into_force": date(2018, 3, 1),
        "references": [("cets", "216")],
        **coe_treaty(216),
    },
    {
        "slug": "coe-cm-rec-2022-21-labour-exploitation",
        "kind": "recommendation",
        "body": "council-of-europe",
        "level": "european",
        "date": date(2022, 9, 1),
        "date_precision": "month",
        "themes": ["labour-exploitation", "advocacy"],
        "title_fr": "Recommandation CM/Rec(2022)21 du Comité des Ministres aux États membres "
        "sur la prévention et la lutte contre la traite des êtres humains aux fins "
        "d'exploitation par le travail",
        "title_en": "Recommendation CM/Rec(2022)21 of the Committee of Ministers to member "
        "States on preventing and combating trafficking in human beings for the purpose of "
        "labour exploitation",
        "summary_fr": "Adoptée en septembre 2022, elle complète la Convention de Varsovie : "
        "prévention dans les secteurs à risque, inspection du travail, diligence raisonnable "
        "des entreprises dans leurs chaînes d'approvisionnement, accès des victimes à la "
        "justice et à l'indemnisation.",
        "summary_en": "Adopted in September 2022, it supplements the Warsaw Convention: "
        "prevention in sectors at risk, labour inspection, due diligence of businesses in their "
        "supply chains, victims' access to justice and compensation.",
        "references": [("other", "CM/Rec(2022)21")],
    },
    {
        "slug": "greta-france-round-1-2013",
        "kind": "report",
        "body": "greta",
        "level": "european",
        "date": date(2013, 1, 28),
        "themes": ["advocacy", "victim-support"],
        "title_fr": "GRETA : rapport concernant la mise en œuvre de la Convention par la France, "
        "premier cycle d'évaluation",
        "title_en": "GRETA: report concerning the implementation of the Convention by France, "
        "first evaluation round",
        "summary_fr": "Premier rapport du GRETA sur la France (GRETA(2012)16) : coordination "
        "nationale, identification et protection des victimes, poursuites.",
        "summary_en": "GRETA's first report on France (GRETA(2012)16): national coordination, "
        "identification and protection of victims, prosecution.",
        "references": [("other", "GRETA(2012)16")],
        **greta_france(),
    },
    {
        "slug": "greta-france-round-2-2017",
        "kind": "report",
        "body": "greta",
        "level": "european",
        "date": date(2017, 3, 24),
        "themes": ["advocacy", "victim-support"],
        "title_fr": "GRETA : rapport concernant la mise en œuvre de la Convention par la France, "
        "deuxième cycle d'évaluation",
        "title_en": "GRETA: report concerning the implementation of the Convention by France, "
        "second evaluation round",
        "summary_fr": "Deuxième rapport du GRETA sur la France (GRETA(2017)17), adopté en mars "
        "2017 : suites données au premier rapport, mineurs victimes, accès aux droits.",
        "summary_en": "GRETA's second report on France (GRETA(2017)17), adopted in March 2017: "
        "follow-up to the first report, child victims, access to rights.",
        "references": [("other", "GRETA(2017)17")],
        **greta_france(),
    },
    {
        "slug": "greta-france-round-3-2022",
        "kind": "report",
        "body": "greta",
        "level": "european",
        "date": date(2022, 2, 17),
        "themes": ["victim-support"],
        "title_fr": "GRETA : rapport d'évaluation de la France, troisième cycle : l'accès des "
        "victimes à la justice et à des recours effectifs",
        "title_en": "GRETA: evaluation report on France, third round: access to justice and "
        "effective remedies for victims",
        "summary_fr": "Troisième cycle d'évaluation, consacré à l'accès des victimes de la traite "
        "à la justice et à l'indemnisation.",
        "summary_en": "Third evaluation round, on trafficking victims' access to justice and "
        "compensation.",
        **greta_france(),
    },
    {
        "slug": "greta-general-report-13-2024",
        "kind": "report",
        "body": "greta",
        "level": "european",
        "date": date(2024, 1, 1),
        "date_precision": "year",
        "themes": ["advocacy"],
        "title_fr": "GRETA : 13e rapport général sur les activités du GRETA, couvrant l'année 2023",
        "title_en": "GRETA: 13th General Report on GRETA's activities, covering the year 2023",
        "summary_fr": "Rapport annuel du Groupe d'experts : évaluations par pays de l'année "
        "2023, tendances de la traite en Europe et suites données à ses recommandations.",
        "summary_en": "The Group of Experts' annual report: the country evaluations of 2023, "
        "trends of trafficking in Europe and the follow-up to its recommendations.",
    },
    {
        "slug": "echr-siliadin-v-france-2005",
        "kind": "case-law",
        "body": "echr",
        "level": "european",
        "date": date(2005, 7, 26),
        "themes": ["domestic-slavery", "minors"],
        "title_fr": "CEDH, Siliadin c. France, requête n° 73316/01",
        "title_en": "ECHR, Siliadin v. France, application no. 73316/01",
        "summary_fr": "La Cour condamne la France pour n'avoir pas protégé une jeune fille "
        "mineure tenue en servitude domestique : violation de l'article 4 de la Convention "
        "européenne des droits de l'homme.",
        "summary_en": "The Court finds against France for failing to protect a minor held in "
        "domestic servitude: violation of Article 4 of the European Convention on Human Rights.",
        "references": [
            ("case", "CEDH, n° 73316/01"),
            ("ecli", "ECLI:CE:ECHR:2005:0726JUD007331601"),
        ],
        **hudoc("001-69891"),
    },
    {
        "slug": "echr-rantsev-v-cyprus-and-russia-2010",
        "kind": "case-law",
        "body": "echr",
        "level": "european",
        "date": date(2010, 1, 7),
        "themes": ["sexual-exploitation"],
        "title_fr": "CEDH, Rantsev c. Chypre et Russie, requête n° 25965/04",
        "title_en": "ECHR, Rantsev v. Cyprus and Russia, application no. 25965/04",
        "summary_fr": "La traite des êtres humains relève de l'article 4 de la Convention "
        "européenne des droits de l'homme : obligations positives des États.",
        "summary_en": "Trafficking in human beings falls within Article 4 of the European "
        "Convention on Human Rights: the positive obligations of States.",
        "references": [
            ("case", "CEDH, n° 25965/04"),
            ("ecli", "ECLI:CE:ECHR:2010:0107JUD002596504"),
        ],
        **hudoc("001-96549"),
    },
    {
        "slug": "echr-cn-and-v-v-france-2012",
        "kind": "case-law",
        "body": "echr",
        "level": "european",
        "date": date(2012, 10, 11),
        "themes": ["domestic-slavery", "minors"],
        "title_fr": "CEDH, C.N. et V. c. France, requête n° 67724/09",
        "title_en": "ECHR, C.N. and V. v. France, application no. 67724/09",
        "summary_fr": "Deux sœurs burundaises, orphelines, hébergées enfants par des proches en "
        "France et astreintes aux tâches domestiques. La Cour juge que l'aînée a été soumise à "
        "un travail forcé et tenue en servitude, et que le droit français ne permettait pas "
        "alors de réprimer efficacement ces faits : violation de l'article 4.",
        "summary_en": "Two orphaned Burundian sisters, taken in as children by relatives in "
        "France and made to do the housework. The Court holds that the elder was subjected to "
        "forced labour and held in servitude, and that French law did not then allow these "
        "acts to be punished effectively: violation of Article 4.",
        "references": [
            ("case", "CEDH, n° 67724/09"),
            ("ecli", "ECLI:CE:ECHR:2012:1011JUD006772409"),
        ],
    },
    {
        "slug": "echr-chowdury-v-greece-2017",
        "kind": "case-law",
        "body": "echr",
        "level": "european",
        "date": date(2017, 3, 30),
        "themes": ["labour-exploitation"],
        "title_fr": "CEDH, Chowdury et autres c. Grèce, requête n° 21884/15",
        "title_en": "ECHR, Chowdury and Others v. Greece, application no. 21884/15",
        "summary_fr": "Des ouvriers agricoles bangladais sans titre de séjour, employés sans "
        "salaire à la cueillette des fraises à Manolada : quand ils réclament leur dû, des "
        "gardes tirent sur eux. La Cour qualifie leur situation de traite et de travail forcé "
        "et condamne la Grèce pour n'avoir ni prévenu ni réprimé effectivement ces faits "
        "(article 4 § 2).",
        "summary_en": "Undocumented Bangladeshi farm workers, employed without pay to pick "
        "strawberries in Manolada: when they claim their wages, guards open fire on them. The "
        "Court finds their situation to be trafficking and forced labour, and finds against "
        "Greece for failing to prevent and punish it effectively (Article 4 § 2).",
        "references": [
            ("case", "CEDH, n° 21884/15"),
            ("ecli", "ECLI:CE:ECHR:2017:0330JUD002188415"),
        ],
    },
    {
        "slug": "echr-sm-v-croatia-2020",
        "kind": "case-law",
        "body": "echr",
        "level": "european",
        "date": date(2020, 6, 25),
        "themes": ["sexual-exploitation"],
        "title_fr": "CEDH (Grande Chambre), S.M. c. Croatie, requête n° 60561/14",
        "title_en": "ECHR (Grand Chamber), S.M. v. Croatia, application no. 60561/14",
        "summary_fr": "La Grande Chambre juge que la traite et l'exploitation de la prostitution "
        "forcée relèvent de l'article 4 de la Convention, et condamne la Croatie pour "
        "l'insuffisance de l'enquête menée sur la plainte de la requérante.",
        "summary_en": "The Grand Chamber holds that trafficking and the exploitation of forced "
        "prostitution fall within Article 4 of the Convention, and finds against Croatia for "
        "the shortcomings of the investigation into the applicant's complaint.",
        "references": [
            ("case", "CEDH, n° 60561/14"),
            ("ecli", "ECLI:CE:ECHR:2020:0625JUD006056114"),
        ],
    },
    {
        "slug": "echr-vcl-and-an-v-united-kingdom-2021",
        "kind": "case-law",
        "body": "echr",
        "level": "european",
        "date": date(2021, 2, 16),
        "themes": ["minors", "forced-begging-delinquency", "victim-support"],
        "title_fr": "CEDH, V.C.L. et A.N. c. Royaume-Uni, requêtes nos 77587/12 et 74603/12",
        "title_en": "ECHR, V.C.L. and A.N. v. the United Kingdom, applications nos. 77587/12 "
        "and 74603/12",
        "summary_fr": "Deux mineurs vietnamiens découverts dans des plantations de cannabis "
        "avaient été poursuivis et condamnés. Premier arrêt sur la non-sanction des victimes "
        "de la traite : la poursuite d'une victime potentielle sans évaluation préalable de sa "
        "situation par les autorités compétentes viole l'article 4 (et ici l'article 6).",
        "summary_en": "Two Vietnamese minors found in cannabis factories had been prosecuted "
        "and convicted. The first judgment on the non-punishment of trafficking victims: "
        "prosecuting a potential victim without a prior assessment of their situation by the "
        "competent authorities violates Article 4 (and here Article 6).",
        "references": [
            ("case", "CEDH, nos 77587/12 et 74603/12"),
            ("ecli", "ECLI:CE:ECHR:2021:0216JUD007758712"),
        ],
    },
    {
        "slug": "eu-framework-decision-2002-629",
        "kind": "framework-decision",
        "body": "european-union",
        "level": "european",
        "date": date(2002, 7, 19),
        "themes": ["advocacy"],
        "title_fr": "Décision-cadre 2002/629/JAI du Conseil relative à la lutte contre la traite "
        "des êtres humains",
        "title_en": "Council Framework Decision 2002/629/JHA on combating trafficking in human "
        "beings",
        "summary_fr": "Premier instrument de l'Union européenne définissant l'infraction de "
        "traite, remplacé par la directive 2011/36/UE.",
        "summary_en": "The European Union's first instrument defining the offence of "
        "trafficking, replaced by Directive 2011/36/EU.",
        "entry_into_force": date(2002, 8, 1),
        "references": [
            ("celex", "32002F0629"),
            ("eli", "http://data.europa.eu/eli/dec_framw/2002/629/oj"),
        ],
        "status": "replaced",
        "replaced_by": "eu-directive-2011-36",
        **eurlex("32002F0629"),
    },
    {
        "slug": "eu-directive-2004-81",
        "kind": "directive",
        "body": "european-union",
        "level": "european",
        "date": date(2004, 4, 29),
        "themes": ["victim-support"],
        "title_fr": "Directive 2004/81/CE du Conseil relative au titre de séjour délivré aux "
        "ressortissants de pays tiers qui sont victimes de la traite des êtres humains",
        "title_en": "Council Directive 2004/81/EC on the residence permit issued to third-country "
        "nationals who are victims of trafficking in human beings",
        "summary_fr": "Titre de séjour pour les victimes qui coopèrent avec les autorités "
        "compétentes.",
        "summary_en": "A residence permit for victims who cooperate with the competent "
        "authorities.",
        "entry_into_force": date(2004, 8, 6),
        "references": [
            ("celex", "32004L0081"),
            ("eli", "http://data.europa.eu/eli/dir/2004/81/oj"),
        ],
        **eurlex("32004L0081"),
    },
    {
        "slug": "eu-directive-2011-36",
        "kind": "directive",
        "body": "european-union",
        "level": "european",
        "date": date(2011, 4, 5),
        "themes": ["victim-support", "advocacy"],
        "title_fr": "Directive 2011/36/UE concernant la prévention de la traite des êtres humains "
        "et la lutte contre ce phénomène ainsi que la protection des victimes",
        "title_en": "Directive 2011/36/EU on preventing and combating trafficking in human "
        "beings and protecting its victims",
        "summary_fr": "Directive du Parlement européen et du Conseil du 5 avril 2011. Elle "
        "prévoit des rapporteurs nationaux ou mécanismes équivalents : en France, la CNCDH "
        "évalue la politique mise en œuvre.",
        "summary_en": "Directive of the European Parliament and of the Council of 5 April 2011. "
        "It provides for national rapporteurs or equivalent mechanisms: in France, the CNCDH "
        "assesses the policy carried out.",
        "common_names_fr": "Directive traite",
        "common_names_en": "Anti-Trafficking Directive",
        "entry_into_force": date(2011, 4, 15),
        "references": [
            ("celex", "32011L0036"),
            ("eli", "http://data.europa.eu/eli/dir/2011/36/oj"),
        ],
        "status": "amended",
        "consolidated_url": EURLEX.format(lang="FR", celex="02011L0036-20240714"),
        **eurlex("32011L0036"),
    },
    {
        "slug": "eu-directive-2011-93",
        "kind": "directive",
        "body": "european-union",
        "level": "european",
        "date": date(2011, 12, 13),
        "themes": ["minors", "sexual-exploitation"],
        "title_fr": "Directive 2011/93/UE relative à la lutte contre les abus sexuels et "
        "l'exploitation sexuelle des enfants, ainsi que la pédopornographie",
        "title_en": "Directive 2011/93/EU on combating the sexual abuse and sexual exploitation "
        "of children and child pornography",
        "summary_fr": "Directive du Parlement européen et du Conseil du 13 décembre 2011.",
        "summary_en": "Directive of the European Parliament and of the Council of "
        "13 December 2011.",
        "common_names_en": "Child Sexual Abuse Directive",
        "references": [
            ("celex", "32011L0093"),
            ("eli", "http://data.europa.eu/eli/dir/2011/93/oj"),
        ],
        **eurlex("32011L0093"),
    },
    {
        "slug": "eu-directive-2012-29",
        "kind": "directive",
        "body": "european-union",
        "level": "european",
        "date": date(2012, 10, 25),
        "themes": ["victim-support"],
        "title_fr": "Directive 2012/29/UE établissant des normes minimales concernant les "
        "droits, le soutien et la protection des victimes de la criminalité",
        "title_en": "Directive 2012/29/EU establishing minimum standards on the rights, support "
        "and protection of victims of crime",
        "summary_fr": "Directive du Parlement européen et du Conseil du 25 octobre 2012, qui "
        "remplace la décision-cadre 2001/220/JAI : information, soutien, participation à la "
        "procédure et protection de toutes les victimes, dont les victimes de la traite.",
        "summary_en": "Directive of the European Parliament and of the Council of 25 October "
        "2012, replacing Framework Decision 2001/220/JHA: information, support, participation "
        "in proceedings and protection for all victims, trafficking victims among them.",
        "common_names_fr": "Directive victimes",
        "common_names_en": "Victims' Rights Directive",
        "entry_into_force": date(2012, 11, 15),
        "references": [
            ("celex", "32012L0029"),
            ("eli", "http://data.europa.eu/eli/dir/2012/29/oj"),
        ],
        **eurlex("32012L0029"),
    },
    {
        "slug": "eu-strategy-2012-2016",
        "kind": "action-plan",
        "body": "european-union",
        "level": "european",
        "date": date(2012, 6, 19),
        "themes": ["advocacy"],
        "title_fr": "Stratégie de l'UE en vue de l'éradication de la traite des êtres humains "
        "pour la période 2012-2016",
        "title_en": "The EU Strategy towards the Eradication of Trafficking in Human Beings "
        "2012–2016",
        "summary_fr": "Communication de la Commission européenne, COM(2012) 286.",
        "summary_en": "Communication from the European Commission, COM(2012) 286.",
        "references": [("other", "COM(2012) 286 final"), ("celex", "52012DC0286")],
        **eurlex("52012DC0286"),
    },
    {
        "slug": "eu-strategy-2021-2025",
        "kind": "action-plan",
        "body": "european-union",
        "level": "european",
        "date": date(2021, 4, 14),
        "themes": ["advocacy"],
        "title_fr": "Stratégie de l'UE visant à lutter contre la traite des êtres humains "
        "2021-2025",
        "title_en": "EU Strategy on Combatting Trafficking in Human Beings 2021-2025",
        "summary_fr": "Communication de la Commission européenne, COM(2021) 171.",
        "summary_en": "Communication from the European Commission, COM(2021) 171.",
        "references": [("other", "COM(2021) 171 final"), ("celex", "52021DC0171")],
        **eurlex("52021DC0171"),
    },
    {
        "slug": "ep-resolution-2021-02-10-directive-2011-36",
        "kind": "resolution",
        "body": "european-union",
        "level": "european",
        "date": date(2021, 2, 10),
        "themes": ["advocacy", "sexual-exploitation"],
        "title_fr": "Résolution du Parlement européen du 10 février 2021 sur la mise en œuvre "
        "de la directive 2011/36/UE concernant la prévention de la traite des êtres humains et "
        "la lutte contre ce phénomène ainsi que la protection des victimes",
        "title_en": "European Parliament resolution of 10 February 2021 on the implementation "
        "of Directive 2011/36/EU on preventing and combating trafficking in human beings and "
        "protecting its victims",
        "summary_fr": "Rapport d'initiative sur l'application de la directive dans les États "
        "membres. Le Parlement demande à la Commission de réviser la directive, notamment pour "
        "incriminer l'utilisation en connaissance de cause des services des victimes.",
        "summary_en": "Own-initiative report on how the Member States apply the directive. "
        "Parliament asks the Commission to revise it, in particular to make the knowing use of "
        "victims' services a criminal offence.",
        "references": [("other", "2020/2029(INI)")],
        "url_fr": "https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do"
        "?reference=2020/2029(INI)&l=fr",
        "url_en": "https://oeil.secure.europarl.europa.eu/oeil/popups/ficheprocedure.do"
        "?reference=2020/2029(INI)&l=en",
    },
    {
        "slug": "eu-directive-2024-1712",
        "kind": "directive",
        "body": "european-union",
        "level": "european",
        "date": date(2024, 6, 13),
        "themes": ["labour-exploitation", "advocacy"],
        "title_fr": "Directive (UE) 2024/1712 modifiant la directive 2011/36/UE concernant la "
        "prévention de la traite des êtres humains et la lutte contre ce phénomène ainsi que la "
        "protection des victimes",
        "title_en": "Directive (EU) 2024/1712 amending Directive 2011/36/EU on preventing and "
        "combating trafficking in human beings and protecting its victims",
        "summary_fr": "Ajoute l'exploitation de la gestation pour autrui, du mariage forcé et de "
        "l'adoption illégale aux formes d'exploitation, et renforce l'identification des "
        "victimes. Transposition au plus tard le 15 juillet 2026.",
        "summary_en": "Adds the exploitation of surrogacy, forced marriage and illegal adoption "
        "to the forms of exploitation, and strengthens the identification of victims. To be "
        "transposed by 15 July 2026.",
        "entry_into_force": date(2024, 7, 14),
        "references": [
            ("celex", "32024L1712"),
            ("eli", "http://data.europa.eu/eli/dir/2024/1712/oj"),
        ],
        "amends": ["eu-directive-2011-36"],
        **eurlex("32024L1712"),
    },
    {
        "slug": "osce-action-plan-2003",
        "kind": "action-plan",
        "body": "osce",
        "level": "international",
        "date": date(2003, 7, 24),
        "themes": ["advocacy"],
        "title_fr": "Plan d'action de l'OSCE pour lutter contre la traite des êtres humains "
        "(décision n° 557 du Conseil permanent)",
        "title_en": "OSCE Action Plan to Combat Trafficking in Human Beings (Permanent Council "
        "Decision No. 557)",
        "summary_fr": "Recommandations aux États participants : poursuites, prévention, "
        "protection des victimes, coordination. Complété par les addendums de 2005 (enfants "
        "victimes) et de 2013.",
        "summary_en": "Recommendations to participating States: prosecution, prevention, "
        "protection of victims, co-ordination. Supplemented by the addendums of 2005 (child "
        "victims) and 2013.",
        "references": [("other", "PC.DEC/557")],
        "status": "amended",
        "url_en": "https://www.osce.org/pc/23866",
    },
    {
        "slug": "osce-action-plan-addendum-2005",
        "kind": "action-plan",
        "body": "osce",
        "level": "international",
        "date": date(2005, 7, 7),
        "themes": ["minors", "victim-support"],
        "title_fr": "Addendum au plan d'action de l'OSCE pour lutter contre la traite des êtres "
        "humains : répondre aux besoins particuliers des enfants victimes de la traite en "
        "matière de protection et d'assistance (décision n° 685)",
        "title_en": "Addendum to the OSCE Action Plan to Combat Trafficking in Human Beings: "
        "Addressing the Special Needs of Child Victims of Trafficking for Protection and "
        "Assistance (Decision No. 685)",
        "summary_fr": "Complète le plan d'action de 2003 par des mesures propres aux enfants "
        "victimes : identification, intérêt supérieur de l'enfant, tutelle, retour sûr ou "
        "intégration.",
        "summary_en": "Supplements the 2003 Action Plan with measures for child victims: "
        "identification, the best interests of the child, guardianship, safe return or "
        "integration.",
        "amends": ["osce-action-plan-2003"],
        "references": [("other", "PC.DEC/685")],
    },
    {
        "slug": "osce-action-plan-addendum-2013",
        "kind": "action-plan",
        "body": "osce",
        "level": "international",
        "date": date(2013, 12, 6),
        "themes": ["advocacy", "labour-exploitation"],
        "title_fr": "Addendum au plan d'action de l'OSCE pour lutter contre la traite des êtres "
        "humains : dix ans après (décision n° 1107)",
        "title_en": "Addendum to the OSCE Action Plan to Combat Trafficking in Human Beings: One "
        "Decade Later (Decision No. 1107)",
        "summary_fr": "Met à jour le plan d'action de 2003 : nouvelles formes de traite, chaînes "
        "d'approvisionnement, partenariats.",
        "summary_en": "Updates the 2003 Action Plan: new forms of trafficking, supply chains, "
        "partnerships.",
        "references": [("other", "PC.DEC/1107")],
        "amends": ["osce-action-plan-2003"],
        "url_en": "https://www.osce.org/pc/109371",
    },
    {
        "slug": "unodc-global-report-2014",
        "kind": "report",
        "body": "unodc",
        "level": "international",
        "date": date(2014, 11, 24),
        "themes": ["advocacy"],
        "title_fr": "ONUDC : Rapport mondial sur la traite des personnes 2014",
        "title_en": "UNODC Global Report on Trafficking in Persons 2014",
        "summary_fr": "Données de 128 pays : un tiers des victimes détectées sont des enfants.",
        "summary_en": "Data from 128 countries: one in three detected victims is a child.",
        "common_names_en": "GLOTiP 2014",
        "url_en": GLOTIP.format(path="glotip/GLOTIP_2014_full_report.pdf"),
    },
    {
        "slug": "unodc-global-report-2016",
        "kind": "report",
        "body": "unodc",
        "level": "international",
        "date": date(2016, 12, 21),
        "themes": ["advocacy"],
        "title_fr": "ONUDC : Rapport mondial sur la traite des personnes 2016",
        "title_en": "UNODC Global Report on Trafficking in Persons 2016",
        "summary_fr": "Avec un chapitre sur la traite dans les flux de migrants et de réfugiés.",
        "summary_en": "With a chapter on trafficking in migrant and refugee flows.",
        "common_names_en": "GLOTiP 2016",
        "url_en": GLOTIP.format(path="glotip/2016_Global_Report_on_Trafficking_in_Persons.pdf"),
    },
    {
        "slug": "unodc-global-report-2018",
        "kind": "report",
        "body": "unodc",
        "level": "international",
        "date": date(2019, 1, 7),
        "themes": ["advocacy"],
        "title_fr": "ONUDC : Rapport mondial sur la traite des personnes 2018",
        "title_en": "UNODC Global Report on Trafficking in Persons 2018",
        "summary_fr": "Avec un chapitre sur la traite dans les conflits armés.",
        "summary_en": "With a chapter on trafficking in the context of armed conflict.",
        "common_names_en": "GLOTiP 2018",
        "url_en": GLOTIP.format(path="glotip/2018/GLOTiP_2018_BOOK_web_small.pdf"),
    },
    {
        "slug": "unodc-global-report-2020",
        "kind": "report",
        "body": "unodc",
        "level": "international",
        "date": date(2021, 2, 2),
        "themes": ["advocacy", "labour-exploitation"],
        "title_fr": "ONUDC : Rapport mondial sur la traite des personnes 2020",
        "title_en": "UNODC Global Report on Trafficking in Persons 2020",
        "summary_fr": "Avec des chapitres sur l'effet de la crise économique et sur la traite "
        "par internet.",
        "summary_en": "With chapters on the effect of economic crises and on trafficking through "
        "the internet.",
        "common_names_en": "GLOTiP 2020",
        "url_en": GLOTIP.format(path="tip/2021/GLOTiP_2020_15jan_web.pdf"),
    },
    {
        "slug": "unodc-global-report-2022",
        "kind": "report",
        "body": "unodc",
        "level": "international",
        "date": date(2023, 1, 24),
        "themes": ["advocacy"],
        "title_fr": "ONUDC : Rapport mondial sur la traite des personnes 2022",
        "title_en": "UNODC Global Report on Trafficking in Persons 2022",
        "summary_fr": "Moins de victimes détectées pendant la pandémie, davantage de victimes "
        "identifiées par elles-mêmes.",
        "summary_en": "Fewer victims detected during the pandemic; more victims identifying "
        "themselves.",
        "common_names_en": "GLOTiP 2022",
        "url_en": GLOTIP.format(path="glotip/2022/GLOTiP_2022_web.pdf"),
    },
    {
        "slug": "unodc-global-report-2024",
        "kind": "report",
        "body": "unodc",
        "level": "international",
        "date": date(2024, 12, 11),
        "themes": ["advocacy", "minors"],
        "title_fr": "ONUDC : Rapport mondial sur la traite des personnes 2024",
        "title_en": "UNODC Global Report on Trafficking in Persons 2024",
        "summary_fr": "Hausse du nombre de victimes détectées, en particulier d'enfants.",
        "summary_en": "A rise in the number of detected victims, children in particular.",
        "common_names_en": "GLOTiP 2024",
        "url_en": GLOTIP.format(path="glotip/2024/GLOTIP2024_BOOK.pdf"),
    },
    {
        "slug": "unodc-model-law-2009",
        "kind": "guide",
        "body": "unodc",
        "level": "international",
        "date": date(2009, 1, 1),
        "date_precision": "year",
        "themes": ["advocacy", "victim-support"],
        "title_fr": "ONUDC : Loi type contre la traite des personnes",
        "title_en": "UNODC Model Law against Trafficking in Persons",
        "summary_fr": "Dispositions types, commentées, pour aider les États à transposer le "
        "Protocole de Palerme dans leur droit : incriminations, protection et assistance des "
        "victimes, coopération. Certaines dispositions sont obligatoires au regard du "
        "Protocole, d'autres facultatives.",
        "summary_en": "Model provisions with commentaries to help States bring the Palermo "
        "Protocol into their law: offences, protection of and assistance to victims, "
        "co-operation. Some provisions are mandatory under the Protocol, others optional.",
        "common_names_fr": "Loi type de l'ONUDC",
        "common_names_en": "UNODC Model Law",
    },
    {
        "slug": "code-penal-article-225-4-1",
        "kind": "law",
        "body": "french-republic",
        "level": "national",
        "date": date(2013, 8, 5),
        "themes": ["sexual-exploitation", "labour-exploitation", "forced-begging-delinquency"],
        "title_fr": "Code pénal, article 225-4-1 : la traite des êtres humains",
        "title_en": "French Criminal Code, article 225-4-1: trafficking in human beings",
        "summary_fr": "Définit l'infraction de traite des êtres humains, créée en 2003 et "
        "réécrite par la loi n° 2013-711 du 5 août 2013 pour la mettre en conformité avec la "
        "directive 2011/36/UE et la Convention du Conseil de l'Europe.",
        "summary_en": "Defines the offence of trafficking in human beings, created in 2003 and "
        "rewritten by Act no. 2013-711 of 5 August 2013 to comply with Directive 2011/36/EU and "
        "the Council of Europe Convention.",
        "references": [("code", "Code pénal, art. 225-4-1")],
        "url_fr": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070719/",
    },
    {
        "slug": "code-penal-article-224-1-a",
        "kind": "law",
        "body": "french-republic",
        "level": "national",
        "date": date(2013, 8, 5),
        "themes": ["domestic-slavery", "labour-exploitation"],
        "title_fr": "Code pénal, article 224-1 A : la réduction en esclavage",
        "title_en": "French Criminal Code, article 224-1 A: enslavement",
        "summary_fr": "Créé par la loi n° 2013-711 du 5 août 2013 : « La réduction en esclavage "
        "est le fait d'exercer à l'encontre d'une personne l'un des attributs du droit de "
        "propriété. » Elle est punie de vingt ans de réclusion criminelle.",
        "summary_en": "Created by Act no. 2013-711 of 5 August 2013: enslavement is exercising "
        "over a person any of the powers attaching to the right of ownership. It is punishable "
        "by twenty years' imprisonment.",
        "references": [("code", "Code pénal, art. 224-1 A")],
        "url_fr": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070719/",
    },
    {
        "slug": "code-penal-article-225-14-1",
        "kind": "law",
        "body": "french-republic",
        "level": "national",
        "date": date(2013, 8, 5),
        "themes": ["labour-exploitation", "domestic-slavery"],
        "title_fr": "Code pénal, article 225-14-1 : le travail forcé",
        "title_en": "French Criminal Code, article 225-14-1: forced labour",
        "summary_fr": "Créé par la loi n° 2013-711 du 5 août 2013 : le travail forcé est le "
        "fait, par la violence ou la menace, de contraindre une personne à effectuer un "
        "travail sans rétribution ou en échange d'une rétribution manifestement sans rapport "
        "avec l'importance du travail accompli. Il est puni de sept ans d'emprisonnement et de "
        "200 000 euros d'amende.",
        "summary_en": "Created by Act no. 2013-711 of 5 August 2013: forced labour is "
        "compelling a person, by violence or threat, to work without pay or for pay clearly "
        "out of proportion to the work done. It is punishable by seven years' imprisonment and "
        "a fine of 200,000 euros.",
        "references": [("code", "Code pénal, art. 225-14-1")],
        "url_fr": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070719/",
    },
    {
        "slug": "code-penal-article-225-14-2",
        "kind": "law",
        "body": "french-republic",
        "level": "national",
        "date": date(2013, 8, 5),
        "themes": ["domestic-slavery", "labour-exploitation"],
        "title_fr": "Code pénal, article 225-14-2 : la réduction en servitude",
        "title_en": "French Criminal Code, article 225-14-2: reduction to servitude",
        "summary_fr": "Créé par la loi n° 2013-711 du 5 août 2013 : la réduction en servitude "
        "est le fait de faire subir, de manière habituelle, un travail forcé à une personne "
        "dont la vulnérabilité ou l'état de dépendance sont apparents ou connus de l'auteur. "
        "Elle est punie de dix ans d'emprisonnement et de 300 000 euros d'amende.",
        "summary_en": "Created by Act no. 2013-711 of 5 August 2013: reduction to servitude is "
        "habitually subjecting to forced labour a person whose vulnerability or dependence is "
        "apparent or known to the offender. It is punishable by ten years' imprisonment and a "
        "fine of 300,000 euros.",
        "references": [("code", "Code pénal, art. 225-14-2")],
        "url_fr": "https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006070719/",
    },
    {
        "slug": "loi-2013-711",
        "kind": "law",
        "body": "french-republic",
        "level": "national",
        "date": date(2013, 8, 5),
        "themes": ["advocacy"],
        "title_fr": "Loi n° 2013-711 du 5 août 2013 portant diverses dispositions d'adaptation "
        "dans le domaine de la justice en application du droit de l'Union européenne et des "
        "engagements internationaux de la France",
        "title_en": "Act no. 2013-711 of 5 August 2013 adapting French law to European Union "
        "law and France's international commitments in the field of justice",
        "summary_fr": "Loi préparée par le ministère de la Justice, qui transpose la directive "
        "2011/36/UE : nouvelle définition de la traite à "
        "l'article 225-4-1 du Code pénal, infractions de réduction en esclavage et de travail "
        "forcé.",
        "summary_en": "Transposes Directive 2011/36/EU: a new definition of trafficking in "
        "article 225-4-1 of the Criminal Code, and offences of enslavement and forced labour.",
        "common_names_fr": "Loi du 5 août 2013",
        "references": [("nor", "JUSX1306111L"), ("jorf", "JORFTEXT000027805521")],
        "url_fr": JORF.format(id="JORFTEXT000027805521"),
    },
    {
        "slug": "loi-2016-444",
        "kind": "law",
        "body": "french-republic",
        "level": "national",
        "date": date(2016, 4, 13),
        "themes": ["sexual-exploitation", "victim-support"],
        "title_fr": "Loi n° 2016-444 du 13 avril 2016 visant à renforcer la lutte contre le "
        "système prostitutionnel et à accompagner les personnes prostituées",
        "title_en": "Act no. 2016-444 of 13 April 2016 to strengthen the fight against the "
        "prostitution system and to support prostituted persons",
        "summary_fr": "Abroge le délit de racolage public et sanctionne l'achat d'actes sexuels "
        "(article 611-1 du Code pénal). Elle crée un parcours de sortie de la prostitution et "
        "d'insertion sociale et professionnelle, qui ouvre droit à une autorisation provisoire "
        "de séjour pour les personnes étrangères.",
        "summary_en": "Repeals the offence of public soliciting and penalises the purchase of "
        "sexual acts (article 611-1 of the Criminal Code). It creates an exit programme from "
        "prostitution with social and professional integration, which gives foreign nationals "
        "a right to a provisional residence permit.",
        "common_names_fr": "Loi du 13 avril 2016",
        "references": [("jorf", "JORFTEXT000032396046")],
        "url_fr": JORF.format(id="JORFTEXT000032396046"),
    },
    {
        "slug": "ceseda-article-l425-1",
        "kind": "law",
        "body": "french-republic",
        "level": "national",
        "date": date(2020, 12, 16),
        "themes": ["victim-support"],
        "title_fr": "Code de l'entrée et du séjour des étrangers et du droit d'asile, article "
        "L. 425-1 : le titre de séjour des victimes de la traite ou du proxénétisme",
        "title_en": "French Code on the Entry and Residence of Foreigners and the Right of "
        "Asylum, article L. 425-1: the residence permit of victims of trafficking or pimping",
        "summary_fr": "L'étranger qui porte plainte contre une personne qu'il accuse de traite "
        "des êtres humains ou de proxénétisme, ou témoigne dans une procédure pénale contre "
        "elle, reçoit une carte de séjour temporaire « vie privée et familiale ». Issu de la "
        "recodification du Code par l'ordonnance n° 2020-1733 du 16 décembre 2020, en vigueur "
        "le 1er mai 2021 ; il reprend l'ancien article L. 316-1.",
        "summary_en": "A foreign national who files a complaint against a person they accuse of "
        "trafficking in human beings or pimping, or testifies against them in criminal "
        "proceedings, receives a temporary residence permit (« vie privée et familiale »). From "
        "the recodification of the Code by Ordinance no. 2020-1733 of 16 December 2020, in force "
        "on 1 May 2021; it takes over former article L. 316-1.",
        "entry_into_force": date(2021, 5, 1),
        "references": [
            (
                "code",
                "Code de l'entrée et du séjour des étrangers et du droit d'asile, art. L. 425-1",
            )
        ],
    },
    {
        "slug": "plan-action-national-2014-2016",
        "kind": "action-plan",
        "body": "miprof",
        "level": "national",
        "date": date(2014, 5, 14),
        "themes": ["victim-support", "advocacy"],
        "title_fr": "Plan d'action national contre la traite des êtres humains 2014-2016",
        "title_en": "French national action plan against trafficking in human beings 2014-2016",
        "summary_fr": "Présenté en Conseil des ministres le 14 mai 2014 par Najat "
        "Vallaud-Belkacem ; le ministère des Droits des femmes en pilote la mise en œuvre avec "
        "la MIPROF. Trois priorités : identifier et accompagner les victimes, poursuivre "
        "et démanteler les réseaux, faire de la lutte contre la traite une politique publique à "
        "part entière.",
        "summary_en": "Presented to the Council of Ministers on 14 May 2014 by the Minister for "
        "Women's Rights. Three priorities: identify and support victims, prosecute and dismantle "
        "networks, make the fight against trafficking a public policy in its own right.",
        "status": "replaced",
        "replaced_by": "plan-action-national-2019-2021",
    },
    {
        "slug": "plan-action-national-2019-2021",
        "kind": "action-plan",
        "body": "miprof",
        "level": "national",
        "date": date(2019, 10, 18),
        "themes": ["victim-support", "minors"],
        "title_fr": "2e plan d'action national contre la traite des êtres humains 2019-2021",
        "title_en": "Second French national action plan against trafficking in human beings "
        "2019-2021",
        "summary_fr": "Présenté le 18 octobre 2019, Journée européenne de lutte contre la traite "
        "des êtres humains : six axes, dont la sensibilisation, l'identification des victimes "
        "et la protection des mineurs.",
        "summary_en": "Presented on 18 October 2019, European Anti-Trafficking Day: six "
        "priorities, among them awareness, identification of victims and protection of minors.",
        "status": "replaced",
        "replaced_by": "plan-national-2024-2027",
    },
    {
        "slug": "plan-national-2024-2027",
        "kind": "action-plan",
        "body": "miprof",
        "level": "national",
        "date": date(2023, 12, 11),
        "themes": ["victim-support", "labour-exploitation", "forced-begging-delinquency"],
        "title_fr": "Plan national de lutte contre l'exploitation et la traite des êtres humains "
        "2024-2027",
        "title_en": "French national plan against exploitation and trafficking in human beings "
        "2024-2027",
        "summary_fr": "Troisième plan, présenté en décembre 2023 après une concertation avec plus "
        "de trente associations : formation des professionnels, observatoire national, "
        "protection des mineurs contraints à commettre des délits.",
        "summary_en": "The third plan, presented in December 2023 after consulting over thirty "
        "associations: training of professionals, a national observatory, protection of minors "
        "forced to commit offences.",
    },
    {
        "slug": "cncdh-avis-plan-2019-2021",
        "kind": "opinion",
        "body": "cncdh",
        "level": "national",
        "date": date(2019, 11, 19),
        "themes": ["advocacy"],
        "title_fr": "CNCDH : avis sur le 2nd plan d'action national contre la traite des êtres "
        "humains (2019-2021)",
        "title_en": "CNCDH: opinion on the second national action plan against trafficking in "
        "human beings (2019-2021)",
        "summary_fr": "Adopté en assemblée plénière le 19 novembre 2019 (JORF du 1er décembre "
        "2019). Le rapporteur national indépendant regrette un plan sans calendrier ni budget et "
        "demande un véritable mécanisme national d'identification des victimes.",
        "summary_en": "Adopted in plenary on 19 November 2019. The independent national "
        "rapporteur regrets a plan without timetable or budget and calls for a national "
        "mechanism to identify victims.",
        "url_fr": JORF.format(id="JORFTEXT000039435027"),
    },
    {
        "slug": "cncdh-avis-traite-2009",
        "kind": "opinion",
        "body": "cncdh",
        "level": "national",
        "date": date(2009, 12, 1),
        "date_precision": "month",
        "themes": ["advocacy", "victim-support"],
        "title_fr": "CNCDH : avis sur la traite et l'exploitation des êtres humains en France",
        "title_en": "CNCDH: opinion on trafficking and exploitation of human beings in France",
        "summary_fr": "Adopté en décembre 2009 avec l'étude de la Commission sur la traite et "
        "l'exploitation en France. La CNCDH y recommande un plan d'action national, un "
        "rapporteur national indépendant et une meilleure identification et protection des "
        "victimes, quelle que soit la forme d'exploitation.",
        "summary_en": "Adopted in December 2009 with the Commission's study of trafficking and "
        "exploitation in France. The CNCDH recommends a national action plan, an independent "
        "national rapporteur and better identification and protection of victims, whatever "
        "the form of exploitation.",
    },
    {
        "slug": "cncdh-evaluation-plan-2019-2021",
        "kind": "report",
        "body": "cncdh",
        "level": "national",
        "date": date(2023, 1, 12),
        "themes": ["advocacy"],
        "title_fr": "CNCDH : évaluation de la mise en œuvre du plan d'action national contre la "
        "traite des êtres humains (2019-2021)",
        "title_en": "CNCDH: evaluation of the implementation of the national action plan "
        "against trafficking in human beings (2019-2021)",
        "summary_fr": "Évaluation adoptée à l'unanimité le 12 janvier 2023 par la Commission, "
        "rapporteur national indépendant sur la lutte contre la traite des êtres humains.",
        "summary_en": "Evaluation adopted unanimously on 12 January 2023 by the Commission, "
        "independent national rapporteur on trafficking in human beings.",
        "url_fr": JORF.format(id="JORFTEXT000047011945"),
    },
]

COMMUNIQUE_FR = [
    "Le Collectif « Ensemble contre la traite des êtres humains » réunit des associations "
    "françaises qui luttent contre toutes les formes de traite : exploitation sexuelle, "
    "esclavage domestique, exploitation par le travail, mendicité et délinquance forcées, "
    "traite des mineurs. Il est coordonné par le Secours Catholique – Caritas France.",
    "Depuis le 1er octobre 2014, son site internet fait peau neuve : contrelatraite.org "
    "présente les associations membres et leurs contacts, les positions du Collectif et, dans "
    "la rubrique « Droit », les textes internationaux, européens et français à jour contre la "
    "traite (GRETA, ONUDC, OSCE…). Le site existe aussi en anglais.",
    "Le site est officiellement lancé à l'occasion de la Journée européenne de lutte contre la "
    "traite des êtres humains, le 18 octobre. Faites-le connaître autour de vous !",
    "[Chaque association adapte ce paragraphe : présentation de son action contre la traite.]",
]
COMMUNIQUE_EN = [
    "The collective « Ensemble contre la traite des êtres humains » (Together against human "
    "trafficking) brings together French associations fighting every form of trafficking: "
    "sexual exploitation, domestic slavery, labour exploitation, forced begging and "
    "delinquency, trafficking of minors. It is coordinated by Secours Catholique – Caritas "
    "France.",
    "Since 1 October 2014 its website has a new look: contrelatraite.org presents the member "
    "associations and their contacts, the collective's positions and, under « Law », the "
    "current international, European and French texts against trafficking (GRETA, UNODC, "
    "OSCE…). The site also exists in English.",
    "The site is officially launched on European Anti-Trafficking Day, 18 October. Spread the "
    "word!",
    "[Each association adapts this paragraph: what it does against trafficking.]",
]

DOCUMENTS = [
    {
        "slug": "communique-lancement-site-2014",
        "kind": "communique",
        "visibility": "public",
        "date": date(2014, 10, 1),
        "title_fr": "Communiqué de lancement du site du Collectif (annexe 1)",
        "title_en": "Press release on the launch of the collective's website (annex 1)",
        "summary_fr": "Texte proposé à chaque membre pour faire connaître le site et l'action du "
        "Collectif ; chacun l'adapte à son organisation et l'intègre à son propre site.",
        "summary_en": "A text offered to each member to make the website and the collective's "
        "work known; each adapts it to its organisation and puts it on its own website.",
        "files": {
            "fr": ("Communiqué : le nouveau site du Collectif", COMMUNIQUE_FR),
            "en": ("Press release: the collective's new website", COMMUNIQUE_EN),
        },
    },
    {
        "slug": "constats-propositions-justice-2014-09-11",
        "kind": "position",
        "visibility": "members",
        "date": date(2014, 9, 11),
        "title_fr": "Constats et propositions remis au ministère de la Justice (annexe 2)",
        "title_en": "Findings and proposals handed to the Ministry of Justice (annex 2)",
        "summary_fr": "Document remis par la délégation du Collectif lors de sa rencontre du "
        "11 septembre 2014 avec Claire D'Urso, conseillère législation pénale et aide aux "
        "victimes au cabinet de Christiane Taubira, ministre de la Justice.",
        "summary_en": "Handed over by the collective's delegation when it met Claire D'Urso, "
        "adviser on criminal law and victim support in the office of the Minister of Justice, "
        "Christiane Taubira, on 11 September 2014.",
    },
    {
        "slug": "constats-propositions-interieur-2014-09-29",
        "kind": "position",
        "visibility": "members",
        "date": date(2014, 9, 29),
        "title_fr": "Constats et propositions remis au ministère de l'Intérieur (annexe 3)",
        "title_en": "Findings and proposals handed to the Ministry of the Interior (annex 3)",
        "summary_fr": "Document remis par la délégation du Collectif lors de sa rencontre du "
        "29 septembre 2014 avec Bernard Cazeneuve, ministre de l'Intérieur, et les membres de "
        "son cabinet. Une rencontre avec ses conseillers suit le 23 octobre 2014, en "
        "particulier sur la traite des mineurs.",
        "summary_en": "Handed over by the collective's delegation when it met the Minister of "
        "the Interior, Bernard Cazeneuve, and members of his office on 29 September 2014. A "
        "meeting with his advisers follows on 23 October 2014, on the trafficking of minors in "
        "particular.",
    },
]


# Keys of TEXTS that are not fields of the text itself, and the fields' values when a text
# leaves them out.
RELATIONS = {"slug", "themes", "amends", "replaced_by", "body", "references"}
DEFAULTS = {
    "status": LegalResource.Status.IN_FORCE,
    "url_fr": "",
    "url_en": "",
    "consolidated_url": "",
    "title_en": "",
    "summary_en": "",
    "common_names_fr": "",
    "common_names_en": "",
    "date_precision": "day",
    "entry_into_force": None,
    "france_signature": None,
    "france_ratification": None,
}


def _set_fields(obj, values):
    changed = False
    for name, value in values.items():
        if getattr(obj, name, None) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _load_texts():
    bodies = {body.slug: body for body in IssuingBody.objects.all()}
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    resources = {}
    for entry in TEXTS:
        values = {key: value for key, value in entry.items() if key not in RELATIONS}
        values.update(body=bodies[entry["body"]], is_published=True)
        for name, default in DEFAULTS.items():
            values.setdefault(name, default)
        resource = LegalResource.objects.filter(slug=entry["slug"]).first()
        if resource is None:
            resource = LegalResource(slug=entry["slug"])
            _set_fields(resource, values)
            resources[entry["slug"]] = resource
            resource._demo_new = True
        else:
            resource._demo_new = _set_fields(resource, values)
        resources[entry["slug"]] = resource
    # A replaced text refers to its replacement: save replacements first.
    entries = {entry["slug"]: entry for entry in TEXTS}
    saved = set()

    def save(slug):
        if slug in saved:
            return
        saved.add(slug)
        resource = resources[slug]
        replacement_slug = entries[slug].get("replaced_by")
        if replacement_slug:
            save(replacement_slug)
            replacement = resources[replacement_slug]
            if resource.replaced_by_id != replacement.pk:
                resource.replaced_by = replacement
                resource._demo_new = True
        if resource._demo_new or resource.pk is None:
            services.legal_resource_save(resource=resource)

    for entry in TEXTS:
        save(entry["slug"])
    for entry in TEXTS:
        resource = resources[entry["slug"]]
        wanted_themes = {themes[slug].pk for slug in entry.get("themes", []) if slug in themes}
        if set(resource.themes.values_list("pk", flat=True)) != wanted_themes:
            resource.themes.set(wanted_themes)
        wanted_amends = {resources[slug].pk for slug in entry.get("amends", [])}
        if set(resource.amends.values_list("pk", flat=True)) != wanted_amends:
            resource.amends.set(wanted_amends)
        if _set_references(resource, entry.get("references", [])):
            services.legal_resource_reindex(resource=resource)
    return len(TEXTS)


def _set_references(resource, wanted):
    """Make the text's official references exactly `wanted`, a list of (scheme, value) in
    display order, touching only the rows that differ; say whether anything changed."""
    wanted = [(scheme, value) for scheme, value in wanted]
    existing = list(resource.references.order_by("position", "pk"))
    if [(ref.scheme, ref.value) for ref in existing] == wanted:
        return False
    positions = {key: position for position, key in enumerate(wanted)}
    kept = {}
    for ref in existing:
        key = (ref.scheme, ref.value)
        if key in positions and key not in kept:
            kept[key] = ref
        else:
            ref.delete()
    for key, position in positions.items():
        ref = kept.get(key)
        if ref is None:
            ref = LegalReference(resource=resource, scheme=key[0], value=key[1], position=position)
            ref.full_clean()
            ref.save()
        elif ref.position != position:
            ref.position = position
            ref.save(update_fields=["position"])
    return True


def _load_documents():
    for entry in DOCUMENTS:
        values = {key: value for key, value in entry.items() if key not in {"slug", "files"}}
        document = Document.objects.filter(slug=entry["slug"]).first()
        changed = False
        if document is None:
            document = Document(slug=entry["slug"])
            changed = True
        changed = _set_fields(document, values) or changed
        for language, (title, paragraphs) in entry.get("files", {}).items():
            field_file = getattr(document, f"file_{language}")
            if not field_file:
                pdf = make_pdf(paragraphs, title=title)
                field_file.save(f"{entry['slug']}-{language}.pdf", ContentFile(pdf), save=False)
                changed = True
        if changed:
            services.document_save(document=document)
    return len(DOCUMENTS)


def load(*, today):
    del today  # the library has no dated present: its texts wait for a coordinator's check
    texts = _load_texts()
    documents = _load_documents()
    return [f"law library: {texts} legal texts, {documents} documents of the collective"]
