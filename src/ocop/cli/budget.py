"""``ocop budget``: report, check, convert a budget table; print its JSON Schema."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ocop._i18n import tr, trn
from ocop.budget import (
    KEYS,
    Budget,
    Phase,
    Tree,
    budget_schema,
    build_tree,
    check,
    load_budget,
    quang_tri_2019_budget,
    read_budget,
    rollup,
    rollup_workbook,
    write_csv,
    write_document,
)
from ocop.cli._common import (
    FORMATS,
    InputError,
    add_format,
    check_output,
    examples,
    print_json,
    print_problem_rows,
    print_problems,
    print_rows,
    read_text,
    warn,
    write_output,
)
from ocop.errors import OcopValueError
from ocop.money import Unit, format_amount, in_words, unit_header
from ocop.numbers import format_number
from ocop.problems import Problem, Result, has_errors

__all__ = ["register"]

BUILTIN = "the built-in Quảng Trị 2019 budget"


def _builtin() -> str:
    return tr("the built-in Quảng Trị 2019 budget")


def _heads(unit: Unit) -> dict[str, str]:
    """The table's fixed words in the current language, its figures in ``unit``."""
    return {
        "code": tr("No."),
        "title": tr("Item"),
        "amount": tr("Amount ({unit})", unit=unit_header(unit)),
        "responsible": tr("Responsible"),
        "key": tr("Group"),
        "share": tr("Share (%)"),
        "lines": tr("Lines"),
        "total": tr("TOTAL"),
        "words": tr("In words"),
    }


def register(sub: Any) -> None:
    """Add ``ocop budget`` and its subcommands."""
    group = sub.add_parser(
        "budget",
        help="programme budgets: report, check, convert",
        description="Read a budget table (CSV, TOML or JSON), check it, roll it up.",
    )
    group.set_defaults(group_parser=group)
    cmds = group.add_subparsers(dest="budget_command", metavar="COMMAND")

    report = cmds.add_parser(
        "report",
        help="the budget as a table, or rolled up by a key",
        description=f"Print a budget (default: {BUILTIN}) or its rollup by a key.",
        epilog=examples(
            "ocop budget report --by section --unit million",
            "ocop budget report docs/tutorials/budget-fixed.csv --by locality --lang en",
        ),
    )
    report.add_argument("file", nargs="?", metavar="FILE", help="CSV, TOML or JSON; - for stdin")
    report.add_argument("--by", choices=tuple(KEYS), help="roll up by this key")
    report.add_argument(
        "--phase",
        choices=[p.value for p in Phase],
        default=Phase.PLANNED.value,
        help="which amounts to add up (default: planned)",
    )
    report.add_argument(
        "--unit",
        choices=("dong", "thousand", "million", "billion"),
        help="unit of the table's figures (default: the budget's own)",
    )
    _add_table_unit(report)
    add_format(report, (*FORMATS, "xlsx"))
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="xlsx only: the workbook to write (one sheet, figures as numbers)",
    )
    report.set_defaults(handler=_report)

    chk = cmds.add_parser(
        "check",
        help="check every subtotal, total and code; exit 1 on any error",
        description=(
            "Check a budget: subtotals, grand total, total in words, codes, parents, amounts. "
            "Prints every problem, one a line; exit 0 when consistent, 1 when not, 2 when "
            "the file cannot be read."
        ),
        epilog=examples(
            "ocop budget check docs/tutorials/budget-with-mistakes.csv",
            "ocop budget check budget.csv --format json",
        ),
    )
    chk.add_argument("file", nargs="?", metavar="FILE", help="CSV, TOML or JSON; - for stdin")
    _add_table_unit(chk)
    add_format(chk)
    chk.set_defaults(handler=_check)

    conv = cmds.add_parser(
        "convert",
        help="write a budget as CSV, TOML or JSON",
        description="Read a budget in any form and write it in another, without loss.",
        epilog=examples("ocop budget convert docs/tutorials/budget-fixed.csv --to toml"),
    )
    conv.add_argument("file", nargs="?", metavar="FILE", help="CSV, TOML or JSON; - for stdin")
    conv.add_argument(
        "--to", choices=("csv", "toml", "json"), required=True, help="the format to write"
    )
    conv.add_argument("--delimiter", choices=(",", ";", "tab"), default=",", help="CSV only")
    _add_table_unit(conv)
    conv.set_defaults(handler=_convert)

    schema = cmds.add_parser(
        "schema",
        help="the JSON Schema of the budget document",
        description="Print the JSON Schema that a budget document (JSON or TOML) follows.",
        epilog=examples("ocop budget schema > budget.schema.json"),
    )
    schema.set_defaults(handler=_schema)


