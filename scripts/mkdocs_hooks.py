"""mkdocs hooks: the documentation site serves its own Mermaid, so it works offline.

mkdocs-material draws ``mermaid`` fences with Mermaid, which it fetches from a CDN unless the
page already defines ``mermaid``; the site is read on office intranets, so it ships a pinned
``mermaid.min.js`` of its own (``javascripts/mermaid.min.js`` on every page). The file comes from
the ``mermaid`` package of the npm registry (``npm pack``, checked against the SHA-256 below)
and is kept in ``.cache/`` between builds; nothing of it is committed.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
MERMAID_VERSION = "11.17.2"
MERMAID_SHA256 = "581ed7d74bd9048d0e3a91363927d72ef22942d7722546b27f7cc29e35390eb8"
MERMAID_JS = "javascripts/mermaid.min.js"
CACHE = ROOT / ".cache" / f"mermaid-{MERMAID_VERSION}.min.js"

log = logging.getLogger("mkdocs.hooks.ocop")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _fetch() -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise PluginError(
            f"{MERMAID_JS}: {CACHE} is missing and npm is not installed to fetch mermaid "
            f"{MERMAID_VERSION}; install Node.js's npm, or put mermaid's dist/mermaid.min.js there"
        )
    log.info("fetching mermaid %s with npm pack", MERMAID_VERSION)
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run(
            [npm, "pack", f"mermaid@{MERMAID_VERSION}", "--silent", "--pack-destination", tmp],
            capture_output=True,
            text=True,
            check=False,
        )
        packed = sorted(Path(tmp).glob("mermaid-*.tgz"))
        if done.returncode or not packed:
            raise PluginError(f"npm pack mermaid@{MERMAID_VERSION} failed: {done.stderr.strip()}")
        with tarfile.open(packed[0]) as archive:
            member = archive.extractfile("package/dist/mermaid.min.js")
            if member is None:
                raise PluginError(f"mermaid {MERMAID_VERSION} has no dist/mermaid.min.js")
            data = member.read()
    if hashlib.sha256(data).hexdigest() != MERMAID_SHA256:
        raise PluginError(f"mermaid {MERMAID_VERSION}: dist/mermaid.min.js is not the one pinned")
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    partial = CACHE.with_suffix(".part")
    partial.write_bytes(data)
    partial.replace(CACHE)


def on_config(config: Any) -> Any:
    if not CACHE.is_file() or _sha256(CACHE) != MERMAID_SHA256:
        _fetch()
    if MERMAID_JS not in [str(script) for script in config.extra_javascript]:
        config.extra_javascript.append(MERMAID_JS)
    return config


def on_files(files: Files, config: Any) -> Files:
    files.append(File.generated(config, MERMAID_JS, abs_src_path=str(CACHE)))
    return files
