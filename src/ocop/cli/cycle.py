"""``ocop cycle``: the product cycle's diagrams, replaying a stream of events, and the
certificate watch."""

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
    examples,
    print_json,
    print_problems,
    print_rows,
    read_text,
)
from ocop.cycle import (
    DEFAULT_WITHIN_DAYS,
    WATCH_CSV_COLUMNS,
    Record,
    Stage,
    Timetable,
    check_definition,
    follow,
    read_events,
    record_json_schema,
    to_dot,
    to_mermaid,
    watch_csv_rows,
    watch_events,
    watch_html,
    watch_table,
)
from ocop.errors import OcopLookupError
from ocop.problems import has_errors
from ocop.regimes import REGIMES, Regime, get_regime, regime_on
from ocop.scores import exact_text, format_score, parse_score

__all__ = ["register"]


def _quang_tri_2019() -> Timetable:
    # The windows come from the built-in plan's own data (its activities' quarters).
    from ocop.plan import quang_tri_2019

    return quang_tri_2019().timetable()


_PLANS = {"quang-tri-2019": _quang_tri_2019}

#: The replay table's headings; JSON and CSV keep the English field names.
_HEAD = {
    "vi": ("Sản phẩm", "Giai đoạn", "Hạng sao", "Điểm", "Hết hạn", "Chế độ"),
    "en": ("product", "stage", "stars", "score", "expires", "regime"),
}


def register(sub: Any) -> None:
    """Add ``ocop cycle`` and its subcommands."""
    group = sub.add_parser(
        "cycle",
        help="the annual product cycle: diagrams, replaying events",
        description="The OCOP product cycle (chu trình OCOP) under each regime since 2018.",
    )
    group.set_defaults(group_parser=group)
    cmds = group.add_subparsers(dest="cycle_command", metavar="COMMAND")

    diagram = cmds.add_parser(
        "diagram",
        help="the cycle as a Mermaid or Graphviz diagram, one per regime",
        description="Print the product cycle of a regime (or of each) as a Mermaid or DOT diagram.",
        epilog=examples(
            "ocop cycle diagram --regime 26-2026",
            "ocop cycle diagram --regime 26-2026 --format dot",
        ),
    )
    diagram.add_argument(
        "--regime",
        help="a regime id or alias, e.g. 26-2026 (default: the regime in force today, or "
        "every regime with --output-dir)",
    )
    diagram.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write one file per regime into DIR (26-2026.mmd, … or .dot) instead of printing",
    )
    diagram.add_argument(
        "--main",
        action="store_true",
        help="draw only the way forward, without withdraw, revoke, expire, re-evaluate, upgrade",
    )
    add_format(diagram, ("mermaid", "dot"))
    diagram.set_defaults(handler=_diagram)

    replay = cmds.add_parser(
        "replay",
        help="replay a JSON Lines file of events, one a line, and print each product's stage",
        description=(
            "Replay a JSON Lines file of events and print each product's stage. As csv: one "
            "row per product with the fields of the JSON products, the certificate's as "
            "certificate_stars, certificate_level, certificate_issued, certificate_expires; "
            "problems go to standard error."
        ),
        epilog=examples(
            "ocop cycle replay docs/tutorials/follow-a-product.jsonl --format table",
            "ocop cycle replay events.jsonl --format csv --lang en",
        ),
    )
    replay.add_argument("file", help="JSON Lines: one event a line ('-' for standard input)")
    add_format(replay, ("json", "table", "csv"))
    replay.add_argument(
        "--plan",
        choices=tuple(_PLANS),
        help="warn about steps outside this plan's windows",
    )
    replay.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the table (default: vi); JSON, CSV and problems are in English",
    )
    replay.set_defaults(handler=_replay)

    watch = cmds.add_parser(
        "watch",
        help="every certificate of an event log on a date: its status and what is due next",
        description=(
            "Replay a JSON Lines file of events up to DATE and list every certificate: valid, "
            "re-evaluation window open (with its dates), expiring within DAYS, kept valid by "
            "art. 12.3 (until when), lapsed or revoked, with what the producer or the office "
            "must do next, by when, and the article of 26/2026/QĐ-TTg. Grouped by the "
            "province and commune of each product's register event. As csv: one row per "
            "certificate."
        ),
        epilog=examples(
            "ocop cycle watch tests/data/watch-2029.jsonl --on 2029-11-01",
            "ocop cycle watch events.jsonl --on 2029-11-01 --within 90 --format html > watch.html",
        ),
    )
    watch.add_argument("file", help="JSON Lines: one event a line ('-' for standard input)")
    watch.add_argument(
        "--on",
        required=True,
        metavar="DATE",
        help="the day to watch (YYYY-MM-DD); events dated after it are left out",
    )
    watch.add_argument(
        "--within",
        type=int,
        default=DEFAULT_WITHIN_DAYS,
        metavar="DAYS",
        help=(
            f"a certificate is expiring when it expires within DAYS days (default: "
            f"{DEFAULT_WITHIN_DAYS}, the day the re-evaluation window closes)"
        ),
    )
    add_format(watch, ("table", "json", "csv", "html"))
    watch.set_defaults(handler=_watch)

    schema = cmds.add_parser(
        "schema",
        help="the JSON Schema of a product record document",
        description="Print the JSON Schema that a product record document follows.",
        epilog=examples("ocop cycle schema > cycle-record.schema.json"),
    )
    schema.set_defaults(handler=_schema)

    check = cmds.add_parser(
        "check",
        help="check the declared transition tables themselves",
        description=(
            "Check each regime's declared transition table as a graph: every stage reachable, "
            "no dead end but the final stages; exit 1 on any problem."
        ),
        epilog=examples("ocop cycle check"),
    )
    check.set_defaults(handler=_check)


