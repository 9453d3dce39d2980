"""Progress against the plan's targets, from measured data: series and a progress table.

>>> from basismodel_edu import voorbeeldplan, voorbeeldmetingen, voeg_metingen_toe
>>> plan = voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen())
>>> tabel = voortgang(plan)
>>> list(tabel.index)
['K1', 'K2', 'K3', 'K4', 'K5', 'K6']
>>> tabel.loc["K3", "status"]
'dreigt_gemist'

How each number is computed (baseline, attainment, trend, forecast, status) is written out in
:mod:`basismodel_edu.meetstand`; the docstring of :func:`voortgang` repeats the formulas.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, ClassVar

import pandas as pd

from .berichten import huidige_taal, tekst
from .meetstand import KPIStand, doelstatus, kpi_standen

if TYPE_CHECKING:
    from .model import Plan

__all__ = ["SYMBOOL", "Voortgang", "reeks", "voortgang"]

#: A symbol per status, so that a status never depends on colour alone.
SYMBOOL = {
    "gehaald": "✔",
    "op_koers": "↗",
    "dreigt_gemist": "⚠",
    "gemist": "✖",
    "onbekend": "?",
}
KLEUR = {
    "gehaald": "#2e7d32",
    "op_koers": "#1f5f99",
    "dreigt_gemist": "#8a5a00",
    "gemist": "#c62828",
    "onbekend": "#555555",
}
ACHTERGROND = {
    "gehaald": "#e8f5e9",
    "op_koers": "#e8f1fb",
    "dreigt_gemist": "#fff4e0",
    "gemist": "#fdecea",
    "onbekend": "#f2f2f2",
}


def status_tekst(status: str, taal: str | None = None) -> str:
    """The status with its symbol and its word, e.g. ``'⚠ dreigt gemist'``."""
    return f"{SYMBOOL[status]} {tekst('meten.status.' + status, taal)}"


def _kpi(plan: Plan, kpi_id: str):
    for k in plan.kpis:
        if k.id == kpi_id:
            return k
    raise ValueError(
        tekst("meten.kpi.onbekend", kpi=kpi_id, kpis=", ".join(k.id for k in plan.kpis) or "-")
    )


def reeks(plan: Plan, kpi_id: str) -> pd.Series:
    """The measurements of one KPI as a pandas Series indexed by date (oldest first).

    The series is named after the KPI's id; it is empty (with a date index) when the KPI has
    no measurements yet. An unknown id is a ``ValueError`` naming the plan's KPIs.
    """
    _kpi(plan, kpi_id)
    per_datum = {m.datum: m.waarde for m in plan.metingen if m.kpi == kpi_id}
    datums = sorted(per_datum)
    index = pd.DatetimeIndex(pd.to_datetime(datums), name="datum")
    return pd.Series([per_datum[d] for d in datums], index=index, name=kpi_id, dtype="float64")


KOLOMMEN = [
    "naam",
    "doel",
    "eenheid",
    "richting",
    "metingen",
    "basis",
    "laatste",
    "datum_laatste",
    "norm",
    "bereikt",
    "trend_per_maand",
    "deadline",
    "prognose",
    "status",
    "dreigt_gemist",
]


class Voortgang(pd.DataFrame):
    """The progress table: a pandas DataFrame with one row per KPI, indexed by KPI id.

    In a notebook it shows as a table where each status has its symbol and its word (colour is
    an extra, never the only signal). ``per_doel()`` gives the OKR view per goal.
    """

    _metadata: ClassVar[list[str]] = ["_standen"]

    @property
    def _constructor(self):
        # A selection or calculation on the table is an ordinary DataFrame again.
        return pd.DataFrame

    def per_doel(self) -> pd.DataFrame:
        """Per goal: the mean attainment of its KPIs (OKR scoring) and its worst status."""
        standen: list[KPIStand] = getattr(self, "_standen", [])
        rijen = {}
        for s in standen:
            if s.doel is None:
                continue
            rijen.setdefault(s.doel.id, (s.doel, []))[1].append(s)
        data = []
        for doel_id, (doel, eigen) in rijen.items():
            waarden = [s.bereikt for s in eigen if s.bereikt is not None]
            data.append(
                {
                    "doel": doel_id,
                    "omschrijving": doel.omschrijving,
                    "kpis": ", ".join(s.kpi.id for s in eigen),
                    "bereikt": sum(waarden) / len(waarden) if waarden else float("nan"),
                    "deadline": pd.Timestamp(doel.deadline) if doel.deadline else pd.NaT,
                    "status": doelstatus(eigen),
                }
            )
        kolommen = ["doel", "omschrijving", "kpis", "bereikt", "deadline", "status"]
        return pd.DataFrame(data, columns=kolommen).set_index("doel")

    def samenvatting(self, taal: str | None = None) -> str:
        tellingen = {s: int((self["status"] == s).sum()) for s in SYMBOOL}
        return tekst(
            "meten.voortgang.samenvatting",
            taal,
            kpis=len(self),
            **{s: tellingen[s] for s in SYMBOOL},
        )

    def _repr_html_(self) -> str:
        taal = huidige_taal()
        koppen = [
            ("kpi", "meten.kop.kpi"),
            ("naam", "meten.kop.naam"),
            ("doel", "meten.kop.doel"),
            ("laatste", "meten.kop.laatste"),
            ("norm", "meten.kop.norm"),
            ("bereikt", "meten.kop.bereikt"),
            ("prognose", "meten.kop.prognose"),
            ("deadline", "meten.kop.deadline"),
            ("status", "meten.kop.status"),
        ]
        kop = "".join(
            f"<th style='text-align:left;padding:4px 8px'>{html.escape(tekst(k, taal))}</th>"
            for _, k in koppen
        )
        rijen = []
        for kpi_id, r in self.iterrows():
            cellen = [
                html.escape(str(kpi_id)),
                html.escape(str(r["naam"])),
                html.escape(str(r["doel"])),
                _getal(r["laatste"], r["eenheid"]),
                _getal(r["norm"], r["eenheid"]),
                "–" if pd.isna(r["bereikt"]) else f"{r['bereikt'] * 100:.0f}%",
                _getal(r["prognose"], r["eenheid"]),
                "–" if pd.isna(r["deadline"]) else r["deadline"].date().isoformat(),
            ]
            st = r["status"]
            tds = "".join(f"<td style='padding:4px 8px'>{c}</td>" for c in cellen)
            tds += (
                f"<td style='padding:4px 8px;font-weight:bold;color:{KLEUR[st]};"
                f"white-space:nowrap'>{html.escape(status_tekst(st, taal))}</td>"
            )
            rijen.append(f"<tr style='background:{ACHTERGROND[st]};color:#1a1a1a'>{tds}</tr>")
        return (
            f"<div class='basismodel-voortgang'><p><b>{html.escape(self.samenvatting(taal))}</b>"
            f"</p><table style='border-collapse:collapse'><thead><tr>{kop}</tr></thead>"
            f"<tbody>{''.join(rijen)}</tbody></table></div>"
        )


def _getal(x, eenheid: str = "") -> str:
    if x is None or pd.isna(x):
        return "–"
    tekst_ = f"{x:.1f}" if abs(x) < 100 and x != int(x) else f"{x:.0f}"
    return html.escape(f"{tekst_} {eenheid}".strip())


def voortgang(plan: Plan) -> Voortgang:
    """Per KPI: latest value, attainment against its norm, forecast at the deadline, status.

    Returns a :class:`Voortgang` (a pandas DataFrame, one row per KPI, index = KPI id) with the
    columns ``naam, doel, eenheid, richting, metingen`` (count), ``basis, laatste,
    datum_laatste, norm, bereikt, trend_per_maand, deadline, prognose, status, dreigt_gemist``.

    The formulas (written out with examples in :mod:`basismodel_edu.meetstand`):

    * ``basis`` = the goal's nulmeting when the KPI has the goal's unit, else its first meting;
      ``norm`` = the KPI's norm (or the goal's streefwaarde when the KPI has none and the same
      unit).
    * ``bereikt`` = ``(laatste − basis) / (norm − basis)``, clipped to 0…1 (OKR scoring; works
      for ``richting="lager"`` too); 1 or 0 when norm = basis.
    * ``trend_per_maand``: slope of the least-squares line through all measurements (value
      against days), times 30.44; ``prognose`` = that line's value at the goal's deadline.
    * ``status``: ``gehaald`` (latest reaches the norm), ``gemist`` (deadline passed, not
      reached), ``op_koers`` / ``dreigt_gemist`` (forecast reaches the norm or not), or
      ``onbekend`` (no norm, no deadline, or fewer than 3 measurements).
      ``dreigt_gemist`` is the flag for goals likely to be missed.
    """
    standen = kpi_standen(plan)
    data = []
    for s in standen:
        data.append(
            {
                "kpi": s.kpi.id,
                "naam": s.kpi.naam,
                "doel": s.kpi.doel,
                "eenheid": s.kpi.eenheid,
                "richting": s.kpi.richting,
                "metingen": len(s.punten),
                "basis": s.basis,
                "laatste": s.laatste,
                "datum_laatste": pd.Timestamp(s.datum_laatste) if s.datum_laatste else pd.NaT,
                "norm": s.norm,
                "bereikt": s.bereikt,
                "trend_per_maand": s.trend.per_maand if s.trend else None,
                "deadline": pd.Timestamp(s.deadline) if s.deadline else pd.NaT,
                "prognose": s.prognose,
                "status": s.status,
                "dreigt_gemist": s.dreigt_gemist,
            }
        )
    df = pd.DataFrame(data, columns=["kpi", *KOLOMMEN]).set_index("kpi")
    for kolom in ("basis", "laatste", "norm", "bereikt", "trend_per_maand", "prognose"):
        df[kolom] = df[kolom].astype("float64")
    uit = Voortgang(df)
    uit._standen = standen
    return uit
