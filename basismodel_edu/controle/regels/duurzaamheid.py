"""BM6xx duurzaamheid: channels are assessed; shrinking or closed platforms (lesson 03)."""

from __future__ import annotations

from ..index import Index
from ..motor import regel
from ..opvulling import geeft_reden
from ..platforms import GESTOPT, normaliseer_kanaal, trend
from ._gedeeld import Vondsten, kort

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM6xx duurzaamheid -----------------------------------------------------------------------


@regel("BM601", "waarschuwing", "middelen", "03")
def geen_duurzaamheid(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if m.kanaal.strip() and m.duurzaamheid is None:
            yield f"middelen[{i}].duurzaamheid", {"id": m.id, "kanaal": m.kanaal}


@regel("BM602", "fout", "middelen", "03")
def gestopt_platform(ix: Index) -> Vondsten:
    for lijst, naam in ((ix.plan.middelen, "middelen"), (ix.plan.kpis, "kpis")):
        for i, item in enumerate(lijst):
            kanaal = normaliseer_kanaal(item.kanaal)
            if kanaal in GESTOPT:
                yield (
                    f"{naam}[{i}].kanaal",
                    {"id": item.id, "kanaal": kanaal, "jaar": GESTOPT[kanaal]},
                )


@regel("BM603", "waarschuwing", "middelen", "03", heuristiek=True)
def krimpend_platform(ix: Index) -> Vondsten:
    # A student who already judged the channel uncertain or a hype, or who explained the choice,
    # has done what the model asks; the figures are shown to those who have not.
    for i, m in enumerate(ix.plan.middelen):
        kanaal = normaliseer_kanaal(m.kanaal)
        if not kanaal or kanaal in GESTOPT or m.duurzaamheid in ("onzeker", "hype"):
            continue
        if m.duurzaamheid == "duurzaam" and geeft_reden(m.duurzaamheid_toelichting):
            continue  # "Iedereen zit op Facebook." is a claim, not a reason: BM604
        t = trend(kanaal)
        if t is not None and t.krimpt:
            yield (
                f"middelen[{i}].kanaal",
                {
                    "id": m.id,
                    "kanaal": kanaal,
                    "piek": getattr(t.piek, t.maat),
                    "piekjaar": t.piek.jaar,
                    "laatste": getattr(t.laatste, t.maat),
                    "jaar": t.laatste.jaar,
                    "procent": round(t.verandering * 100),
                    "bron": t.laatste.bron,
                },
            )


@regel("BM604", "waarschuwing", "middelen", "03", heuristiek=True)
def duurzaamheid_zonder_reden(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        t = m.duurzaamheid_toelichting
        if m.duurzaamheid and t.strip() and not geeft_reden(t):
            yield f"middelen[{i}].duurzaamheid_toelichting", {"id": m.id, "tekst": kort(t)}
