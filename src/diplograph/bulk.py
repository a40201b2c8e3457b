"""Building many objects at once, with Python's cyclic garbage collector paused meanwhile.

Records, networks and pages are made of hundreds of thousands of small
containers, none of them in a reference cycle. Each allocation counts toward
the collector's next pass, and each full pass walks every object alive: at
100,000 contacts those passes cost more than the building itself
(docs/scale.md). :func:`paused` switches the collector off for the time of
one build and back on after it (if it was on); memory freed by reference
counting is freed as before.

Examples
--------
>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
>>> @paused()
... def build(n):
...     return [[i] for i in range(n)]
>>> len(build(3)), gc.isenabled()
(3, True)
"""

from __future__ import annotations

import contextlib
import gc
import threading

__all__ = ["paused"]

_lock = threading.Lock()
_depth = 0  # builds under way (in any thread): the collector is switched back on when the last one ends
_was_enabled = False


class _Paused(contextlib.ContextDecorator):
    """The collector paused from ``__enter__`` to ``__exit__`` (nested and threaded uses share one pause)."""

    def __enter__(self) -> None:
        global _depth, _was_enabled
        with _lock:
            if _depth == 0:
                _was_enabled = gc.isenabled()
                gc.disable()
            _depth += 1

    def __exit__(self, *exc: object) -> None:
        global _depth
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def paused() -> _Paused:
    """A context manager (and decorator) that pauses the cyclic garbage collector while it runs."""
    return _Paused()
