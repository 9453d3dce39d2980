"""BM2xx herleidbaarheid: KPI → doel → ambitie → visie → missie holds (terugredeneren, lesson 05)."""

from __future__ import annotations

from ..index import Index
from ..motor import regel
from ..platforms import is_social_medium, normaliseer_kanaal
from ._gedeeld import Vondsten, leeg

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM2xx herleidbaarheid (terugredeneren) ------------------------------------------------


@regel("BM201", "fout", "kpis", "05")
def kpi_zonder_doel(ix: Index) -> Vondsten:
    for i, k in enumerate(ix.plan.kpis):
        if leeg(k.doel):
            yield f"kpis[{i}].doel", {"id": k.id}


@regel("BM202", "fout", "plan", "05")
def verwijzing_bestaat_niet(ix: Index) -> Vondsten:
    plan = ix.plan
    for i, d in enumerate(plan.doelen):
        if d.ambitie and d.ambitie not in ix.ambities:
            yield f"doelen[{i}].ambitie", {"id": d.id, "naar": d.ambitie, "soort": "ambitie"}
    for i, t in enumerate(plan.tactieken):
        for j, ref in enumerate(t.doelen):
            if ref not in ix.doelen:
                yield f"tactieken[{i}].doelen[{j}]", {"id": t.id, "naar": ref, "soort": "doel"}
        for j, ref in enumerate(t.middelen):
            if ref not in ix.middelen:
                yield f"tactieken[{i}].middelen[{j}]", {"id": t.id, "naar": ref, "soort": "middel"}
    for i, k in enumerate(plan.kpis):
        if k.doel and k.doel not in ix.doelen:
            yield f"kpis[{i}].doel", {"id": k.id, "naar": k.doel, "soort": "doel"}
    for i, m in enumerate(plan.metingen):
        if m.kpi not in ix.kpis:
            yield f"metingen[{i}].kpi", {"id": m.kpi, "naar": m.kpi, "soort": "KPI"}


@regel("BM203", "fout", "doelen", "05")
def doel_zonder_kpi(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.id not in ix.kpis_per_doel:
            yield f"doelen[{i}]", {"id": d.id}


@regel("BM204", "fout", "doelen", "05", lerend="hint")
def doel_zonder_ambitie(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if leeg(d.ambitie):
            yield f"doelen[{i}].ambitie", {"id": d.id}


@regel("BM205", "fout", "visie", "05", lerend="hint")
def ambitie_zonder_doel(ix: Index) -> Vondsten:
    for i, a in enumerate(ix.plan.visie.ambities):
        if a.id not in ix.doelen_per_ambitie:
            yield f"visie.ambities[{i}]", {"id": a.id}


@regel("BM206", "fout", "tactieken", "05")
def tactiek_zonder_doel(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if not t.doelen:
            yield f"tactieken[{i}].doelen", {"id": t.id}


@regel("BM207", "waarschuwing", "middelen", "05")
def ongebruikt_middel(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if m.id not in ix.gebruikte_middelen:
            yield f"middelen[{i}]", {"id": m.id}


@regel("BM208", "waarschuwing", "tactieken", "03")
def tactiek_zonder_middel(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if not t.middelen:
            yield f"tactieken[{i}].middelen", {"id": t.id}


@regel("BM209", "waarschuwing", "plan", "01", lerend="hint")
def kanaal_niet_in_missie(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is False:
        return  # BM210 says what matters then
    if not ix.missie_kanalen:
        # One cause, one finding: a mission that names no channel at all is BM107's (or, while
        # the fit question is open, BM105's), not one warning per channel the plan uses.
        return
    for lijst, naam in ((ix.plan.middelen, "middelen"), (ix.plan.kpis, "kpis")):
        for i, item in enumerate(lijst):
            if item.kanaal.strip() and normaliseer_kanaal(item.kanaal) not in ix.missie_kanalen:
                yield f"{naam}[{i}].kanaal", {"id": item.id, "kanaal": item.kanaal}


@regel("BM210", "fout", "missie", "01")
def missie_zegt_nee(ix: Index) -> Vondsten:
    if ix.plan.missie.social_media_past is not False:
        return
    for lijst, naam in ((ix.plan.middelen, "middelen"), (ix.plan.kpis, "kpis")):
        for i, item in enumerate(lijst):
            if is_social_medium(item.kanaal):
                yield f"{naam}[{i}].kanaal", {"id": item.id, "kanaal": item.kanaal}


@regel("BM211", "waarschuwing", "doelen", "03")
def doel_zonder_tactiek(ix: Index) -> Vondsten:
    for i, d in enumerate(ix.plan.doelen):
        if d.id not in ix.tactieken_per_doel:
            yield f"doelen[{i}]", {"id": d.id}
