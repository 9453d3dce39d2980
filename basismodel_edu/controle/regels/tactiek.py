"""BM4xx tactiek: a tactic's horizon, and its goals' deadlines inside it (lesson 03)."""

from __future__ import annotations

from ..index import Index
from ..motor import regel
from ._gedeeld import Vondsten

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM4xx tactiek ----------------------------------------------------------------------------


@regel("BM401", "fout", "tactieken", "03")
def tactiek_periode(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if t.start is None or t.eind is None:
            yield f"tactieken[{i}].{'start' if t.start is None else 'eind'}", {"id": t.id}


@regel("BM402", "fout", "tactieken", "03")
def tactiek_eind_voor_start(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if t.start and t.eind and t.eind <= t.start:
            yield f"tactieken[{i}].eind", {"id": t.id, "start": t.start, "eind": t.eind}


def _jaren(t) -> float:
    return (t.eind - t.start).days / 365.25


@regel("BM403", "waarschuwing", "tactieken", "03")
def tactiek_tekort(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        # A few days of slack so that 1 January to 31 December counts as one year.
        if t.start and t.eind and t.eind > t.start and _jaren(t) < 0.99:
            yield f"tactieken[{i}].eind", {"id": t.id, "jaren": round(_jaren(t), 1)}


@regel("BM404", "waarschuwing", "tactieken", "03")
def tactiek_te_lang(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if t.start and t.eind and _jaren(t) > 5.01:
            yield f"tactieken[{i}].eind", {"id": t.id, "jaren": round(_jaren(t), 1)}


@regel("BM405", "waarschuwing", "tactieken", "03")
def deadline_buiten_tactiek(ix: Index) -> Vondsten:
    for i, t in enumerate(ix.plan.tactieken):
        if not (t.start and t.eind):
            continue
        for j, ref in enumerate(t.doelen):
            gevonden = ix.doelen.get(ref)
            if gevonden is None or gevonden[1].deadline is None:
                continue
            deadline = gevonden[1].deadline
            if not (t.start <= deadline <= t.eind):
                yield (
                    f"tactieken[{i}].doelen[{j}]",
                    {
                        "id": t.id,
                        "doel": ref,
                        "deadline": deadline,
                        "start": t.start,
                        "eind": t.eind,
                    },
                )
