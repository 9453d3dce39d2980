"""Figures that show themselves in a notebook, without pyplot.

The package draws on plain ``matplotlib.figure.Figure`` objects, so that pyplot's global state
never shows a figure twice. A plain Figure has no picture in a notebook until IPython is told how
to render it (``%matplotlib inline`` does that as a side effect); :func:`nieuwe_figuur` tells it
once, so a student sees the picture without knowing that magic.
"""

from __future__ import annotations

from typing import Any

__all__ = ["nieuwe_figuur"]

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

    select_figure_formats(shell, {"png"}, bbox_inches="tight")


def nieuwe_figuur(**instellingen: Any):
    """A new matplotlib Figure (arguments as ``Figure``) that a notebook will show as a picture."""
    from matplotlib.figure import Figure

    _toon_in_notebook()
    return Figure(**instellingen)
