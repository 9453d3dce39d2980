"""The message catalogue is complete in both languages, and every rule has its message."""

from __future__ import annotations

import re
import string

import pytest

from basismodel_edu.berichten import TALEN, catalogus, tekst, zet_taal
from basismodel_edu.controle import kies_regels

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
