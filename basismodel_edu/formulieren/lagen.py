"""A form for every layer of the basismodel, each an ipywidgets widget with one two-way ``value``.

Set ``value`` and the fields follow; type in a field and ``value`` follows. A layer's ``value`` is
a model object (:class:`Missie`, :class:`Visie`) or a list of them (goals, tactics, means, KPIs);
a dict is accepted too.
"""

from __future__ import annotations

import html
import typing
from collections.abc import Iterable
from typing import Any, ClassVar

import ipywidgets as widgets
import traitlets
from pydantic import BaseModel

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
from ..taal.berichten import tekst
from .velden import LINKS, _kaal, _keuzes, _kort, _label, _Veld, soort_veld

__all__ = [
    "DoelenFormulier",
    "KPIFormulier",
    "MiddelenFormulier",
    "MissieFormulier",
    "TactiekenFormulier",
    "VisieFormulier",
]


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
