"""The forms: one per layer of the model, the whole-plan editor, the learning-loop form.

May import: ``taal``, ``plan``, ``controle``, ``meten``. ipywidgets loads only when a form is asked for.
"""

from __future__ import annotations

from importlib import import_module

# name → module; ``basismodel_edu.formulieren`` was one module, and these are what it offered.
_WAAR = {
    "DoelenFormulier": "lagen",
    "KPIFormulier": "lagen",
    "MiddelenFormulier": "lagen",
    "MissieFormulier": "lagen",
    "PlanEditor": "editor",
    "TactiekenFormulier": "lagen",
    "VisieFormulier": "lagen",
    "bewerk": "editor",
    "lees_getal": "velden",
}

__all__ = sorted(_WAAR)


def __getattr__(naam: str):
    if naam not in _WAAR:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    return getattr(import_module(f".{_WAAR[naam]}", __name__), naam)
