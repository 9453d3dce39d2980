"""Rules that use measured data (lesson 06): realism against what the plan's metingen show.

They sit in the SMART family's realism range (BM33x) and say nothing when a plan has no
measurements, so a plan that is still being written is never judged on data it does not have.
The arithmetic (trend, forecast, status) is in :mod:`..meetstand`.
"""

from __future__ import annotations

from ..index import Index
from ..motor import regel
from ._gedeeld import Vondsten

__all__: list[str] = []  # rules are reached through the registry, never imported by name


def _getal(x: float) -> float:
    # A forecast is no more precise than this; the catalogue writes the number the reader's way.
    return round(x, 1) if abs(x) < 100 else round(x)


@regel("BM330", "waarschuwing", "doelen", "06")
def trend_mist_doel(ix: Index) -> Vondsten:
    """The straight trend through a KPI's measurements misses its norm at the goal's deadline."""
    if not ix.plan.metingen:
        return
    # Here, not at the top: a plan without measurements (every plan in the forms) never needs
    # the arithmetic, so opening the editor does not load it.
    from ..meetstand import kpi_standen

    for s in kpi_standen(ix.plan):
        if not s.dreigt_gemist or s.doel_index is None:
            continue
        yield (
            f"doelen[{s.doel_index}].streefwaarde",
            {
                "id": s.doel.id,
                "kpi": s.kpi.id,
                "naam": s.kpi.naam or s.kpi.id,
                "laatste": _getal(s.laatste),
                "metingen": len(s.punten),
                "prognose": _getal(s.prognose),
                "onder": _getal(s.interval.onder),
                "boven": _getal(s.interval.boven),
                "norm": _getal(s.norm),
                "eenheid": s.kpi.eenheid,
                "deadline": s.deadline,
            },
        )
