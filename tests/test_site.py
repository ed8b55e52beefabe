"""The built documentation site: the API reference renders its cross-references as links.

Building the site takes a few seconds, so it is built once for the whole module; with
``OCOP_SITE_DIR`` set (CI builds the site before the tests) the site found there is scanned
instead.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

SRC = ROOT / "src"
RAW_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|mod|attr|data|exc|obj|const):`")


def test_docstrings_use_markdown_cross_references() -> None:
    """A Sphinx role in a docstring shows up raw on the API pages (mkdocstrings reads Markdown).

    Write ``[`name`][ocop.module.name]`` instead; ``scripts/crossrefs.py`` rewrites roles.
    """
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(SRC.rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if RAW_ROLE.search(line)
    ]
    assert not found, "\n".join(found)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("OCOP_SITE_DIR")
    if given:
        path = Path(given)
        if not (path / "index.html").is_file():
            pytest.fail(f"OCOP_SITE_DIR={given} holds no built site (no index.html)")
        return path
    pytest.importorskip(
        "mkdocs", reason="the docs extra (pip install -e '.[docs]') is not installed"
    )
    pytest.importorskip("mkdocstrings", reason="the docs extra is not installed")
    out = tmp_path_factory.mktemp("site")
    built = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if built.returncode and "mermaid" in built.stderr and "npm" in built.stderr:
        # The site's own Mermaid is fetched once with npm (scripts/mkdocs_hooks.py).
        pytest.skip("the site's Mermaid could not be fetched: " + built.stderr.strip()[-300:])
    assert built.returncode == 0, built.stderr[-4000:]
    return out


def _pages(site: Path) -> list[Path]:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10, f"only {len(pages)} pages in {site}"
    return pages


def _text(html: str) -> str:
    """The page's text as a reader sees it (tags dropped, entities for ``<``/``>`` kept)."""
    return re.sub(r"<[^>]+>", "", html)


def test_no_page_shows_a_raw_role(site: Path) -> None:
    found = [
        f"{page.relative_to(site)}: {match.group(0)}"
        for page in _pages(site)
        for match in re.finditer(
            r".{0,30}" + RAW_ROLE.pattern + r".{0,30}", _text(page.read_text("utf-8"))
        )
    ]
    assert not found, "\n".join(found[:20])


def test_api_reference_links_its_cross_references(site: Path) -> None:
    page = (site / "reference" / "rating" / "index.html").read_text("utf-8")
    # Rating.mean_is_exact's docstring links Rating.mean_text on the same page.
    assert re.search(r'<a[^>]+href="[^"]*#ocop\.rating\.[\w.]*mean_text"', page)


# An element that makes the browser fetch something: a script, a stylesheet, a font, an image,
# a frame, or a connection made ahead of one. A plain link (``<a href>``) fetches nothing.
RESOURCE = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed)\b[^>]*\bsrc=[\"']([^\"']+)"
    r"|<link\b[^>]*\bhref=[\"']([^\"']+)"
    r"|@import\s+(?:url\()?[\"']?([^\"')\s]+)"
    r"|url\([\"']?((?:https?:)?//[^\"')]+)",
    re.IGNORECASE,
)


def _external(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def test_no_page_loads_anything_from_another_host(site: Path) -> None:
    found = []
    for page in [*_pages(site), *site.rglob("*.css")]:
        for match in RESOURCE.finditer(page.read_text("utf-8")):
            url = next(g for g in match.groups() if g)
            if _external(url):
                found.append(f"{page.relative_to(site)}: {match.group(0)[:120]}")
    assert not found, "\n".join(sorted(set(found))[:20])


def test_diagrams_are_drawn_by_the_sites_own_mermaid(site: Path) -> None:
    """mkdocs-material fetches Mermaid from a CDN unless the page has loaded its own."""
    script = site / "javascripts" / "mermaid.min.js"
    assert script.is_file()
    assert script.stat().st_size > 1_000_000, "not a whole Mermaid bundle"
    with_diagrams = [p for p in _pages(site) if 'class="mermaid"' in p.read_text("utf-8")]
    assert with_diagrams
    for page in with_diagrams:
        assert re.search(
            r'<script src="[^"]*javascripts/mermaid\.min\.js"', page.read_text("utf-8")
        )
