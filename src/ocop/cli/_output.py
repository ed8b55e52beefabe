"""Writing a command's output file: atomically, and never over one of the command's inputs."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from ocop._i18n import tr
from ocop.cli._common import InputError

__all__ = ["refuse_overwrite", "write_output"]


def refuse_overwrite(output: str | None, inputs: Iterable[str]) -> None:
    """Refuse (exit 2) an ``output`` that names one of ``inputs``, before any work is done."""
    if output is None or output == "-":
        return
    out = Path(output)
    for name in inputs:
        if name == "-":
            continue
        path = Path(name)
        with contextlib.suppress(OSError):
            if out.exists() and path.exists() and os.path.samefile(out, path):
                raise InputError(
                    tr("{output}: this is an input of the command; write elsewhere", output=output)
                )


def write_output(data: str | bytes, output: str | None) -> None:
    """Write ``data`` to ``output`` (standard output for ``None`` or ``-``).

    A file is written atomically: a temporary file in the same folder, then a rename, so that a
    failure leaves the previous file whole.
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if output is None or output == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(raw)
        sys.stdout.flush()
        return
    target = Path(output)
    if target.is_dir():
        raise InputError(tr("{output}: is a folder, not a file", output=output))
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        raise InputError(
            tr("{output}: cannot write ({why})", output=output, why=exc.strerror or exc)
        ) from None
    try:
        # mkstemp makes the file private: give it the mode a plain write would.
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(tmp, 0o666 & ~mask)
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(
            tr("{output}: cannot write ({why})", output=output, why=exc.strerror or exc)
        ) from None
