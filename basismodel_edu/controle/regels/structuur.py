"""BM0xx structuur: ids are unique."""

from __future__ import annotations

from ..index import Index
from ..motor import regel
from ._gedeeld import Vondsten

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM0xx structuur ------------------------------------------------------------------------


@regel("BM001", "fout", "plan", "05")
def dubbele_ids(ix: Index) -> Vondsten:
    plan = ix.plan
    lijsten = {
        "visie.ambities": plan.visie.ambities,
        "doelen": plan.doelen,
        "tactieken": plan.tactieken,
        "middelen": plan.middelen,
        "kpis": plan.kpis,
    }
    gezien: dict[str, str] = {}
    for naam, lijst in lijsten.items():
        for i, item in enumerate(lijst):
            pad = f"{naam}[{i}].id"
            if item.id in gezien:
                yield pad, {"id": item.id, "eerder": gezien[item.id]}
            else:
                gezien[item.id] = pad
