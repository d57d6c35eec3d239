"""Pausing the garbage collector while many long-lived objects are made.

Reading a document, building a lazy index or a corpus makes objects by the
hundred thousand that stay alive and form no garbage cycle; every collection on
the way walks all of them again, for nothing. So the collector is paused there.
A pause, not ``gc.freeze()``: freezing would move the caller's whole heap,
garbage cycles included, out of the collector's reach for good.

The collector is one switch for the whole process. The pause that turns it off
turns it back on when it ends, whatever other pauses are still under way: pauses
in several threads that overlap end to end would otherwise keep it off for as
long as the threads work, and the garbage of every other thread would pile up.
A pause inside another, or begun while the collector is off, changes nothing.
A thread that turns the collector off during another thread's pause finds it on
again when that pause ends; a process forked during a pause starts with the
collector on.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
from collections.abc import Iterator

__all__ = ["collector_paused"]

_LOCK = threading.RLock()  # a signal handler may read a document on the pausing thread
_owner: object | None = None  # the pause that turned the collector off


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the garbage collector inside the block, if it is on and no pause is under
    way; the pause that turned it off turns it back on, however its block ends."""
    global _owner
    pause = object()
    try:
        with _LOCK:
            if _owner is None and gc.isenabled():
                _owner = pause  # first, so that an interruption still finds it to undo
                gc.disable()
        yield
    finally:
        with _LOCK:
            if _owner is pause:
                _owner = None
                gc.enable()


def _after_fork_in_child() -> None:
    """The child has only the forking thread: no pause of another thread goes on there."""
    global _LOCK, _owner
    _LOCK = threading.RLock()
    if _owner is not None:
        _owner = None
        gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
