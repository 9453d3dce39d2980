"""One input per field of a model: which widget a field gets, how its text is read, its label.

The fields are generated from the model classes in :mod:`basismodel_edu.plan.model` (one source of
truth: a field added to a model appears in its form), with the labels from the catalogue
(``veld.<Model>.<field>``). This module loads ipywidgets, so it is imported only when a form is
asked for.
"""

from __future__ import annotations

import datetime as dt
import html
import types
import typing
from collections.abc import Callable
from typing import Any, Literal

import ipywidgets as widgets
from pydantic import BaseModel

from ..controle.platforms import KANALEN
from ..plan.model import (
    Plan,
)
from ..taal import datums, getallen
from ..taal.berichten import getal, keuze, tekst

__all__ = ["lees_getal", "soort_veld"]

#: Fields that name other parts of the plan by id: (model, field) → the list they choose from.
LINKS: dict[tuple[str, str], str] = {
    ("Doel", "ambitie"): "ambities",
    ("KPI", "doel"): "doelen",
    ("Tactiek", "doelen"): "doelen",
    ("Tactiek", "middelen"): "middelen",
}
#: Free-text fields that offer the package's channel list while still accepting any name.
KANAALVELDEN = {("Middel", "kanaal"), ("KPI", "kanaal")}
#: Texts up to this length get a one-line box; longer ones a text area.
KORT = 200

_LABELBREEDTE = "16em"
_KLEUR = {"fout": "#c62828", "waarschuwing": "#8a5a00", "hint": "#1f5f99", "ok": "#2e7d32"}
_SYMBOOL = {"fout": "✖", "waarschuwing": "⚠", "hint": "ℹ", "ok": "✔"}


def lees_getal(invoer: str) -> float | None:
    """A number as a student types it: ``"12,5"``, ``"1.200"``, ``"1.234,5"`` or empty (``None``).

    The same parser as the model's (:func:`basismodel_edu.taal.getallen.lees_getal`), so a form never
    reads a number differently from a plan file; a euro sign is allowed.

    >>> lees_getal("12,5"), lees_getal("1.234,5"), lees_getal(" "), lees_getal("€ 1.200")
    (12.5, 1234.5, None, 1200.0)

    Raises :class:`~basismodel_edu.taal.getallen.GetalFout` (a ``ValueError``) with a message that
    says what is wrong, e.g. both readings of ``"1.5"``.
    """
    t = invoer.replace("€", "").strip()
    if not t:
        return None
    return getallen.lees_getal(t)


def _getal_tekst(x: float | None) -> str:
    if x is None:
        return ""
    return getal(x)


def _regels(t: str) -> list[str]:
    """The values of a one-per-line field: lines stripped, empty lines and repeats left out.

    >>> _regels("Lokaal\\n Eerlijk \\n\\nLokaal\\n")
    ['Lokaal', 'Eerlijk']
    """
    uit: list[str] = []
    for regel in t.splitlines():
        regel = regel.strip()
        if regel and regel not in uit:
            uit.append(regel)
    return uit


def _kort(t: str, n: int = 50) -> str:
    t = " ".join(t.split())
    return t if len(t) <= n else t[: n - 1] + "…"


def _label(model: type[BaseModel], naam: str) -> str:
    try:
        return tekst(f"veld.{model.__name__}.{naam}")
    except KeyError:  # a new field without a label still appears, under its own name
        return naam.replace("_", " ")


def _zonder_none(annotatie: Any) -> tuple[Any, bool]:
    """(the type inside ``X | None``, whether None was allowed)."""
    if typing.get_origin(annotatie) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotatie) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotatie, False


def _kaal(annotatie: Any) -> Any:
    while typing.get_origin(annotatie) is typing.Annotated:
        annotatie = typing.get_args(annotatie)[0]
    return annotatie


def _max_lengte(info: Any) -> int | None:
    for m in info.metadata:
        if getattr(m, "max_length", None) is not None:
            return m.max_length
    return None


def soort_veld(model: type[BaseModel], naam: str) -> str:
    """Which kind of input a model field gets: text, textarea, getal, datum, janee, keuze,
    kanaal, tags, link, links, lijst or id. Unknown types raise ``TypeError`` (so a new kind of
    field is noticed by the tests, not by a student)."""
    info = model.model_fields[naam]
    if naam == "id":
        return "id"
    link = LINKS.get((model.__name__, naam))
    if link:
        return "links" if typing.get_origin(info.annotation) is list else "link"
    if (model.__name__, naam) in KANAALVELDEN:
        return "kanaal"
    binnen, _ = _zonder_none(info.annotation)
    binnen = _kaal(binnen)
    if typing.get_origin(binnen) is Literal:
        return "keuze"
    if binnen is bool:
        return "janee"
    if binnen is float or binnen is int:
        return "getal"
    if binnen is dt.date:
        return "datum"
    if binnen is str:
        lengte = _max_lengte(info)
        return "text" if lengte is not None and lengte <= KORT else "textarea"
    if typing.get_origin(binnen) is list:
        element = _kaal(typing.get_args(binnen)[0])
        if isinstance(element, type) and issubclass(element, BaseModel):
            return "lijst"
        if element is str:
            return "tags"
    raise TypeError(f"no form input for {model.__name__}.{naam}: {info.annotation!r}")


