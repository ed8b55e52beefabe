"""Writing files safely: the one writer of the edge.

`write_atomic` writes a temporary file in the target's folder and renames it over the target,
so that a failure — a full disk, a killed process — leaves the previous file whole, never
half-written. `same_file` tells whether an output names one of the inputs, so that no command
overwrites its own input.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

__all__ = ["same_file", "write_atomic"]


def same_file(a: str | Path, b: str | Path) -> bool:
    """``True`` when ``a`` and ``b`` name one file (through links, ``..`` or case folding
    where the file system folds case); ``False`` when either does not exist yet and their
    resolved paths differ."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return Path(a).resolve() == Path(b).resolve()


def write_atomic(path: str | Path, data: str | bytes) -> None:
    """Write ``data`` (text is written as UTF-8) to ``path`` atomically.

    The data goes to a temporary file in the same folder, is flushed to the disk, and the
    temporary file is renamed over ``path``; an existing file keeps its permissions.

    Raises:
        OSError: The folder cannot be written, the disk is full… ``path`` is then as it was.
    """
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    mode: int | None = None
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(target.stat().st_mode)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
