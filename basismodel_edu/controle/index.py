"""A plan's links, looked up once per check so that every rule runs in linear time."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from .platforms import normaliseer_kanaal

if TYPE_CHECKING:
    from ..plan.model import Plan

__all__ = ["Index"]


def _per_id(items: list[Any]) -> dict[str, tuple[int, Any]]:
    # The first element with an id wins; the duplicate itself is reported by rule BM001.
    uit: dict[str, tuple[int, Any]] = {}
    for i, item in enumerate(items):
        uit.setdefault(item.id, (i, item))
    return uit


class Index:
    """The plan plus its links in both directions."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.ambities = _per_id(plan.visie.ambities)
        self.doelen = _per_id(plan.doelen)
        self.tactieken = _per_id(plan.tactieken)
        self.middelen = _per_id(plan.middelen)
        self.kpis = _per_id(plan.kpis)

        self.kpis_per_doel: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(plan.kpis):
            if k.doel:
                self.kpis_per_doel[k.doel].append(i)
        self.doelen_per_ambitie: dict[str, list[int]] = defaultdict(list)
        for i, d in enumerate(plan.doelen):
            if d.ambitie:
                self.doelen_per_ambitie[d.ambitie].append(i)
        self.tactieken_per_doel: dict[str, list[int]] = defaultdict(list)
        self.gebruikte_middelen: set[str] = set()
        for i, t in enumerate(plan.tactieken):
            for d in t.doelen:
                self.tactieken_per_doel[d].append(i)
            self.gebruikte_middelen.update(t.middelen)
        self.missie_kanalen = {normaliseer_kanaal(k) for k in plan.missie.kanalen if k.strip()}
