"""The collector is paused for a build and restored after it, nested, threaded, or on an error."""

from __future__ import annotations

import gc
import threading

import pytest

from diplograph.bulk import paused


def test_paused_and_restored() -> None:
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        with paused():  # nested builds share the pause
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_restored_after_an_error() -> None:
    @paused()
    def fails() -> None:
        assert not gc.isenabled()
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        fails()
    assert gc.isenabled()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_threads_share_one_pause() -> None:
    inside, release = threading.Event(), threading.Event()

    def build() -> None:
        with paused():
            inside.set()
            release.wait(10)

    t = threading.Thread(target=build)
    t.start()
    assert inside.wait(10)
    with paused():
        pass
    assert not gc.isenabled()  # the other thread's build is still under way
    release.set()
    t.join(10)
    assert gc.isenabled()
