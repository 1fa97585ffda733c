"""Demo content of the library: real texts against human trafficking with their official links,
and the collective's documents named in the minutes of 29 September 2014 (annexes 1 to 3).

Idempotent: texts are keyed by slug; a second run changes nothing. `last_checked` stays empty:
these entries wait for a coordinator to check them, as the minutes ask (« textes à jour »)."""

from datetime import date

from django.core.files.base import ContentFile

from collectif.models import Theme

from . import services
from .models import Document, IssuingBody, LegalResource
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
        **ohchr("protocol-prevent-suppress-and-punish-trafficking-persons"),
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
        **ohchr("optional-protocol-convention-rights-child-sale-children-child"),
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
        **normlex("C182"),
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
        **coe_treaty(201),
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
        **hudoc("001-96549"),
    },
    {
        "slug": "eu-framework-decision-2002-629",
        "kind": "directive",
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
        **eurlex("32011L0093"),
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
        **eurlex("52021DC0171"),
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
        "status": "amended",
        "url_en": "https://www.osce.org/pc/23866",
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
        "url_en": GLOTIP.format(path="glotip/2024/GLOTIP2024_BOOK.pdf"),
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
        "url_fr": JORF.format(id="JORFTEXT000027805521"),
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
        "kind": "recommendation",
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
        values = {
            key: value
            for key, value in entry.items()
            if key not in {"slug", "themes", "amends", "replaced_by", "body"}
        }
        values.update(body=bodies[entry["body"]], is_published=True)
        values.setdefault("status", LegalResource.Status.IN_FORCE)
        for name in ("url_fr", "url_en", "consolidated_url", "title_en", "summary_en"):
            values.setdefault(name, "")
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
    return len(TEXTS)


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


def load():
    texts = _load_texts()
    documents = _load_documents()
    return [f"law library: {texts} legal texts, {documents} documents of the collective"]
