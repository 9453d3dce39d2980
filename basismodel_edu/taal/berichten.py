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

Values are written as readers of the language write them, by Babel: numbers with a decimal comma
and a thousands dot in Dutch, dates in words, ``True`` as "ja". A message chooses a plural with
``{n:regel|regels}`` (singular|plural, after the language's own plural rule) and writes a calendar
year as ``{jaar:jaar}`` (no thousands dot):

>>> getal(1100.5), getal(1100.5, taal="en")
('1.100,5', '1,100.5')
>>> import datetime
>>> datum(datetime.date(2027, 9, 1)), datum(datetime.date(2027, 9, 1), taal="en")
('1 september 2027', '1 September 2027')
"""

from __future__ import annotations

import datetime as dt
import os
import string
import tomllib
from functools import cache
from importlib import resources
from typing import Any

from babel import Locale
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

__all__ = [
    "TALEN",
    "Keuze",
    "catalogus",
    "datum",
    "datum_kort",
    "getal",
    "huidige_taal",
    "keuze",
    "maand",
    "taaloptie",
    "tekst",
    "tekst_delen",
    "waarde",
    "zet_taal",
]

TALEN = ("nl", "en")
# Babel's locale per language: British English keeps day-month order, as the course writes dates.
_LOCALE = {"nl": "nl_NL", "en": "en_GB"}

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


def taaloptie(parser) -> None:
    """Give a command-line (argparse) parser the ``--lang nl|en`` option every command has."""
    parser.add_argument("--lang", choices=list(TALEN), default=None, help=tekst("cli.help.lang"))


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


def getal(waarde: float, taal: str | None = None, decimalen: int | None = None) -> str:
    """A number as readers of ``taal`` write it: at most two decimals, no trailing zeros; or
    exactly ``decimalen`` decimals, as a column of figures wants (``getal(5, decimalen=1)``
    is ``'5,0'``)."""
    if decimalen is not None:
        patroon = "#,##0" + ("." + "0" * decimalen if decimalen else "")
        return format_decimal(waarde, format=patroon, locale=_LOCALE[taal or _taal])
    if isinstance(waarde, float) and waarde.is_integer():
        waarde = int(waarde)
    return format_decimal(waarde, format="#,##0.##", locale=_LOCALE[taal or _taal])


def datum(waarde: dt.date, taal: str | None = None) -> str:
    """A date in words (``1 september 2027``); a moment also gets its time."""
    if isinstance(waarde, dt.datetime):
        return format_datetime(waarde, "d MMMM y HH:mm", locale=_LOCALE[taal or _taal])
    return format_date(waarde, "long", locale=_LOCALE[taal or _taal])


def maand(waarde: dt.date, taal: str | None = None) -> str:
    """A month's short name as an axis label writes it, or the year in January.

    >>> import datetime
    >>> maand(datetime.date(2027, 5, 1)), maand(datetime.date(2027, 5, 1), "en")
    ('mei', 'May')
    >>> maand(datetime.date(2028, 1, 1))
    '2028'
    """
    if waarde.month == 1:
        return str(waarde.year)
    return format_date(waarde, "LLL", locale=_LOCALE[taal or _taal]).rstrip(".")


def datum_kort(waarde: dt.date, taal: str | None = None) -> str:
    """A date as a short axis label: the month's label (see :func:`maand`) on its first day,
    else day and short month.

    >>> import datetime
    >>> datum_kort(datetime.date(2027, 3, 14)), datum_kort(datetime.date(2027, 3, 1))
    ('14 mrt', 'mrt')
    """
    if waarde.day == 1:
        return maand(waarde, taal)
    return format_date(waarde, "d MMM", locale=_LOCALE[taal or _taal]).rstrip(".")


def waarde(x: Any, taal: str | None = None) -> str:
    """Any value of a plan as readers of ``taal`` write it: numbers, dates, ja/nee, text.

    >>> waarde(True), waarde(0.5), waarde(True, taal="en")
    ('ja', '0,5', 'yes')
    """
    taal = taal or _taal
    if isinstance(x, bool):
        return tekst("waarde.ja" if x else "waarde.nee", taal)
    if isinstance(x, int | float):
        return getal(x, taal)
    if isinstance(x, dt.date):
        return datum(x, taal)
    return str(x)


@cache
def _locale(taal: str) -> Locale:
    return Locale.parse(_LOCALE[taal])


class _Opmaak(string.Formatter):
    """``str.format`` that writes each value the way readers of one language do."""

    def __init__(self, taal: str):
        self.taal = taal

    def format_field(self, x: Any, spec: str) -> str:
        if "|" in spec:
            enkel, _, meer = spec.partition("|")
            return enkel if _locale(self.taal).plural_form(abs(x)) == "one" else meer
        if spec == "jaar":
            return str(int(x))
        if spec:
            return super().format_field(x, spec)
        return waarde(x, self.taal)


def _vul_in(ruw: str, waarden: dict[str, Any], taal: str | None) -> str:
    return _Opmaak(taal or _taal).vformat(ruw, (), waarden) if waarden else ruw


def tekst(sleutel: str, taal: str | None = None, **waarden: Any) -> str:
    """The message ``sleutel`` in ``taal`` (default: the current language), filled in."""
    waarden = _labels(waarden, taal)
    ruw = _ruw(sleutel, taal)
    if isinstance(ruw, dict):
        ruw = " ".join(ruw[d] for d in ("wat", "waarom", "hoe") if d in ruw)
    return _vul_in(ruw, waarden, taal)


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
        return {"wat": _vul_in(ruw, waarden, taal)}
    return {deel: _vul_in(t, waarden, taal) for deel, t in ruw.items()}