def _diagram(args: argparse.Namespace) -> int:
    try:
        if args.regime is not None:
            regimes: tuple[Regime, ...] = (get_regime(args.regime),)
        elif args.output_dir is not None:
            regimes = REGIMES
        else:
            # One document on standard output, which a Mermaid or DOT tool accepts.
            regimes = (regime_on(dt.date.today()),)
    except OcopLookupError as exc:
        raise InputError(str(exc)) from None
    view: Literal["all", "main"] = "main" if args.main else "all"

    def draw(regime: Regime) -> str:
        if args.format == "mermaid":
            return to_mermaid(regime, view=view)
        return to_dot(regime, view=view)

    if args.output_dir is None:
        sys.stdout.write(draw(regimes[0]))
        return 0
    folder = Path(args.output_dir)
    suffix = ".mmd" if args.format == "mermaid" else ".dot"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for regime in regimes:
            target = folder / f"{regime.alias}{suffix}"
            partial = target.with_name(f".{target.name}.tmp")
            partial.write_text(draw(regime), encoding="utf-8")
            partial.replace(target)
            print(target)
    except OSError as exc:
        raise InputError(
            tr("{path}: cannot write: {why}", path=folder, why=exc.strerror or exc)
        ) from None
    return 0


def _summary(record: Record) -> dict[str, Any]:
    cert = record.certificate
    last = record.last_evaluation
    return {
        "product": record.product,
        "stage": record.stage.value,
        "stars": record.stars,
        "round": record.round,
        "regime": record.history[-1].regime if record.history else None,
        "score": exact_text(last.score)
        if last is not None
        else (None if cert is None or cert.score is None else exact_text(cert.score)),
        "certificate": None
        if cert is None
        else {
            "stars": cert.stars,
            "level": cert.issued_by.value,
            "issued": cert.issued_on.isoformat(),
            "expires": cert.expires_on.isoformat(),
        },
        "steps": len(record.history),
    }


_CSV_COLUMNS = (
    "product",
    "stage",
    "stars",
    "round",
    "regime",
    "score",
    "certificate_stars",
    "certificate_level",
    "certificate_issued",
    "certificate_expires",
    "steps",
)


def _csv_row(product: dict[str, Any]) -> list[object]:
    cert = product["certificate"] or {}
    flat = {**product, **{f"certificate_{k}": v for k, v in cert.items()}}
    return ["" if flat.get(c) is None else flat[c] for c in _CSV_COLUMNS]


def _replay(args: argparse.Namespace) -> int:
    text = read_text(args.file)
    name = "<stdin>" if args.file == "-" else args.file
    events = read_events(text, file=name)
    plan = None if args.plan is None else _PLANS[args.plan]()
    followed = follow(events.value, timetable=plan)
    problems = (*events.problems, *followed.problems)
    problems = tuple(sorted(problems, key=lambda p: p.where.row or 0))
    products = [_summary(r) for r in followed.value.values()]
    if args.format == "json":
        print_json({"products": products, "problems": [p.to_dict() for p in problems]})
    elif args.format == "csv":
        print_rows("csv", _CSV_COLUMNS, [_csv_row(p) for p in products])
        print_problems(problems)
    else:
        rows = [
            (
                p["product"],
                Stage(p["stage"]).vietnamese if args.lang == "vi" else p["stage"],
                "" if p["stars"] is None else f"{p['stars']}★",
                "" if p["score"] is None else _score(p["score"], args.lang),
                "" if p["certificate"] is None else p["certificate"]["expires"],
                p["regime"] or "",
            )
            for p in products
        ]
        print_rows("table", _HEAD[args.lang], rows)
        print_problems(problems)
    return 1 if has_errors(problems) else 0


def _score(score: str, lang: Literal["vi", "en"]) -> str:
    # The one display of a score (ocop.scores): 74,66 in Vietnamese, as `ocop rate` prints it.
    return format_score(parse_score(score), lang=lang)


def _watch(args: argparse.Namespace) -> int:
    try:
        on = dt.date.fromisoformat(args.on)
    except ValueError:
        raise InputError(f"--on: {args.on!r} is not a date (write YYYY-MM-DD)") from None
    if args.within < 0:
        raise InputError(f"--within: the number of days is 0 or more (got {args.within})")
    text = read_text(args.file)
    name = "<stdin>" if args.file == "-" else args.file
    events = read_events(text, file=name)
    watched = watch_events(events.value, on, within=args.within)
    problems = (*events.problems, *watched.problems)
    problems = tuple(sorted(problems, key=lambda p: p.where.row or 0))
    w = watched.value
    if args.format == "json":
        print_json({**w.to_dict(), "problems": [p.to_dict() for p in problems]})
    else:
        if args.format == "csv":
            print_rows("csv", WATCH_CSV_COLUMNS, watch_csv_rows(w))
        elif args.format == "html":
            sys.stdout.write(watch_html(w, lang=args.lang, problems=[p.render() for p in problems]))
        else:
            sys.stdout.write(watch_table(w, lang=args.lang) + "\n")
        print_problems(problems)
    return 1 if has_errors(problems) else 0


def _schema(args: argparse.Namespace) -> int:
    print_json(record_json_schema())
    return 0


def _check(args: argparse.Namespace) -> int:
    problems = check_definition()
    print_problems(problems, file=sys.stdout)
    if not problems:
        print(f"{len(REGIMES)} regimes: every stage reachable, no dead ends, chains complete")
    return 1 if problems else 0
