"""The plan's fixed choices read in the student's language: messages, dropdowns, summaries."""

from __future__ import annotations

import typing

import pytest
from conftest import ROOT

from basismodel_edu import controleer, laad_plan, model, plan_samenvatting, zet_taal
from basismodel_edu.taal.berichten import catalogus, keuze


def _literal_waarden() -> set[str]:
    waarden = set()
    for klasse in (model.Doel, model.KPI, model.Middel, model.Plan):
        for veld in klasse.model_fields.values():
            for deel in typing.get_args(veld.annotation) or (veld.annotation,):
                if typing.get_origin(deel) is typing.Literal:
                    waarden |= {w for w in typing.get_args(deel) if isinstance(w, str)}
    return waarden


@pytest.mark.parametrize("waarde", sorted(_literal_waarden()))
def test_every_fixed_choice_has_a_label_in_both_languages(waarde):
    assert f"keuze.{waarde}" in catalogus(), waarde
    assert keuze(waarde, taal="nl") and keuze(waarde, taal="en")


def test_unknown_value_is_shown_as_it_is():
    assert keuze("iets anders", taal="en") == "iets anders"


def test_rule_message_shows_choices_in_the_language_it_is_shown_in():
    bevinding = controleer(
        laad_plan(ROOT / "tests/fixtures/regels/BM505.json"), "BM505"
    ).bevindingen[0]
    assert "'bereik'" in bevinding.bericht("nl") and "'conversie'" in bevinding.bericht("nl")
    assert "'reach'" in bevinding.bericht("en") and "'conversion'" in bevinding.bericht("en")
    assert bevinding.waarden["familie"] == "bereik"  # the finding keeps the stored value


def test_dropdown_labels_follow_the_language_and_keep_the_values(voorbeeld):
    from basismodel_edu import KPIFormulier

    zet_taal("en")
    formulier = KPIFormulier(voorbeeld.kpis, plan=voorbeeld)
    dropdowns = [
        w
        for w in _alle_widgets(formulier)
        if getattr(w, "options", None) and ("reach", "bereik") in tuple(w.options)
    ]
    assert dropdowns, "no family dropdown with an English label"


def _alle_widgets(w):
    yield w
    for kind in getattr(w, "children", ()):
        yield from _alle_widgets(kind)


def test_summary_shows_labels_not_raw_values(voorbeeld):
    zet_taal("en")
    html = plan_samenvatting(voorbeeld).html
    assert "durable" in html and "monthly" in html and "reach" in html
    assert "</b> yes</p>" in html and "True" not in html
