"""Speed helpers shared by the modules that make many objects at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["zonder_gc"]


@contextmanager
def zonder_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a block makes many short-lived objects.

    Reading an export of three years of daily figures makes tens of thousands of objects, none
    of them in reference cycles; without the pause the collector walks the whole heap again and
    again and costs about half the import time. Reference counting still frees everything; the
    collector resumes (if it was on) when the block ends, also after an error.
    """
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()
