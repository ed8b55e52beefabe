"""`ocop cycle replay` on the logs of the law's details (fixtures in ``tests/data/``).

Each log exercises one point: no district after 1 July 2025; a 148 district certificate
revoked in 2026 (by the district: refused; by the province: done); a re-evaluation filed on
time and one filed late around expiry (only the late one extends, art. 12.3); the expiry on
the 36-month day (still valid that day, art. 4.3).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from ocop.cli import main

DATA = Path(__file__).parent / "data"


def replay(capsys: pytest.CaptureFixture[str], name: str) -> tuple[int, dict[str, Any]]:
    status = main(["cycle", "replay", str(DATA / name), "--format", "json"])
    return status, json.loads(capsys.readouterr().out)


def stages(doc: dict[str, Any]) -> dict[str, str]:
    return {p["product"]: p["stage"] for p in doc["products"]}


def refusals(doc: dict[str, Any]) -> list[tuple[int, str]]:
    return [
        (p["where"]["row"], p["message"]) for p in doc["problems"] if p["code"] == "cycle.refused"
    ]


def test_no_district_in_august_2025(capsys: pytest.CaptureFixture[str]) -> None:
    status, doc = replay(capsys, "cycle-district-after-july-2025.jsonl")
    assert status == 1
    assert stages(doc) == {"D-AUG": "dossier_filed", "D-JUN": "district_evaluated"}
    (row3, evaluation), (row7, recognition) = refusals(doc)
    assert (row3, row7) == (3, 7)
    assert evaluation.startswith("D-AUG: no district evaluation on or after 2025-07-01")
    assert recognition.startswith("D-JUN: no district recognition on or after 2025-07-01")


def test_a_148_district_certificate_is_revoked_by_the_province_in_2026(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, doc = replay(capsys, "cycle-revoke-148-district-2026.jsonl")
    assert status == 1
    assert stages(doc) == {"R-148": "revoked"}
    assert refusals(doc) == [
        (
            9,
            "R-148: district cannot revoke a 3★ certificate on 2026-09-01: only the province "
            "(26/2026/QĐ-TTg art. 8.2.a; no district level from 1 July 2025)",
        )
    ]


def test_re_evaluations_around_expiry_and_the_36_month_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, doc = replay(capsys, "cycle-expiry-and-re-evaluation.jsonl")
    assert status == 1
    # On time: nothing extends the certificate; it expires the day after its 36 months.
    # Late: kept valid to the decision, at most 180 days (to 2030-05-31), then it expires.
    # On the 36-month day the certificate is still valid; the day after it expires.
    assert stages(doc) == {"RE-ONTIME": "expired", "RE-LATE": "expired", "EXP-36": "expired"}
    assert refusals(doc) == [
        (
            24,
            "RE-LATE: the certificate expired on 2029-12-02 but stays valid while its "
            "re-evaluation, filed late on 2029-11-01, is decided: until 2030-05-31 at most "
            "(26/2026/QĐ-TTg art. 12.3)",
        ),
        (
            36,
            "EXP-36: the certificate is valid through 2029-12-02 (36 months from its issue on "
            "2026-12-02, 26/2026/QĐ-TTg art. 4.3): it expires from the day after",
        ),
    ]
    warned = [p["where"]["row"] for p in doc["problems"] if p["code"] == "cycle.window"]
    assert warned == [23]  # the late filing, outside the window of art. 7.6.a


@pytest.mark.parametrize("name", sorted(p.name for p in DATA.glob("cycle-*.jsonl")))
def test_replay_json_writes_every_score_as_one_json_type(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    _, doc = replay(capsys, name)
    scores = [p["score"] for p in doc["products"] if p["score"] is not None]
    assert all(isinstance(s, str) for s in scores)


def test_one_json_type_for_96_81_5_and_639_7(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 96, "81.5" and "639/7" in one file (a number and two strings).
    lines: list[dict[str, object]] = []
    for i, score in enumerate([96, "81.5", "639/7"]):
        product = f"S-{i}"
        lines.append({"product": product, "event": "register", "on": "2019-04-10"})
        lines.append(
            {"product": product, "event": "evaluate", "on": "2019-10-15", "level": "district"}
        )
        lines[-1]["score"] = score
    path = tmp_path / "scores.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["cycle", "replay", str(path), "--format", "json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert [p["score"] for p in doc["products"]] == ["96", "81.5", "639/7"]
    assert main(["cycle", "replay", str(path), "--format", "table", "--lang", "vi"]) == 0
    table = capsys.readouterr().out
    assert "91,28" in table  # 639/7 shown as ocop rate shows a mean
    assert "81,5" in table
