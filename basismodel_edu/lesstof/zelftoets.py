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
>>> v.kies("b")
>>> v.goed
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from ..taal.berichten import catalogus, huidige_taal, tekst

__all__ = ["meerkeuze", "vraag", "vragen"]

_LETTERS = "abcdefgh"


def meerkeuze(vraag_: str, opties: Sequence[str], goed: str | int, uitleg: str, hint: str = ""):
    """A multiple-choice question that answers as soon as an option is chosen.

    The options are listed with a letter (a, b, c, ...), as text that wraps however long it is;
    the student picks a letter. ``goed`` is the right option itself or its position (0 is the
    first). ``uitleg`` is shown after the right answer, ``hint`` after a wrong one (it should
    help, not give the answer). Returns an ipywidgets widget; ``.kies(optie)`` chooses an option
    from code (for tests).
    """
    opties = list(opties)
    if len(opties) > len(_LETTERS):
        raise ValueError(tekst("zelftoets.te_veel", aantal=len(_LETTERS)))
    if isinstance(goed, int):
        goed = opties[goed]
    if goed not in opties:
        raise ValueError(tekst("zelftoets.goed_ontbreekt", goed=goed))
    return _widgetklasse()(vraag_, opties, goed, uitleg, hint)


def vraag(sleutel: str):
    """The self-check question ``sleutel`` from the catalogue (e.g. ``"01_1"``) as a widget."""
    delen = _delen(sleutel)
    letters = [k for k in _LETTERS if k in delen]
    opties = [delen[k] for k in letters]
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
        """The question, its lettered options, a button per letter, and the feedback."""

        def __init__(self, vraag_: str, opties: list[str], goed: str, uitleg: str, hint: str):
            self.vraag = vraag_
            self.opties = opties
            self.letters = list(_LETTERS[: len(opties)])
            self.juist = self.letters[opties.index(goed)]
            self.uitleg = uitleg
            self.hint = hint
            lijst = "".join(
                f"<div style='margin:2px 0 2px 1.6em;text-indent:-1.6em'><b>{k})</b> "
                f"{html.escape(o)}</div>"
                for k, o in zip(self.letters, opties, strict=True)
            )
            kop = w.HTML(f"<div><b>{html.escape(vraag_)}</b></div>{lijst}")
            self.keuze = w.ToggleButtons(
                options=self.letters,
                value=None,
                description=tekst("zelftoets.kies"),
                style={"button_width": "3em", "description_width": "initial"},
            )
            self.terugkoppeling = w.HTML("")
            self.keuze.observe(self._beantwoord, names="value")
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
            """Choose ``optie`` (its text, its letter or its position), as a click would."""
            if isinstance(optie, int):
                self.keuze.value = self.letters[optie]
            elif optie in self.opties:
                self.keuze.value = self.letters[self.opties.index(optie)]
            else:
                self.keuze.value = optie

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

        def _repr_mimebundle_(self, **kwargs):
            # ipywidgets cuts the text form after 110 characters; a stored lesson shows it
            # before its cells run, so keep the whole question.
            bundel = super()._repr_mimebundle_(**kwargs)
            if bundel:
                bundel["text/plain"] = repr(self)
            return bundel

        def __repr__(self) -> str:
            # What a reader sees where widgets cannot be shown (and what nbval compares).
            regels = [
                self.vraag,
                *(f"  {k}) {o}" for k, o in zip(self.letters, self.opties, strict=True)),
            ]
            regels.append(tekst("zelftoets.voer_uit"))
            return "\n".join(regels)

    _KLASSE = Meerkeuze
    return Meerkeuze


def _melding(teken: str, kleur: str, achtergrond: str, sleutel: str, uitleg: str) -> str:
    tekst_ = f"{teken} <b>{html.escape(tekst(sleutel))}</b> {html.escape(uitleg)}"
    return (
        f"<div style='color:{kleur};background:{achtergrond};padding:4px 8px;"
        f"border-radius:4px'>{tekst_}</div>"
    )
