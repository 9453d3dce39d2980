"""The message catalogue is complete in both languages, and every rule has its message."""

from __future__ import annotations

import datetime
import re
import string

import pytest

from basismodel_edu.controle import kies_regels
from basismodel_edu.taal.berichten import (
    TALEN,
    _Opmaak,
    catalogus,
    datum,
    getal,
    tekst,
    waarde,
    zet_taal,
)

RULE_PARTS = {"titel", "wat", "waarom", "hoe"}


def _velden(sjabloon: str) -> set[str]:
    return {veld for _, veld, _, _ in string.Formatter().parse(sjabloon) if veld}


@pytest.mark.parametrize("sleutel", sorted(catalogus()))
def test_every_key_has_both_languages_with_the_same_placeholders(sleutel):
    invoer = catalogus()[sleutel]
    assert set(invoer) == set(TALEN), f"{sleutel} has {sorted(invoer)}"
    nl, en = invoer["nl"], invoer["en"]
    if isinstance(nl, dict):
        assert set(nl) == set(en), sleutel
        for deel in nl:
            assert nl[deel].strip() and en[deel].strip(), (sleutel, deel)
            assert _velden(nl[deel]) == _velden(en[deel]), (sleutel, deel)
    else:
        assert nl.strip() and en.strip(), sleutel
        assert _velden(nl) == _velden(en), sleutel


@pytest.mark.parametrize("regel", kies_regels(), ids=lambda r: r.code)
def test_every_rule_has_a_full_message_and_lesson(regel):
    for taal in TALEN:
        delen = catalogus()[regel.code][taal]
        assert set(delen) == RULE_PARTS, (regel.code, taal)
    assert f"les.{regel.les}" in catalogus()


def test_rule_codes_are_in_their_family_range():
    for r in kies_regels():
        assert re.fullmatch(r"BM\d{3}", r.code)
    assert len({r.code for r in kies_regels()}) == len(kies_regels())


def test_language_switch_and_unknown_language():
    zet_taal("en")
    assert tekst("ernst.fout") == "error"
    zet_taal("nl")
    assert tekst("ernst.fout") == "fout"
    with pytest.raises(ValueError, match="Onbekende taal"):
        zet_taal("fr")


def test_unknown_key_is_a_programming_error():
    with pytest.raises(KeyError):
        tekst("bestaat.niet")


def _voorbeeldwaarden(sjabloon: str, n: float) -> dict:
    """Representative values for a message's placeholders: dates for date-like names, else n."""
    uit: dict = {}
    for _, veld, _, omzetting in string.Formatter().parse(sjabloon):
        if not veld:
            continue
        if omzetting == "r":
            uit[veld] = "X1"  # {x!r} quotes a name or id the student typed
        elif any(w in veld for w in ("datum", "deadline", "start", "eind")):
            uit[veld] = datetime.date(2027, 9, 1)
        elif "vlag" in veld or veld.startswith("is_"):
            uit[veld] = True
        else:
            uit[veld] = n
    return uit


# What a reader must never see: a number or date written the programmer's way, Python's
# booleans, or a plural left to the reader ("fout(en)").
_RESTEN = {
    "nl": [
        r"1234\.5",
        r"1,234\.5",
        r"\b2027-09-01\b",
        r"\bTrue\b",
        r"\bFalse\b",
        r"\w\((en|s|len)\)",
    ],
    "en": [r"1\.234,5", r"1234,5", r"\b2027-09-01\b", r"\bTrue\b", r"\bFalse\b", r"\w\((s|es)\)"],
}
_ENGELS_IN_NL = re.compile(r"\b(the|and|or|is not|must|should|with|without)\b")


@pytest.mark.parametrize("taal", TALEN)
@pytest.mark.parametrize("sleutel", sorted(catalogus()))
def test_every_message_renders_numbers_dates_and_plurals_the_readers_way(sleutel, taal):
    ruw = catalogus()[sleutel][taal]
    delen = ruw if isinstance(ruw, dict) else {"": ruw}
    for deel, sjabloon in delen.items():
        for n in (1234.5, 1):
            waarden = _voorbeeldwaarden(sjabloon, n)
            gevuld = _Opmaak(taal).vformat(sjabloon, (), waarden) if waarden else sjabloon
            for rest in _RESTEN[taal]:
                if re.search(rest, sjabloon):
                    continue  # the message itself shows both notations, as an example
                assert not re.search(rest, gevuld), (sleutel, deel, rest, gevuld)
            if n == 1:
                # "1 regels", "1 fouten": a count of one takes the singular.
                enkelvoud = r"(?<![\d.,])1 (regels|fouten|punten|tactieken|doelen)\b"
                assert not re.search(enkelvoud, gevuld), (sleutel, deel, gevuld)
            if taal == "nl":
                assert not _ENGELS_IN_NL.search(gevuld), (sleutel, deel, gevuld)


def test_values_are_written_by_babel_in_the_readers_language():
    assert tekst("uitslag.samenvatting", fouten=1, waarschuwingen=2, hints=0, regels=1) == (
        "1 fout, 2 waarschuwingen, 0 tips — 1 regel gecontroleerd."
    )
    en = tekst("uitslag.samenvatting", "en", fouten=1, waarschuwingen=2, hints=0, regels=72)
    assert en == "1 error, 2 warnings, 0 hints — 72 rules checked."
    assert getal(9.9) == "9,9" and getal(200000) == "200.000" and getal(7.0) == "7"
    assert getal(200000, "en") == "200,000"
    assert datum(datetime.date(2027, 9, 1)) == "1 september 2027"
    assert waarde(False) == "nee" and waarde(True, "en") == "yes"
