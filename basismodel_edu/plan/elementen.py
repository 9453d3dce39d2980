"""Elements of a plan named as students name them: ``KPI K3 (Reacties per post) → norm``.

The checker, the plan's history and the comparison of two versions all refer to a field by its
path (``kpis[2].norm``), which is exact but reads like code and counts from zero. This module
turns such a path into the name a student uses in the forms and lessons; the path itself stays
in machine output (``check --format json``, ``Revisie.pad``).

>>> from basismodel_edu import voorbeeldplan
>>> plan = voorbeeldplan()
>>> benoem("kpis[2].norm", plan)
'KPI K3 (Reacties per post) → norm'
>>> benoem("missie.tekst", plan, "en")
'Mission → tekst'
>>> benoem("kpis[2].norm")  # without the plan there is no id to name: the path is kept
'kpis[2].norm'
"""

from __future__ import annotations

import re
from typing import Any

from ..taal.berichten import tekst

__all__ = ["benoem"]

_ELEMENT = re.compile(r"^(visie\.ambities|doelen|tactieken|middelen|kpis)\[(\d+)\]\.?(.*)$")
_SOORT = {
    "visie.ambities": "ambitie",
    "doelen": "doel",
    "tactieken": "tactiek",
    "middelen": "middel",
    "kpis": "kpi",
}
# The field a student recognises an element by, in order of preference.
_NAAMVELD = ("naam", "omschrijving", "tekst")
_ONDERDEEL = ("organisatie", "missie", "visie")
_MAX = 40


# ``plan`` is a :class:`~.model.Plan`; this module does not import the model, because the model
# names its own elements with it (Revisie.tekst).
def benoem(pad: str, plan: Any = None, taal: str | None = None) -> str:
    """The element at ``pad`` as a student names it, in ``taal``.

    A list item is named by its id and its name (``Doel D2 (Meer reacties)``), looked up in
    ``plan``; without a plan, or when the path points past the end of its list (the item was
    removed), the path is returned unchanged rather than a guess.
    """
    if pad == "metingen":
        return tekst("element.metingen", taal)
    m = _ELEMENT.match(pad)
    if not m:
        deel, punt, rest = pad.partition(".")
        if deel in _ONDERDEEL and punt and not rest.startswith("ambities["):
            return f"{tekst(f'element.{deel}', taal)} → {rest}"
        return pad
    if plan is None:
        return pad
    lijst_pad, index, rest = m.groups()
    lijst = plan
    for deel in lijst_pad.split("."):
        lijst = getattr(lijst, deel)
    if int(index) >= len(lijst):
        return pad
    item = lijst[int(index)]
    naam = next((getattr(item, v, "") for v in _NAAMVELD if getattr(item, v, "")), "")
    label = tekst(f"element.{_SOORT[lijst_pad]}", taal, id=item.id)
    if naam:
        label += f" ({naam if len(naam) <= _MAX else naam[: _MAX - 1] + '…'})"
    return f"{label} → {rest}" if rest else label
