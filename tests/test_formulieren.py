"""The forms and the plan editor, driven headless: set values, read the plan, the file, the feedback."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from basismodel_edu import bewerk, voorbeeldplan
from basismodel_edu.formulieren.lagen import (
    DoelenFormulier,
    KPIFormulier,
    MiddelenFormulier,
    MissieFormulier,
    TactiekenFormulier,
    VisieFormulier,
    _ModelFormulier,
)
from basismodel_edu.formulieren.velden import lees_getal, soort_veld
from basismodel_edu.plan.model import (
    KPI,
    Doel,
    Middel,
    Missie,
    Organisatie,
    Plan,
    PlanFout,
    Tactiek,
    Visie,
)
from basismodel_edu.taal.berichten import catalogus


def _opgeslagen(pad):
    return json.loads(pad.read_text(encoding="utf-8"))


@pytest.mark.parametrize("model", [Plan, Organisatie, Missie, Visie, Doel, Tactiek, Middel, KPI])
def test_every_field_has_a_label_and_a_kind_of_input(model):
    for naam in model.model_fields:
        if model is Plan and naam not in ("peildatum", "modus"):
            continue
        assert f"veld.{model.__name__}.{naam}" in catalogus(), naam
        assert soort_veld(model, naam)


def test_a_field_added_to_a_model_appears_in_its_form():
    class MissieMetSlogan(Missie):
        slogan: str = ""

    class Formulier(_ModelFormulier):
        model = MissieMetSlogan

    f = Formulier()
    assert set(f.velden) == set(MissieMetSlogan.model_fields)
    f.velden["slogan"].invoer.value = "Proef het verschil"
    assert f.value.slogan == "Proef het verschil"


def test_field_kinds_follow_the_types():
    assert soort_veld(Missie, "tekst") == "textarea"
    assert soort_veld(Doel, "indicator") == "text"
    assert soort_veld(Doel, "nulmeting") == "getal"
    assert soort_veld(Doel, "deadline") == "datum"
    assert soort_veld(Doel, "soort") == "keuze"
    assert soort_veld(Doel, "ambitie") == "link"
    assert soort_veld(Tactiek, "middelen") == "links"
    assert soort_veld(Missie, "social_media_past") == "janee"
    assert soort_veld(Missie, "kernwaarden") == "tags"
    assert soort_veld(Middel, "kanaal") == "kanaal"
    assert soort_veld(Visie, "ambities") == "lijst"


def test_numbers_as_students_type_them():
    assert lees_getal("12,5") == 12.5
    assert lees_getal("1.200") == 1200
    assert lees_getal("") is None
    assert lees_getal("1.100") == 1100  # the model's parser: not 1,1
    for fout in ("veel", "12,5,3", "nan", "1.5", "3e2"):
        with pytest.raises(ValueError):
            lees_getal(fout)


def test_mission_form_value_is_two_way():
    f = MissieFormulier(value={"tekst": "Wij branden koffie.", "social_media_past": True})
    assert f.velden["tekst"].invoer.value == "Wij branden koffie."
    assert f.velden["social_media_past"].invoer.value == "ja"
    f.value = Missie(tekst="Anders", kanalen=["Instagram"], social_media_past=False)
    assert f.velden["tekst"].invoer.value == "Anders"
    assert f.velden["kanalen"].invoer.value == "Instagram"
    assert f.velden["social_media_past"].invoer.value == "nee"
    f.velden["kernwaarden"].invoer.value = "lokaal\neerlijk\n"
    f.velden["social_media_past"].invoer.value = ""
    assert f.value.kernwaarden == ["lokaal", "eerlijk"]
    assert f.value.social_media_past is None


def test_goal_fields_a_bad_number_is_refused_and_explained():
    f = DoelenFormulier(value=[Doel(id="D1")])
    item = f.items[0]
    item.velden["nulmeting"].invoer.value = "1.200"
    item.velden["streefwaarde"].invoer.value = "2500,5"
    item.velden["deadline"].invoer.value = "30-6-2027"
    item.velden["soort"].invoer.value = "conversie"
    assert f.value[0].nulmeting == 1200
    assert f.value[0].streefwaarde == 2500.5
    assert f.value[0].deadline == dt.date(2027, 6, 30)
    assert f.value[0].soort == "conversie"
    assert item.velden["nulmeting"].melding.value == ""
    item.velden["nulmeting"].invoer.value = "veel"
    assert f.value[0].nulmeting == 1200  # the plan keeps the last good value
    assert "geen getal" in item.velden["nulmeting"].melding.value
    item.velden["nulmeting"].invoer.value = "-"
    item.velden["nulmeting"].invoer.value = "900"
    assert f.value[0].nulmeting == 900
    assert item.velden["nulmeting"].melding.value == ""
    m = MiddelenFormulier(value=[Middel(id="M1")])
    m.items[0].velden["uren_per_maand"].invoer.value = "-3"
    assert m.value[0].uren_per_maand is None
    assert "✖" in m.items[0].velden["uren_per_maand"].melding.value


def test_list_forms_add_and_remove_items():
    f = KPIFormulier()
    assert f.value == []
    k = f.voeg_toe()
    f.voeg_toe()
    assert [v.id for v in f.value] == ["K1", "K2"] and k.id == "K1"
    assert len(f.vouwen.children) == 2
    f.items[1].velden["naam"].invoer.value = "Bereik"
    assert f.value[1].naam == "Bereik"
    assert "Bereik" in f.vouwen.titles[1]
    # The item just added is open; its button (a real button, so Tab and Enter reach it)
    # closes it and opens another.
    knop_1, knop_2 = (rij.children[0] for rij in f.vouwen.children)
    assert f.items[1].layout.display is None and f.items[0].layout.display == "none"
    assert knop_2.description.startswith("▾") and "Bereik" in knop_2.description
    knop_1.click()
    assert f.items[0].layout.display is None and f.items[1].layout.display == "none"
    knop_1.click()
    assert f.items[0].layout.display == "none" and knop_1.description.startswith("▸")
    f.verwijder("K1")
    assert [v.id for v in f.value] == ["K2"]
    assert f.items[0].velden["naam"].invoer.value == "Bereik"
    f.voeg_toe()
    assert [v.id for v in f.value] == ["K2", "K3"]  # no id is handed out twice


def test_tactic_chooses_goals_and_means_from_the_plan():
    plan = voorbeeldplan()
    f = TactiekenFormulier(value=[Tactiek(id="T9")], plan=plan)
    keuze = f.items[0].velden["doelen"].invoer
    assert {i for _, i in keuze.options} == {d.id for d in plan.doelen}
    keuze.value = (plan.doelen[0].id,)
    f.items[0].velden["middelen"].invoer.value = (plan.middelen[1].id,)
    assert f.value[0].doelen == [plan.doelen[0].id]
    assert f.value[0].middelen == [plan.middelen[1].id]


def test_editor_saves_every_change_and_updates_the_feedback(tmp_path):
    pad = tmp_path / "plan.json"
    e = bewerk(pad)
    assert pad.exists() and _opgeslagen(pad)["missie"]["tekst"] == ""
    assert "BM102" in e.uitslag.codes()  # an empty mission is reported
    e.tabs.selected_index = e.lagen.index("missie")
    assert "BM102" in e.feedback.value and "✖" in e.feedback.value
    e.formulieren("missie")[0].velden["tekst"].invoer.value = "Wij branden koffie in Arnhem."
    assert e.plan.missie.tekst == "Wij branden koffie in Arnhem."
    assert _opgeslagen(pad)["missie"]["tekst"] == "Wij branden koffie in Arnhem."
    assert "BM102" not in e.uitslag.codes()
    assert "BM102" not in e.feedback.value
    e.formulieren("plan")[0].velden["naam"].invoer.value = "Bakkerij Brood & Zo"
    assert _opgeslagen(pad)["organisatie"]["naam"] == "Bakkerij Brood & Zo"
    # re-running the cell (a new editor on the same file) brings the work back
    e2 = bewerk(pad)
    assert e2.plan == e.plan
    assert "geladen" in e2.melding


def test_layer_status_says_it_in_words_and_symbols(tmp_path):
    e = bewerk(tmp_path / "p.json", start="voorbeeld")
    assert e.status("missie") == ("ok", "✔ in orde")
    e.formulieren("missie")[0].velden["tekst"].invoer.value = ""
    ernst, t = e.status("missie")
    assert ernst == "fout" and t.startswith("✖ ") and "fout" in t
    assert any(titel.startswith("Missie ✖") for titel in e.tabs.titles)


def test_a_corrupt_file_is_set_aside_never_overwritten(tmp_path):
    pad = tmp_path / "plan.json"
    pad.write_text('{"formaat": "basismodel-edu/plan", "versie": 2, "missie": ', encoding="utf-8")
    e = bewerk(pad, start="voorbeeld")
    assert e.opzij is not None and e.opzij.parent == tmp_path
    assert e.opzij.read_text(encoding="utf-8").endswith('"missie": ')
    assert e.opzij.name in e.melding and "opzij" in e.melding and "niet weggegooid" in e.melding
    assert _opgeslagen(pad)["organisatie"]["naam"] == "Koffiebranderij De Boon"  # a fresh start
    # a second broken file gets its own new name: the first one is kept
    pad.write_text("geen json", encoding="utf-8")
    e2 = bewerk(pad)
    assert e2.opzij != e.opzij and e.opzij.exists() and e2.opzij.exists()
    assert e2.opzij.read_text(encoding="utf-8") == "geen json"
    # a good file is not set aside
    assert bewerk(pad).opzij is None
    # what cannot be opened at all (here a folder) is reported and left alone, not set aside
    map_ = tmp_path / "map.json"
    map_.mkdir()
    with pytest.raises(PlanFout, match=r"map\.json"):
        bewerk(map_)
    # plan.json, the copy of its last save, the two set aside, and the folder: nothing else
    assert map_.is_dir() and len(list(tmp_path.iterdir())) == 5
    assert (tmp_path / "plan.vorige.json").exists()


def test_linking_lists_follow_added_and_removed_items(tmp_path):
    e = bewerk(tmp_path / "p.json")
    visie = e.formulieren("visie")[0]
    doelen = e.formulieren("doelen")[0]
    ambities = visie.lijsten["ambities"]
    ambities.voeg_toe()
    ambities.items[0].velden["tekst"].invoer.value = "De bekendste branderij"
    doel = doelen.voeg_toe()
    keuze = doelen.items[0].velden["ambitie"].invoer
    assert "A1" in [i for _, i in keuze.options]
    assert any("De bekendste branderij" in label for label, _ in keuze.options)
    keuze.value = "A1"
    assert e.plan.doelen[0].ambitie == "A1" and doel.id == "D1"
    ambities.voeg_toe()
    assert "A2" in [i for _, i in keuze.options]
    # removing the ambition keeps the goal's choice visible, marked, and the checker reports it
    ambities.verwijder("A1")
    assert keuze.value == "A1"
    assert any("bestaat niet meer" in label for label, i in keuze.options if i == "A1")
    assert e.plan.doelen[0].ambitie == "A1"
    assert any(b.pad == "doelen[0].ambitie" for b in e.uitslag.bevindingen)
    # KPI's list of goals follows the goals
    kpis = e.formulieren("kpis")[0]
    kpis.voeg_toe()
    assert "D1" in [i for _, i in kpis.items[0].velden["doel"].invoer.options]


def test_layers_restrict_tabs_and_rules(tmp_path):
    e = bewerk(tmp_path / "m.json", lagen=["missie"])
    assert e.lagen == ("missie",) and len(e.tabs.children) == 1
    assert e.uitslag.bevindingen and {b.laag for b in e.uitslag.bevindingen} == {"missie"}
    assert all(c.startswith("BM1") or c.startswith("BM2") for c in e.uitslag.regels)
    alles = bewerk(tmp_path / "a.json")
    assert len(alles.uitslag.regels) > len(e.uitslag.regels)
    assert {b.laag for b in alles.uitslag.bevindingen} > {"missie"}
    with pytest.raises(ValueError, match="Onbekende laag"):
        bewerk(tmp_path / "x.json", lagen=["strategie"])


def test_setting_the_editors_plan_fills_every_form(tmp_path):
    e = bewerk(tmp_path / "p.json")
    e.plan = voorbeeldplan()
    assert e.formulieren("doelen")[0].value == voorbeeldplan().doelen
    assert e.uitslag.ok
    assert _opgeslagen(tmp_path / "p.json")["organisatie"]["naam"] == "Koffiebranderij De Boon"


def test_vision_form_ambitions_are_items():
    f = VisieFormulier(
        value=Visie(tekst="Dé branderij", ambities=[{"id": "A1", "tekst": "Bekend"}])
    )
    lijst = f.lijsten["ambities"]
    assert lijst.items[0].velden["tekst"].invoer.value == "Bekend"
    lijst.voeg_toe()
    lijst.items[1].velden["tekst"].invoer.value = "Geliefd"
    assert [a.tekst for a in f.value.ambities] == ["Bekend", "Geliefd"]
    lijst.verwijder("A1")
    assert [a.id for a in f.value.ambities] == ["A2"]
    assert f.value.tekst == "Dé branderij"


def test_editor_speaks_english(tmp_path):
    from basismodel_edu.taal.berichten import zet_taal

    zet_taal("en")
    e = bewerk(tmp_path / "p.json")
    assert e.tabs.titles[1].startswith("Mission")
    assert "Saved in" in e.bewaarstatus.value and "New plan created" in e.melding
    assert (
        "Mission: what is our business?"
        in e.formulieren("missie")[0].velden["tekst"].invoer.description
    )


# --- Typing as a student types (issue 10) ------------------------------------------------------


def test_tag_fields_take_one_value_per_line_as_it_is_typed_key_by_key():
    f = MissieFormulier()
    invoer = f.velden["kernwaarden"].invoer
    getypt = ""
    for teken in "Lokaal\nEerlijk\nSamen":
        getypt += teken
        invoer.value = getypt  # a Text/Textarea value arrives per key (continuous_update)
    assert f.value.kernwaarden == ["Lokaal", "Eerlijk", "Samen"]
    assert invoer.value == "Lokaal\nEerlijk\nSamen"  # never rewritten under the cursor
    invoer.value = "Lokaal\nEerlijk\nSamen\n"
    assert invoer.value.endswith("\n")  # the new empty line stays for the next value


def test_a_date_is_typed_dutch_and_an_impossible_one_is_refused_visibly():
    f = DoelenFormulier(value=[Doel(id="D1", deadline=dt.date(2027, 6, 30))])
    veld = f.items[0].velden["deadline"]
    assert veld.invoer.value == "30-06-2027"
    for fout in ("31-02-2027", "15032027", "2027-13-01", "06/30/2027", "30-06-20"):
        veld.invoer.value = fout
        assert f.value[0].deadline == dt.date(2027, 6, 30), fout  # never another date
        assert "dd-mm-jjjj" in veld.melding.value and "30-06-2027" in veld.melding.value
    veld.invoer.value = "1-9-2027"
    assert f.value[0].deadline == dt.date(2027, 9, 1)
    assert veld.melding.value == ""
    veld.invoer.value = ""  # an optional date may be emptied
    assert f.value[0].deadline is None


def test_two_editors_on_one_file_lose_nothing(tmp_path):
    pad = tmp_path / "plan.json"
    a = bewerk(pad)
    b = bewerk(pad)
    b.formulieren("plan")[0].velden["naam"].invoer.value = "Versie van B"
    a.formulieren("plan")[0].velden["naam"].invoer.value = "Versie van A"
    # A did not overwrite B's file: B's version is still the plan, A's is beside it.
    assert _opgeslagen(pad)["organisatie"]["naam"] == "Versie van B"
    assert a.conflict is not None and a.conflict.name.startswith("plan.conflict-")
    assert _opgeslagen(a.conflict)["organisatie"]["naam"] == "Versie van A"
    # The choice is two buttons, shown only now (a student in Voila cannot type code).
    assert "Mijn versie houden" in a.bewaarstatus.value
    assert a.conflictkeuze.layout.display is None and b.conflictkeuze.layout.display == "none"
    # A keeps typing: still into its own file, B's stays untouched.
    a.formulieren("plan")[0].velden["naam"].invoer.value = "Versie van A, verder"
    assert _opgeslagen(pad)["organisatie"]["naam"] == "Versie van B"
    assert _opgeslagen(a.conflict)["organisatie"]["naam"] == "Versie van A, verder"
    a.knop_mijn_versie.click()
    assert a.conflictkeuze.layout.display == "none"
    assert _opgeslagen(pad)["organisatie"]["naam"] == "Versie van A, verder"
    anders = list(tmp_path.glob("plan.andere-versie-*.json"))
    assert [_opgeslagen(p)["organisatie"]["naam"] for p in anders] == ["Versie van B"]
    # Now B is the one behind; it chooses the version on disk.
    b.formulieren("plan")[0].velden["naam"].invoer.value = "B opnieuw"
    assert b.conflict is not None
    b.knop_andere_versie.click()
    assert b.conflictkeuze.layout.display == "none"
    assert b.plan.organisatie.naam == "Versie van A, verder"
    assert b.formulieren("plan")[0].velden["naam"].invoer.value == "Versie van A, verder"
    b.formulieren("plan")[0].velden["naam"].invoer.value = "B daarna"
    assert b.conflict is None and _opgeslagen(pad)["organisatie"]["naam"] == "B daarna"


def test_one_editor_alone_never_sees_a_conflict(tmp_path):
    e = bewerk(tmp_path / "plan.json")
    for i in range(20):
        e.formulieren("plan")[0].velden["naam"].invoer.value = f"Naam {i}"
    # only the plan and its last good version (kept for herstel_plan), no conflict copy
    assert e.conflict is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "plan.vorige.json"]


def test_tabs_are_built_when_first_shown(tmp_path):
    e = bewerk(tmp_path / "plan.json", start="voorbeeld")
    assert list(e._formulieren) == ["plan"]
    e.tabs.selected_index = e.lagen.index("kpis")
    assert "kpis" in e._formulieren
    assert e.formulieren("kpis")[0].value == voorbeeldplan().kpis
