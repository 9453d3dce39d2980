"""Terugredeneren: from every KPI back to the mission, the basismodel's central idea.

For a KPI the chain is KPI → doel → ambitie → visie → missie. Each step either holds or breaks;
a broken step says why. A KPI whose chain breaks measures something that cannot be traced back to
the business.

>>> from basismodel_edu import voorbeeldplan
>>> plan = voorbeeldplan()
>>> keten = terugredeneren(plan, plan.kpis[0].id)
>>> keten.heel
True
>>> [s.laag for s in keten.schakels]
['kpi', 'doel', 'ambitie', 'visie', 'missie']
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..taal.berichten import huidige_taal, tekst
from .platforms import is_social_medium, normaliseer_kanaal

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["Keten", "KetenTabel", "Schakel", "ketens", "terugredeneren"]

LAGEN = ("kpi", "doel", "ambitie", "visie", "missie")


@dataclass(frozen=True, slots=True)
class Schakel:
    """One step of a chain: the layer, the element's id (if any), its text, and a break."""

    laag: str
    id: str
    tekst: str
    breuk: str = ""  # catalogue key of the reason this step breaks, "" when it holds

    @property
    def ok(self) -> bool:
        return not self.breuk

    def reden(self, taal: str | None = None) -> str:
        return tekst(self.breuk, taal, id=self.id) if self.breuk else ""


@dataclass(frozen=True, slots=True)
class Keten:
    """The chain from one KPI back to the mission."""

    kpi: str
    schakels: tuple[Schakel, ...]

    @property
    def heel(self) -> bool:
        """True when every step holds: this KPI can be reasoned back to the mission."""
        return all(s.ok for s in self.schakels)

    @property
    def breuk(self) -> Schakel | None:
        """The first step that breaks, or ``None``."""
        return next((s for s in self.schakels if not s.ok), None)

    def tekst(self, taal: str | None = None) -> str:
        delen = []
        for s in self.schakels:
            naam = tekst(f"keten.laag.{s.laag}", taal)
            label = f"{naam} {s.id}".strip()
            delen.append(f"{'✔' if s.ok else '✖'} {label}")
        regel = " → ".join(delen)
        if self.breuk:
            regel += "\n  " + self.breuk.reden(taal)
        return regel

    def __str__(self) -> str:
        return self.tekst()

    def _repr_pretty_(self, p, cycle):
        p.text(str(self))


def _kort(t: str) -> str:
    t = " ".join(t.split())
    return t if len(t) <= 60 else t[:57] + "..."


def terugredeneren(plan: Plan, kpi_id: str) -> Keten:
    """The chain from KPI ``kpi_id`` back to the mission, with every break marked.

    Steps after a break are still shown (as far as they can be found), each marked as not
    reached, so a student sees the whole road and where it is cut.
    """
    from .index import Index

    return _keten(Index(plan), kpi_id)


def _keten(ix, kpi_id: str) -> Keten:
    plan = ix.plan
    gevonden = ix.kpis.get(kpi_id)
    if gevonden is None:
        raise KeyError(tekst("keten.onbekende_kpi", id=kpi_id))
    kpi = gevonden[1]
    schakels = [Schakel("kpi", kpi.id, _kort(kpi.naam or kpi.definitie))]

    doel = ix.doelen.get(kpi.doel, (None, None))[1] if kpi.doel else None
    if not kpi.doel:
        schakels.append(Schakel("doel", "", "", "keten.geen_doel"))
    elif doel is None:
        schakels.append(Schakel("doel", kpi.doel, "", "keten.doel_bestaat_niet"))
    else:
        schakels.append(Schakel("doel", doel.id, _kort(doel.omschrijving)))

    ambitie = None
    if doel is None:
        schakels.append(Schakel("ambitie", "", "", "keten.niet_bereikt"))
    elif not doel.ambitie:
        schakels.append(Schakel("ambitie", "", "", "keten.geen_ambitie"))
    else:
        ambitie = ix.ambities.get(doel.ambitie, (None, None))[1]
        if ambitie is None:
            schakels.append(Schakel("ambitie", doel.ambitie, "", "keten.ambitie_bestaat_niet"))
        elif not ambitie.tekst.strip():
            schakels.append(Schakel("ambitie", ambitie.id, "", "keten.ambitie_leeg"))
        else:
            schakels.append(Schakel("ambitie", ambitie.id, _kort(ambitie.tekst)))

    if not plan.visie.tekst.strip():
        schakels.append(Schakel("visie", "", "", "keten.visie_leeg"))
    else:
        schakels.append(Schakel("visie", "", _kort(plan.visie.tekst)))

    missie = plan.missie
    kanaal = kpi.kanaal.strip()
    if not missie.tekst.strip():
        breuk = "keten.missie_leeg"
    elif missie.social_media_past is False and is_social_medium(kanaal):
        breuk = "keten.missie_zegt_nee"
    elif kanaal and normaliseer_kanaal(kanaal) not in ix.missie_kanalen:
        breuk = "keten.kanaal_niet_in_missie"
    else:
        breuk = ""
    schakels.append(Schakel("missie", "", _kort(missie.tekst), breuk))
    return Keten(kpi.id, tuple(schakels))


