"""Placeholder and thin text (BM109, BM110, BM117, BM118): fire on junk, stay silent on answers."""

from __future__ import annotations

import pytest

from basismodel_edu import controleer
from basismodel_edu.controle.opvulling import opvulling


@pytest.mark.parametrize(
    "tekst", ["x", "X", "xxx", "...", "-", "123", "test", "Test test", "aaaaaa", "asdf", "qwerty",
              "sdfg hjkl", "bla bla", "?", "nvt", "Lorem ipsum"],
)  # fmt: skip
def test_placeholders_are_recognised(tekst):
    assert opvulling(tekst) == "opvulling"


@pytest.mark.parametrize(
    "tekst",
    ["Eerlijk", "Lokaal", "Vakmanschap", "Rust", "Glas", "KLM", "TikTok", "Snel en persoonlijk",
     "Wij repareren fietsen in Nijmegen, snel en voor een eerlijke prijs.",
     "Onze klanten zitten op Instagram en zoeken daar inspiratie voor hun les."],
)  # fmt: skip
def test_real_answers_are_not_placeholders(tekst):
    assert opvulling(tekst) is None


def test_thin_text_needs_a_minimum_and_empty_stays_for_the_completeness_rules():
    assert opvulling("Wij verkopen koffie.", min_woorden=8) == "dun"
    assert opvulling("Wij verkopen koffie.") is None
    assert opvulling("   ", min_woorden=8) is None


def test_x_in_every_mission_field_is_no_longer_a_complete_mission(voorbeeld):
    m = voorbeeld.missie
    m.tekst = m.identiteit = m.toelichting = "x"
    m.kernwaarden = ["x", "Eerlijk"]
    paden = sorted(b.pad for b in controleer(voorbeeld, ["BM109"]))
    assert paden == [
        "missie.identiteit",
        "missie.kernwaarden[0]",
        "missie.tekst",
        "missie.toelichting",
    ]
    # Junk is one cause: it is not also reported as a thin mission.
    assert "BM110" not in controleer(voorbeeld, "missie").codes()


def test_a_three_word_mission_and_a_two_word_vision_are_thin(voorbeeld):
    voorbeeld.missie.tekst = "Wij verkopen koffie."
    voorbeeld.visie.tekst = "Marktleider worden."
    uitslag = controleer(voorbeeld, ["BM110", "BM118"])
    assert uitslag.codes() == ["BM110", "BM118"]
    assert all(b.ernst == "waarschuwing" for b in uitslag)
    assert "korter dan 8 woorden" in next(iter(uitslag)).bericht()


def test_silent_on_the_example_plan(voorbeeld):
    assert not controleer(voorbeeld, ["BM109", "BM110", "BM117", "BM118"]).bevindingen
