"""Writing files whole: a temporary file beside the target, then a rename, then the folder synced.

Readers see the old file or the new one, never half of one; on any failure
the temporary file is removed and the old file is left as it was. Once the
call returns, the new file and its name are on disk (the file and its folder
are synced), so a crash right after cannot bring the old one back.

Examples
--------
>>> import tempfile, pathlib
>>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> write_atomic(target, b"whole")
>>> target.read_bytes()
b'whole'
>>> with atomic_writer(target, "w", encoding="utf-8") as fh:
...     _ = fh.write("again")
>>> target.read_text(encoding="utf-8"), sorted(p.name for p in target.parent.iterdir())
('again', ['out.txt'])
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import StoreError

__all__ = ["TEMP_SUFFIX", "atomic_writer", "sync_folder", "write_atomic"]

#: The suffix of the temporary files written beside a target (``.NAME.RANDOM.tmp``).
TEMP_SUFFIX = ".tmp"


def sync_folder(folder: str | Path) -> None:
    """Flush a folder's entries to disk (after a rename into it); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - file systems that refuse to sync a folder
        pass
    finally:
        os.close(fd)


def _create_temp(p: Path) -> tuple[int, Path]:
    # os.open applies the process umask to 0o666 itself: the new file gets the usual permissions
    # without changing the umask (a process-wide setting that other threads would see)
    for _ in range(100):
        tmp = p.parent / f".{p.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
    raise StoreError(f"{p}: cannot create a temporary file beside it")  # pragma: no cover


@contextmanager
def atomic_writer(path: str | Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file next to *path*; when the ``with`` block ends without error, rename it over *path*.

    The folder is created when missing. For streaming large outputs;
    :func:`write_atomic` writes bytes at once.

    Raises
    ------
    StoreError
        The folder cannot be written.
    """
    p = Path(path)
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _create_temp(p)
    except OSError as exc:
        raise StoreError(f"{p}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="\n" if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, p)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(p.parent)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file and a rename (see :func:`atomic_writer`)."""
    with atomic_writer(path) as fh:
        fh.write(data)
