"""No command overwrites its own input or leaves a half-written file."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ocop._files import same_file, write_atomic
from ocop.cli import main

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "docs" / "tutorials" / "plan-2026.toml"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "argv",
    [
        ["plan", "convert", "{p}", "-o", "{p}"],
        ["plan", "convert", "{p}", "--to", "json", "-o", "{p}"],
        ["plan", "convert", "{p}", "--to", "toml", "--output", "{d}/./../{d.name}/p.toml"],
        ["report", "{p}", "-o", "{p}"],
        ["report", "{p}", "--events", "{e}", "-o", "{e}"],
    ],
)
def test_an_output_that_names_an_input_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    plan = tmp_path / "p.toml"
    shutil.copy(PLAN, plan)
    events = tmp_path / "e.jsonl"
    events.write_text("", "utf-8")
    before = {p: _digest(p) for p in (plan, events)}
    args = [a.format(p=plan, e=events, d=tmp_path) for a in argv]
    assert main(args) == 2
    assert "is an input file" in capsys.readouterr().err
    assert {p: _digest(p) for p in (plan, events)} == before


@pytest.mark.usefixtures("vietnamese")
def test_the_refusal_is_vietnamese_by_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "p.toml"
    shutil.copy(PLAN, plan)
    before = _digest(plan)
    assert main(["plan", "convert", str(plan), "-o", str(plan)]) == 2
    assert (
        f"ocop: --output {plan}: là tệp dữ liệu vào; hãy ghi ra tệp khác để dữ liệu vào "
        "không bị mất"
    ) in capsys.readouterr().err
    assert _digest(plan) == before


def test_an_output_inside_an_input_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "kh"
    folder.mkdir()
    (folder / "activities.csv").write_text("id,title,from\nA,a,2019-Q1\n", "utf-8")
    before = _digest(folder / "activities.csv")
    assert main(["report", str(folder), "-o", str(folder / "activities.csv")]) == 2
    assert "a file of the input" in capsys.readouterr().err
    assert _digest(folder / "activities.csv") == before


def test_the_budget_a_plan_names_is_an_input_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "b.csv").write_text("title,amount_vnd\nA,1\n", "utf-8")
    (tmp_path / "p.toml").write_text('number = "1"\nyear = 2019\nbudget = "b.csv"\n', "utf-8")
    before = _digest(tmp_path / "b.csv")
    assert main(["plan", "convert", str(tmp_path / "p.toml"), "-o", str(tmp_path / "b.csv")]) == 2
    assert _digest(tmp_path / "b.csv") == before
    capsys.readouterr()


def test_a_failed_write_leaves_the_previous_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.toml"
    target.write_text("before\n", "utf-8")
    target.chmod(0o640)

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, "after\n" * 1000)
    assert target.read_text("utf-8") == "before\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.toml"]
    monkeypatch.undo()
    write_atomic(target, "after\n")
    assert target.read_text("utf-8") == "after\n"
    assert target.stat().st_mode & 0o777 == 0o640


def test_a_failed_write_through_the_command_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.json"
    target.write_text("before\n", "utf-8")
    monkeypatch.setattr(os, "replace", lambda a, b: (_ for _ in ()).throw(OSError(28, "full")))
    assert main(["plan", "convert", str(PLAN), "-o", str(target)]) == 2
    assert capsys.readouterr().err.strip() == f"ocop: {target}: cannot write (full)"
    assert target.read_text("utf-8") == "before\n"


def test_same_file() -> None:
    assert same_file(PLAN, PLAN.parent / ".." / "tutorials" / PLAN.name)
    assert not same_file(PLAN, PLAN.with_name("nothing.toml"))


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
def test_a_full_disk_on_standard_output_is_exit_2() -> None:
    with open("/dev/full", "w") as full:
        out = subprocess.run(
            [sys.executable, "-m", "ocop.cli", "report"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert out.returncode == 2
    assert out.stderr.strip().splitlines()[-1] == (
        "ocop: cannot write the output: No space left on device"
    )
    assert "Traceback" not in out.stderr
