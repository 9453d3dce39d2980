"""Numbers as a Dutch student types them: one parser for the model, the forms and the CLI.

In Dutch the comma is the decimal sign and the dot groups thousands, so ``"1.100"`` is eleven
hundred, not one point one (which is what Python's ``float("1.100")`` makes of it). A text that
reads one way in Dutch and another way in English is refused rather than guessed:

>>> lees_getal("1.100")
1100.0
>>> lees_getal("1.100,50")
1100.5
>>> lees_getal("1,5")
1.5
>>> lees_getal("1.5")
Traceback (most recent call last):
...
basismodel_edu.taal.getallen.GetalFout: '1.5' is niet eenduidig: ...

Analytics exports keep the conventions of their own language; :mod:`.importeren` reads those.
"""

from __future__ import annotations

import re

from .berichten import tekst

__all__ = ["GetalFout", "lees_getal"]

# Groups of three after the first one to three digits: "1.100", "12.400.000".
_DUIZENDTALLEN = re.compile(r"\d{1,3}(?:\.\d{3})+")
_GEHEEL = re.compile(r"\d+")
_KOMMA = re.compile(r"(\d+|\d{1,3}(?:\.\d{3})+),(\d+)")
_PUNT = re.compile(r"(\d+)\.(\d+)")


class GetalFout(ValueError):
    """A text that is not a number, or not one number: ``soort`` is ``"geen"`` or ``"dubbelzinnig"``.

    ``lezingen`` holds the two ways an ambiguous text can be read (for the message).
    """

    def __init__(self, invoer: str, soort: str, lezingen: tuple[str, str] = ("", "")):
        self.invoer = invoer
        self.soort = soort
        self.lezingen = lezingen
        if soort == "dubbelzinnig":
            bericht = tekst(
                "getal.dubbelzinnig", invoer=repr(invoer), lezing1=lezingen[0], lezing2=lezingen[1]
            )
        else:
            bericht = tekst("getal.geen", invoer=repr(invoer))
        super().__init__(bericht)


def lees_getal(invoer: str) -> float:
    """The number a Dutch text stands for; :class:`GetalFout` when it is none or ambiguous.

    Accepted: ``"2000"``, ``"-3"``, ``"1.100"`` (thousands dot), ``"1,5"`` (decimal comma),
    ``"1.100,50"`` (both), with spaces around. Refused as ambiguous: a dot followed by other
    than groups of three digits (``"1.5"``, ``"0.25"``), which only English reads as a decimal.

    >>> lees_getal(" 12.400 ")
    12400.0
    >>> lees_getal("veel")
    Traceback (most recent call last):
    ...
    basismodel_edu.taal.getallen.GetalFout: 'veel' is geen getal: ...
    """
    ruw = invoer
    # Spaces (also the non-breaking ones spreadsheets paste) sometimes group thousands too.
    t = invoer.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    teken = ""
    if t[:1] in "+-" and t[:1]:
        teken, t = ("-" if t[0] == "-" else ""), t[1:]
    if _GEHEEL.fullmatch(t):
        return float(teken + t)
    if _DUIZENDTALLEN.fullmatch(t):
        return float(teken + t.replace(".", ""))
    m = _KOMMA.fullmatch(t)
    if m:
        return float(f"{teken}{m.group(1).replace('.', '')}.{m.group(2)}")
    m = _PUNT.fullmatch(t)
    if m:
        geheel, rest = m.groups()
        als_komma = f"{teken}{geheel},{rest}"
        als_duizendtal = f"{teken}{int(geheel + rest)}"
        raise GetalFout(ruw, "dubbelzinnig", (als_komma, als_duizendtal))
    raise GetalFout(ruw, "geen")
