"""Many small labels drawn fast: text as glyph outlines, laid out here and filled in one go.

matplotlib lays out and rasterises every ``Text`` on its own, about 2 ms each on a classroom
laptop; a 20-KPI dashboard has some 200 labels, which made drawing it take most of a second
(``benchmarks/meten.py``). Here each character's outline is made once and kept, a label is
those outlines placed side by side by their advance widths, and all labels of one style become
one path that Agg fills in one call. Labels are short (titles, values, dates), so kerning,
ligatures and right-to-left text are not needed; a character the font lacks sends its label to
an ordinary matplotlib ``Text`` instead, so nothing is ever drawn as an empty box.

>>> from matplotlib.figure import Figure
>>> fig = Figure(figsize=(3, 1))
>>> lijn = Tekstpaden(fig, grootte=10)
>>> lijn.schrijf("K1 · Volgers", 0.1, 0.5)
>>> round(lijn.breedte("K1 · Volgers"), 1)  # points
60.0
>>> lijn.klaar()
>>> len(fig.artists), lijn.teksten()
(1, ['K1 · Volgers'])
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Literal

import numpy as np
from matplotlib.font_manager import FontProperties, findfont, get_font
from matplotlib.patches import PathPatch
from matplotlib.path import Path
from matplotlib.textpath import TextPath
from matplotlib.transforms import Affine2D

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["Tekstpaden"]

_REGEL = 1.25  # line height, in font sizes
# Heights above the baseline, in font sizes, of DejaVu Sans's capitals (for va="center"/"top").
_KAPITAAL = 0.73


@cache
def _lettertype(vet: bool):
    return FontProperties(weight="bold" if vet else "normal")


@cache
def _glyph(teken: str, vet: bool) -> tuple[np.ndarray, np.ndarray, float] | None:
    """The outline of one character at 1 pt and its advance width, or None if the font lacks it."""
    prop = _lettertype(vet)
    font = get_font(findfont(prop))
    if teken.strip() and font.get_char_index(ord(teken)) == 0:
        return None
    font.set_size(1000, 72)  # advances read at 1000 pt and scaled: no rounding to whole pixels
    voortgang = font.load_char(ord(teken)).linearHoriAdvance / 65536 / 1000
    if not teken.strip():
        return np.zeros((0, 2)), np.zeros(0, dtype=Path.code_type), voortgang
    pad = TextPath((0, 0), teken, size=1, prop=prop)
    return np.asarray(pad.vertices, float), np.asarray(pad.codes, Path.code_type), voortgang


class Tekstpaden:
    """Labels of one size, weight and colour on ``fig``, placed in inches from its lower left."""

    def __init__(self, fig: Figure, *, grootte: float, vet: bool = False, kleur: str = "#1a1a1a"):
        self.fig, self.grootte, self.vet, self.kleur = fig, grootte, vet, kleur
        self._punten: list[np.ndarray] = []
        self._codes: list[np.ndarray] = []
        self._teksten: list[str] = []

    def breedte(self, tekst: str) -> float:
        """The width of one line of ``tekst`` in points."""
        return sum(g[2] for c in tekst if (g := _glyph(c, self.vet))) * self.grootte

    def schrijf(
        self,
        tekst: str,
        x: float,
        y: float,
        *,
        ha: Literal["left", "center", "right"] = "left",
        va: Literal["baseline", "center", "top", "bottom"] = "baseline",
    ) -> None:
        """Place ``tekst`` (lines split at newlines) with its anchor at ``x, y`` inches."""
        regels = tekst.split("\n")
        if any(_glyph(c, self.vet) is None for c in tekst.replace("\n", "")):
            # A character outside the font: matplotlib's own text finds a fallback font.
            uitlijning = {"baseline": "baseline", "center": "center", "top": "top"}
            self.fig.text(
                x, y, tekst, fontsize=self.grootte, ha=ha, va=uitlijning.get(va, "bottom"),
                fontweight="bold" if self.vet else "normal", color=self.kleur,
                transform=self.fig.dpi_scale_trans,
            )  # fmt: skip
            return
        self._teksten.append(tekst)
        g = self.grootte
        hoogte = (len(regels) - 1) * _REGEL * g
        basis = (
            y * 72
            - {
                "baseline": 0,
                "center": _KAPITAAL * g / 2 - hoogte / 2,
                "top": _KAPITAAL * g,
                "bottom": -0.25 * g - hoogte,
            }[va]
        )
        for r, regel in enumerate(regels):
            breed = self.breedte(regel)
            links = x * 72 - {"left": 0, "center": breed / 2, "right": breed}[ha]
            ry = basis - r * _REGEL * g
            for c in regel:
                punten, codes, voortgang = _glyph(c, self.vet)
                if len(punten):
                    self._punten.append(punten * g + (links, ry))
                    self._codes.append(codes)
                links += voortgang * g

    def teksten(self) -> list[str]:
        """Every label written as outlines (for tests and text alternatives)."""
        return list(self._teksten)

    def klaar(self) -> None:
        """Put all labels on the figure as one filled path."""
        if not self._punten:
            return
        pad = Path(np.concatenate(self._punten), np.concatenate(self._codes))
        self.fig.add_artist(
            PathPatch(
                pad,
                transform=Affine2D().scale(1 / 72) + self.fig.dpi_scale_trans,
                facecolor=self.kleur,
                edgecolor="none",
                gid="tekstpaden",
            )
        )
