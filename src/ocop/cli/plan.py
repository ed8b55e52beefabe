"""``ocop report``, ``ocop simulate`` and ``ocop plan``: a plan's progress from the cycle's
records, simulated event logs, and plan documents."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any, Literal

from ocop._i18n import tr
from ocop.cli._common import (
    InputError,
    add_format,
    check_output,
    examples,
    print_json,
    print_problem_rows,
    print_problems,
    read_text,
    write_output,
)

__all__ = ["register"]

_BUILTIN_EVENTS = "quang-tri-2019/events-simulated.jsonl"


def register(sub: Any) -> None:
    """Add ``ocop report``, ``ocop simulate`` and ``ocop plan``."""
    report = sub.add_parser(
        "report",
        help="a plan's progress on a date: targets, activities, budget",
        description=(
            "The progress of a provincial OCOP plan (kế hoạch) on a date: each target's "
            "figure and status, the activities against their windows, the budget by activity "
            "and by section. Without PLAN: the built-in Quảng Trị 2019 plan (278/KH-SNN) "
            "against the real results of its cycle (Decision 136/QĐ-UBND, 15 January 2020); "
            "--simulated reports it on its bundled SIMULATED event log instead."
        ),
        epilog=examples(
            "ocop report",
            "ocop report docs/tutorials/plan-2026.toml "
            "--events docs/tutorials/plan-2026-events.jsonl --format html -o report.html",
        ),
    )
    report.add_argument(
        "plan",
        nargs="?",
        help="a plan document (TOML or JSON) or a folder of CSV tables (default: built-in)",
    )
    report.add_argument(
        "--on",
        help="the date of the report: YYYY-MM-DD or a quarter such as 2019-Q3 "
        "(its last day) (default: the last day of the plan's year)",
    )
    events = report.add_mutually_exclusive_group()
    events.add_argument(
        "--events",
        help="a JSON Lines event log, as ocop cycle replay reads ('-' for standard input)",
    )
    events.add_argument(
        "--simulated",
        action="store_true",
        help="the built-in plan on its bundled SIMULATED event log (ocop simulate), labelled "
        "as simulated, instead of its real results",
    )
    events.add_argument(
        "--no-events",
        action="store_true",
        help="report without an event log or results (the built-in plan otherwise uses its "
        "real results)",
    )
    report.add_argument(
        "--format",
        choices=("table", "json", "markdown", "html", "xlsx"),
        default="table",
        help="output format (default: table; xlsx: a workbook, needs -o on a terminal)",
    )
    report.add_argument(
        "--lang", choices=("vi", "en"), default="vi", help="language of the labels (default: vi)"
    )
    report.add_argument("--output", "-o", help="write to this file instead of standard output")
    report.set_defaults(handler=_report)

    simulate = sub.add_parser(
        "simulate",
        help="write a simulated year of a province's product cycle as a JSON Lines event log",
        description=(
            "A realistic, reproducible and clearly SIMULATED event log of a province's year: "
            "subjects of each kind, products of the 26 product sets, councils' scores from the "
            "real criteria sheets. Every register note starts with 'simulated'. Replay it with "
            "ocop cycle replay or report on it with ocop report --events. Only Quảng Trị is "
            "simulated with its real districts; other provinces get invented place names."
        ),
        epilog=examples(
            "ocop simulate --province 'Quảng Trị' --products 300 --year 2026 --seed 1 "
            "-o events.jsonl"
        ),
    )
    simulate.add_argument(
        "--province",
        required=True,
        help="the province's name, e.g. 'Quảng Trị' (case and diacritics are ignored)",
    )
    simulate.add_argument(
        "--products",
        required=True,
        type=int,
        help="how many products register (0 to 100,000; the whole country has about 18,200 "
        "certified products)",
    )
    simulate.add_argument(
        "--year",
        required=True,
        type=int,
        help="the year (2019 or later: the first criteria set, 1048/QĐ-TTg, is of 21 Aug 2019)",
    )
    simulate.add_argument("--seed", required=True, type=int, help="the random seed")
    simulate.add_argument("--output", "-o", help="write to this file instead of standard output")
    simulate.set_defaults(handler=_simulate)

    group = sub.add_parser(
        "plan",
        help="plan documents: check one, print the JSON Schema, convert CSV tables",
        description=(
            "A province's yearly OCOP plan (kế hoạch) as a document: check, convert, schema."
        ),
    )
    group.set_defaults(group_parser=group)
    cmds = group.add_subparsers(dest="plan_command", metavar="COMMAND")
    check = cmds.add_parser(
        "check",
        help="check a plan document or folder; print every problem",
        description=(
            "Check a plan document or a folder of CSV tables and its budget; print every "
            "problem. As csv: one row per problem (file, row, field, path, line, code, "
            "severity, message), as ocop budget check --format csv prints them."
        ),
        epilog=examples(
            "ocop plan check docs/tutorials/plan-with-mistakes.toml",
            "ocop plan check plan-folder/ --format csv",
        ),
    )
    check.add_argument("plan", help="a plan document (TOML or JSON) or a folder of CSV tables")
    add_format(check)
    check.set_defaults(handler=_check)
    convert = cmds.add_parser(
        "convert",
        help="write a plan document or a folder of CSV tables as one TOML or JSON document",
        description=(
            "Read a plan (a TOML or JSON document, or a folder of activities.csv, targets.csv "
            "and budget.csv) and write it as one TOML or JSON document, its budget embedded. "
            "A plan with errors is not written: its problems are printed (exit 1)."
        ),
        epilog=examples("ocop plan convert plan-folder/ --to toml -o plan.toml"),
    )
    convert.add_argument("plan", help="a plan document (TOML or JSON) or a folder of CSV tables")
    convert.add_argument(
        "--to",
        choices=("toml", "json"),
        help="the format of the document (default: from the --output file's suffix)",
    )
    convert.add_argument("--output", "-o", help="write to this file instead of standard output")
    convert.set_defaults(handler=_convert)
    schema = cmds.add_parser(
        "schema",
        help="the JSON Schema of the plan document",
        description="Print the JSON Schema that a plan document (TOML or JSON) follows.",
        epilog=examples("ocop plan schema > plan.schema.json"),
    )
    schema.set_defaults(handler=_schema)


def _date(text: str) -> dt.date:
    from ocop.errors import OcopValueError
    from ocop.periods import Quarter

    try:
        return dt.date.fromisoformat(text) if len(text) == 10 else Quarter.parse(text).end
    except (ValueError, OcopValueError):
        raise InputError(
            f"--on {text!r}: not a date (write YYYY-MM-DD, or a quarter such as 2019-Q3)"
        ) from None


def _load(path: str | None) -> tuple[Any, tuple[Any, ...]]:
    from ocop.errors import OcopInputError
    from ocop.plan import load_plan, quang_tri_2019

    if path is None:
        return quang_tri_2019(), ()
    try:
        result = load_plan(path)
    except OcopInputError as exc:
        raise InputError(str(exc)) from None
    return result.value, result.problems


def _referenced(plan: Any) -> tuple[Any, ...]:
    """The files a loaded plan was read from besides the one given: its budget's."""
    budget = getattr(plan, "budget", None)
    source = getattr(budget, "source", None)
    return (getattr(source, "file", None),)


