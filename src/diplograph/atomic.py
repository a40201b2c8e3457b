"""Writing files whole: a temporary file beside the target, then a rename, then the folder synced.

Readers see the old file or the new one, never half of one; on any failure
the temporary file is removed and the old file is left as it was. Once the
call returns, the new file and its name are on disk (the file and its folder
are synced), so a crash right after cannot bring the old one back.

Every output of diplograph (graphs, pages, exports, synthetic worlds, a
store's pointer) is written here, so two rules hold for all of them:

- **No folder is made by surprise.** The target's folder must exist; only a
  folder named by a relative path inside the current folder is created (with
  a note in the log). ``/nonexistent-dir/x.html`` is an error naming the
  missing folder, never a new folder at the filesystem root.
- **What a killed writer left is cleaned.** The temporary file
  (``.NAME.RANDOM.tmp``) is locked (``flock``) by the process writing it; the
  next write of the same target removes those whose writer is gone, and
  leaves alone those a live process is still writing.

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
>>> write_atomic("/nonexistent-dir/x.html", b"")
Traceback (most recent call last):
...
diplograph.errors.StoreError: /nonexistent-dir/x.html: cannot write: the folder /nonexistent-dir does not exist
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .errors import StoreError

__all__ = ["ORPHAN_AGE", "TEMP_SUFFIX", "atomic_writer", "ensure_folder", "remove_orphans", "sync_folder",
           "write_atomic"]

log = logging.getLogger(__name__)

#: The suffix of the temporary files written beside a target (``.NAME.RANDOM.tmp``).
TEMP_SUFFIX = ".tmp"

#: Seconds a temporary file must have been left untouched before it may be taken for an orphan.
ORPHAN_AGE = 5.0


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


def _inside_current_folder(folder: Path) -> bool:
    if folder.is_absolute():
        return False
    here = Path.cwd().resolve()
    return folder.resolve().is_relative_to(here)


def ensure_folder(folder: str | Path, what: str | None = None) -> None:
    """Make sure *folder* exists: create it only when it is a relative path inside the current folder.

    Parameters
    ----------
    folder : str or Path
        The folder an output goes into.
    what : str, optional
        How to name the output in the message (default: the folder itself).

    Raises
    ------
    StoreError
        The folder does not exist and lies elsewhere (an absolute path, or one
        leading out of the current folder), or it cannot be created, or a file
        stands where it should be.
    """
    f = Path(folder)
    name = what or str(f)
    if f.is_dir():
        return
    if f.exists():
        raise StoreError(f"{name}: cannot write: {f} is not a folder")
    if not _inside_current_folder(f):
        raise StoreError(f"{name}: cannot write: the folder {f} does not exist")
    try:
        f.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{name}: cannot create the folder {f}: {exc.strerror}") from None
    log.warning("created the folder %s (it did not exist)", f)


def _lock_fd(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def remove_orphans(path: str | Path) -> list[Path]:
    """Remove the temporary files of *path* that a killed writer left behind; return them.

    A temporary file is an orphan when no process holds its lock and it has
    not changed for :data:`ORPHAN_AGE` seconds (a file just created is never
    taken for one). Files a live process is writing are left alone.
    """
    p = Path(path)
    removed: list[Path] = []
    try:
        candidates = list(p.parent.glob(f".{p.name}.*{TEMP_SUFFIX}"))
    except OSError:
        return removed
    now = time.time()
    for tmp in candidates:
        try:
            if now - tmp.stat().st_mtime < ORPHAN_AGE:
                continue
            fd = os.open(tmp, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if _lock_fd(fd):
                tmp.unlink(missing_ok=True)
                removed.append(tmp)
                log.info("removed %s, left by a writer that was stopped", tmp)
        except OSError:
            pass
        finally:
            os.close(fd)
    return removed


def _create_temp(p: Path) -> tuple[int, Path]:
    # os.open applies the process umask to 0o666 itself: the new file gets the usual permissions
    # without changing the umask (a process-wide setting that other threads would see)
    for _ in range(100):
        tmp = p.parent / f".{p.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        fcntl.flock(fd, fcntl.LOCK_EX)  # held until the file is closed: the mark of a live writer
        return fd, tmp
    raise StoreError(f"{p}: cannot create a temporary file beside it")  # pragma: no cover


@contextmanager
def atomic_writer(path: str | Path, mode: str = "wb", encoding: str | None = None) -> Iterator[IO[Any]]:
    """Open a temporary file next to *path*; when the ``with`` block ends without error, rename it over *path*.

    For streaming large outputs; :func:`write_atomic` writes bytes at once.
    The folder must exist (see :func:`ensure_folder`); temporary files that
    earlier, killed writers of *path* left are removed first.

    Raises
    ------
    StoreError
        The folder does not exist (and is not a relative one inside the
        current folder), or cannot be written.
    """
    p = Path(path)
    ensure_folder(p.parent, str(p))
    remove_orphans(p)
    try:
        fd, tmp = _create_temp(p)
    except OSError as exc:
        raise StoreError(f"{p}: cannot write: {exc.strerror}") from None
    try:
        with os.fdopen(fd, mode, encoding=encoding, newline="\n" if "b" not in mode else None) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
            os.replace(tmp, p)  # while the file is still open, and so still locked
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    sync_folder(p.parent)


def write_atomic(path: str | Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file and a rename (see :func:`atomic_writer`)."""
    with atomic_writer(path) as fh:
        fh.write(data)
