"""Checking a plan: the rule engine, the rules by family, the SMART judge and the chains back.

May import: ``taal``, ``plan``. The rules register themselves when this package loads, so the
registry is complete however the engine is reached, and the engine never imports a rule.
"""

from __future__ import annotations

from . import regels  # noqa: F401  (fills the registry)
from .motor import (
    ERNST,
    FAMILIES,
    LAGEN,
    REGELS,
    Bevinding,
    Regel,
    Uitslag,
    controleer,
    kies_regels,
    regel,
)

__all__ = [
    "ERNST",
    "FAMILIES",
    "LAGEN",
    "REGELS",
    "Bevinding",
    "Regel",
    "Uitslag",
    "controleer",
    "kies_regels",
    "regel",
]
