"""``ocop conformance``: the test vectors for other OCOP systems, and checking their answers.

* ``ocop conformance export DIR`` writes the suite (one vector file per area, its JSON Schema,
  a README) into ``DIR``;
* ``ocop conformance answer DIR`` prints the library's own answers to the vectors in ``DIR``
  as JSON Lines, the shape ``check`` reads;
* ``ocop conformance check DIR --results FILE`` compares another system's answers (JSON
  Lines, one ``{"id": …, "output": …}`` a line) with the vectors in ``DIR``: each case passed
  or failed, with the legal reference and the expected value of every failure.

Exit status: 0 every case passed; 1 a case failed or was not answered; 2 the vectors or the
results cannot be used (each malformed line of the results is named with its line).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ocop._i18n import tr
from ocop.cli._common import InputError, examples, print_json, print_problems, read_text
from ocop.conformance import AREAS, Outcome, answer_all, check, export, load_vectors, read_results
from ocop.conformance._core import same

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``ocop conformance`` and its subcommands."""
    group = sub.add_parser(
        "conformance",
        help="test vectors for other OCOP systems, and checking their answers",
        description=(
            "The conformance suite: the library's answers to the OCOP rules (money, rating, "
            "cycle, timetable, budget) as JSON test vectors with their legal references."
        ),
    )
    group.set_defaults(group_parser=group)
    cmds = group.add_subparsers(dest="conformance_command", metavar="COMMAND")

    exp = cmds.add_parser(
        "export",
        help="write the vectors, their JSON Schemas and a README into DIR",
        description="Write the suite into DIR (created if needed): <area>.json, "
        "<area>.schema.json and README.md.",
        epilog=examples("ocop conformance export vectors/"),
    )
    exp.add_argument("dir", metavar="DIR", help="the folder to write into")
    exp.set_defaults(handler=_export)

    ans = cmds.add_parser(
        "answer",
        help="the library's own answers to the vectors in DIR, as JSON Lines",
        description="Print the library's answers to every case in DIR, one "
        '{"id": …, "output": …} a line: the shape `check --results` reads.',
        epilog=examples("ocop conformance answer vectors/ --area money > answers.jsonl"),
    )
    ans.add_argument("dir", metavar="DIR", help="an export of the suite")
    ans.add_argument("--area", action="append", choices=AREAS, help="only this area (repeatable)")
    ans.set_defaults(handler=_answer)

    chk = cmds.add_parser(
        "check",
        help="compare another system's answers with the vectors in DIR",
        description="Compare the answers in FILE (JSON Lines, one "
        '{"id": …, "output": …} a line) with the vectors in DIR. Exit 1 when any case '
        "failed or was not answered.",
        epilog=examples("ocop conformance check vectors/ --results answers.jsonl --failures-only"),
    )
    chk.add_argument("dir", metavar="DIR", help="an export of the suite")
    chk.add_argument("--results", required=True, metavar="FILE", help="the answers ('-': stdin)")
    chk.add_argument(
        "--area", action="append", choices=AREAS, help="only check this area (repeatable)"
    )
    chk.add_argument(
        "--cases",
        action="append",
        metavar="PREFIX",
        help="only check the cases whose id starts with PREFIX, e.g. money.in_words (repeatable)",
    )
    chk.add_argument("--format", choices=("table", "json"), default="table", help="output format")
    chk.add_argument(
        "--failures-only", action="store_true", help="print only the cases that failed"
    )
    chk.set_defaults(handler=_check)


def _export(args: argparse.Namespace) -> int:
    written = export(args.dir)
    print(tr("wrote {count} files to {dir}", count=len(written), dir=args.dir))
    return 0


def _cases(args: argparse.Namespace, every: list[Any] | None = None) -> list[Any]:
    cases = load_vectors(args.dir) if every is None else every
    if args.area:
        cases = [c for c in cases if c.area in args.area]
    prefixes = tuple(getattr(args, "cases", None) or ())
    if prefixes:
        cases = [c for c in cases if c.id.startswith(prefixes)]
        if not cases:
            raise InputError(tr("no case id starts with {prefixes}", prefixes=", ".join(prefixes)))
    return cases


def _answer(args: argparse.Namespace) -> int:
    sys.stdout.write(answer_all(_cases(args)))
    return 0


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def _check(args: argparse.Namespace) -> int:
    every = load_vectors(args.dir)
    cases = _cases(args, every)
    text = read_text(args.results)
    file = "<stdin>" if args.results == "-" else args.results
    read = read_results(text, file=file, known=(c.id for c in every))
    print_problems(read.problems)
    if not read.ok:
        raise InputError(
            tr(
                "{file}: {count} malformed lines: fix them and check again",
                file=file,
                count=len(read.errors),
            )
        )
    outcomes = check(cases, read.value)
    failed = [o for o in outcomes if not o.passed]
    if args.format == "json":
        print_json(
            {
                "cases": len(outcomes),
                "passed": len(outcomes) - len(failed),
                "failed": len(failed),
                "outcomes": [
                    _outcome_json(o) for o in outcomes if not (args.failures_only and o.passed)
                ],
            }
        )
    else:
        for o in outcomes:
            if o.passed and not args.failures_only:
                print(tr("passed {id}", id=o.case.id))
            elif not o.passed:
                print(_failure_line(o))
        print(
            tr(
                "{passed} of {cases} cases passed, {failed} failed",
                passed=len(outcomes) - len(failed),
                cases=len(outcomes),
                failed=len(failed),
            )
        )
    return 1 if failed else 0


def _failure_line(o: Outcome) -> str:
    if o.got is None:
        return tr(
            "FAILED {id} [{reference}]: expected {expected}, got no answer",
            id=o.case.id,
            reference=o.case.reference,
            expected=_show(o.case.expected),
        )
    keys = sorted(set(o.case.expected) | set(o.got))
    differ = [k for k in keys if not same({k: o.case.expected.get(k)}, {k: o.got.get(k)})]
    return tr(
        "FAILED {id} [{reference}]: expected {expected}, got {got} (differs in {fields})",
        id=o.case.id,
        reference=o.case.reference,
        expected=_show(o.case.expected),
        got=_show(o.got),
        fields=", ".join(differ),
    )


def _outcome_json(o: Outcome) -> dict[str, Any]:
    return {
        "id": o.case.id,
        "passed": o.passed,
        "reference": o.case.reference,
        "expected": o.case.expected,
        "got": o.got,
    }
