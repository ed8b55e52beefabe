"""The Python in the README and the documentation passes ``mypy --strict`` and ruff as written.

Each page's ``python`` blocks are checked together, in order, as one module: a tutorial's later
blocks go on from its earlier ones, as a reader types them. One mypy run covers every page.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import DOCS, ROOT

BLOCK = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _pages() -> dict[Path, str]:
    pages = {}
    for page in [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]:
        blocks = BLOCK.findall(page.read_text("utf-8"))
        if blocks:
            pages[page] = "\n".join(blocks)
    return pages


@pytest.fixture(scope="module")
def snippets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each page's code as a module in a folder of its own: ``README.md`` → ``README_md.py``."""
    folder = tmp_path_factory.mktemp("snippets")
    written = {}
    for page, code in _pages().items():
        name = re.sub(r"\W", "_", str(page.relative_to(ROOT))) + ".py"
        (folder / name).write_text(code, encoding="utf-8")
        written[name] = page
    assert written
    return {name: folder / name for name in written}


def _tool(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *argv], cwd=cwd, capture_output=True, text=True, check=False
    )


def test_the_snippets_pass_mypy_strict(snippets: dict[str, Path]) -> None:
    folder = next(iter(snippets.values())).parent
    done = _tool(
        "mypy",
        "--strict",
        "--python-version",
        "3.11",
        "--cache-dir",
        str(folder / ".mypy"),
        *sorted(snippets),
        cwd=folder,
    )
    assert done.returncode == 0, done.stdout


def test_the_snippets_pass_ruff(snippets: dict[str, Path]) -> None:
    folder = next(iter(snippets.values())).parent
    done = _tool(
        "ruff",
        "check",
        "--config",
        str(ROOT / "pyproject.toml"),
        # A page's later blocks import what they need where the reader meets it.
        # The snippets lie outside the project: ocop is still its own (first-party) package.
        "--config",
        "lint.isort.known-first-party = ['ocop']",
        "--extend-ignore",
        "E402",
        *sorted(snippets),
        cwd=folder,
    )
    assert done.returncode == 0, done.stdout
