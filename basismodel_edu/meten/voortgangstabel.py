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

from typing import TYPE_CHECKING, ClassVar

import pandas as pd

from ..controle.meetstand import BETROUWBAARHEID, KPIStand, doelstatus, kpi_standen
from ..taal.berichten import datum, getal, huidige_taal, tekst
from ..taal.sjabloon import html

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["SYMBOOL", "Voortgang", "reeks", "toelichting", "voortgang"]

#: A symbol per status, so that a status never depends on colour alone.
SYMBOOL = {
    "gehaald": "✔",
    "op_koers": "↗",
    "onzeker": "≈",
    "dreigt_gemist": "⚠",
    "gemist": "✖",
    "onbekend": "?",
}
KLEUR = {
    "gehaald": "#2e7d32",
    "op_koers": "#1f5f99",
    "onzeker": "#6a3d9a",
    "dreigt_gemist": "#8a5a00",
    "gemist": "#c62828",
    "onbekend": "#555555",
}
ACHTERGROND = {
    "gehaald": "#e8f5e9",
    "op_koers": "#e8f1fb",
    "onzeker": "#f3eef9",
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
    "prognose_onder",
    "prognose_boven",
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

    def __repr__(self) -> str:
        # Where the table cannot be drawn (and in what nbval compares), the Dutch text form,
        # not pandas' dump of column names and float64 values.
        return self.tekst()

    def tekst(self, taal: str | None = None) -> str:
        """The table as plain text for a terminal: one line per KPI, columns aligned, and the
        explanation of every uncertain forecast below it."""
        taal = taal or huidige_taal()
        koppen = ["kpi", "naam", "laatste", "norm", "bereikt", "prognose", "status"]
        rijen = [[tekst(f"meten.kop.{k}", taal) for k in koppen]]
        for kpi_id, r in self.iterrows():
            prognose = _prognose(r, "", taal)
            naam = str(r["naam"])
            rijen.append(
                [
                    str(kpi_id),
                    naam if len(naam) <= 28 else naam[:27] + "…",
                    _getal(r["laatste"], r["eenheid"], taal),
                    _getal(r["norm"], "", taal),
                    "–" if pd.isna(r["bereikt"]) else f"{getal(round(r['bereikt'] * 100), taal)}%",
                    prognose,
                    status_tekst(r["status"], taal),
                ]
            )
        breed = [max(len(rij[j]) for rij in rijen) for j in range(len(koppen))]
        regels = [self.samenvatting(taal), ""]
        regels += [
            "  ".join(c.ljust(b) for c, b in zip(rij, breed, strict=True)).rstrip() for rij in rijen
        ]
        uitleg = [
            toelichting(s, taal) for s in getattr(self, "_standen", []) if s.status == "onzeker"
        ]
        if uitleg:
            regels += ["", *uitleg]
        return "\n".join(regels)

    def _repr_html_(self) -> str:
        taal = huidige_taal()
        koppen = ["kpi", "naam", "doel", "laatste", "norm", "bereikt", "prognose", "deadline"]
        rijen = []
        for kpi_id, r in self.iterrows():
            prognose = _prognose(r, r["eenheid"], taal)
            rijen.append(
                {
                    "cellen": [
                        str(kpi_id),
                        str(r["naam"]),
                        str(r["doel"]),
                        _getal(r["laatste"], r["eenheid"], taal),
                        _getal(r["norm"], r["eenheid"], taal),
                        "–"
                        if pd.isna(r["bereikt"])
                        else f"{getal(round(r['bereikt'] * 100), taal)}%",
                        prognose,
                        "–" if pd.isna(r["deadline"]) else datum(r["deadline"].date(), taal),
                    ],
                    "status": status_tekst(r["status"], taal),
                    "kleur": KLEUR[r["status"]],
                    "achtergrond": ACHTERGROND[r["status"]],
                }
            )
        return html(
            "voortgang.html.j2",
            samenvatting=self.samenvatting(taal),
            koppen=[tekst(f"meten.kop.{k}", taal) for k in koppen],
            kop_status=tekst("meten.kop.status", taal),
            rijen=rijen,
            toelichtingen=[
                toelichting(s, taal) for s in getattr(self, "_standen", []) if s.status == "onzeker"
            ],
            methode=tekst("meten.tabel.methode", taal, procent=round(BETROUWBAARHEID * 100)),
        )


def _prognose(r, eenheid: str, taal: str) -> str:
    """A row's forecast with its interval: ``3.181 volgers (tussen 3.073 en 3.290)``."""
    uit = _getal(r["prognose"], eenheid, taal)
    if not pd.isna(r["prognose_onder"]):
        uit += " " + tekst(
            "meten.tabel.interval",
            taal,
            onder=_getal(r["prognose_onder"], "", taal),
            boven=_getal(r["prognose_boven"], "", taal),
        )
    return uit


def _getal(x, eenheid: str = "", taal: str | None = None) -> str:
    if x is None or pd.isna(x):
        return "–"
    x = float(x)
    return f"{getal(round(x, 1) if abs(x) < 100 else round(x), taal)} {eenheid}".strip()


def toelichting(s: KPIStand, taal: str | None = None) -> str:
    """Why a KPI has its status, in the student's words (for ``onzeker``: what would settle it).

    >>> from basismodel_edu import voorbeeldplan, voorbeeldmetingen, voeg_metingen_toe
    >>> from basismodel_edu.meetstand import kpi_standen
    >>> plan = voeg_metingen_toe(voorbeeldplan(), voorbeeldmetingen())
    >>> print(toelichting(kpi_standen(plan)[4]))  # doctest: +NORMALIZE_WHITESPACE
    K5: de trend komt op 1 maart 2028 uit op 12,7 klanten per jaar (95%-interval -4,9 tot 30,3),
    maar de deadline ligt 336 dagen na je laatste meting en je metingen beslaan 182 dagen. Zo ver
    vooruit zegt een rechte lijn weinig: meet langer voordat je zegt of dit doel gehaald wordt.
    """
    p = s.interval
    if p is None:
        return tekst("meten.toelichting.onbekend", taal, kpi=s.kpi.id)
    waarden = {
        "kpi": s.kpi.id,
        "prognose": _getal(p.waarde, s.kpi.eenheid, taal),
        "onder": _getal(p.onder, "", taal),
        "boven": _getal(p.boven, "", taal),
        "deadline": p.datum,
        "norm": _getal(s.norm, s.kpi.eenheid, taal),
        "vooruit": p.vooruit,
        "terug": p.terug,
        "procent": round(BETROUWBAARHEID * 100),
    }
    if s.status == "onzeker":
        sleutel = "meten.toelichting.te_ver" if p.te_ver else "meten.toelichting.breed"
    else:
        sleutel = "meten.toelichting.prognose"
    return tekst(sleutel, taal, **waarden)


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
      against days), times 30.44; ``prognose`` = that line's value at the goal's deadline, and
      ``prognose_onder`` … ``prognose_boven`` its 95 % prediction interval.
    * ``status``: ``gehaald`` (latest reaches the norm), ``gemist`` (deadline passed, not
      reached), ``dreigt_gemist`` (forecast misses the norm), ``op_koers`` (the whole interval
      reaches the norm), ``onzeker`` (only part of it does; or, whatever the forecast, the
      deadline lies further ahead than the measurements reach back), or ``onbekend`` (no norm, no deadline, or fewer than 3
      measurements). ``dreigt_gemist`` is the flag for goals likely to be missed.
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
                "prognose_onder": s.interval.onder if s.interval else None,
                "prognose_boven": s.interval.boven if s.interval else None,
                "status": s.status,
                "dreigt_gemist": s.dreigt_gemist,
            }
        )
    df = pd.DataFrame(data, columns=["kpi", *KOLOMMEN]).set_index("kpi")
    for kolom in (
        "basis", "laatste", "norm", "bereikt", "trend_per_maand", "prognose",
        "prognose_onder", "prognose_boven",
    ):  # fmt: skip
        df[kolom] = df[kolom].astype("float64")
    uit = Voortgang(df)
    uit._standen = standen
    return uit
