"""The running case of the lessons: Koffiebranderij De Boon, a small coffee roaster in Arnhem.

The plan is complete and consistent: the checker finds no errors in it. Lessons and exercises
always work on a copy, so the shipped file never changes.

>>> plan = voorbeeldplan()
>>> plan.organisatie.naam
'Koffiebranderij De Boon'
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from ..taal.berichten import tekst
from .bestand import bewaar_plan, lees_plan
from .model import KPI, Ambitie, Middel, Plan

__all__ = [
    "FOUTEN",
    "VOORBEELDEN",
    "beschrijf_fout",
    "bewaar_voorbeeld",
    "voorbeeld_met_fout",
    "voorbeeldplan",
]

#: name → file under ``voorbeelden/`` in the package.
VOORBEELDEN = {"koffiebranderij": "koffiebranderij.json"}


def voorbeeldplan(naam: str = "koffiebranderij") -> Plan:
    """A fresh copy of an example plan; changing it never changes the shipped file."""
    bestand = resources.files(__package__).joinpath("voorbeelden", VOORBEELDEN[naam])
    return lees_plan(json.loads(bestand.read_text(encoding="utf-8")), bron=VOORBEELDEN[naam])


def bewaar_voorbeeld(pad: str | os.PathLike[str], naam: str = "koffiebranderij") -> Path:
    """Write an example plan to ``pad`` (atomically), to start a plan of your own from."""
    return bewaar_plan(voorbeeldplan(naam), pad)


# The mistakes the lessons show, each made in a fresh copy of De Boon. A lesson cell then reads
# voorbeeld_met_fout("vaag_doel") instead of steps a non-programmer has to decode (.pop(), [4]).
def _vaag_doel(p: Plan) -> None:
    d1 = p.doel("D1")
    d1.omschrijving, d1.nulmeting, d1.deadline = "Meer volgers op Instagram", None, None


def _onrealistisch_doel(p: Plan) -> None:
    p.doel("D2").streefwaarde = 150


def _campagne_als_tactiek(p: Plan) -> None:
    p.tactiek("T1").eind = dt.date(2027, 2, 28)


def _gestopt_platform(p: Plan) -> None:
    p.middelen.append(Middel(id="M6", naam="Hyves-pagina", kanaal="Hyves", uren_per_maand=4))
    p.tactiek("T2").middelen.append("M6")


def _krimpend_kanaal(p: Plan) -> None:
    x = Middel(id="M6", naam="X-account", kanaal="X (Twitter)", uren_per_maand=4)
    x.duurzaamheid = "duurzaam"
    p.middelen.append(x)
    p.tactiek("T2").middelen.append("M6")


def _middel_zonder_uren(p: Plan) -> None:
    p.middel("M2").uren_per_maand = 0


def _kpi_zonder_norm(p: Plan) -> None:
    k5 = p.kpi("K5")
    k5.norm, k5.bron = None, ""


def _verkeerde_familie(p: Plan) -> None:
    p.kpi("K5").familie = "bereik"


def _alleen_ijdele_cijfers(p: Plan) -> None:
    for kpi in p.kpis:
        kpi.naam = f"Likes op {kpi.kanaal or 'Instagram'}"
        kpi.definitie = "Aantal likes in de maand."
        kpi.niveau = "output"


def _kpi_kopie_van_doel(p: Plan) -> None:
    d2 = p.doel("D2").omschrijving
    p.kpis.append(KPI(id="K7", doel="D2", naam="Reacties per post", definitie=d2))


def _gebroken_ketens(p: Plan) -> None:
    p.kpi("K1").doel = "D9"
    p.doel("D4").ambitie = ""
    p.kpis.append(KPI(id="K7", doel="D2", naam="Weergaven op TikTok", kanaal="TikTok"))


def _missie_zonder_kanalen(p: Plan) -> None:
    p.missie.kanalen = []


def _missie_zegt_nee(p: Plan) -> None:
    p.missie.social_media_past = False


def _kanaal_buiten_missie(p: Plan) -> None:
    p.middelen.append(Middel(id="M6", naam="TikTok-account", kanaal="TikTok"))


def _ambitie_zonder_doel(p: Plan) -> None:
    tekst_ = "De duurzaamste branderij van Nederland worden."
    p.visie.ambities.append(Ambitie(id="A4", tekst=tekst_))


def _visie_zonder_beeld(p: Plan) -> None:
    p.visie.gewenst_imago = ""
    p.visie.social_media = ""


#: name → what it changes in a copy of De Boon; the catalogue (``fout.<name>``) says it in words.
FOUTEN: dict[str, Callable[[Plan], None]] = {
    "vaag_doel": _vaag_doel,
    "onrealistisch_doel": _onrealistisch_doel,
    "campagne_als_tactiek": _campagne_als_tactiek,
    "gestopt_platform": _gestopt_platform,
    "krimpend_kanaal": _krimpend_kanaal,
    "middel_zonder_uren": _middel_zonder_uren,
    "kpi_zonder_norm": _kpi_zonder_norm,
    "verkeerde_familie": _verkeerde_familie,
    "alleen_ijdele_cijfers": _alleen_ijdele_cijfers,
    "kpi_kopie_van_doel": _kpi_kopie_van_doel,
    "gebroken_ketens": _gebroken_ketens,
    "missie_zonder_kanalen": _missie_zonder_kanalen,
    "missie_zegt_nee": _missie_zegt_nee,
    "kanaal_buiten_missie": _kanaal_buiten_missie,
    "ambitie_zonder_doel": _ambitie_zonder_doel,
    "visie_zonder_beeld": _visie_zonder_beeld,
}


def voorbeeld_met_fout(*fouten: str) -> Plan:
    """A fresh copy of De Boon with one or more of the lessons' typical mistakes made in it.

    The names are the keys of :data:`FOUTEN`; :func:`beschrijf_fout` says in words what each
    changes. An unknown name is refused with the names there are.

    >>> plan = voorbeeld_met_fout("onrealistisch_doel")
    >>> plan.doel("D2").streefwaarde
    150.0
    >>> voorbeeldplan().doel("D2").streefwaarde  # the example itself is untouched
    15.0
    >>> [k.id for k in voorbeeld_met_fout("gebroken_ketens").kpis]
    ['K1', 'K2', 'K3', 'K4', 'K5', 'K6', 'K7']
    >>> voorbeeld_met_fout("typfout")
    Traceback (most recent call last):
    ...
    ValueError: Er is geen voorbeeldfout 'typfout'. Kies uit: alleen_ijdele_cijfers, ...
    """
    plan = voorbeeldplan()
    for naam in fouten:
        if naam not in FOUTEN:
            namen = ", ".join(sorted(FOUTEN))
            raise ValueError(tekst("voorbeeld.fout.onbekend", naam=naam, namen=namen))
        FOUTEN[naam](plan)
    return plan


def beschrijf_fout(naam: str) -> str:
    """What the mistake ``naam`` of :func:`voorbeeld_met_fout` changes, in the reader's language."""
    if naam not in FOUTEN:
        raise ValueError(
            tekst("voorbeeld.fout.onbekend", naam=naam, namen=", ".join(sorted(FOUTEN)))
        )
    return tekst(f"voorbeeld.fout.{naam}")
