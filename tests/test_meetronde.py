"""A round of measuring: ``meet`` and ``basismodel-edu meet`` put exports into a plan file, record
the round in its history, save atomically, and refuse (changing nothing) what they cannot read."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from basismodel_edu import bewaar_plan, laad_plan, meet, voorbeeldplan
from basismodel_edu.cli import main
from basismodel_edu.meten.exports import herken_export
from basismodel_edu.meten.meetronde import lees_koppeling

EXPORTS = Path(__file__).parent / "fixtures" / "exports"
DATA = Path(__file__).parent.parent / "basismodel_edu" / "data"


@pytest.fixture
def plan(tmp_path) -> Path:
    return bewaar_plan(voorbeeldplan(), tmp_path / "plan.json")


def test_two_exports_go_into_the_plan_with_a_history_entry(plan):
    ronde = meet(
        plan,
        [EXPORTS / "instagram_posts.csv", EXPORTS / "ga4_acquisitie.csv"],
        {"Reach": "K2", "Sessions": "K6"},
        datum="2026-10-05",
    )
    opgeslagen = laad_plan(plan)
    k2 = [m for m in opgeslagen.metingen if m.kpi == "K2"]
    k6 = [m for m in opgeslagen.metingen if m.kpi == "K6"]
    assert k2 and k6 and {m.bron for m in k2} == {"instagram_posts.csv"}
    assert ronde.nieuw == len(k2) + len(k6) and ronde.bijgewerkt == 0
    r = opgeslagen.revisies[-1]
    assert (r.datum, r.pad, r.oud, r.nieuw) == (
        dt.date(2026, 10, 5),
        "metingen",
        0,
        len(k2) + len(k6),
    )
    assert "instagram_posts.csv" in r.reden and "ga4_acquisitie.csv" in r.reden
    # The same export again updates, adds nothing, and is recorded as a round of its own.
    weer = meet(plan, [EXPORTS / "instagram_posts.csv"], {"Reach": "K2"}, datum="2026-10-12")
    assert (weer.nieuw, weer.bijgewerkt) == (0, len(k2))
    assert len(laad_plan(plan).revisies) == len(opgeslagen.revisies) + 1
    assert "2 metingen toegevoegd" not in str(weer) and "bijgewerkt" in weer.samenvatting()


def test_a_file_of_ones_own_needs_its_date_column(plan):
    eigen = DATA / "meetdata_fietsenmaker.csv"
    # The course's own sample opens with a "#" line; that alone no longer makes it a GA4 export.
    assert herken_export(eigen) == [] and herken_export(EXPORTS / "ga4_acquisitie.csv")
    with pytest.raises(
        ValueError, match=r"geen export die het pakket herkent.*'Volgers Instagram'"
    ):
        meet(plan, [eigen], {"Volgers Instagram": "K1"})
    ronde = meet(plan, [eigen], {"datum": "Datum", "kolommen": {"Volgers Instagram": "K1"}})
    assert ronde.nieuw > 10


@pytest.mark.parametrize(
    ("exports", "koppeling", "melding"),
    [
        (["instagram_posts.csv", "tiktok_studio.csv"], {"Reach": "K2", "Total vews": "K1"},
         "geen van de gekoppelde kolommen ('Reach', 'Total vews')"),
        (["instagram_posts.csv"], {"Reach": "K2", "Raech": "K1"}, "'Raech' staat in geen van de exports"),
        (["instagram_posts.csv"], {"Reach": "K9"}, "geen KPI 'K9'"),
        (["instagram_posts.csv"], None, "Er is geen koppeling"),
        ([], {"Reach": "K2"}, "geen exports"),
        (["bestaat_niet.csv"], {"Reach": "K2"}, "bestaat niet"),
    ],
)  # fmt: skip
def test_what_cannot_be_read_changes_nothing(plan, exports, koppeling, melding):
    vorige = plan.with_name("plan.vorige.json")
    voor, vorige_voor = plan.read_bytes(), vorige.read_bytes()
    with pytest.raises(ValueError, match=re.escape(melding)):
        meet(plan, [EXPORTS / e for e in exports], koppeling)
    assert plan.read_bytes() == voor and vorige.read_bytes() == vorige_voor


def test_an_unverified_format_is_read_with_its_warning(plan):
    ronde = meet(plan, [EXPORTS / "instagram_posts_nl.csv"], {"Bereik": "K2"})
    assert ronde.nieuw > 0
    assert any("niet geverifieerd" in w for w in ronde.waarschuwingen)
    assert "niet geverifieerd" in str(ronde)


def test_mapping_from_the_command_line_or_a_json_file(tmp_path):
    assert lees_koppeling(["Reach=K2", "Total views=K5"]) == {
        "kolommen": {"Reach": "K2", "Total views": "K5"}
    }
    bestand = tmp_path / "k.json"
    bestand.write_text(json.dumps({"Reach": "K2"}), encoding="utf-8")
    assert lees_koppeling([str(bestand)]) == {"kolommen": {"Reach": "K2"}}
    bestand.write_text('{"datum": "Datum", "kolommen": {"X": "K1"}}', encoding="utf-8")
    assert lees_koppeling([str(bestand)])["datum"] == "Datum"
    bestand.write_text('{"Reach": ', encoding="utf-8")
    with pytest.raises(ValueError, match=r"geen geldige JSON \(regel 1"):
        lees_koppeling([str(bestand)])
    with pytest.raises(ValueError, match=re.escape("'Reach' is geen koppeling. Schrijf KOLOM=KPI")):
        lees_koppeling(["Reach"])


def test_command_saves_and_prints_the_progress_table(plan, capsys):
    code = main(["meet", str(plan), str(EXPORTS / "instagram_posts.csv"), "--koppeling",
                 "Reach=K2", "--per", "week", "--datum", "2026-10-05"])  # fmt: skip
    uit = capsys.readouterr()
    assert code == 0, uit.err
    regels = uit.out.splitlines()
    assert regels[0].startswith("plan.json: ") and "uit instagram_posts.csv" in regels[0]
    kop = next(r for r in regels if r.startswith("KPI "))
    assert kop.split()[:3] == ["KPI", "Naam", "Laatste"]
    k2 = next(r for r in regels if r.startswith("K2 "))
    assert k2.index("accounts") > kop.index("Laatste")  # columns line up under their heads
    assert laad_plan(plan).revisies[-1].datum == dt.date(2026, 10, 5)


def test_command_errors_are_messages_with_exit_code_2(plan, capsys):
    voor = plan.read_bytes()
    code = main(["meet", str(plan), str(EXPORTS / "tiktok_studio.csv"), "--koppeling", "Reach=K2",
                 "--lang", "en"])  # fmt: skip
    uit = capsys.readouterr()
    assert code == 2 and "Traceback" not in uit.err
    assert "none of the mapped columns ('Reach')" in uit.err and "'Total views'" in uit.err
    assert plan.read_bytes() == voor
    assert main(["meet", str(plan.with_name("nee.json")), str(EXPORTS / "tiktok_studio.csv"),
                 "--koppeling", "Total views=K2"]) == 2  # fmt: skip
