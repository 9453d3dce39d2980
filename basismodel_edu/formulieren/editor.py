"""The whole-plan editor: a tab per layer, live feedback, saved on every change.

::

    from basismodel_edu import bewerk
    bewerk("mijn-plan.json")   # the whole plan, saved on every change
    bewerk("missie.json", lagen=["missie"])   # only the mission, only the mission's rules

This module loads ipywidgets, so it is imported only when a form is asked for.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..controle.motor import LAGEN, Uitslag, controleer, kies_regels
from ..plan.bestand import bewaar_plan, laad_plan, onveranderd, stempel, vrije_naam, zet_opzij
from ..plan.model import (
    Plan,
    PlanFout,
)
from ..taal.berichten import tekst
from ..taal.sjabloon import Html, stuk
from .lagen import (
    DoelenFormulier,
    KPIFormulier,
    MiddelenFormulier,
    MissieFormulier,
    OrganisatieFormulier,
    TactiekenFormulier,
    VisieFormulier,
    _PlanKopFormulier,
)
from .velden import _KLEUR, _SYMBOOL, _keuzes, _kort

__all__ = ["PlanEditor", "bewerk"]

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
        self._stempel = stempel(self.pad)

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
            stuk(
                "editor_kop.html",
                kleur=kleur,
                teken="⚠ " if soort == "kapot" else "",
                melding=self.melding,
            )
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
        stijl = widgets.HTML(stuk("editor_stijl.html"))
        self.children = [
            stijl,
            self.kop,
            self.tabs,
            self.bewaarstatus,
            self.conflictkeuze,
            widgets.HTML(stuk("editor_feedbackkop.html", kop=tekst("editor.feedback.kop"))),
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
            self.opzij = zet_opzij(self.pad)
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
        if self.conflict is None and not onveranderd(self.pad, self._stempel):
            # Someone else wrote the file since we read or wrote it: keep theirs where it is
            # and ours beside it, and let the student choose (never overwrite silently).
            self.conflict = vrije_naam(self.pad, "conflict")
        doel = self.conflict or self.pad
        self.conflictkeuze.layout.display = None if self.conflict is not None else "none"
        try:
            bewaar_plan(self._plan, doel)
        except PlanFout as e:
            self.bewaarstatus.value = stuk(
                "editor_bewaard.html",
                kleur=_KLEUR["fout"],
                tekst=tekst("editor.niet_bewaard", reden=str(e)),
            )
            return
        if self.conflict is not None:
            self.bewaarstatus.value = stuk(
                "editor_conflict.html",
                kleur=_KLEUR["waarschuwing"],
                tekst=tekst("editor.conflict", pad=self.pad, eigen=self.conflict),
            )
            return
        self._stempel = stempel(self.pad)
        self.bewaarstatus.value = stuk(
            "editor_bewaard.html", kleur=_KLEUR["ok"], tekst=tekst("editor.bewaard", pad=self.pad)
        )

    def kies_mijn_versie(self) -> None:
        """After a conflict: this editor's version becomes the plan file; the other version is
        kept beside it (renamed, never deleted)."""
        if self.conflict is None:
            return
        if self.pad.exists():
            os.rename(self.pad, vrije_naam(self.pad, "andere-versie"))
        os.replace(self.conflict, self.pad)
        self.conflict = None
        self._stempel = stempel(self.pad)
        self._bewaar()

    def kies_andere_versie(self) -> None:
        """After a conflict: load the version on disk into the form; this editor's version
        stays in its conflict file."""
        if self.conflict is None:
            return
        plan = laad_plan(self.pad)
        self.conflict = None
        self.conflictkeuze.layout.display = "none"
        self._stempel = stempel(self.pad)
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
            rijen.append(stuk("editor_statusrij.html", laag=naam, kleur=_KLEUR[ernst], status=t))
        self.tabs.titles = tuple(titels)
        laag = self.huidige_laag
        deze = self.uitslag.van_laag(laag)
        self.feedback.value = stuk(
            "editor_feedback.html",
            kolom_laag=tekst("editor.status.kolom.laag"),
            kolom_status=tekst("editor.status.kolom.status"),
            rijen=Html("".join(rijen)),
            deze_laag=tekst("editor.feedback.deze_laag", laag=tekst(f"editor.laag.{laag}")),
            bevindingen_laag=_bevindingen_html(deze),
            hele_plan=tekst("editor.feedback.hele_plan"),
            samenvatting=self.uitslag.samenvatting(),
            bevindingen_plan=_bevindingen_html(self.uitslag),
        )


def _bevindingen_html(uitslag: Uitslag) -> Html:
    if not uitslag.bevindingen:
        return stuk("bevindingen_geen.html", kleur=_KLEUR["ok"], tekst=tekst("uitslag.niets"))
    items = [
        stuk(
            "bevinding.html",
            kleur=_KLEUR[b.ernst],
            ernst=f"{_SYMBOOL[b.ernst]} {tekst('ernst.' + b.ernst)}",
            code=b.code,
            pad=b.pad,
            bericht=b.bericht(),
            oplossing=b.oplossing(),
        )
        for b in uitslag.bevindingen[:_MAX_BEVINDINGEN]
    ]
    rest = len(uitslag.bevindingen) - _MAX_BEVINDINGEN
    if rest > 0:
        items.append(
            stuk("bevindingen_meer.html", tekst=tekst("editor.feedback.meer", aantal=rest))
        )
    return stuk("bevindingen.html", items=Html("".join(items)))


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
