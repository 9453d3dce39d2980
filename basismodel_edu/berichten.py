"""The message catalogue: every text a user reads, in Dutch (default) and English.

The texts live in TOML files under ``catalogus/`` (one file per concern, so that rules, forms,
grading and measuring can each keep their own), but they form one catalogue: a key may appear in
only one file, and every key has both languages (``tests/test_berichten.py`` proves it).

A simple message is a string per language::

    ["cli.bestand_ontbreekt"]
    nl = "Het bestand {pad} bestaat niet."
    en = "The file {pad} does not exist."

A rule's message has three parts per language, so that every finding says what is wrong, why it
matters in the model and how to fix it::

    [BM203.nl]
    wat = "..."
    waarom = "..."
    hoe = "..."

>>> tekst("taal.naam", taal="en")
'English'
>>> tekst("taal.naam")
'Nederlands'
"""

from __future__ import annotations

import os
import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = [
    "TALEN",
    "Keuze",
    "catalogus",
    "huidige_taal",
    "keuze",
    "tekst",
    "tekst_delen",
    "zet_taal",
]

TALEN = ("nl", "en")

# A lecturer can run a whole class in English by setting BASISMODEL_TAAL=en.
_taal = os.environ.get("BASISMODEL_TAAL", "nl")
if _taal not in TALEN:
    _taal = "nl"


def zet_taal(taal: str) -> None:
    """Choose the language of every message from now on: ``"nl"`` (default) or ``"en"``."""
    global _taal
    if taal not in TALEN:
        raise ValueError(tekst("taal.onbekend", keuze=taal, talen=", ".join(TALEN)))
    _taal = taal


def huidige_taal() -> str:
    """The language messages are shown in now."""
    return _taal


@cache
def catalogus() -> dict[str, dict[str, Any]]:
    """All keys of all catalogue files, read once.

    Raises ``RuntimeError`` when a key stands in two files: the catalogue is one namespace.
    """
    alles: dict[str, dict[str, Any]] = {}
    herkomst: dict[str, str] = {}
    map_ = resources.files(__package__).joinpath("catalogus")
    for bestand in sorted(map_.iterdir(), key=lambda p: p.name):
        if not bestand.name.endswith(".toml"):
            continue
        gegevens = tomllib.loads(bestand.read_text(encoding="utf-8"))
        for sleutel, waarde in _plat(gegevens):
            if sleutel in alles:
                raise RuntimeError(
                    f"catalogue key {sleutel!r} in both {herkomst[sleutel]} and {bestand.name}"
                )
            alles[sleutel] = waarde
            herkomst[sleutel] = bestand.name
    return alles


def _plat(tabel: dict[str, Any], voorvoegsel: str = ""):
    """Yield (key, {lang: text-or-parts}) pairs; a table that holds a language is a message."""
    for naam, waarde in tabel.items():
        sleutel = f"{voorvoegsel}{naam}"
        if isinstance(waarde, dict) and any(t in waarde for t in TALEN):
            yield sleutel, waarde
        elif isinstance(waarde, dict):
            yield from _plat(waarde, sleutel + ".")
        else:
            raise RuntimeError(f"catalogue key {sleutel!r} has no language table")


def _ruw(sleutel: str, taal: str | None) -> Any:
    invoer = catalogus().get(sleutel)
    if invoer is None:
        raise KeyError(f"no message {sleutel!r} in the catalogue")
    return invoer.get(taal or _taal) or invoer["nl"]


def tekst(sleutel: str, taal: str | None = None, **waarden: Any) -> str:
    """The message ``sleutel`` in ``taal`` (default: the current language), filled in."""
    waarden = _labels(waarden, taal)
    ruw = _ruw(sleutel, taal)
    if isinstance(ruw, dict):
        ruw = " ".join(ruw[d] for d in ("wat", "waarom", "hoe") if d in ruw)
    return ruw.format(**waarden) if waarden else ruw


class Keuze(str):
    """A fixed choice of the plan (``"bekendheid"``) used as a message value.

    Messages are filled in when they are shown, so a choice is shown in the language of that
    moment (``"awareness"`` in English) while the finding keeps the stored Dutch value.
    """


def keuze(waarde: str, taal: str | None = None) -> str:
    """The label of a fixed choice in ``taal``; a value without a label is shown as it is.

    >>> keuze("bekendheid", taal="en")
    'awareness'
    """
    invoer = catalogus().get(f"keuze.{waarde}")
    if invoer is None:
        return str(waarde)
    return invoer.get(taal or _taal) or invoer["nl"]


def _labels(waarden: dict[str, Any], taal: str | None) -> dict[str, Any]:
    uit = {}
    for naam, w in waarden.items():
        if isinstance(w, Keuze):
            w = keuze(w, taal)
        elif isinstance(w, tuple) and w and all(isinstance(x, Keuze) for x in w):
            w = ", ".join(keuze(x, taal) for x in w)
        uit[naam] = w
    return uit


def tekst_delen(sleutel: str, taal: str | None = None, **waarden: Any) -> dict[str, str]:
    """A rule message's parts (``wat``, ``waarom``, ``hoe``), each filled in."""
    waarden = _labels(waarden, taal)
    ruw = _ruw(sleutel, taal)
    if not isinstance(ruw, dict):
        return {"wat": ruw.format(**waarden)}
    return {deel: t.format(**waarden) if waarden else t for deel, t in ruw.items()}