_UNITS = {"dong": Unit.DONG, "thousand": Unit.THOUSAND, "million": Unit.MILLION}


def _add_table_unit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sheet",
        metavar="NAME",
        help="the worksheet of an .xlsx workbook to read (default: the first)",
    )
    parser.add_argument(
        "--table-unit",
        metavar="UNIT",
        help=(
            "the unit of a table's money columns whose header states none, as a unit line "
            "'ĐVT: …' above the header would: đồng, '1.000 đồng', 'triệu đồng', 'tỷ đồng' "
            "(or tr.đ, 1000đ…); without it such a column is refused, never read as đồng"
        ),
    )


def _table_unit(args: argparse.Namespace) -> Unit | None:
    text = getattr(args, "table_unit", None)
    if text is None:
        return None
    try:
        return Unit.parse(text)
    except OcopValueError as exc:
        raise InputError(f"--table-unit: {exc}") from None


def _schema(_args: argparse.Namespace) -> int:
    print_json(budget_schema())
    return 0


def _load(
    file: str | None, unit: Unit | None = None, sheet: str | None = None
) -> tuple[Result[Budget], str]:
    if file is None:
        return Result(quang_tri_2019_budget()), _builtin()
    if file == "-":
        return read_budget(read_text(file), file="<stdin>", unit=unit), "<stdin>"
    return load_budget(file, unit=unit, sheet=sheet), file


def _all_problems(
    file: str | None, unit: Unit | None = None, sheet: str | None = None
) -> tuple[Budget, tuple[Problem, ...], str]:
    result, name = _load(file, unit, sheet)
    problems = result.problems
    if result.value.lines:
        # Check what could be read even when some of it could not: every problem at once.
        seen = {(p.where.row, p.where.path, p.code) for p in problems}
        problems += tuple(
            p for p in check(result.value) if (p.where.row, p.where.path, p.code) not in seen
        )
        last = float("inf")
        problems = tuple(
            sorted(problems, key=lambda p: last if p.where.row is None else p.where.row)
        )
    return result.value, problems, name


def _unit(args: argparse.Namespace, budget: Budget) -> Unit:
    if args.unit is None:
        return budget.unit
    return _UNITS.get(args.unit, Unit.BILLION)


