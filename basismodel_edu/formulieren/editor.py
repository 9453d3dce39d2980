"""Forms for every layer of the basismodel, and a whole-plan editor with live feedback.

Every form is an ipywidgets widget with one two-way ``value``: set it and the fields follow; type
in a field and ``value`` follows. A layer's ``value`` is a model object (:class:`Missie`,
:class:`Visie`) or a list of them (goals, tactics, means, KPIs); a dict is accepted too.

The fields are generated from the model classes in :mod:`basismodel_edu.model` (one source of
truth: a field added to a model appears in its form), with the labels from the catalogue
(``veld.<Model>.<field>``)::

    from basismodel_edu import bewerk
    bewerk("mijn-plan.json")   # the whole plan, saved on every change
    bewerk("missie.json", lagen=["missie"])   # only the mission, only the mission's rules

This module loads ipywidgets, so it is imported only when a form is asked for.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import types
import typing
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar, Literal

import ipywidgets as widgets
import traitlets
from pydantic import BaseModel

from ..controle.motor import LAGEN, Uitslag, controleer, kies_regels
from ..controle.platforms import KANALEN
from ..plan.bestand import bewaar_plan, laad_plan
from ..plan.model import (
    KPI,
    Ambitie,
    Doel,
    Middel,
    Missie,
    Organisatie,
    Plan,
    PlanFout,
    Tactiek,
    Visie,
)
from ..taal import datums, getallen, sjabloon
from ..taal.berichten import getal, keuze, tekst

__all__ = [
    "DoelenFormulier",
    "KPIFormulier",
    "MiddelenFormulier",
    "MissieFormulier",
    "PlanEditor",
    "TactiekenFormulier",
    "VisieFormulier",
    "bewerk",
    "lees_getal",
]

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


class _ModelFormulier(widgets.VBox):
    """A form for one model object: one input per field, one two-way ``value``."""

    model: ClassVar[type[BaseModel]]
    #: Fields not shown as inputs (an item's id is shown in its title instead).
    verborgen: ClassVar[tuple[str, ...]] = ()
    #: When set, only these fields (in this order).
    alleen: ClassVar[tuple[str, ...] | None] = None

    value = traitlets.Any()

    def __init__(self, value: Any = None, *, plan: Plan | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self._van_widget = False
        self.velden: dict[str, _Veld] = {}
        self.lijsten: dict[str, _LijstFormulier] = {}
        rijen = []
        namen = self.alleen or tuple(self.model.model_fields)
        for naam in namen:
            if naam in self.verborgen:
                continue
            if soort_veld(self.model, naam) == "lijst":
                lijst = _lijst_voor(self.model, naam)(plan=plan)
                lijst.observe(lambda _c, n=naam: self._veld_gewijzigd(n), "value")
                self.lijsten[naam] = lijst
                kop = widgets.HTML(f"<b>{html.escape(_label(self.model, naam))}</b>")
                rijen.append(widgets.VBox([kop, lijst], layout=widgets.Layout(margin="6px 0")))
            else:
                veld = _Veld(self.model, naam, self._veld_gewijzigd)
                self.velden[naam] = veld
                rijen.append(veld.rij)
        self.children = rijen
        self.zet_keuzes(_keuzes(plan))
        self.value = self._nieuw() if value is None else value
        self._toon(self.value)
        self.observe(self._waarde_gezet, "value")

    def _nieuw(self) -> BaseModel:
        return self.model()

    @traitlets.validate("value")
    def _valideer(self, voorstel: dict[str, Any]) -> BaseModel:
        v = voorstel["value"]
        if isinstance(v, self.model):
            return v
        if isinstance(v, dict):
            return self.model(**v)
        raise traitlets.TraitError(f"{type(self).__name__}.value must be a {self.model.__name__}")

    def _waarde_gezet(self, change: dict[str, Any]) -> None:
        if not self._van_widget:
            self._toon(change["new"])

    def _toon(self, obj: BaseModel) -> None:
        for naam, veld in self.velden.items():
            veld._bewaard = obj
            veld.zet(getattr(obj, naam))
        for naam, lijst in self.lijsten.items():
            lijst._van_ouder = True
            try:
                lijst.value = list(getattr(obj, naam))
            finally:
                lijst._van_ouder = False

    def _veld_gewijzigd(self, naam: str) -> None:
        if naam in self.lijsten:
            if self.lijsten[naam]._van_ouder:
                return
            waarde = list(self.lijsten[naam].value)
            veld = None
        else:
            veld = self.velden[naam]
            try:
                waarde = veld.lees()
            except ValueError as e:
                veld.toon_fout(str(e))
                return
        nieuw = self.value.model_copy()
        try:
            setattr(nieuw, naam, waarde)
        except PlanFout as e:
            if veld is not None:
                veld.toon_fout(tekst("form.ongeldig", bericht=e.fouten[0][1]))
            return
        if veld is not None:
            veld.toon_fout("")
        for v in self.velden.values():
            v._bewaard = nieuw
        self._van_widget = True
        try:
            self.value = nieuw
        finally:
            self._van_widget = False

    def zet_keuzes(
        self, keuzes: dict[str, list[tuple[str, str]]], soorten: Iterable[str] | None = None
    ) -> None:
        """Refresh the lists that link fields choose from (ambitions, goals, means); with
        ``soorten``, only the link fields that choose from those lists."""
        soorten = set(keuzes if soorten is None else soorten)
        for naam, veld in self.velden.items():
            soort = LINKS.get((self.model.__name__, naam))
            if soort in soorten:
                veld.zet_keuzes(keuzes[soort])
        for lijst in self.lijsten.values():
            lijst.zet_keuzes(keuzes, soorten)


class _Item(_ModelFormulier):
    """One item of a list (a goal, a KPI, ...): its fields and a button to remove it."""

    verborgen = ("id",)


class _Vouwlijst(widgets.VBox):
    """Items that open and close, each behind a real button: Tab reaches it, Enter and Space
    open it, and its text is its accessible name.

    ipywidgets' Accordion opens an item on a click on a ``<div>`` outside the Tab order, so a
    student on the keyboard never reached the fields of a closed item. The interface follows
    Accordion's (``children``, ``titles``, ``selected_index``) so the list form is unchanged.
    """

    def __init__(self) -> None:
        super().__init__()
        self._items: tuple[widgets.Widget, ...] = ()
        self._knoppen: list[widgets.Button] = []
        self._titels: tuple[str, ...] = ()
        self._open: int | None = None

    @property
    def items(self) -> tuple[widgets.Widget, ...]:
        return self._items

    def zet_items(self, items: Iterable[widgets.Widget], titels: Iterable[str]) -> None:
        self._items = tuple(items)
        self._knoppen = []
        rijen = []
        for i, item in enumerate(self._items):
            knop = widgets.Button(layout=widgets.Layout(width="auto"))
            knop.add_class("bm-vouwknop")
            knop.on_click(lambda _b, i=i: self.kies(None if self._open == i else i))
            self._knoppen.append(knop)
            rijen.append(widgets.VBox([knop, item]))
        self.children = rijen
        if self._open is not None and self._open >= len(self._items):
            self._open = None
        self.titles = tuple(titels)

    @property
    def titles(self) -> tuple[str, ...]:
        return self._titels

    @titles.setter
    def titles(self, titels: Iterable[str]) -> None:
        self._titels = tuple(titels)
        self._toon()

    @property
    def selected_index(self) -> int | None:
        return self._open

    @selected_index.setter
    def selected_index(self, i: int | None) -> None:
        self.kies(i)

    def kies(self, i: int | None) -> None:
        """Open item ``i`` (and close the others); ``None`` closes all."""
        self._open = i
        self._toon()

    def _toon(self) -> None:
        for i, (knop, item) in enumerate(zip(self._knoppen, self._items, strict=True)):
            open_ = i == self._open
            titel = self._titels[i] if i < len(self._titels) else ""
            knop.description = f"{'▾' if open_ else '▸'} {titel}"
            item.layout.display = None if open_ else "none"


class _LijstFormulier(widgets.VBox):
    """A list of items of one model, each in its own fold, with buttons to add and remove."""

    item_model: ClassVar[type[BaseModel]]
    titelveld: ClassVar[str] = "omschrijving"
    voorvoegsel: ClassVar[str] = "X"

    value = traitlets.List()

    def __init__(self, value: Iterable[Any] | None = None, *, plan: Plan | None = None, **kw: Any):
        super().__init__(**kw)
        self._van_widget = False
        self._van_ouder = False
        self._keuzes = _keuzes(plan)
        self.items: list[_ModelFormulier] = []
        self.vouwen = _Vouwlijst()
        self.leeg = widgets.HTML(f"<i>{html.escape(tekst('form.leeg_lijst'))}</i>")
        self.knop_toevoegen = widgets.Button(
            description=tekst(f"form.toevoegen.{self.item_model.__name__}"),
            layout=widgets.Layout(width="auto"),
        )
        self.knop_toevoegen.on_click(lambda _b: self.voeg_toe())
        self.children = [self.leeg, self.vouwen, self.knop_toevoegen]
        self.value = list(value or [])
        self._bouw()
        self.observe(self._waarde_gezet, "value")

    @traitlets.validate("value")
    def _valideer(self, voorstel: dict[str, Any]) -> list[BaseModel]:
        uit = []
        for v in voorstel["value"]:
            if isinstance(v, dict):
                v = self.item_model(**v)
            if not isinstance(v, self.item_model):
                raise traitlets.TraitError(
                    f"{type(self).__name__}.value holds {self.item_model.__name__} items"
                )
            uit.append(v)
        return uit

    def _nieuw_id(self) -> str:
        bezet = {v.id for v in self.value}
        n = len(self.value) + 1
        while f"{self.voorvoegsel}{n}" in bezet:
            n += 1
        return f"{self.voorvoegsel}{n}"

    def voeg_toe(self) -> BaseModel:
        """Add an empty item with a fresh id, open it, and return it."""
        item = self.item_model(id=self._nieuw_id())
        self.value = [*self.value, item]
        self.vouwen.selected_index = len(self.value) - 1
        return item

    def verwijder(self, id_: str) -> None:
        """Remove the item with this id (links to it are then reported by the checker)."""
        self.value = [v for v in self.value if v.id != id_]

    def _titel(self, v: BaseModel) -> str:
        return tekst(
            f"form.item.{self.item_model.__name__}",
            id=v.id,
            tekst=_kort(getattr(v, self.titelveld, "") or "…", 60),
        )

    def _bouw(self) -> None:
        """Make one item form per item (only when the list of items itself changed)."""
        items = []
        for i, v in enumerate(self.value):
            form = _item_klasse(self.item_model)(value=v)
            form.zet_keuzes(self._keuzes)
            weg = widgets.Button(
                description=tekst("form.verwijderen", id=v.id),
                layout=widgets.Layout(width="auto"),
            )
            weg.on_click(lambda _b, id_=v.id: self.verwijder(id_))
            form.children = (*form.children, weg)
            form.observe(lambda c, i=i: self._item_gewijzigd(i, c["new"]), "value")
            items.append(form)
        self.items = items
        self.vouwen.zet_items(items, (self._titel(v) for v in self.value))
        self.leeg.layout.display = "none" if self.value else None

    def _waarde_gezet(self, change: dict[str, Any]) -> None:
        if self._van_widget:
            return
        oud, nieuw = change["old"], change["new"]
        if [v.id for v in oud] == [v.id for v in nieuw] and len(self.items) == len(nieuw):
            for form, v in zip(self.items, nieuw, strict=True):
                form.value = v
            self.vouwen.titles = tuple(self._titel(v) for v in nieuw)
        else:
            self._bouw()

    def _item_gewijzigd(self, i: int, item: BaseModel) -> None:
        if self.items[i].value is not item:
            return
        nieuw = list(self.value)
        nieuw[i] = item
        titels = list(self.vouwen.titles)
        titels[i] = self._titel(item)
        self.vouwen.titles = tuple(titels)
        self._van_widget = True
        try:
            self.value = nieuw
        finally:
            self._van_widget = False

    def zet_keuzes(
        self, keuzes: dict[str, list[tuple[str, str]]], soorten: Iterable[str] | None = None
    ) -> None:
        """Refresh what link fields of every item choose from (see _ModelFormulier)."""
        self._keuzes = keuzes
        for form in self.items:
            form.zet_keuzes(keuzes, soorten)


_ITEMKLASSEN: dict[type[BaseModel], type[_ModelFormulier]] = {}


def _item_klasse(model: type[BaseModel]) -> type[_ModelFormulier]:
    if model not in _ITEMKLASSEN:
        _ITEMKLASSEN[model] = type(f"{model.__name__}Item", (_Item,), {"model": model})
    return _ITEMKLASSEN[model]


def _lijst_voor(model: type[BaseModel], naam: str) -> type[_LijstFormulier]:
    """The list form for a field that holds a list of models (the vision's ambitions)."""
    element = _kaal(typing.get_args(_kaal(model.model_fields[naam].annotation))[0])
    for klasse in (AmbitiesFormulier, DoelenFormulier, TactiekenFormulier, MiddelenFormulier):
        if klasse.item_model is element:
            return klasse
    raise TypeError(f"no list form for {model.__name__}.{naam}")


# --- The forms of the layers ------------------------------------------------------------------


class MissieFormulier(_ModelFormulier):
    """The mission: 'Wat is onze business?', and do social media fit it. ``value``: a Missie."""

    model = Missie


class AmbitiesFormulier(_LijstFormulier):
    """The vision's ambitions, added and removed as items. ``value``: a list of Ambitie."""

    item_model = Ambitie
    titelveld = "tekst"
    voorvoegsel = "A"


class VisieFormulier(_ModelFormulier):
    """The vision: 'Wat willen we worden?', with its ambitions as items. ``value``: a Visie."""

    model = Visie


class DoelenFormulier(_LijstFormulier):
    """The goals, each SMART part its own field. ``value``: a list of Doel."""

    item_model = Doel
    voorvoegsel = "D"


class TactiekenFormulier(_LijstFormulier):
    """The tactics: goals and means chosen from lists, start and end. ``value``: list of Tactiek."""

    item_model = Tactiek
    titelveld = "naam"
    voorvoegsel = "T"


class MiddelenFormulier(_LijstFormulier):
    """The means (channels) with their cost and durability. ``value``: a list of Middel."""

    item_model = Middel
    titelveld = "naam"
    voorvoegsel = "M"


class KPIFormulier(_LijstFormulier):
    """The KPIs, each measuring one goal chosen from a list. ``value``: a list of KPI."""

    item_model = KPI
    titelveld = "naam"
    voorvoegsel = "K"


class OrganisatieFormulier(_ModelFormulier):
    """The case: the organisation's name, sector and description. ``value``: an Organisatie."""

    model = Organisatie


class _PlanKopFormulier(_ModelFormulier):
    """The plan's own fields besides its parts (reference date, planned or learning)."""

    model = Plan
    alleen = ("peildatum", "modus")


# --- The whole-plan editor ----------------------------------------------------------------------

#: layer → (plan attribute, form class); the order of the model.
_LAAGFORMULIEREN: dict[str, tuple[str, type[widgets.Widget]]] = {
    "missie": ("missie", MissieFormulier),
    "visie": ("visie", VisieFormulier),
    "doelen": ("doelen", DoelenFormulier),
    "tactieken": ("tactieken", TactiekenFormulier),
    "middelen": ("middelen", MiddelenFormulier),
    "kpis": ("kpis", KPIFormulier),
}
_MAX_BEVINDINGEN = 12


def _vrije_naam(pad: Path, soort: str) -> Path:
    """A name beside ``pad`` that does not exist yet: NAAM.SOORT-DATUM-TIJD.json."""
    stempel = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    n = 0
    while True:
        extra = f"-{n}" if n else ""
        nieuw = pad.with_name(f"{pad.stem}.{soort}-{stempel}{extra}{pad.suffix}")
        if not nieuw.exists():
            return nieuw
        n += 1


def _zet_opzij(pad: Path) -> Path:
    """Rename an unreadable plan file to a new name beside it; never overwrite anything."""
    nieuw = _vrije_naam(pad, "onleesbaar")
    os.rename(pad, nieuw)
    return nieuw


def _stempel(pad: Path) -> tuple[int, int, str] | None:
    """What a plan file is now: modification time, size and content hash (None: no file).
    The hash catches a rewrite within the file system's time resolution."""
    try:
        st = pad.stat()
        inhoud = pad.read_bytes()
    except FileNotFoundError:
        return None
    return st.st_mtime_ns, st.st_size, hashlib.sha256(inhoud).hexdigest()


def _onveranderd(pad: Path, stempel: tuple[int, int, str] | None) -> bool:
    """Whether the file still holds what ``stempel`` recorded. Same time and size: unchanged
    without reading it (one stat per keystroke); otherwise the content decides, so a rewrite
    of the same plan (another editor opening it) is no conflict."""
    try:
        st = pad.stat()
    except FileNotFoundError:
        return stempel is None
    if stempel is None:
        return False
    if (st.st_mtime_ns, st.st_size) == stempel[:2]:
        return True
    nu = _stempel(pad)
    return nu is not None and nu[2] == stempel[2]


class PlanEditor(widgets.VBox):
    """The whole plan in one widget: one tab per layer, a feedback panel, saved on every change.

    ``plan`` is the current :class:`Plan`, ``uitslag`` the current check result, ``melding`` what
    the student was told on opening (a new file, a loaded one, or a file set aside).
    """

    def __init__(
        self,
        pad: str | os.PathLike[str],
        lagen: Iterable[str] | None = None,
        start: str = "leeg",
    ):
        super().__init__()
        self.pad = Path(pad)
        if isinstance(lagen, str):
            lagen = [lagen]
        gekozen = list(lagen) if lagen is not None else list(LAGEN)
        for laag in gekozen:
            if laag not in LAGEN:
                raise ValueError(tekst("editor.onbekende_laag", keuze=laag, lagen=", ".join(LAGEN)))
        if start not in ("leeg", "voorbeeld"):
            raise ValueError(tekst("editor.onbekende_start", keuze=start))
        self.lagen = tuple(laag for laag in LAGEN if laag in gekozen)
        self.selectie = None if lagen is None else list(self.lagen)
        self._regels = kies_regels(self.selectie)
        #: Where an unreadable plan file was set aside, if it was.
        self.opzij: Path | None = None
        #: (mtime, size, hash) of the file as this editor last read or wrote it, to notice
        #: another editor (tab, kernel) writing it in between; None while there is no file.
        self._stempel: tuple[int, int, str] | None = None
        #: Where this editor's own version went when the file changed under it.
        self.conflict: Path | None = None
        self._plan, self.melding, soort = self._open(start)
        self._stempel = _stempel(self.pad)

        # Tabs are filled when first shown: building every layer's widgets at once took 2.1 s
        # for a normal plan in a kernel, most of it for tabs the student had not opened yet.
        self._formulieren: dict[str, list[widgets.Widget]] = {}
        self._tabbladen = {laag: widgets.VBox() for laag in self.lagen}
        self._keuzes = _keuzes(self._plan)
        self.tabs = widgets.Tab(children=list(self._tabbladen.values()))
        if self.lagen:
            self.formulieren(self.lagen[0])
        self.tabs.observe(self._tab_gekozen, "selected_index")

        kleur = _KLEUR["waarschuwing"] if soort == "kapot" else "#333"
        self.kop = widgets.HTML(
            f"<div style='padding:6px 10px;border-left:4px solid {kleur};background:#f6f6f6'>"
            f"{'⚠ ' if soort == 'kapot' else ''}{html.escape(self.melding)}</div>"
        )
        self.bewaarstatus = widgets.HTML()
        # After a conflict the student chooses with a button: no code, in Voila too.
        self.knop_mijn_versie = widgets.Button(
            description=tekst("editor.knop.mijn_versie"), layout=widgets.Layout(width="auto")
        )
        self.knop_andere_versie = widgets.Button(
            description=tekst("editor.knop.andere_versie"), layout=widgets.Layout(width="auto")
        )
        self.knop_mijn_versie.on_click(lambda _b: self.kies_mijn_versie())
        self.knop_andere_versie.on_click(lambda _b: self.kies_andere_versie())
        self.conflictkeuze = widgets.HBox(
            [self.knop_mijn_versie, self.knop_andere_versie],
            layout=widgets.Layout(display="none", grid_gap="8px"),
        )
        self.feedback = widgets.HTML(layout=widgets.Layout(width="100%"))
        self.feedback.add_class("bm-feedback")
        stijl = widgets.HTML(sjabloon.html("formulierstijl.html.j2"))
        self.children = [
            stijl,
            self.kop,
            self.tabs,
            self.bewaarstatus,
            self.conflictkeuze,
            widgets.HTML(f"<h3>{html.escape(tekst('editor.feedback.kop'))}</h3>"),
            self.feedback,
        ]
        self.add_class("bm-editor")
        self.uitslag: Uitslag = controleer(self._plan, self.selectie)
        self._bewaar()
        self._toon_feedback()

    def formulieren(self, laag: str) -> list[widgets.Widget]:
        """The forms of one layer's tab, built now if the tab was not shown before."""
        if laag not in self._formulieren:
            if laag == "plan":
                forms = [
                    OrganisatieFormulier(value=self._plan.organisatie),
                    _PlanKopFormulier(value=self._plan),
                ]
                forms[0].observe(lambda c: self._wijzig("organisatie", c["new"]), "value")
                forms[1].observe(lambda c: self._wijzig_kop(c["new"]), "value")
            else:
                attr, klasse = _LAAGFORMULIEREN[laag]
                form = klasse(value=getattr(self._plan, attr), plan=self._plan)
                form.observe(lambda c, a=attr: self._wijzig(a, c["new"]), "value")
                forms = [form]
            self._formulieren[laag] = forms
            self._tabbladen[laag].children = forms
        return self._formulieren[laag]

    def _tab_gekozen(self, _change: dict[str, Any]) -> None:
        self.formulieren(self.huidige_laag)
        self._toon_feedback()

    def __repr__(self) -> str:
        # Stable across runs (no widget ids, no messages), so a stored notebook output stays
        # equal under nbval whether the file was new or loaded.
        lagen = "" if self.selectie is None else f", lagen={list(self.lagen)!r}"
        return f"PlanEditor({self.pad.as_posix()!r}{lagen})"

    # --- opening -------------------------------------------------------------------------------

    def _begin(self, start: str) -> Plan:
        if start == "voorbeeld":
            from ..plan.voorbeelden import voorbeeldplan

            return voorbeeldplan()
        return Plan()

    def _open(self, start: str) -> tuple[Plan, str, str]:
        if not self.pad.exists():
            return self._begin(start), tekst("editor.nieuw", pad=self.pad), "nieuw"
        try:
            # A file that cannot be read at all (a folder, no permission, locked by another
            # program) is not corrupt: say so and leave it where it is.
            with self.pad.open("rb"):
                pass
        except OSError as e:
            raise PlanFout(
                [("", tekst("bestand.kan_niet_lezen", pad=self.pad, uitleg=e.strerror or e))]
            ) from None
        try:
            return laad_plan(self.pad), tekst("editor.geladen", pad=self.pad), "geladen"
        except PlanFout as e:
            reden = _kort(e.fouten[0][1] if e.fouten else str(e), 300)
            self.opzij = _zet_opzij(self.pad)
            bericht = tekst("editor.kapot", pad=self.pad, reden=reden, nieuw=self.opzij.name)
            return self._begin(start), bericht, "kapot"

    # --- changes -------------------------------------------------------------------------------

    @property
    def plan(self) -> Plan:
        """The plan as it is now in the forms."""
        return self._plan

    @plan.setter
    def plan(self, plan: Plan) -> None:
        self._plan = plan
        for laag, forms in self._formulieren.items():
            if laag == "plan":
                forms[0].value = plan.organisatie
                forms[1].value = plan
            else:
                forms[0].value = getattr(plan, _LAAGFORMULIEREN[laag][0])
        self._na_wijziging()

    def _wijzig(self, attr: str, waarde: Any) -> None:
        if getattr(self._plan, attr) is waarde:
            return
        self._plan = self._plan.model_copy(update={attr: waarde})
        self._na_wijziging()

    def _wijzig_kop(self, kop: Plan) -> None:
        update = {n: getattr(kop, n) for n in _PlanKopFormulier.alleen or ()}
        if all(getattr(self._plan, n) == v for n, v in update.items()):
            return
        self._plan = self._plan.model_copy(update=update)
        self._na_wijziging()

    def _na_wijziging(self) -> None:
        self._bewaar()
        self.uitslag = controleer(self._plan, self.selectie)
        keuzes = _keuzes(self._plan)
        # Only the link fields whose list changed: typing in a goal's description refreshes
        # the KPIs' and tactics' goal lists, not every dropdown of the plan.
        veranderd = [k for k in keuzes if keuzes[k] != self._keuzes.get(k)]
        if veranderd:
            self._keuzes = keuzes
            for forms in self._formulieren.values():
                for form in forms:
                    if hasattr(form, "zet_keuzes"):
                        form.zet_keuzes(keuzes, veranderd)
        self._toon_feedback()

    def _bewaar(self) -> None:
        if self.conflict is None and not _onveranderd(self.pad, self._stempel):
            # Someone else wrote the file since we read or wrote it: keep theirs where it is
            # and ours beside it, and let the student choose (never overwrite silently).
            self.conflict = _vrije_naam(self.pad, "conflict")
        doel = self.conflict or self.pad
        self.conflictkeuze.layout.display = None if self.conflict is not None else "none"
        try:
            bewaar_plan(self._plan, doel)
        except PlanFout as e:
            self.bewaarstatus.value = (
                f"<span style='color:{_KLEUR['fout']}'>"
                f"{html.escape(tekst('editor.niet_bewaard', reden=str(e)))}</span>"
            )
            return
        if self.conflict is not None:
            self.bewaarstatus.value = (
                f"<div role='alert' style='color:{_KLEUR['waarschuwing']}'>⚠ "
                f"{html.escape(tekst('editor.conflict', pad=self.pad, eigen=self.conflict))}</div>"
            )
            return
        self._stempel = _stempel(self.pad)
        self.bewaarstatus.value = (
            f"<span style='color:{_KLEUR['ok']}'>"
            f"{html.escape(tekst('editor.bewaard', pad=self.pad))}</span>"
        )

    def kies_mijn_versie(self) -> None:
        """After a conflict: this editor's version becomes the plan file; the other version is
        kept beside it (renamed, never deleted)."""
        if self.conflict is None:
            return
        if self.pad.exists():
            os.rename(self.pad, _vrije_naam(self.pad, "andere-versie"))
        os.replace(self.conflict, self.pad)
        self.conflict = None
        self._stempel = _stempel(self.pad)
        self._bewaar()

    def kies_andere_versie(self) -> None:
        """After a conflict: load the version on disk into the form; this editor's version
        stays in its conflict file."""
        if self.conflict is None:
            return
        plan = laad_plan(self.pad)
        self.conflict = None
        self.conflictkeuze.layout.display = "none"
        self._stempel = _stempel(self.pad)
        self.plan = plan

    # --- feedback ------------------------------------------------------------------------------

    def status(self, laag: str) -> tuple[str, str]:
        """The status of one layer as (severity or "ok", text with its symbol)."""
        deel = self.uitslag.van_laag(laag)
        if not any(r.laag == laag for r in self._regels):
            return "hint", f"– {tekst('editor.status.geen_regels')}"
        for ernst, sleutel, lijst in (
            ("fout", "editor.status.fouten", deel.fouten),
            ("waarschuwing", "editor.status.waarschuwingen", deel.waarschuwingen),
            ("hint", "editor.status.hints", deel.hints),
        ):
            if lijst:
                return ernst, f"{_SYMBOOL[ernst]} {tekst(sleutel, aantal=len(lijst))}"
        return "ok", f"{_SYMBOOL['ok']} {tekst('editor.status.in_orde')}"

    @property
    def huidige_laag(self) -> str:
        i = self.tabs.selected_index or 0
        return self.lagen[i] if self.lagen else "plan"

    def _toon_feedback(self) -> None:
        titels = []
        rijen = []
        for laag in self.lagen:
            ernst, t = self.status(laag)
            naam = tekst(f"editor.laag.{laag}")
            titels.append(f"{naam} {t.split(' ', 1)[0]}")
            rijen.append(
                f"<tr><td style='padding:2px 8px'>{html.escape(naam)}</td>"
                f"<td style='padding:2px 8px;color:{_KLEUR[ernst]};font-weight:bold'>"
                f"{html.escape(t)}</td></tr>"
            )
        self.tabs.titles = tuple(titels)
        laag = self.huidige_laag
        deze = self.uitslag.van_laag(laag)
        delen = [
            "<div class='bm-status'><table style='border-collapse:collapse'>"
            f"<thead><tr><th style='text-align:left;padding:2px 8px'>"
            f"{html.escape(tekst('editor.status.kolom.laag'))}</th>"
            f"<th style='text-align:left;padding:2px 8px'>"
            f"{html.escape(tekst('editor.status.kolom.status'))}</th></tr></thead>"
            f"<tbody>{''.join(rijen)}</tbody></table></div>",
            f"<h4>{html.escape(tekst('editor.feedback.deze_laag', laag=tekst(f'editor.laag.{laag}')))}</h4>",
            _bevindingen_html(deze),
            f"<details><summary><b>{html.escape(tekst('editor.feedback.hele_plan'))}</b>: "
            f"{html.escape(self.uitslag.samenvatting())}</summary>"
            f"{_bevindingen_html(self.uitslag)}</details>",
        ]
        self.feedback.value = "".join(delen)


def _bevindingen_html(uitslag: Uitslag) -> str:
    if not uitslag.bevindingen:
        return f"<p style='color:{_KLEUR['ok']}'>✔ {html.escape(tekst('uitslag.niets'))}</p>"
    items = []
    for b in uitslag.bevindingen[:_MAX_BEVINDINGEN]:
        ernst = f"{_SYMBOOL[b.ernst]} {tekst('ernst.' + b.ernst)}"
        items.append(
            f"<li style='margin:4px 0'><span style='color:{_KLEUR[b.ernst]};font-weight:bold'>"
            f"{html.escape(ernst)}</span> <code>{html.escape(b.code)}</code> "
            f"<code>{html.escape(b.pad)}</code><br>{html.escape(b.bericht())}<br>"
            f"<i>→ {html.escape(b.oplossing())}</i></li>"
        )
    rest = len(uitslag.bevindingen) - _MAX_BEVINDINGEN
    if rest > 0:
        items.append(f"<li>{html.escape(tekst('editor.feedback.meer', aantal=rest))}</li>")
    return f"<ul style='padding-left:1.2em'>{''.join(items)}</ul>"


def bewerk(
    pad: str | os.PathLike[str], lagen: Iterable[str] | None = None, start: str = "leeg"
) -> PlanEditor:
    """Open the plan in file ``pad`` in an editor (make it if it does not exist).

    ``lagen`` limits the tabs and the checked rules to those layers (e.g. ``["missie"]``);
    ``start`` is what a new plan starts from: ``"leeg"`` (empty) or ``"voorbeeld"`` (a copy of
    the example plan). Every change is saved to ``pad`` at once; a file that cannot be read is
    set aside under a new name (never deleted) and the editor starts afresh.
    """
    return PlanEditor(pad, lagen=lagen, start=start)
