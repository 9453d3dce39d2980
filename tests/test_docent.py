"""The lecturer's guide (docent/README.md) names what exists: every exercise folder of the course,
and only commands and options the command line really has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GIDS = ROOT / "docent" / "README.md"
#: Exercises the guide describes before their folders are merged (issue 12, another branch).
NIEUW = {"terugredeneren_tandarts", "meten_sportschool", "bijsturen_theater"}


def gidsfouten(tekst: str, opdrachten: set[str], commandos: dict[str, set[str]]) -> list[str]:
    """What the guide leaves out or names wrongly.

    ``commandos`` maps each subcommand of ``basismodel-edu`` to its long options.
    """
    fouten = [f"opdracht ontbreekt: {o}" for o in sorted(opdrachten) if f"`{o}`" not in tekst]
    for regel in re.findall(r"^basismodel-edu .*$", tekst, flags=re.M):
        delen = regel.split()
        if delen[1] not in commandos:
            fouten.append(f"onbekend commando: {delen[1]}")
            continue
        for optie in (d for d in delen[2:] if d.startswith("--")):
            if optie not in commandos[delen[1]]:
                fouten.append(f"{delen[1]} kent {optie} niet")
    return fouten


def _commandos() -> dict[str, set[str]]:
    from basismodel_edu import cli

    cli._laad_commando_modules()
    parser = cli._parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return {
        naam: {o for a in p._actions for o in a.option_strings if o.startswith("--")}
        for naam, p in sub.choices.items()
    }


def test_de_gids_noemt_elke_opdracht_en_alleen_echte_commandos():
    opdrachten = {p.parent.name for p in (ROOT / "exercises").glob("*/master.ipynb")} | NIEUW
    assert gidsfouten(GIDS.read_text(encoding="utf-8"), opdrachten, _commandos()) == []


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("`missie_fietsenmaker`\nbasismodel-edu exporteer x", "onbekend commando: exporteer"),
        ("`missie_fietsenmaker`\nbasismodel-edu grade m i --snel", "grade kent --snel niet"),
        ("basismodel-edu grade m i --out u", "opdracht ontbreekt: missie_fietsenmaker"),
    ],
)
def test_een_gids_met_een_fout_valt_op(tekst, melding):
    assert melding in gidsfouten(tekst, {"missie_fietsenmaker"}, _commandos())