def _literal_waarden(model: type[BaseModel], naam: str) -> tuple[tuple[Any, ...], bool]:
    binnen, met_none = _zonder_none(model.model_fields[naam].annotation)
    return typing.get_args(_kaal(binnen)), met_none


class _Veld:
    """One labelled input for one model field: turns widget values into model values and back."""

    def __init__(self, model: type[BaseModel], naam: str, bij_wijziging: Callable[[str], None]):
        self.model = model
        self.naam = naam
        self.soort = soort_veld(model, naam)
        self._bij_wijziging = bij_wijziging
        self._stil = False
        #: The model object the field's form holds now (for "the plan keeps ..." messages).
        self._bewaard: BaseModel | None = None
        self.melding = widgets.HTML(layout=widgets.Layout(margin="0 0 0 " + _LABELBREEDTE))
        self.invoer = self._maak()
        self.invoer.observe(self._gewijzigd, "value")
        # The visible label is the widget's own description: ipywidgets ties it to the input
        # (<label for=...>), so it is also the field's accessible name. A separate HTML label
        # beside the input was a name for sighted readers only (axe: label, select-name).
        self.invoer.description = _label(model, naam)
        self.invoer.description_allow_html = False
        self.invoer.style.description_width = _LABELBREEDTE
        self.rij = widgets.VBox([self.invoer, self.melding], layout=widgets.Layout(margin="2px 0"))
        self.invoer.add_class("bm-veld")
        self.invoer.add_class(f"bm-veld-{model.__name__}-{naam}")

    def _maak(self) -> widgets.Widget:
        # Widths hold the label (16em) and the input together.
        breed = widgets.Layout(width="48em")
        smal = widgets.Layout(width="28em")
        keuzebreed = widgets.Layout(width="48em")
        s = self.soort
        if s == "textarea":
            return widgets.Textarea(layout=widgets.Layout(width="48em", height="4.5em"))
        if s == "text":
            return widgets.Text(layout=breed)
        if s == "kanaal":
            return widgets.Combobox(options=list(KANALEN), ensure_option=False, layout=breed)
        if s == "getal":
            return widgets.Text(placeholder=tekst("form.getal_hulp"), layout=smal)
        if s == "datum":
            # A text field, not DatePicker: the browser's date input follows the browser's
            # locale (mm/dd/yyyy) and silently stored another date for "31-02-2027".
            return widgets.Text(placeholder=tekst("form.datum_hulp"), layout=smal)
        if s == "janee":
            return widgets.Dropdown(
                options=[
                    (tekst("form.keuze.onbekend"), ""),
                    (tekst("form.keuze.ja"), "ja"),
                    (tekst("form.keuze.nee"), "nee"),
                ],
                value="",
                layout=keuzebreed,
            )
        if s == "keuze":
            waarden, met_none = _literal_waarden(self.model, self.naam)
            opties = [(keuze(w), w) for w in waarden]
            if met_none:
                opties.insert(0, (tekst("form.keuze.leeg"), ""))
            return widgets.Dropdown(options=opties, value=opties[0][1], layout=keuzebreed)
        if s == "tags":
            # One value per line in a text area, not TagsInput: inside a JupyterLab notebook
            # Enter never reached TagsInput (ipywidgets #3950, #3982), so typed values ran
            # together into one tag. A text area gets every key, Enter included, in JupyterLab
            # and Voila alike, and is one ordinary Tab stop.
            return widgets.Textarea(
                placeholder=tekst("form.lijst_hulp"),
                layout=widgets.Layout(width="48em", height="4.5em"),
            )
        if s == "link":
            return widgets.Dropdown(
                options=[(tekst("form.keuze.leeg"), "")], value="", layout=keuzebreed
            )
        if s == "links":
            return widgets.SelectMultiple(options=[], rows=4, layout=breed)
        raise TypeError(s)

    # widget value → model value
    def _naar_model(self, w: Any) -> Any:
        s = self.soort
        if s == "getal":
            return lees_getal(w)
        if s == "datum":
            return datums.lees_datum(w, verplicht=not self._mag_leeg())
        if s == "tags":
            return _regels(w)
        if s == "janee":
            return {"": None, "ja": True, "nee": False}[w]
        if s == "keuze":
            return None if w == "" else w
        if s == "links":
            return list(w)
        return w

    def _mag_leeg(self) -> bool:
        return _zonder_none(self.model.model_fields[self.naam].annotation)[1]

    # model value → widget value
    def _naar_widget(self, v: Any) -> Any:
        s = self.soort
        if s == "getal":
            return _getal_tekst(v)
        if s == "janee":
            return {None: "", True: "ja", False: "nee"}[v]
        if s == "keuze":
            return "" if v is None else v
        if s == "links":
            return tuple(v)
        if s == "tags":
            return "\n".join(v)
        if s == "datum":
            return datums.schrijf_datum(v)
        return v

    def zet(self, waarde: Any) -> None:
        """Show the model value ``waarde`` without reporting it back as a change."""
        nieuw = self._naar_widget(waarde)
        if self.soort in ("getal", "datum", "tags"):
            # Keep what the student typed ("12,50", "1-9-2027", a list ending in a new empty
            # line) when it already means this value: rewriting it would move the cursor.
            try:
                if self._naar_model(self.invoer.value) == waarde:
                    self.melding.value = ""
                    return
            except ValueError:
                pass
        if self.soort in ("link", "links"):
            self._zorg_voor_opties(nieuw)
        self._stil = True
        try:
            if self.invoer.value != nieuw:
                self.invoer.value = nieuw
            self.melding.value = ""
        finally:
            self._stil = False

    def _gewijzigd(self, change: dict[str, Any]) -> None:
        if self._stil:
            return
        self._bij_wijziging(self.naam)

    def lees(self) -> Any:
        """The widget's value as the model wants it; ``ValueError`` with a message if it can't."""
        try:
            return self._naar_model(self.invoer.value)
        except getallen.GetalFout as e:
            raise ValueError(str(e)) from None
        except datums.DatumFout as e:
            # Say what the plan still holds, so an invalid date never looks saved.
            raise ValueError(f"{e} {self._niet_bewaard()}") from None
        except ValueError:
            raise ValueError(tekst("form.geen_getal", invoer=self.invoer.value)) from None

    def _niet_bewaard(self) -> str:
        vorige = getattr(self._bewaard, self.naam, None) if self._bewaard is not None else None
        tekst_vorige = datums.schrijf_datum(vorige) if self.soort == "datum" else str(vorige)
        return tekst("form.niet_bewaard_veld", vorige=tekst_vorige or "—")

    def toon_fout(self, bericht: str) -> None:
        self.melding.value = (
            f"<span style='color:{_KLEUR['fout']}'>{html.escape(bericht)}</span>" if bericht else ""
        )

    # --- links: the list of ids to choose from --------------------------------------------

    def _zorg_voor_opties(self, huidig: Any) -> None:
        """Make sure the current value is among the options (a removed id stays visible)."""
        ids = {w for _, w in self.invoer.options}
        nodig = [huidig] if self.soort == "link" else list(huidig)
        ontbreekt = [i for i in nodig if i and i not in ids]
        if ontbreekt:
            self._zet_opties(
                [
                    *self.invoer.options,
                    *((tekst("form.keuze.bestaat_niet", id=i), i) for i in ontbreekt),
                ]
            )

    def zet_keuzes(self, keuzes: list[tuple[str, str]]) -> None:
        """Offer these (label, id) pairs; an id the value still names but the plan lost stays,
        marked as no longer existing, so nothing the student chose disappears unseen."""
        huidig = self.invoer.value
        bekend = {i for _, i in keuzes}
        opties = list(keuzes)
        nodig = [huidig] if self.soort == "link" else list(huidig)
        opties += [
            (tekst("form.keuze.bestaat_niet", id=i), i) for i in nodig if i and i not in bekend
        ]
        if self.soort == "link":
            opties.insert(0, (tekst("form.keuze.leeg"), ""))
        self._zet_opties(opties)

    def _zet_opties(self, opties: list[tuple[str, str]]) -> None:
        if tuple(opties) == tuple(self.invoer.options):
            return
        huidig = self.invoer.value
        self._stil = True
        try:
            self.invoer.options = opties
            self.invoer.value = huidig  # a new option list resets the choice; put it back
        finally:
            self._stil = False


def _keuzes(plan: Plan | None) -> dict[str, list[tuple[str, str]]]:
    """For every kind of link, the (label, id) pairs the plan offers."""
    if plan is None:
        return {"ambities": [], "doelen": [], "middelen": []}
    return {
        "ambities": [(f"{a.id} — {_kort(a.tekst, 40)}", a.id) for a in plan.visie.ambities],
        "doelen": [(f"{d.id} — {_kort(d.omschrijving, 40)}", d.id) for d in plan.doelen],
        "middelen": [(f"{m.id} — {_kort(m.naam or m.kanaal, 40)}", m.id) for m in plan.middelen],
    }
