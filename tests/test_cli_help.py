"""Every command and option says what it does, and every leaf command shows an example."""

from __future__ import annotations

import argparse

import pytest

from ocop.cli import build_parser, main, parsers


def _is_leaf(parser: argparse.ArgumentParser) -> bool:
    return not any(isinstance(a, argparse._SubParsersAction) for a in parser._actions)


def _missing() -> list[str]:
    missing = []
    for parser in parsers(build_parser()):
        name = parser.prog
        if not (parser.description or "").strip():
            missing.append(f"{name}: no description")
        if _is_leaf(parser) and "Example" not in (parser.epilog or ""):
            missing.append(f"{name}: no example (epilog 'Example:' or 'Examples:')")
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if not (choice.help or "").strip():
                        missing.append(f"{name} {choice.dest}: no help in the command list")
                continue
            if not (action.help or "").strip() or action.help == argparse.SUPPRESS:
                what = "/".join(action.option_strings) or action.dest
                missing.append(f"{name} {what}: no help")
    return missing


def test_every_command_and_option_has_help_and_every_leaf_an_example() -> None:
    assert _missing() == []


def _commands() -> list[list[str]]:
    out = []
    for parser in parsers(build_parser()):
        out.append(parser.prog.split()[1:])
    return out


@pytest.mark.parametrize("argv", _commands(), ids=lambda a: " ".join(a) or "ocop")
def test_help_prints_a_description_and_for_leaves_an_example(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as done:
        main([*argv, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: ocop")
    parser = next(p for p in parsers(build_parser()) if p.prog.split()[1:] == argv)
    assert (parser.description or "").split()[0] in out
    if _is_leaf(parser):
        assert "Example" in out
        example = out.split("Example", 1)[1]
        assert "  ocop " in example
