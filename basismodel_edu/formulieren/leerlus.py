"""Forms for the learning loop (lessons 06 and 07): measurements in, goals revised, no code.

:func:`leerlus` opens a plan file with three forms, each saved to the file when its button is
pressed: a measurement typed by hand, the exports a student downloaded (the same :func:`~.meetronde.meet`
as the command line), and a revised goal with its date and reason (the same
:func:`~.revisies.herzie_doel` as lesson 07). Below them the progress table, the plan's history
and the check's findings on measured data follow every change.

The fields follow the rules of the plan editor (:mod:`.formulieren`): numbers and dates are text
fields read the Dutch way (``1.234,5``; ``1-9-2027``), never a browser's date picker; every label
is its input's accessible name; a wrong value gets a message under its own field that says what
the plan still holds, and nothing is saved until all fields of that form are right. Each action
reads the file afresh and saves it atomically, so a plan editor open on the same file is not
overwritten unseen (it notices the change, see :class:`~.formulieren.PlanEditor`).

>>> import tempfile, pathlib
>>> from basismodel_edu import bewaar_plan, voorbeeldplan
>>> pad = bewaar_plan(voorbeeldplan(), pathlib.Path(tempfile.mkdtemp()) / "plan.json")
>>> lus = leerlus(pad)
>>> lus.meting.kpi.value, lus.meting.datum.value, lus.meting.waarde.value = "K1", "7-9-2026", "1.850"
>>> lus.meting.knop.click()
>>> lus.meting.melding.value.count("K1")
1
>>> [(m.kpi, m.datum.isoformat(), m.waarde) for m in laad_plan(pad).metingen]
[('K1', '2026-09-07', 1850.0)]
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..plan.bestand import bewaar_plan, laad_plan
from ..plan.model import Meting, Plan, PlanFout
from ..taal import datums, getallen, sjabloon
from ..taal.berichten import getal, tekst
from .velden import _LABELBREEDTE

__all__ = ["HerzieFormulier", "Leerlus", "MeetFormulier", "MetingFormulier", "leerlus"]


def _veld(label: str, widget: widgets.Widget, klasse: str) -> tuple[widgets.Widget, widgets.HTML]:
    # The label is the widget's own description, so it is also the field's accessible name.
    widget.description = label
    widget.description_allow_html = False
    widget.style.description_width = _LABELBREEDTE
    widget.add_class("bm-veld")
    widget.add_class(f"bm-veld-{klasse}")
    melding = widgets.HTML(layout=widgets.Layout(margin="0 0 0 " + _LABELBREEDTE))
    return widget, melding


def _tekstveld(label: str, klasse: str, hulp: str = "", breed: bool = False):
    w = widgets.Text(placeholder=hulp, layout=widgets.Layout(width="48em" if breed else "28em"))
    return _veld(label, w, klasse)


def _melding(soort: str, bericht: str) -> str:
    symbool = {"fout": "✖", "ok": "✔"}[soort]
    # Some messages (a date's) bring their own symbol; one is enough.
    bericht = bericht.removeprefix(symbool).strip()
    return sjabloon.html("leerlus_melding.html.j2", soort=soort, symbool=symbool, bericht=bericht)


class _Actie(widgets.VBox):
    """A form with fields, one button that saves, and a message line (role=status)."""

    kop_sleutel = ""

    def __init__(self, lus: Leerlus):
        super().__init__()
        self.lus = lus
        self._meldingen: dict[str, widgets.HTML] = {}
        self.melding = widgets.HTML()
        self.knop = widgets.Button(
            description=tekst(f"{self.kop_sleutel}.knop"),
            button_style="primary",
            layout=widgets.Layout(
                width="auto", align_self="flex-start", margin="4px 0 4px " + _LABELBREEDTE
            ),
        )
        self.knop.on_click(lambda _b: self._voer_uit())

    def _rijen(self, velden: list[tuple[str, tuple[widgets.Widget, widgets.HTML]]]):
        rijen = [widgets.HTML(f"<h3>{tekst(self.kop_sleutel + '.kop')}</h3>")]
        rijen.append(widgets.HTML(f"<p>{tekst(self.kop_sleutel + '.uitleg')}</p>"))
        for naam, (w, m) in velden:
            setattr(self, naam, w)
            self._meldingen[naam] = m
            rijen.append(widgets.VBox([w, m], layout=widgets.Layout(margin="2px 0")))
        rijen += [self.knop, self.melding]
        self.children = rijen

    def _fout(self, veld: str, bericht: str) -> None:
        self._meldingen[veld].value = _melding("fout", bericht)

    def _wis(self) -> None:
        for m in self._meldingen.values():
            m.value = ""

    def _voer_uit(self) -> None:
        self._wis()
        try:
            plan = laad_plan(self.lus.pad)
        except PlanFout as e:
            self.melding.value = _melding("fout", str(e))
            return
        try:
            bericht = self.pas_toe(plan)
        except _VeldFout:
            self.melding.value = _melding("fout", tekst("leerlus.niet_bewaard"))
            return
        except (PlanFout, ValueError) as e:
            self.melding.value = _melding("fout", f"{e} {tekst('leerlus.niet_bewaard')}")
            return
        if bericht is None:
            return
        self.melding.value = _melding("ok", bericht)
        self.lus.ververs()

    def pas_toe(self, plan: Plan) -> str | None:  # pragma: no cover - every form has its own
        raise NotImplementedError


class _VeldFout(Exception):
    """A field has a wrong value; its own message says which and why."""


def _getal(form: _Actie, veld: str, verplicht: bool) -> float | None:
    waarde = getattr(form, veld).value
    try:
        x = getallen.lees_getal(waarde) if waarde.strip() else None
    except getallen.GetalFout as e:
        form._fout(veld, str(e))
        raise _VeldFout from None
    if x is None and verplicht:
        form._fout(veld, tekst("leerlus.verplicht"))
        raise _VeldFout
    return x


def _datum(form: _Actie, veld: str, verplicht: bool) -> dt.date | None:
    try:
        return datums.lees_datum(getattr(form, veld).value, verplicht=verplicht)
    except datums.DatumFout as e:
        form._fout(veld, str(e))
        raise _VeldFout from None


def _lees_velden(form: _Actie, lezers, eisen) -> dict[str, Any]:
    """Every field read (``(field, reader, required)``) and every condition checked
    (``(field, is_wrong, message key)``), so that a student sees all wrong fields at once."""
    waarden: dict[str, Any] = {}
    fout = False
    for veld, lees, verplicht in lezers:
        try:
            waarden[veld] = lees(form, veld, verplicht)
        except _VeldFout:
            fout = True
    for veld, mis, sleutel in eisen:
        if mis:
            form._fout(veld, tekst(sleutel))
            fout = True
    if fout:
        raise _VeldFout
    return waarden


class MetingFormulier(_Actie):
    """One measurement typed by hand: KPI, date, value and where it comes from."""

    kop_sleutel = "leerlus.meting"

    def __init__(self, lus: Leerlus):
        super().__init__(lus)
        kpi = widgets.Dropdown(options=[], layout=widgets.Layout(width="48em"))
        self._rijen(
            [
                ("kpi", _veld(tekst("leerlus.veld.kpi"), kpi, "meting-kpi")),
                ("datum", _tekstveld(tekst("leerlus.veld.datum"), "meting-datum",
                                     tekst("form.datum_hulp"))),
                ("waarde", _tekstveld(tekst("leerlus.veld.waarde"), "meting-waarde",
                                      tekst("form.getal_hulp"))),
                ("bron", _tekstveld(tekst("leerlus.veld.bron"), "meting-bron",
                                    tekst("leerlus.hulp.bron"), breed=True)),
            ]
        )  # fmt: skip

    def zet_kpis(self, plan: Plan) -> None:
        opties = [(f"{k.id} · {k.naam or '?'}", k.id) for k in plan.kpis]
        huidig = self.kpi.value
        self.kpi.options = opties or [(tekst("leerlus.geen_kpis"), "")]
        if huidig in {v for _, v in opties}:
            self.kpi.value = huidig

    def pas_toe(self, plan: Plan) -> str | None:
        from ..meten.importeren import voeg_metingen_toe

        w = _lees_velden(
            self,
            [("datum", _datum, True), ("waarde", _getal, True)],
            [("kpi", not self.kpi.value, "leerlus.geen_kpis")],
        )
        datum, waarde = w["datum"], w["waarde"]
        oud = {(m.kpi, m.datum): m.waarde for m in plan.metingen}
        meting = Meting(
            kpi=self.kpi.value, datum=datum, waarde=waarde, bron=self.bron.value.strip()
        )
        voeg_metingen_toe(plan, [meting])
        bewaar_plan(plan, self.lus.pad)
        sleutel = (
            "leerlus.meting.vervangen" if (meting.kpi, meting.datum) in oud else "leerlus.meting.ok"
        )
        self.waarde.value = ""
        return tekst(
            sleutel, kpi=meting.kpi, datum=meting.datum, waarde=meting.waarde,
            oud=oud.get((meting.kpi, meting.datum)),
        )  # fmt: skip


class MeetFormulier(_Actie):
    """Downloaded exports into the plan: file names, which column feeds which KPI, day or week."""

    kop_sleutel = "leerlus.export"

    def __init__(self, lus: Leerlus):
        super().__init__(lus)
        bestanden = widgets.Textarea(
            placeholder=tekst("leerlus.hulp.bestanden"),
            layout=widgets.Layout(width="48em", height="4.5em"),
        )
        koppeling = widgets.Textarea(
            placeholder=tekst("leerlus.hulp.koppeling"),
            layout=widgets.Layout(width="48em", height="4.5em"),
        )
        per = widgets.Dropdown(
            options=[(tekst("leerlus.per.dag"), "dag"), (tekst("leerlus.per.week"), "week")],
            value="dag",
            layout=widgets.Layout(width="28em"),
        )
        self._rijen(
            [
                (
                    "bestanden",
                    _veld(tekst("leerlus.veld.bestanden"), bestanden, "export-bestanden"),
                ),
                (
                    "koppeling",
                    _veld(tekst("leerlus.veld.koppeling"), koppeling, "export-koppeling"),
                ),
                ("per", _veld(tekst("leerlus.veld.per"), per, "export-per")),
            ]
        )

    def pas_toe(self, plan: Plan) -> str | None:
        from ..meten.meetronde import lees_koppeling, meet

        namen = [r.strip().strip('"') for r in self.bestanden.value.splitlines() if r.strip()]
        if not namen:
            self._fout("bestanden", tekst("leerlus.verplicht"))
            raise _VeldFout
        delen = [d for r in self.koppeling.value.splitlines() for d in r.split(";") if d.strip()]
        if not delen:
            self._fout("koppeling", tekst("leerlus.verplicht"))
            raise _VeldFout
        try:
            koppeling = lees_koppeling(delen)
        except ValueError as e:
            self._fout("koppeling", str(e))
            raise _VeldFout from None
        # Names relative to the plan's folder, as a student sees the files beside it.
        paden = [p if (p := Path(n)).is_absolute() else self.lus.pad.parent / p for n in namen]
        ronde = meet(self.lus.pad, paden, koppeling, per=self.per.value)
        return " ".join([*ronde.waarschuwingen, ronde.samenvatting()])


class HerzieFormulier(_Actie):
    """A goal revised from what the data show: new target and/or deadline, with date and reason."""

    kop_sleutel = "leerlus.herzie"

    def __init__(self, lus: Leerlus):
        super().__init__(lus)
        doel = widgets.Dropdown(options=[], layout=widgets.Layout(width="48em"))
        reden = widgets.Textarea(
            placeholder=tekst("leerlus.hulp.reden"),
            layout=widgets.Layout(width="48em", height="4.5em"),
        )
        self._rijen(
            [
                ("doel", _veld(tekst("leerlus.veld.doel"), doel, "herzie-doel")),
                ("streefwaarde", _tekstveld(tekst("leerlus.veld.streefwaarde"),
                                            "herzie-streefwaarde", tekst("form.getal_hulp"))),
                ("deadline", _tekstveld(tekst("leerlus.veld.deadline"), "herzie-deadline",
                                        tekst("form.datum_hulp"))),
                ("reden", _veld(tekst("leerlus.veld.reden"), reden, "herzie-reden")),
                ("datum", _tekstveld(tekst("leerlus.veld.datum_herziening"), "herzie-datum",
                                     tekst("form.datum_hulp"))),
            ]
        )  # fmt: skip
        self.datum.value = datums.schrijf_datum(dt.date.today())
        self.doel.observe(lambda _c: self._toon_huidig(), "value")
        self._doelen: dict[str, Any] = {}

    def zet_doelen(self, plan: Plan) -> None:
        self._doelen = {d.id: d for d in plan.doelen}
        opties = [(f"{d.id} · {(d.omschrijving or '?')[:70]}", d.id) for d in plan.doelen]
        huidig = self.doel.value
        self.doel.options = opties or [(tekst("leerlus.geen_doelen"), "")]
        if huidig in self._doelen:
            self.doel.value = huidig
        self._toon_huidig()

    def _toon_huidig(self) -> None:
        # The field's help says what the goal holds now: a student changes a value they can see.
        d = self._doelen.get(self.doel.value)
        if d is None:
            return
        self.streefwaarde.placeholder = tekst(
            "leerlus.hulp.nu", waarde="—" if d.streefwaarde is None else getal(d.streefwaarde)
        )
        self.deadline.placeholder = tekst(
            "leerlus.hulp.nu", waarde=datums.schrijf_datum(d.deadline) or "—"
        )

    def pas_toe(self, plan: Plan) -> str | None:
        from ..plan.revisies import herzie_doel

        waarden = _lees_velden(
            self,
            [("streefwaarde", _getal, False), ("deadline", _datum, False), ("datum", _datum, True)],
            [
                ("reden", not self.reden.value.strip(), "leerlus.geen_reden"),
                ("doel", not self.doel.value, "leerlus.geen_doelen"),
            ],
        )
        datum = waarden.pop("datum")
        if waarden["streefwaarde"] is None and waarden["deadline"] is None:
            self._fout("streefwaarde", tekst("leerlus.niets_herzien"))
            raise _VeldFout
        wijzigingen = herzie_doel(
            plan, self.doel.value, **waarden, reden=self.reden.value.strip(), datum=datum
        )
        bewaar_plan(plan, self.lus.pad)
        self.streefwaarde.value = self.deadline.value = self.reden.value = ""
        return tekst("leerlus.herzie.ok", id=self.doel.value, aantal=len(wijzigingen))


class Leerlus(widgets.VBox):
    """The three forms of the learning loop on one plan file, with progress, history and checks."""

    def __init__(self, pad: str | os.PathLike[str]):
        super().__init__()
        self.pad = Path(pad)
        self.meting = MetingFormulier(self)
        self.export = MeetFormulier(self)
        self.herzie = HerzieFormulier(self)
        self.stand = widgets.HTML()
        self.stand.add_class("bm-leerlus-stand")
        self.children = [
            widgets.HTML(sjabloon.stuk("editor_stijl.html")),
            self.meting,
            self.export,
            self.herzie,
            self.stand,
        ]
        self.add_class("bm-leerlus")
        self.ververs()  # reads the file: a missing or broken one is an error now, not at a click

    def __repr__(self) -> str:
        return f"Leerlus({self.pad.as_posix()!r})"

    def ververs(self) -> None:
        """Read the file again and show its KPIs, goals, progress, history and findings."""
        from ..controle.motor import controleer
        from ..meten.voortgangstabel import voortgang

        plan = laad_plan(self.pad)
        self.meting.zet_kpis(plan)
        self.herzie.zet_doelen(plan)
        uitslag = controleer(plan, ["BM330"])
        self.stand.value = sjabloon.html(
            "leerlus_stand.html.j2",
            kop_voortgang=tekst("leerlus.kop.voortgang"),
            voortgang=voortgang(plan)._repr_html_() if plan.metingen else "",
            geen_metingen=tekst("leerlus.geen_metingen"),
            kop_geschiedenis=tekst("leerlus.kop.geschiedenis"),
            revisies=[r.tekst(plan) for r in reversed(plan.revisies)],
            geen_revisies=tekst("leerlus.geen_revisies"),
            kop_controle=tekst("leerlus.kop.controle"),
            bevindingen=[b.bericht() for b in uitslag],
            geen_bevindingen=tekst("leerlus.geen_bevindingen"),
        )


def leerlus(pad: str | os.PathLike[str]) -> Leerlus:
    """Open the learning-loop forms on the plan file ``pad`` (it must exist: make it in the
    editor, :func:`~.formulieren.bewerk`, first)."""
    return Leerlus(pad)
