"""What the rule modules share: the type of a rule's findings and two small text helpers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

__all__ = ["Vondsten", "kort", "leeg"]

#: What a rule yields: the path of each element it finds wrong, with the values its message needs.
Vondsten = Iterator[tuple[str, dict[str, Any]]]


def leeg(tekst: str) -> bool:
    return not tekst.strip()


def kort(tekst: str) -> str:
    """A text quoted in a message: one line, at most 80 characters."""
    tekst = " ".join(tekst.split())
    return tekst if len(tekst) <= 80 else tekst[:77] + "..."
