"""Self-check questions for the lessons: pick an answer, get feedback at once, no grade.

A lesson cell stays one line::

    from basismodel_edu.zelftoets import vraag
    vraag("01_1")

The question, its options, the right option, the explanation and the hint all live in the
catalogue (``catalogus/lessen.toml``, key ``zelftoets.01_1``), in Dutch and English, like every
other text a student reads. :func:`meerkeuze` builds the same widget from texts of your own.

Nothing is stored or counted: a self-check is for the student, not for a grade.

>>> v = meerkeuze("Hoeveel lagen heeft het basismodel?", ["twee", "vier"], "vier", "Missie, visie, strategie, KPI's.")
>>> v.kies("twee")
>>> v.goed
False
>>> v.kies("vier")
>>> v.goed
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from .berichten import catalogus, huidige_taal, tekst

__all__ = ["meerkeuze", "vraag", "vragen"]

_LETTERS = "abcdefgh"


def meerkeuze(vraag_: str, opties: Sequence[str], goed: str | int, uitleg: str, hint: str = ""):
    """A multiple-choice question that answers as soon as an option is chosen.

    ``goed`` is the right option itself or its position (0 is the first). ``uitleg`` is shown
    after the right answer, ``hint`` after a wrong one (it should help, not give the answer).
    Returns an ipywidgets widget; ``.kies(optie)`` chooses an option from code (for tests).
    """
    opties = list(opties)
    if isinstance(goed, int):
        goed = opties[goed]
    if goed not in opties:
        raise ValueError(tekst("zelftoets.goed_ontbreekt", goed=goed))
    return _widgetklasse()(vraag_, opties, goed, uitleg, hint)


def vraag(sleutel: str):
    """The self-check question ``sleutel`` from the catalogue (e.g. ``"01_1"``) as a widget."""
    delen = _delen(sleutel)
    letters = [k for k in _LETTERS if k in delen]
    # The letters stay in front of the options: explanations may refer to "b".
    opties = [f"{k}) {delen[k]}" for k in letters]
    goed = letters.index(delen["goed"].strip())
    return meerkeuze(delen["vraag"], opties, goed, delen["uitleg"], delen.get("hint", ""))


def vragen(les: str) -> list[str]:
    """The keys of all self-check questions of lesson ``les`` (``"01"``), in order."""
    voorvoegsel = f"zelftoets.{les}_"
    return sorted(k.removeprefix("zelftoets.") for k in catalogus() if k.startswith(voorvoegsel))


def _delen(sleutel: str) -> dict[str, str]:
    invoer = catalogus().get(f"zelftoets.{sleutel}")
    if invoer is None:
        raise KeyError(tekst("zelftoets.onbekend", naam=sleutel))
    return invoer.get(huidige_taal()) or invoer["nl"]


_KLASSE = None


def _widgetklasse():
    # Built on first use, so that importing this module does not import ipywidgets.
    global _KLASSE
    if _KLASSE is not None:
        return _KLASSE
    import ipywidgets as w

    class Meerkeuze(w.VBox):
        """The question, its options as radio buttons, and the feedback under them."""

        def __init__(self, vraag_: str, opties: list[str], goed: str, uitleg: str, hint: str):
            self.vraag = vraag_
            self.opties = opties
            self.juist = goed
            self.uitleg = uitleg
            self.hint = hint
            self.keuze = w.RadioButtons(options=opties, value=None, layout=w.Layout(width="auto"))
            self.terugkoppeling = w.HTML("")
            self.keuze.observe(self._beantwoord, names="value")
            kop = w.HTML(f"<b>❓ {html.escape(vraag_)}</b>")
            super().__init__(
                [kop, self.keuze, self.terugkoppeling],
                layout=w.Layout(border="1px solid #b0b7c3", padding="6px 10px", margin="8px 0"),
            )

        @property
        def goed(self) -> bool | None:
            """True or False once an option is chosen, None before."""
            if self.keuze.value is None:
                return None
            return self.keuze.value == self.juist

        def kies(self, optie: str | int) -> None:
            """Choose ``optie`` (the text or its position), as a student clicking it would."""
            self.keuze.value = self.opties[optie] if isinstance(optie, int) else optie

        def _beantwoord(self, _wijziging=None) -> None:
            if self.goed is None:
                self.terugkoppeling.value = ""
            elif self.goed:
                self.terugkoppeling.value = _melding(
                    "✔", "#1b5e20", "#e8f5e9", "zelftoets.goed", self.uitleg
                )
            else:
                self.terugkoppeling.value = _melding(
                    "✖", "#8a1c1c", "#fdecea", "zelftoets.fout", self.hint
                )

        def __repr__(self) -> str:
            # What a reader sees where widgets cannot be shown (and what nbval compares).
            regels = [f"❓ {self.vraag}", *(f"  ○ {o}" for o in self.opties)]
            return "\n".join(regels)

    _KLASSE = Meerkeuze
    return Meerkeuze


def _melding(teken: str, kleur: str, achtergrond: str, sleutel: str, uitleg: str) -> str:
    tekst_ = f"{teken} <b>{html.escape(tekst(sleutel))}</b> {html.escape(uitleg)}"
    return (
        f"<div style='color:{kleur};background:{achtergrond};padding:4px 8px;"
        f"border-radius:4px'>{tekst_}</div>"
    )
