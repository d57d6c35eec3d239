"""Pausing the garbage collector while many long-lived objects are made.

Reading a document, building a lazy index or a corpus makes objects by the
hundred thousand that stay alive and form no garbage cycle; every collection on
the way walks all of them again, for nothing. So the collector is paused there.
A pause, not ``gc.freeze()``: freezing would move the caller's whole heap,
garbage cycles included, out of the collector's reach for good.

The collector is one switch for the whole process: while a pause lasts, no
thread's cycles are collected, and a thread that turns the collector off during
another thread's pause finds it on again once the last pause ends.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

# Nested and concurrent pauses count: the last one to end turns the collector back
# on, and only if it was on before the first.
_PAUSE_LOCK = threading.Lock()
_pauses = 0
_resume = False


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector inside the block; turn it back on after, however the
    block ends, if it was on when the first of the pauses under way began."""
    global _pauses, _resume
    with _PAUSE_LOCK:
        if _pauses == 0:
            _resume = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _PAUSE_LOCK:
            _pauses -= 1
            if _pauses == 0 and _resume:
                gc.enable()
