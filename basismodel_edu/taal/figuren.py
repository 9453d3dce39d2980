"""Figures that show themselves in a notebook, without pyplot.

The package draws on plain ``matplotlib.figure.Figure`` objects, so that pyplot's global state
never shows a figure twice. A plain Figure has no picture in a notebook until IPython is told how
to render it (``%matplotlib inline`` does that as a side effect); :func:`nieuwe_figuur` tells it
once, so a student sees the picture without knowing that magic.

Every figure also shows itself as HTML, an ``<img>`` with a text alternative (``alt``): the
figure's own description when its drawing function gives one, else its title. JupyterLab shows
a plain PNG output without any, and a screen reader then says only "image".
"""

from __future__ import annotations

from typing import Any

__all__ = ["als_html", "nieuwe_figuur"]

_ingesteld = False


def _toon_in_notebook() -> None:
    global _ingesteld
    if _ingesteld:
        return
    _ingesteld = True
    try:
        from IPython import get_ipython
    except ImportError:  # plain Python: nothing to display in
        return
    shell = get_ipython()
    # Only a kernel (notebook, JupyterLab, Voila) can show images; a terminal IPython cannot.
    if shell is None or not hasattr(shell, "kernel"):
        return
    from IPython.core.pylabtools import select_figure_formats
    from matplotlib.figure import Figure

    select_figure_formats(shell, {"png"}, bbox_inches="tight")
    shell.display_formatter.formatters["text/html"].for_type(Figure, als_html)


def tekstalternatief(figuur) -> str:
    """What a figure shows, in words: its own description, else its title."""
    from .berichten import tekst

    eigen = getattr(figuur, "bm_alt", None)
    if eigen:
        return eigen
    titels = [figuur._suptitle.get_text()] if figuur._suptitle is not None else []
    titels += [ax.get_title() for ax in figuur.axes if ax.get_title()]
    if not titels:
        return tekst("figuur.zonder_titel")
    return tekst("figuur.alt", titel="; ".join(titels[:4]))


def als_html(figuur) -> str:
    """The figure as an HTML ``<img>`` with its text alternative (see :func:`tekstalternatief`)."""
    import base64
    import io

    from . import sjabloon

    buf = io.BytesIO()
    figuur.savefig(buf, format="png", bbox_inches="tight")
    png = base64.b64encode(buf.getvalue()).decode("ascii")
    return sjabloon.html("figuur.html.j2", png=png, alt=tekstalternatief(figuur))


def nieuwe_figuur(*, alt: str | None = None, **instellingen: Any):
    """A new matplotlib Figure (arguments as ``Figure``) that a notebook will show as a picture;
    ``alt`` says in words what it shows, for readers who cannot see it."""
    from matplotlib.figure import Figure

    _toon_in_notebook()
    figuur = Figure(**instellingen)
    figuur.bm_alt = alt
    return figuur
