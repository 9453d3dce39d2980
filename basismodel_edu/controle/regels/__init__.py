"""The consistency rules, one module per family; importing this package registers them all."""

from __future__ import annotations

from . import alles, meten  # noqa: F401

__all__: list[str] = []  # rules are reached through the registry, never imported by name
