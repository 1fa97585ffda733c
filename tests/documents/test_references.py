"""Official references: each scheme's canonical form, its rule in the visitor's language, its
public resolver, and the forms the search finds it by."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from documents.references import Scheme, clean_value, display, link, search_forms


@pytest.mark.parametrize(
    ("scheme", "typed", "canonical"),
    [
        (Scheme.UN, "a/res/55/25", "A/RES/55/25"),
        (Scheme.UN, "CEDAW/C/GC/38", "CEDAW/C/GC/38"),
        (Scheme.UN, "A/RES/64/293", "A/RES/64/293"),
        (Scheme.CELEX, "32011L0036", "32011L0036"),
        (Scheme.CELEX, "CELEX:32011l0036", "32011L0036"),
        (Scheme.CELEX, "22000A1215(01)", "22000A1215(01)"),
        (Scheme.CELEX, "62019CJ0001", "62019CJ0001"),
        (Scheme.CETS, "197", "197"),
        (Scheme.CETS, "CETS No. 197", "197"),
        (Scheme.CETS, "STCE n° 201", "201"),
        (Scheme.CETS, "ETS 5", "5"),
        (Scheme.ILO, "C29", "C029"),
        (Scheme.ILO, "p029", "P029"),
        (Scheme.ILO, "R 203", "R203"),
        (Scheme.NOR, "jusd1320513c", "JUSD1320513C"),
        (Scheme.NOR, "NOR : JUSX1306111L", "JUSX1306111L"),
        (Scheme.JORF, "JORFTEXT000027805521", "JORFTEXT000027805521"),
        (Scheme.JORF, "JORF n°0181 du 6 août 2013", "JORF n°0181 du 6 août 2013"),
        (Scheme.ECLI, "ecli:ce:echr:2005:0726jud007331601", "ECLI:CE:ECHR:2005:0726JUD007331601"),
        (
            Scheme.ELI,
            "http://data.europa.eu/eli/dir/2011/36/oj",
            "http://data.europa.eu/eli/dir/2011/36/oj",
        ),
        (Scheme.CODE, "Code pénal,  art. 225-4-1", "Code pénal, art. 225-4-1"),
        (Scheme.CASE, "CEDH, n° 73316/01", "CEDH, n° 73316/01"),
    ],
)
def test_values_take_their_scheme_s_canonical_form(scheme, typed, canonical):
    assert clean_value(scheme, typed) == canonical


@pytest.mark.parametrize(
    ("scheme", "typed", "french"),
    [
        (Scheme.CELEX, "2011/36/UE", "Un numéro CELEX s’écrit comme 32011L0036"),
        (Scheme.NOR, "JUS1320513", "Un NOR compte 12 caractères"),
        (Scheme.CETS, "Varsovie", "Indiquez le numéro du traité"),
        (Scheme.ILO, "Convention 29", "Un instrument de l’OIT"),
        (Scheme.UN, "résolution 55/25", "Une cote des Nations unies"),
        (Scheme.ECLI, "CE:ECHR:2005", "Un ECLI s’écrit comme"),
        (Scheme.ELI, "dir/2011/36/oj", "Un ELI est une adresse"),
        (Scheme.OTHER, "   ", "Indiquez la référence."),
    ],
)
def test_a_malformed_value_is_refused_with_the_rule_in_french(scheme, typed, french):
    with translation.override("fr"), pytest.raises(ValidationError) as error:
        clean_value(scheme, typed)
    assert french in " ".join(error.value.messages)


def test_the_rule_is_in_english_for_an_english_reader():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            clean_value(Scheme.CELEX, "2011/36")
        assert error.value.messages == [
            "A CELEX number looks like 32011L0036: sector, year, type, number."
        ]


@pytest.mark.parametrize(
    ("scheme", "value", "language", "address"),
    [
        (
            Scheme.CELEX,
            "32011L0036",
            "fr",
            "https://eur-lex.europa.eu/legal-content/FR/TXT/?uri=CELEX:32011L0036",
        ),
        (Scheme.UN, "A/RES/55/25", "en", "https://undocs.org/en/A/RES/55/25"),
        (
            Scheme.CETS,
            "197",
            "fr",
            "https://www.coe.int/fr/web/conventions/full-list?module=treaty-detail&treatynum=197",
        ),
        (Scheme.NOR, "JUSX1306111L", "fr", "JUSX1306111L"),
        (
            Scheme.JORF,
            "JORFTEXT000027805521",
            "fr",
            "https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000027805521",
        ),
        (Scheme.ILO, "P029", "en", "P12100_ILO_CODE:P029"),
        (
            Scheme.ECLI,
            "ECLI:CE:ECHR:2005:0726JUD007331601",
            "fr",
            "https://e-justice.europa.eu/ecli/",
        ),
        (
            Scheme.ELI,
            "http://data.europa.eu/eli/dir/2011/36/oj",
            "fr",
            "http://data.europa.eu/eli/dir/2011/36/oj",
        ),
    ],
)
def test_schemes_with_a_public_resolver_link_to_it(scheme, value, language, address):
    assert address in link(scheme, value, language)
    assert link(scheme, value, language).startswith("http")


@pytest.mark.parametrize(
    ("scheme", "value"),
    [
        (Scheme.CASE, "CEDH, n° 73316/01"),
        (Scheme.CODE, "Code pénal, art. 225-4-1"),
        (Scheme.JORF, "JORF n°0181 du 6 août 2013"),
        (Scheme.OTHER, "Résolution 2002/51"),
    ],
)
def test_schemes_without_a_resolver_link_nowhere(scheme, value):
    assert link(scheme, value, "fr") == ""


def test_a_council_of_europe_treaty_reads_in_each_language():
    assert display(Scheme.CETS, "197", "fr") == "STCE n° 197"
    assert display(Scheme.CETS, "197", "en") == "CETS No. 197"


@pytest.mark.parametrize(
    ("value", "forms"),
    [
        ("32011L0036", {"2011/36", "2011/36/EU"}),
        ("32004L0081", {"2004/81", "2004/81/EC"}),
        ("32002F0629", {"2002/629", "2002/629/JHA"}),
        ("32024L1712", {"2024/1712", "(EU) 2024/1712"}),
    ],
)
def test_a_celex_number_is_also_found_by_the_act_s_own_number(value, forms):
    assert forms <= set(search_forms(Scheme.CELEX, value))
