"""The consistency rules, one module per family; importing this package registers them all.

Each rule is a function decorated with :func:`..motor.regel`: it receives the plan's
:class:`~..index.Index` and yields ``(pad, waarden)`` for each element it finds wrong; the engine
adds the severity and the message (from the catalogue, under the rule's code).

A rule's code is stable: a dropped rule leaves its code unused. Lessons: 01 missie, 02 visie,
03 strategie, 04 KPI's, 05 terugredeneren, 06 meten.
"""

from __future__ import annotations

from . import (  # noqa: F401  (each module registers its rules)
    duurzaamheid,
    herleidbaarheid,
    kosten,
    kpi,
    meten,
    smart,
    structuur,
    tactiek,
    volledigheid,
)

__all__: list[str] = []  # rules are reached through the registry, never imported by name
