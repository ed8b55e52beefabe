"""Rewrite Sphinx roles in docstrings (``:func:`x```) as mkdocstrings cross-references.

The API reference is rendered by mkdocstrings, which reads Markdown: a Sphinx role shows up as
raw text there. This rewrites each role as an autorefs link to the object's full path,
``[`x`][ocop.module.x]``, resolving a short name the way a reader would: the enclosing class,
then the module's own names and imports, then the package the module belongs to, then any
unique public name in ``ocop``. A name outside ``ocop`` (``decimal.Decimal``) becomes plain code:
the site is built offline, without other projects' inventories. Names it cannot resolve are
listed and left alone.

    .venv/bin/python scripts/crossrefs.py          # rewrite src/ in place
    .venv/bin/python scripts/crossrefs.py --check  # list what would change, exit 1 if any

A target that the reference does not render (a constant without a docstring, a private module)
cannot be linked: build the site, then hand the build's log back to turn those into plain code:

    mkdocs build --strict 2>&1 | tee build.log
    .venv/bin/python scripts/crossrefs.py --demote build.log
"""

from __future__ import annotations

import argparse
import ast
import builtins
import re
import sys
from pathlib import Path

import griffe

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
ROLE = re.compile(r":(?:py:)?(func|class|meth|mod|attr|data|exc|obj|const):`(~?)([^`<>]+)`")


def _load() -> griffe.Module:
    return griffe.load("ocop", search_paths=[str(SRC)], resolve_aliases=True)


def _index(package: griffe.Module) -> dict[str, set[str]]:
    """Short name → full paths of every public object defined in ``ocop``."""
    names: dict[str, set[str]] = {}

    def walk(obj: griffe.Object) -> None:
        names.setdefault(obj.name, set()).add(obj.path)
        for member in obj.members.values():
            if member.is_alias:
                continue
            walk(member)  # type: ignore[arg-type]

    walk(package)
    return names


def _lookup(package: griffe.Module, path: str) -> griffe.Object | None:
    try:
        obj = _get(package, path)
    except (KeyError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    return obj


def _get(package: griffe.Module, path: str) -> griffe.Object:
    parts = path.split(".")
    if parts[0] != "ocop":
        raise KeyError(path)
    obj: griffe.Object | griffe.Alias = package
    for part in parts[1:]:
        obj = obj.members[part]
    return obj.final_target if obj.is_alias else obj  # type: ignore[return-value]


def _scopes(module: griffe.Module, line: int) -> list[griffe.Object]:
    """The objects whose source spans ``line``, innermost first, ending with the module."""
    chain: list[griffe.Object] = [module]

    def descend(obj: griffe.Object) -> None:
        for member in obj.members.values():
            if member.is_alias or member.lineno is None or member.endlineno is None:
                continue
            if member.lineno <= line <= member.endlineno:
                chain.append(member)  # type: ignore[arg-type]
                descend(member)  # type: ignore[arg-type]
                return

    descend(module)
    return list(reversed(chain))


def resolve(
    package: griffe.Module, index: dict[str, set[str]], module: griffe.Module, line: int, name: str
) -> str | None:
    """The full path ``name`` stands for at ``line`` of ``module``, or None."""
    name = name.strip().rstrip("()")
    if name.startswith("ocop.") or name == "ocop":
        return name if name == "ocop" or _lookup(package, name) else None
    head, _, rest = name.partition(".")
    for scope in _scopes(module, line):
        container = scope
        # A class's members are in scope inside its methods.
        if container.is_function and container.parent is not None:
            container = container.parent  # type: ignore[assignment]
        for candidate in (scope, container):
            if head in candidate.members:
                member = candidate.members[head]
                try:
                    target = member.final_target if member.is_alias else member
                except (griffe.AliasResolutionError, griffe.CyclicAliasError):
                    target_path = member.target_path if member.is_alias else member.path
                    return target_path + (f".{rest}" if rest else "")
                full = target.path + (f".{rest}" if rest else "")
                if full.startswith("ocop") and _lookup(package, full):
                    return full
                if not full.startswith("ocop"):
                    return full
    # The package the module belongs to (``ocop.rating`` for ``ocop.rating.io``).
    parts = module.path.split(".")
    for depth in range(len(parts), 0, -1):
        full = ".".join([*parts[:depth], name])
        if _lookup(package, full):
            return full
    candidates = {
        p for p in index.get(head, set()) if not any(s.startswith("_") for s in p.split(".")[1:])
    }
    if len(candidates) == 1:
        full = next(iter(candidates)) + (f".{rest}" if rest else "")
        if _lookup(package, full):
            return full
    if (rest and head in sys.stdlib_module_names) or (not rest and hasattr(builtins, name)):
        return name  # another project's name: shown as code
    return None


def _docstring_lines(path: Path) -> set[int]:
    """Line numbers that lie inside a string literal (docstrings and other strings)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


def _module_for(package: griffe.Module, path: Path) -> griffe.Module:
    rel = path.relative_to(SRC).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    obj = _get(package, ".".join(parts))
    assert isinstance(obj, griffe.Module)
    return obj


def convert(check: bool) -> int:
    package = _load()
    index = _index(package)
    changed = 0
    unresolved: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        if not ROLE.search(text):
            continue
        module = _module_for(package, path)
        strings = _docstring_lines(path)
        out: list[str] = []
        for lineno, line in enumerate(text.splitlines(keepends=True), start=1):

            def repl(
                match: re.Match[str],
                lineno: int = lineno,
                module: griffe.Module = module,
                path: Path = path,
            ) -> str:
                _, tilde, name = match.groups()
                name = name.strip()
                full = resolve(package, index, module, lineno, name)
                shown = name.rsplit(".", 1)[-1] if tilde else name
                shown_code = f"`{shown}`"
                if full is None:
                    unresolved.append(f"{path.relative_to(ROOT)}:{lineno}: {match.group(0)}")
                    return match.group(0)
                if not full.startswith("ocop"):
                    return shown_code
                return f"[{shown_code}][{full}]"

            documented = lineno in strings or line.lstrip().startswith("#:")
            out.append(ROLE.sub(repl, line) if documented else line)
        new = "".join(out)
        if new != text:
            changed += 1
            print(f"{'would rewrite' if check else 'rewrote'} {path.relative_to(ROOT)}")
            if not check:
                path.write_text(new, encoding="utf-8")
    for item in unresolved:
        print(f"unresolved: {item}", file=sys.stderr)
    return 1 if (check and changed) or unresolved else 0


UNRESOLVED = re.compile(r"from (\S+?\.py):\d+: .*Could not find cross-reference target '([^']+)'")


def demote(log: Path) -> int:
    """Turn the links that the build could not resolve into plain code."""
    targets: dict[Path, set[str]] = {}
    for match in UNRESOLVED.finditer(log.read_text(encoding="utf-8")):
        targets.setdefault(Path(match.group(1)), set()).add(match.group(2))
    for path, names in sorted(targets.items()):
        text = path.read_text(encoding="utf-8")
        for name in names:
            text = re.sub(r"\[(`[^`]*`)\]\[" + re.escape(name) + r"\]", r"\1", text)
        path.write_text(text, encoding="utf-8")
        print(f"demoted {len(names)} in {path}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing, exit 1 if needed")
    parser.add_argument("--demote", type=Path, metavar="LOG", help="mkdocs build log to act on")
    args = parser.parse_args()
    if args.demote:
        return demote(args.demote)
    return convert(args.check)


if __name__ == "__main__":
    raise SystemExit(main())
