"""BM7xx kosten: means carry their cost (lesson 03)."""

from __future__ import annotations

from ..index import Index
from ..motor import regel
from ..platforms import is_social_medium
from ._gedeeld import Vondsten

__all__: list[str] = []  # rules are reached through the registry, never imported by name


# --- BM7xx kosten -----------------------------------------------------------------------------


@regel("BM701", "waarschuwing", "middelen", "03")
def geen_kosten(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        if m.uren_per_maand is None and m.euro_per_maand is None:
            yield f"middelen[{i}]", {"id": m.id}


@regel("BM702", "waarschuwing", "middelen", "03")
def kanaal_zonder_uren(ix: Index) -> Vondsten:
    for i, m in enumerate(ix.plan.middelen):
        # Hours left empty beside a sum in euros are as missing as hours set to 0 (BM701 only
        # speaks when both are empty), so both get this feedback.
        geen_uren = m.uren_per_maand == 0 or (m.uren_per_maand is None and m.euro_per_maand)
        if is_social_medium(m.kanaal) and geen_uren:
            yield f"middelen[{i}].uren_per_maand", {"id": m.id, "kanaal": m.kanaal}