def _report(args: argparse.Namespace) -> int:
    output = getattr(args, "output", None)
    check_output(output, args.file)
    if args.format == "xlsx" and output in (None, "-") and sys.stdout.isatty():
        raise InputError(tr("budget report --format xlsx: give the file to write with -o"))
    if args.format != "xlsx" and output is not None:
        raise InputError(tr("budget report: -o is for --format xlsx; other formats print"))
    budget, problems, name = _all_problems(
        args.file, _table_unit(args), getattr(args, "sheet", None)
    )
    if has_errors(problems):
        print_problems(problems)
        print(
            "ocop: " + tr("{file}: the budget is inconsistent; run `ocop budget check`", file=name),
            file=sys.stderr,
        )
        return 1
    phase = Phase(args.phase)
    tree = build_tree(budget, phase=phase)
    unit = _unit(args, budget)
    head = _heads(unit)
    if args.format == "table":
        print_problems(problems)
    if args.by is None and args.format == "table":
        _print_tree(budget, tree, unit, head)
        return 0
    result = rollup(tree, args.by or "section")
    amount_head = head["amount"]
    rows = [
        [
            g.key,
            g.title,
            format_amount(g.amount, unit, label=False),
            format_number(g.share, places=2),
            format_number(g.lines),
        ]
        for g in result.groups
    ]

    def as_json() -> dict[str, Any]:
        return {
            "budget": budget.title or name,
            "by": result.by,
            "phase": result.phase.value,
            "total": result.total,
            "total_in_words": in_words(result.total, dong=True, capitalize=True),
            "groups": [
                {
                    "key": g.key,
                    "title": g.title,
                    "amount": g.amount,
                    "share": float(g.share),
                    "lines": g.lines,
                }
                for g in result.groups
            ],
            "problems": [p.to_dict() for p in problems],
        }

    if args.format == "xlsx":
        write_output(rollup_workbook(result), output)
        return 0
    if args.format == "csv":
        print_rows(
            "csv",
            ["key", "title", "amount", "share", "lines"],
            [[g.key, g.title, g.amount, f"{g.share:.2f}", g.lines] for g in result.groups],
        )
        return 0
    if args.format == "json":
        print_json(as_json())
        return 0
    total = format_amount(result.total, unit, label=False)
    if result.by == "section":
        header = [head["code"], head["title"], amount_head, head["share"], head["lines"]]
        table = [[r[0], _cut(str(r[1]), 60), *r[2:]] for r in rows]
        table.append(["", head["total"], total, format_number(100, places=2), ""])
        right: tuple[int, ...] = (2, 3, 4)
    else:
        header = [head["key"], amount_head, head["share"], head["lines"]]
        table = [[_cut(str(r[0]), 70), *r[2:]] for r in rows]
        table.append([head["total"], total, format_number(100, places=2), ""])
        right = (1, 2, 3)
    print_rows("table", header, table, right=right)
    return 0


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _print_tree(budget: Budget, tree: Tree, unit: Unit, head: dict[str, str]) -> None:
    rows = []
    for node in tree.walk():
        line = node.line
        title = "  " * node.depth + (line.title if line.code else "- " + line.title)
        inherited = line.responsible is None and node.responsible is not None
        resp = node.responsible or ""
        rows.append(
            [
                line.code or "",
                _cut(title, 64),
                format_amount(node.amount, unit, label=False),
                _cut(("↑ " if inherited else "") + resp, 48),
            ]
        )
    rows.append(["", head["total"], format_amount(tree.total, unit, label=False), ""])
    if budget.title:
        print(budget.title)
    print_rows(
        "table",
        [
            head["code"],
            head["title"],
            head["amount"],
            head["responsible"],
        ],
        rows,
        right=(2,),
    )
    print(
        f"{head['words']}: {in_words(tree.total, dong=True, capitalize=True)} "
        f"({format_amount(tree.total)})"
    )


def _check(args: argparse.Namespace) -> int:
    budget, problems, name = _all_problems(
        args.file, _table_unit(args), getattr(args, "sheet", None)
    )
    bad = has_errors(problems)
    if args.format == "json":
        total = build_tree(budget).total if budget.lines else 0
        print_json(
            {
                "file": name,
                "ok": not bad,
                "lines": len(budget.lines),
                "total": total,
                "total_text": format_amount(total),
                "problems": [p.to_dict() for p in problems],
            }
        )
        return 1 if bad else 0
    if args.format == "csv":
        print_problem_rows(problems)
        return 1 if bad else 0
    print_problems(problems, file=sys.stdout)
    errors = sum(p.is_error for p in problems)
    warnings = trn("{n} warning", "{n} warnings", len(problems) - errors)
    if bad:
        count = trn("{n} error", "{n} errors", errors)
        print(f"{name}: {count}, {warnings}", file=sys.stderr)
        return 1
    total = build_tree(budget).total
    summary = tr(
        "consistent: {lines} lines, total {total}",
        lines=format_number(len(budget.lines)),
        total=format_amount(total),
    )
    note = f", {warnings}" if len(problems) > errors else ""
    warn(f"{name}: {summary}{note}")
    return 0


def _convert(args: argparse.Namespace) -> int:
    result, _name = _load(args.file, _table_unit(args), getattr(args, "sheet", None))
    if not result.ok:
        print_problems(result.problems)
        return 1
    if args.to == "csv":
        delimiter = "\t" if args.delimiter == "tab" else args.delimiter
        sys.stdout.write(write_csv(result.value, delimiter=delimiter))
    else:
        sys.stdout.write(write_document(result.value, format=args.to))
    return 0
