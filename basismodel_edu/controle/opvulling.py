"""Placeholder and thin text: an answer that fills a field without answering its question.

A field typed full of ``x`` or ``...`` is not empty, so the completeness rules are satisfied;
these heuristics notice it. They judge the *shape* of the text, not its truth, so the rules built
on them are warnings and count toward a grade only where an exercise selects them.

>>> opvulling("x"), opvulling("..."), opvulling("aaaaaa"), opvulling("asdfgh")
('opvulling', 'opvulling', 'opvulling', 'opvulling')
>>> opvulling("Wij verkopen koffie.", min_woorden=8)
'dun'
>>> opvulling("Wij branden en verkopen eerlijke koffie voor de mensen uit Arnhem.", min_woorden=8)
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["geeft_reden", "opvulling"]

_WOORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")
_KLINKER = re.compile(r"[aeiouyáéíóúàèëïöüâêîôû]", re.IGNORECASE)
# Words students type to get past a field; the shape tests below catch the rest.
_STOPWOORDEN = {
    "test", "testen", "todo", "tbd", "nvt", "n.v.t", "lorem", "ipsum", "bla", "blabla", "asdf",
    "qwerty", "iets", "ok", "oké", "ja", "nee", "weet", "niet", "idk", "x", "xx", "xxx",
}  # fmt: skip


_RIJEN = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _is_onzin(woord: str) -> bool:
    w = woord.lower()
    if len(set(w)) == 1:  # "aaaa", "x"
        return True
    if len(w) >= 4 and any(w in rij for rij in _RIJEN):  # a run along the keyboard: "asdf"
        return True
    # A "word" of four or more letters without a vowel is a keyboard run ("sdfg"), not Dutch.
    return len(w) >= 4 and not _KLINKER.search(w)


# A form re-checks the whole plan on every change, with the same texts: remember the verdicts.
@lru_cache(maxsize=4096)
def opvulling(tekst: str, min_woorden: int = 0) -> str | None:
    """``"opvulling"`` for placeholder text, ``"dun"`` for fewer than ``min_woorden`` words,
    ``None`` for an answer (or an empty field, which the completeness rules report)."""
    t = tekst.strip()
    if not t:
        return None
    woorden = _WOORD.findall(t)
    if not woorden:
        return "opvulling"  # "...", "123", "-": no word at all
    if all(_is_onzin(w) or w.lower() in _STOPWOORDEN for w in woorden):
        return "opvulling"
    if len(woorden) < min_woorden:
        return "dun"
    return None


# Words that carry a reason or evidence; with a figure, they tell an argument from an assertion.
_REDENWOORDEN = {
    "omdat", "want", "doordat", "daardoor", "dus", "sinds", "volgens", "bron", "onderzoek",
    "cijfers", "gemeten", "groeit", "groei", "stijgt", "daalt", "krimpt", "blijkt", "uit",
    "because", "since", "according", "source", "research", "figures", "grows", "shows",
}  # fmt: skip


MIN_WOORDEN_REDEN = 8


@lru_cache(maxsize=4096)
def geeft_reden(tekst: str) -> bool:
    """Whether an explanation gives a reason (a causal word, a figure, or a full sentence of
    eight or more words), not only a short claim.

    >>> geeft_reden("Iedereen zit op Facebook.")
    False
    >>> geeft_reden("Onze klanten (30-50 jaar) zitten op Facebook, volgens Newcom nog 9,9 miljoen.")
    True
    >>> geeft_reden("Een eigen adressenlijst is van ons en hangt niet af van een platform.")
    True
    """
    if opvulling(tekst) is not None or not tekst.strip():
        return False
    if any(c.isdigit() for c in tekst):
        return True
    woorden = _WOORD.findall(tekst)
    # A sentence of some length usually argues in its own words ("Een eigen adressenlijst hangt
    # niet af van een platform."); only a short one without a reason word is a bare claim.
    return len(woorden) >= MIN_WOORDEN_REDEN or any(w.lower() in _REDENWOORDEN for w in woorden)