class KetenTabel:
    """The chains of all KPIs of a plan, one row each, with every break marked."""

    def __init__(self, ketens_: list[Keten]):
        self.ketens = ketens_

    def __iter__(self):
        return iter(self.ketens)

    def __len__(self) -> int:
        return len(self.ketens)

    @property
    def heel(self) -> bool:
        """True when every KPI can be reasoned back to the mission."""
        return all(k.heel for k in self.ketens)

    @property
    def gebroken(self) -> list[Keten]:
        return [k for k in self.ketens if not k.heel]

    def rijen(self, taal: str | None = None) -> list[dict[str, str]]:
        uit = []
        for k in self.ketens:
            rij = {}
            for s in k.schakels:
                waarde = s.id or s.tekst or "—"
                rij[s.laag] = waarde if s.ok else f"✖ {waarde}"
            rij["heel"] = "✔" if k.heel else "✖"
            rij["breuk"] = k.breuk.reden(taal) if k.breuk else ""
            uit.append(rij)
        return uit

    def naar_dataframe(self, taal: str | None = None):
        import pandas as pd

        return pd.DataFrame(self.rijen(taal), columns=[*LAGEN, "heel", "breuk"])

    to_dataframe = naar_dataframe

    def tekst(self, taal: str | None = None) -> str:
        kop = tekst(
            "keten.samenvatting", taal, heel=len(self) - len(self.gebroken), totaal=len(self)
        )
        return "\n".join([kop, *(k.tekst(taal) for k in self.ketens)])

    def __repr__(self) -> str:
        return self.tekst()

    def _repr_html_(self) -> str:
        taal = huidige_taal()
        kop = (
            "".join(
                f"<th style='text-align:left;padding:4px 8px'>{html.escape(tekst('keten.laag.' + laag, taal))}</th>"
                for laag in LAGEN
            )
            + f"<th style='text-align:left;padding:4px 8px'>{html.escape(tekst('keten.kolom.breuk', taal))}</th>"
        )
        rijen = []
        for k in self.ketens:
            cellen = []
            for s in k.schakels:
                waarde = html.escape(s.id or s.tekst or "—")
                if s.ok:
                    cellen.append(
                        f"<td style='padding:4px 8px;text-align:left;overflow-wrap:anywhere'>✔ {waarde}</td>"
                    )
                else:
                    cellen.append(
                        "<td style='padding:4px 8px;text-align:left;overflow-wrap:anywhere;background:#fdecea;color:#c62828;"
                        f"font-weight:bold'>✖ {waarde}</td>"
                    )
            reden = html.escape(k.breuk.reden(taal)) if k.breuk else ""
            cellen.append(
                f"<td style='padding:4px 8px;text-align:left;overflow-wrap:anywhere'>{reden}</td>"
            )
            rijen.append("<tr>" + "".join(cellen) + "</tr>")
        samenvatting = html.escape(
            tekst("keten.samenvatting", taal, heel=len(self) - len(self.gebroken), totaal=len(self))
        )
        return (
            f"<div class='basismodel-ketens'><p><b>{samenvatting}</b></p>"
            f"<table style='border-collapse:collapse'><thead><tr>{kop}</tr></thead>"
            f"<tbody>{''.join(rijen)}</tbody></table></div>"
        )


def ketens(plan: Plan) -> KetenTabel:
    """For every KPI of ``plan``, its chain back to the mission (see :func:`terugredeneren`)."""
    from .index import Index

    ix = Index(plan)
    return KetenTabel([_keten(ix, k.id) for k in plan.kpis if ix.kpis[k.id][1] is k])
