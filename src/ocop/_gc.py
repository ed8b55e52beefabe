"""Pausing the cyclic garbage collector while large acyclic structures are built."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["no_gc"]


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic collector for the block, then restore it as it was.

    Building a million frozen records makes the collector scan every young object again and
    again, although none of them can form a cycle; pausing it makes loading linear. Reference
    counting still frees memory as usual.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
