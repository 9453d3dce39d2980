"""HTML from templates: pages from the Jinja2 templates in ``sjablonen/``, small pieces of the
forms from the fragments in ``sjablonen/stukken/``. Every value is escaped.

A form's pieces (its style, its header, a list of findings) are fragments with ``$name``
placeholders filled by :class:`string.Template`: importing Jinja2 costs more than drawing a form
(about 80 ms here, more in the browser's Pyodide), and a fragment needs no loops of its own: a
list is its items' fragments joined.

>>> stuk("bevindingen_meer.html", tekst="<b>3</b> meer")
'<li>&lt;b&gt;3&lt;/b&gt; meer</li>'
>>> stuk("bevindingen.html", items=Html("<li>a</li>"))
"<ul style='padding-left:1.2em'><li>a</li></ul>"
"""

from __future__ import annotations

import html as _html
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

__all__ = ["Html", "html", "stuk"]

MAP = Path(__file__).resolve().parent / "sjablonen"
STUKKEN = MAP / "stukken"


class Html(str):
    """Markup that is already safe: a filled-in fragment, put into another one unescaped."""

    __slots__ = ()


@cache
def _omgeving():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(MAP),
        autoescape=True,
        undefined=jinja2.StrictUndefined,  # a value the code forgot is an error, not a blank
        keep_trailing_newline=False,
    )


def html(naam: str, **waarden: Any) -> str:
    """The template ``sjablonen/<naam>`` filled in with ``waarden``."""
    return _omgeving().get_template(naam).render(**waarden)


@cache
def _stuk(naam: str) -> Template:
    return Template((STUKKEN / naam).read_text(encoding="utf-8").rstrip("\n"))


def stuk(naam: str, **waarden: Any) -> Html:
    """The fragment ``sjablonen/stukken/<naam>`` with its ``$name`` placeholders filled in.

    Every value is escaped unless it is :class:`Html` (a fragment already filled in); a
    placeholder without a value is an error, never a blank.
    """
    veilig = {k: v if isinstance(v, Html) else _html.escape(str(v)) for k, v in waarden.items()}
    return Html(_stuk(naam).substitute(veilig))
