"""What the lessons show and where they live: lesson helpers, self-checks, diagrams, the course
folder and the browser site.

May import: ``taal``, ``plan``, ``controle``, ``meten``, ``formulieren``, ``opdrachten``.
"""

from __future__ import annotations

from importlib import import_module

# name → module; ``basismodel_edu.lesstof`` was one module (now ``leshulp``), and lessons import
# these names from it.
_WAAR = {
    naam: "leshulp"
    for naam in (
        "Kosten",
        "Melding",
        "Platformcijfers",
        "beginplan",
        "eerste_regels",
        "kosten",
        "laatste_metingen",
        "platformcijfers",
        "probeer",
        "teken_platforms",
        "voorbeeldexport",
    )
}

__all__ = sorted(_WAAR)


def __getattr__(naam: str):
    if naam not in _WAAR:
        raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")
    return getattr(import_module(f".{_WAAR[naam]}", __name__), naam)
