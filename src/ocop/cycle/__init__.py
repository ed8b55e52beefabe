"""The annual OCOP cycle of a product as a pure, replayable state machine.

A product's life is a [`Record`][ocop.cycle.model.Record]; [`advance`][ocop.cycle.machine.advance]
applies one [`Event`][ocop.cycle.model.Event] on a date under the rules of the regime in force
([`ocop.regimes`][ocop.regimes]) and returns the new record with one more
[`Step`][ocop.cycle.model.Step] in its append-only history, or a refusal that says why. Steps
outside their window (a province's [`Timetable`][ocop.cycle.Timetable], the deadlines of Decision
26/2026/QĐ-TTg) are warned about, never refused. [`replay`][ocop.cycle.machine.replay] rebuilds a
record from its history.

Records and histories are read and written as JSON documents by
[`ocop.cycle.jsonio`][ocop.cycle.jsonio] (the one module here that uses pydantic);
[`check_definition`][ocop.cycle.checks.check_definition] checks the declared transition tables
themselves, and [`to_mermaid`][ocop.cycle.diagram.to_mermaid] /
[`to_dot`][ocop.cycle.diagram.to_dot] draw them.
"""

from __future__ import annotations

from ocop.certificates import Certificate, RevocationGround
from ocop.cycle.checks import check_definition
from ocop.cycle.diagram import to_dot, to_mermaid
from ocop.cycle.jsonio import (
    EventLine,
    history_from_json,
    history_json_schema,
    history_to_json,
    read_events,
    record_from_json,
    record_json_schema,
    record_to_json,
)
from ocop.cycle.machine import (
    Transition,
    advance,
    follow,
    replay,
    rules_for,
    transitions,
)
from ocop.cycle.model import (
    FINAL_STAGES,
    CouncilResult,
    Evaluation,
    Event,
    EventKind,
    Purpose,
    Record,
    Stage,
    Step,
)
from ocop.cycle.timetable import (
    Timetable,
    Window,
    add_working_days,
    commune_check_due,
    is_working_day,
    ministry_batch,
    province_batch,
    re_evaluation_window,
    working_days_between,
)
from ocop.cycle.watch import (
    DEFAULT_WITHIN_DAYS,
    NextStep,
    Watch,
    WatchedCertificate,
    WatchStatus,
    watch_events,
    watch_records,
)
from ocop.cycle.watchreport import (
    WATCH_CSV_COLUMNS,
    watch_csv_rows,
    watch_html,
    watch_html_section,
    watch_table,
)

__all__ = [
    "DEFAULT_WITHIN_DAYS",
    "FINAL_STAGES",
    "WATCH_CSV_COLUMNS",
    "Certificate",
    "CouncilResult",
    "Evaluation",
    "Event",
    "EventKind",
    "EventLine",
    "NextStep",
    "Purpose",
    "Record",
    "RevocationGround",
    "Stage",
    "Step",
    "Timetable",
    "Transition",
    "Watch",
    "WatchStatus",
    "WatchedCertificate",
    "Window",
    "add_working_days",
    "advance",
    "check_definition",
    "commune_check_due",
    "follow",
    "history_from_json",
    "history_json_schema",
    "history_to_json",
    "is_working_day",
    "ministry_batch",
    "province_batch",
    "re_evaluation_window",
    "read_events",
    "record_from_json",
    "record_json_schema",
    "record_to_json",
    "replay",
    "rules_for",
    "to_dot",
    "to_mermaid",
    "transitions",
    "watch_csv_rows",
    "watch_events",
    "watch_html",
    "watch_html_section",
    "watch_records",
    "watch_table",
    "working_days_between",
]
