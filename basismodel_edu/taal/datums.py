"""Dates as a Dutch student writes them: ``31-12-2027``, ``1-9-2027`` or ``31/12/2027``.

One parser for every date field of a form, so a typed date is never read differently from how
it is shown. A browser's own date field follows the browser's locale (``mm/dd/yyyy`` on an
English system) and silently turned ``31-02-2027`` or ``15032027`` into another date; this
parser refuses what is impossible or ambiguous instead, with a message saying why.
"""

from __future__ import annotations

import datetime as dt
import re

from .berichten import tekst

__all__ = ["DatumFout", "lees_datum", "schrijf_datum"]

# Day, month and a four-digit year, split by one kind of separator ("-", "/" or ".").
_DATUM = re.compile(r"(\d{1,2})([-/.])(\d{1,2})\2(\d{4})")
# A year first ("2027-13-01"): ISO order, which a Dutch student does not type; refused with a
# message that shows the Dutch order rather than guessed.
_JAAR_EERST = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")


class DatumFout(ValueError):
    """A text that is no date: ``soort`` is ``"vorm"`` (not dd-mm-jjjj), ``"jaar_eerst"``,
    ``"bestaat_niet"`` (like 31-02-2027) or ``"leeg"`` (empty where a date is required)."""

    def __init__(self, invoer: str, soort: str):
        self.invoer = invoer
        self.soort = soort
        super().__init__(tekst(f"datum.{soort}", invoer=repr(invoer)))


def lees_datum(invoer: str, *, verplicht: bool = False) -> dt.date | None:
    """The date a Dutch text stands for, ``None`` for an empty text; :class:`DatumFout` otherwise.

    >>> lees_datum("31-12-2027"), lees_datum("1/9/2027"), lees_datum(" ")
    (datetime.date(2027, 12, 31), datetime.date(2027, 9, 1), None)
    >>> lees_datum("31-02-2027")
    Traceback (most recent call last):
    ...
    basismodel_edu.taal.datums.DatumFout: ✖ '31-02-2027' bestaat niet: die maand heeft minder dagen. Typ de datum als dd-mm-jjjj, bijvoorbeeld 31-12-2027.

    Digits without separators (``"15032027"``) and a year first (``"2027-03-15"``) are refused:
    both can be read in more than one way by someone, and a wrong guess stores another date.
    """
    t = invoer.strip()
    if not t:
        if verplicht:
            raise DatumFout(invoer, "leeg")
        return None
    m = _DATUM.fullmatch(t)
    if not m:
        raise DatumFout(invoer, "jaar_eerst" if _JAAR_EERST.fullmatch(t) else "vorm")
    dag, maand, jaar = int(m.group(1)), int(m.group(3)), int(m.group(4))
    try:
        return dt.date(jaar, maand, dag)
    except ValueError:
        raise DatumFout(invoer, "bestaat_niet") from None


def schrijf_datum(d: dt.date | None) -> str:
    """A date as a form shows it and :func:`lees_datum` reads it back: ``dd-mm-jjjj``.

    >>> schrijf_datum(dt.date(2027, 9, 1)), schrijf_datum(None)
    ('01-09-2027', '')
    """
    if d is None:
        return ""
    # The input format, not a date for reading (that is berichten.datum): fixed digits, so
    # what the form shows is exactly what the parser takes back.
    return f"{d.day:02d}-{d.month:02d}-{d.year:04d}"