def _report(args: argparse.Namespace) -> int:
    from importlib import resources

    from ocop.cycle import EventKind, follow, read_events, watch_events
    from ocop.plan import SIMULATED, EventLog, progress, quang_tri_2019_results
    from ocop.plan import render_report as render
    from ocop.problems import has_errors

    check_output(args.output, args.plan, args.events)
    on = None if args.on is None else _date(args.on)
    if args.simulated and args.plan is not None:
        raise InputError(
            tr(
                "--simulated: the bundled simulated log is the built-in plan's; give --events "
                "FILE for {plan}",
                plan=args.plan,
            )
        )
    plan, problems = _load(args.plan)
    check_output(args.output, *_referenced(plan))
    if plan is None:
        print_problems(problems)
        return 1
    text: str | None = None
    name = ""
    if args.events is not None:
        text = read_text(args.events)
        name = "<stdin>" if args.events == "-" else args.events
    elif args.simulated:
        name = f"ocop/data/{_BUILTIN_EVENTS}"
        text = resources.files("ocop.data").joinpath(_BUILTIN_EVENTS).read_text("utf-8")
    records = None
    log = None
    watch = None
    if text is not None:
        read = read_events(text, file=name)
        # The certificates on the report's date, from the events up to it (the replay's
        # problems are the log's, reported once below).
        watch = watch_events(read.value, plan.end if on is None else on).value
        followed = follow(read.value)
        records = followed.value
        found = sorted((*read.problems, *followed.problems), key=lambda p: p.where.row or 0)
        problems = (*problems, *found)
        simulated = any(
            ev.kind is EventKind.REGISTER and (ev.note or "").startswith(SIMULATED)
            for _, ev, _, _, _ in read.value
        )
        log = EventLog(
            name=name, events=len(read.value), products=len(records), simulated=simulated
        )
    results = None
    if args.plan is None and text is None and not args.no_events:
        results = quang_tri_2019_results()
    result = progress(
        plan,
        on=on,
        records=records,
        log=log,
        problems=problems,
        results=results,
        watch=watch,
    )
    if args.format == "xlsx":
        from ocop.plan import report_workbook

        if args.output in (None, "-") and sys.stdout.isatty():
            raise InputError(tr("report --format xlsx: give the file to write with -o"))
        write_output(report_workbook(result, lang=args.lang), args.output)
    else:
        write_output(render(result, args.format, lang=args.lang), args.output)
    if args.format != "json":
        print_problems(result.problems)
    return 1 if has_errors(result.problems) else 0


