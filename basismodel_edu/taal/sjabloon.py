"""HTML from the Jinja2 templates in ``sjablonen/`` (every value escaped)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["html"]

MAP = Path(__file__).resolve().parent / "sjablonen"


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
