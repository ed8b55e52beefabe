"""The certificate watch (:mod:`ocop.cycle.watch`, ``ocop cycle watch``).

``tests/data/watch-2029.jsonl`` holds ten products of Quảng Trị and Huế under 26/2026/QĐ-TTg
whose certificates are, on 1 November 2029, in every status the watch knows.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from ocop.certificates import Certificate, CertificateStatus
from ocop.cli import main
from ocop.cycle import Event, EventKind, Record, advance, follow
from ocop.cycle.jsonio import history_from_json, history_to_json, read_events
from ocop.cycle.machine import pending_re_evaluation
from ocop.cycle.watch import Watch, WatchStatus, watch_events, watch_records

LOG = Path(__file__).resolve().parent / "data" / "watch-2029.jsonl"
DAY = dt.date(2029, 11, 1)


def watched(on: dt.date = DAY, within: int = 120) -> Watch:
    read = read_events(LOG.read_text(encoding="utf-8"), file="watch-2029.jsonl")
    assert read.ok
    result = watch_events(read.value, on, within=within)
    return result.value


def by_product(w: Watch) -> dict[str, Any]:
    return {c.product: c for c in w.certificates}


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["cycle", "watch", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_every_status_on_the_day() -> None:
    found = {p: c.status for p, c in by_product(watched()).items()}
    assert found == {
        "QT-VALID": WatchStatus.VALID,
        "HUE-5STAR": WatchStatus.VALID,
        "X-UNPLACED": WatchStatus.VALID,
        "QT-WINDOW": WatchStatus.WINDOW_OPEN,
        "QT-DECIDING": WatchStatus.WINDOW_OPEN,
        "QT-EXPIRING": WatchStatus.EXPIRING,
        "QT-EXTENDED": WatchStatus.EXTENDED,
        "QT-LAPSED": WatchStatus.LAPSED,
        "QT-UNRECORDED": WatchStatus.LAPSED,
        "QT-REVOKED": WatchStatus.REVOKED,
    }


def test_what_is_due_next_with_its_article() -> None:
    c = by_product(watched())
    due = {p: (x.next.who, x.next.by, x.next.ref, x.next.overdue) for p, x in c.items()}
    d = dt.date
    assert due == {
        # valid, the window not yet open: file within it (art. 7.6.a)
        "QT-VALID": ("producer", d(2030, 8, 22), "26/2026/QĐ-TTg art. 7.6.a", False),
        "HUE-5STAR": ("producer", d(2030, 6, 17), "26/2026/QĐ-TTg art. 7.6.a", False),
        "X-UNPLACED": ("producer", d(2031, 2, 10), "26/2026/QĐ-TTg art. 7.6.a", False),
        # the window open: file by its last day
        "QT-WINDOW": ("producer", d(2029, 12, 2), "26/2026/QĐ-TTg art. 7.6.a", False),
        # filed on time and forwarded on 12 Oct: decided within 45 days (art. 7.6.g)
        "QT-DECIDING": ("province", d(2029, 11, 26), "26/2026/QĐ-TTg art. 7.6.g", False),
        # the window closed unfiled: file by expiry, late, under art. 12.3
        "QT-EXPIRING": ("producer", d(2030, 2, 1), "26/2026/QĐ-TTg art. 7.6.a, 12.3", False),
        # filed late, forwarded on 28 Jul: the 45 days ran out on 11 Sep
        "QT-EXTENDED": ("province", d(2029, 9, 11), "26/2026/QĐ-TTg art. 7.6.g, 12.3", True),
        "QT-LAPSED": ("producer", None, "26/2026/QĐ-TTg art. 4.3, 7.1", False),
        # lapsed without an expire event in the log: the office records it
        "QT-UNRECORDED": ("province", None, "26/2026/QĐ-TTg art. 4.3", False),
        "QT-REVOKED": ("producer", None, "26/2026/QĐ-TTg art. 8.1.đ, 8.3.c, 7.1", False),
    }
    assert c["QT-EXTENDED"].until == d(2030, 2, 28)  # 180 days past 1 Sep 2029
    assert c["QT-WINDOW"].window == (d(2029, 10, 3), d(2029, 12, 2))
    assert c["QT-REVOKED"].ended == d(2028, 5, 10)
    assert c["QT-REVOKED"].ground is not None
    assert c["QT-REVOKED"].ground.value == "production_stopped"
    assert "by the province" in c["QT-REVOKED"].next.action
    assert c["QT-LAPSED"].ended == d(2029, 7, 2)


def test_the_watch_follows_the_one_certificate_model() -> None:
    """On every day of four years, each held certificate's watch status agrees with
    :meth:`Certificate.status_on` (valid ⇔ valid/window/expiring)."""
    read = read_events(LOG.read_text(encoding="utf-8"))
    day = dt.date(2027, 1, 1)
    held = {
        CertificateStatus.VALID: {
            WatchStatus.VALID,
            WatchStatus.WINDOW_OPEN,
            WatchStatus.EXPIRING,
        },
        CertificateStatus.EXTENDED: {WatchStatus.EXTENDED},
        CertificateStatus.LAPSED: {WatchStatus.LAPSED},
    }
    while day < dt.date(2031, 1, 1):
        w = watch_events(read.value, day).value
        records = follow(e for e in read.value if e[2] <= day).value
        for c in w.certificates:
            record = records[c.product]
            if record.certificate is None:
                continue
            state = record.certificate.status_on(day, filed_on=pending_re_evaluation(record))
            assert c.status in held[state], (day, c.product, state, c.status)
        day += dt.timedelta(days=29)


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2029, 9, 15), WatchStatus.EXPIRING),  # the 36-month day is still valid
        (dt.date(2029, 9, 16), WatchStatus.LAPSED),
    ],
)
def test_expiry_day_boundary(day: dt.date, status: WatchStatus) -> None:
    assert by_product(watched(day))["QT-UNRECORDED"].status is status


@pytest.mark.parametrize(
    ("day", "status"),
    [
        (dt.date(2030, 2, 28), WatchStatus.EXTENDED),  # 180 days past expiry, at most
        (dt.date(2030, 3, 1), WatchStatus.LAPSED),
    ],
)
def test_art_12_3_cap(day: dt.date, status: WatchStatus) -> None:
    assert by_product(watched(day))["QT-EXTENDED"].status is status


@pytest.mark.parametrize(
    ("day", "within", "status"),
    [
        (dt.date(2029, 10, 2), 120, WatchStatus.VALID),  # 181 days before expiry
        (dt.date(2029, 10, 3), 120, WatchStatus.WINDOW_OPEN),  # 180 days: the window opens
        (dt.date(2029, 12, 2), 120, WatchStatus.WINDOW_OPEN),  # 120 days: its last day
        (dt.date(2029, 12, 3), 120, WatchStatus.EXPIRING),  # 119 days
        (dt.date(2029, 12, 3), 90, WatchStatus.VALID),  # not within 90
        (dt.date(2030, 1, 1), 90, WatchStatus.EXPIRING),  # 90 days
        (dt.date(2029, 10, 2), 200, WatchStatus.EXPIRING),
    ],
)
def test_window_and_within(day: dt.date, within: int, status: WatchStatus) -> None:
    assert by_product(watched(day, within))["QT-WINDOW"].status is status


def test_events_after_the_day_have_not_happened() -> None:
    assert by_product(watched())["QT-VALID"].status is WatchStatus.VALID
    later = by_product(watched(dt.date(2030, 1, 5)))["QT-VALID"]
    assert later.status is WatchStatus.REVOKED
    assert later.ground is not None
    assert later.ground.value == "mark_misuse"


def test_products_without_a_certificate_are_left_out() -> None:
    record = advance(Record.new("P"), Event.register(), on=dt.date(2027, 1, 2)).value
    assert watch_records([record], DAY).certificates == ()
    assert watch_records([], DAY).to_dict()["certificates"] == []


def test_grouped_by_province_then_commune() -> None:
    groups = [(p, m, [c.product for c in cs]) for p, m, cs in watched().groups()]
    assert groups == [
        ("Huế", "Thủy Biều", ["HUE-5STAR"]),
        ("Quảng Trị", "Cam Lộ", ["QT-DECIDING", "QT-WINDOW", "QT-VALID"]),
        ("Quảng Trị", "Gio Linh", ["QT-EXPIRING"]),
        ("Quảng Trị", "Hải Lăng", ["QT-LAPSED", "QT-UNRECORDED"]),
        ("Quảng Trị", "Triệu Phong", ["QT-REVOKED"]),
        ("Quảng Trị", "Vĩnh Linh", ["QT-EXTENDED"]),
        (None, None, ["X-UNPLACED"]),
    ]


def test_register_place_round_trips_through_history_json() -> None:
    record = advance(
        Record.new("P"),
        Event.register(province="Quảng Trị", commune="Cam Lộ"),
        on=dt.date(2027, 1, 2),
    ).value
    text = history_to_json(record)
    assert '"province": "Quảng Trị"' in text
    back = history_from_json(text)
    assert back.value == record
    event = back.value.history[0].event
    assert (event.kind, event.province, event.commune) == (
        EventKind.REGISTER,
        "Quảng Trị",
        "Cam Lộ",
    )


# --- ocop cycle watch ----------------------------------------------------------------------


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, str(LOG), "--on", "2029-11-01", "--format", "json")
    assert status == 0
    doc = json.loads(out)
    assert doc["on"] == "2029-11-01"
    assert {"on", "certificates", "problems"} <= set(doc)
    for c in doc["certificates"]:
        assert {"product", "stars", "level", "issued", "expires", "status", "next"} <= set(c)
        assert {"action", "by", "ref"} <= set(c["next"])
    first = doc["certificates"][0]
    assert {k: first[k] for k in ("product", "stars", "level", "issued", "expires")} == {
        "product": "HUE-5STAR",
        "stars": 5,
        "level": "national",
        "issued": "2027-10-15",
        "expires": "2030-10-15",
    }
    assert {c["status"] for c in doc["certificates"]} == {s.value for s in WatchStatus}
    # The late filing is warned about (the window is art. 7.6.a's), in the problems.
    assert [p["code"] for p in doc["problems"]] == ["cycle.window"]


@pytest.mark.usefixtures("vietnamese")
def test_cli_table_csv_html(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = cli(capsys, str(LOG), "--on", "2029-11-01")
    assert status == 0
    assert out.startswith("Theo dõi giấy chứng nhận OCOP, ngày 01/11/2029")
    assert "\nQuảng Trị — Cam Lộ\n" in out
    assert "\nChưa rõ tỉnh, xã\n" in out
    assert "được kéo dài hiệu lực (Điều 12.3) (đến 28/02/2030)" in out
    status, out, _ = cli(capsys, str(LOG), "--on", "2029-11-01", "--lang", "en")
    assert "kept valid (art. 12.3) (until 2030-02-28)" in out
    status, out, _ = cli(capsys, str(LOG), "--on", "2029-11-01", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 10
    extended = next(r for r in rows if r["product"] == "QT-EXTENDED")
    assert (extended["status"], extended["until"], extended["next_overdue"]) == (
        "extended",
        "2030-02-28",
        "true",
    )
    status, out, _ = cli(capsys, str(LOG), "--on", "2029-11-01", "--format", "html")
    assert status == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "http" not in out  # stands alone
    assert out.count('<tr class="') == 10


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--on", "2029-13-01"], "is not a date"),
        (["--on", "2029-11-01", "--within", "-1"], "0 or more"),
    ],
)
def test_cli_usage_errors(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    status, _out, err = cli(capsys, str(LOG), *args)
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_cli_needs_the_day(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["cycle", "watch", str(LOG)])
    assert exc.value.code == 2


def test_cli_refused_event_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(
        LOG.read_text(encoding="utf-8")
        + '{"product": "QT-VALID", "event": "expire", "on": "2029-10-30"}\n',
        encoding="utf-8",
    )
    status, out, _err = cli(capsys, str(path), "--on", "2029-11-01", "--format", "json")
    assert status == 1
    assert "cycle.refused" in out
    assert "valid through 2030-12-20" in out


def test_certificate_expiry_is_the_models() -> None:
    for c in watched().certificates:
        cert = c.certificate
        assert (
            cert.expires_on
            == Certificate.issue(
                product=cert.product, stars=cert.stars, issued_on=cert.issued_on
            ).expires_on
        )


def test_the_docs_page_shows_real_output(capsys: pytest.CaptureFixture[str]) -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "concepts" / "watch.md").read_text(
        encoding="utf-8"
    )
    command = "$ ocop cycle watch tests/data/watch-2029.jsonl --on 2029-11-01 --lang en\n"
    shown = page.split(command, 1)[1].split("```", 1)[0]
    status, out, err = cli(capsys, str(LOG), "--on", "2029-11-01", "--lang", "en")
    assert status == 0
    assert shown == out
    warning = page.split("```console\n")[2].split("```", 1)[0]
    assert warning == err.replace(str(LOG), "tests/data/watch-2029.jsonl")
    _, out, _ = cli(capsys, str(LOG), "--on", "2029-11-01", "--format", "json")
    one = json.loads(page.split("```json\n")[2].split("```", 1)[0])
    assert one in json.loads(out)["certificates"]
    register = json.loads(page.split("```json\n")[1].split("```", 1)[0])
    assert register in [json.loads(line) for line in LOG.read_text(encoding="utf-8").splitlines()]


def test_before_26_2026_no_filing_window_is_cited(tmp_path: Path) -> None:
    # The filing window is a rule of 26/2026/QĐ-TTg (art. 7.6.a): on a day before it took
    # effect the watch does not say the window is open, and names the regime in force.
    c = by_product(watched(dt.date(2026, 12, 1)))
    assert c == {} or all(x.status is not WatchStatus.WINDOW_OPEN for x in c.values())
    read = read_events(
        (
            Path(__file__).resolve().parents[1] / "docs" / "tutorials" / "follow-a-product.jsonl"
        ).read_text(encoding="utf-8")
    )
    early = watch_events(read.value, dt.date(2026, 5, 1)).value
    late = watch_events(read.value, dt.date(2027, 6, 1)).value
    assert early.certificates == ()  # nothing recognised yet
    (cert,) = late.certificates
    assert cert.next.ref == "26/2026/QĐ-TTg art. 7.6.a"


def test_the_plan_report_shows_the_watch_for_its_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["report", "--simulated", "--format", "json"])
    out, _ = capsys.readouterr()
    assert status in (0, 1)
    doc = json.loads(out)
    assert doc["watch"]["on"] == doc["on"]
    assert doc["watch"]["certificates"]
    for c in doc["watch"]["certificates"]:
        assert c["status"] == "valid"  # the 2019 certificates, on 31 Dec 2019
        assert c["next"]["ref"] == "490/QĐ-TTg"  # the regime then: 26/2026 was not law yet
    main(["report", "--simulated", "--format", "html"])
    out, _ = capsys.readouterr()
    assert '<section class="watch">' in out
    main(["report", "--simulated", "--lang", "en"])
    out, _ = capsys.readouterr()
    assert "OCOP certificate watch, on 2019-12-31" in out
    main(["report", "--format", "json"])  # the real results: no event log, no watch
    out, _ = capsys.readouterr()
    assert json.loads(out)["watch"] is None