def _simulate(args: argparse.Namespace) -> int:
    from ocop.errors import OcopValueError
    from ocop.plan import simulate
    from ocop.text import fold
    from ocop.units import REFORM, AmbiguousName, resolve, units_on

    check_output(args.output)
    day = dt.date(args.year, 1, 1) if 1 <= args.year <= 9999 else dt.date.today()
    try:
        found = resolve(args.province, on=day, level="province")
    except AmbiguousName as exc:  # pragma: no cover - province names are unique
        raise InputError(str(exc)) from None
    if found is None:
        known = ", ".join(sorted((u.short for u in units_on(day)), key=fold))
        raise InputError(
            tr(
                "--province {name!r}: not a province of Vietnam on {on} (known: {known})",
                name=args.province,
                on=day.isoformat(),
                known=known,
            )
        )
    if not found.exists:
        raise InputError(
            tr(
                "--province {name!r}: {unit} no longer exists on {on}; from {start} it is part "
                "of {successor}",
                name=args.province,
                unit=found.unit.name,
                on=day.isoformat(),
                start=REFORM.isoformat(),
                successor=found.successor.name if found.successor else "?",
            )
        )
    try:
        sim = simulate(
            province=found.unit.short, products=args.products, year=args.year, seed=args.seed
        )
    except OcopValueError as exc:
        raise InputError(str(exc)) from None
    write_output(sim.jsonl(), args.output)
    return 0


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _check(args: argparse.Namespace) -> int:
    from ocop.budget import check as check_budget
    from ocop.plan import check_province
    from ocop.problems import has_errors

    plan, problems = _load(args.plan)
    if plan is not None:
        problems = (*problems, *check_province(plan))
    if plan is not None and plan.budget is not None:
        problems = (*problems, *check_budget(plan.budget))
    bad = has_errors(problems) or plan is None
    if args.format == "json":
        print_json(
            {
                "file": args.plan,
                "ok": not bad,
                "number": None if plan is None else plan.number,
                "year": None if plan is None else plan.year,
                "activities": 0 if plan is None else len(plan.activities),
                "targets": 0 if plan is None else len(plan.targets),
                "facts": 0 if plan is None else len(plan.facts),
                "problems": [p.to_dict() for p in problems],
            }
        )
        return 1 if bad else 0
    if args.format == "csv":
        print_problem_rows(problems)
        return 1 if bad else 0
    print_problems(problems, file=sys.stdout)
    if plan is not None and not has_errors(problems):
        print(
            f"{plan.number} ({plan.year}): {_count(len(plan.activities), 'activity', 'activities')}"
            f", {_count(len(plan.targets), 'target', 'targets')}"
            f", {_count(len(plan.facts), 'fact', 'facts')}"
        )
    return 1 if bad else 0


def _convert(args: argparse.Namespace) -> int:
    from ocop.plan import write_plan
    from ocop.problems import has_errors

    check_output(args.output, args.plan)
    to = args.to or _format_of(args.output)
    plan, problems = _load(args.plan)
    check_output(args.output, *_referenced(plan))
    print_problems(problems)
    if plan is None or has_errors(problems):
        return 1
    write_output(write_plan(plan, format=to), args.output)
    return 0


def _format_of(output: str | None) -> Literal["toml", "json"]:
    suffix = Path(output).suffix.lower() if output else ""
    if suffix in (".toml", ".json"):
        return "toml" if suffix == ".toml" else "json"
    raise InputError("give --to toml or --to json (or an --output file ending in .toml or .json)")


def _schema(args: argparse.Namespace) -> int:
    from ocop.plan import plan_schema

    print_json(plan_schema())
    return 0
