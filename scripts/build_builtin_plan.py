"""Build the built-in Quảng Trị 2019 plan document from the shared transcription.

The activities and targets come from ``shared/data/quang-tri-2019/{activities,targets}.csv``
as the plan folder reader loads them; the document adds what the plan 278/KH-SNN states
around them (its number, date, issuer, title) and the links its text makes evident: which
budget lines fund which activity, which activities pace which target, which cycle events
show an activity under way. Each budget link says its basis; an activity whose money the
annex does not evidently name is left unlinked (II.1, II.2.2's logo line, II.5.2, II.5.4.3,
II.7), and so is the annex's line 1 (management, for the whole programme) and 2.2 (the
"OCOP QUẢNG TRỊ" logo and mark, which no activity of section II names).

    python scripts/build_builtin_plan.py          # rewrite the shipped file
    python scripts/build_builtin_plan.py --check  # exit 1 if the shipped file is stale
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import attrs

from ocop.plan import load_plan, write_plan

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
from _generated import PACKAGE_DATA, SHARED, write_or_check

SOURCE = SHARED / "data" / "quang-tri-2019"
TARGET = PACKAGE_DATA / "quang-tri-2019" / "plan.toml"

HEADER = {
    "number": "278/KH-SNN",
    "date": dt.date(2019, 3, 4),
    "year": 2019,
    "issuer": "Sở Nông nghiệp và Phát triển nông thôn tỉnh Quảng Trị",
    "title": "Kế hoạch thực hiện Chương trình Mỗi xã một sản phẩm (OCOP) tỉnh Quảng Trị năm 2019",
    "province": "Quảng Trị",
}

# activity id → (budget line keys, the basis of the link)
BUDGET_LINKS: dict[str, tuple[tuple[str, ...], str]] = {
    "II.2.1": (
        ("2.1",),
        "annex 2.1 'Hội nghị triển khai Chương trình OCOP cấp tỉnh' is this conference",
    ),
    "II.2.2": (
        ("3",),
        "annex section 3 'TUYÊN TRUYỀN VỀ CHƯƠNG TRÌNH OCOP' funds the publicity work",
    ),
    "II.3": (
        ("4.2",),
        "annex 4.2 'Tập huấn nghiệp vụ cho cán bộ được lựa chọn vào hệ thống tổ chức thực "
        "hiện Chương trình' has the same words (04 classes, about 400 officials)",
    ),
    "II.4": (
        ("4.1",),
        "annex 4.1 'Tham quan học tập kinh nghiệm mô hình OCOP trong nước' is the study tour",
    ),
    "II.5.1": (
        ("5.1",),
        "annex 5.1 'Tổ chức hội nghị cấp huyện hướng dẫn đăng ký sản phẩm' is how II.5.1 "
        "organises registration (district conferences)",
    ),
    "II.5.3": (
        ("5.2",),
        "annex 5.2 'Tập huấn hướng dẫn … xây dựng ý tưởng kinh doanh' is the training on "
        "business ideas",
    ),
    "II.5.4.1": (
        ("5.3",),
        "annex 5.3 'Tập huấn triển khai kế hoạch, phương án sản xuất kinh doanh' is the "
        "training of II.5.4 'Triển khai kế hoạch sản xuất kinh doanh'",
    ),
    "II.5.4.2": (
        ("6",),
        "annex section 6 'TRIỂN KHAI CÁC DỰ ÁN PHÁT TRIỂN SẢN PHẨM OCOP' funds the projects "
        "that upgrade existing products and develop new ones",
    ),
    "II.5.5.a": (
        ("5.4",),
        "annex 5.4 includes 'kinh phí tổ chức các kỳ đánh giá sản phẩm ở cấp huyện' (shared "
        "with II.5.5.b: the annex does not split it)",
    ),
    "II.5.5.b": (
        ("5.4",),
        "annex 5.4 includes 'thi sản phẩm ở cấp tỉnh' (shared with II.5.5.a: the annex does "
        "not split it)",
    ),
    "II.6": (
        ("7",),
        "annex section 7 'XÚC TIẾN THƯƠNG MẠI' is the trade promotion",
    ),
}

# activity id → the cycle events that show it under way (II.5, the product cycle)
EVIDENCE: dict[str, tuple[str, ...]] = {
    "II.5.1": ("register",),
    "II.5.2": ("select_idea", "reject_idea"),
    "II.5.3": ("submit_plan",),
    "II.5.4.1": ("start_development",),
    "II.5.4.2": ("start_development",),
    "II.5.4.3": ("start_development",),
    "II.5.5.a": ("evaluate:district",),
    "II.5.5.b": ("evaluate:province",),
}

# target id → (activities whose window paces it, level)
TARGET_LINKS: dict[str, tuple[tuple[str, ...], str | None]] = {
    "T1": (("II.1",), None),
    "T2": ((), "province"),
    "T3": (("II.5.4.2",), None),
    "T4": (("II.5.4.2",), None),
    "T5": (("II.5.5.b",), "province"),
    "T6": (("II.5.5.b",), "province"),
    "T7": (("II.5.5.b",), "national"),
    "T8": (("II.5.1",), None),
    "T9": (("II.3",), None),
    "T10": (("II.5.3", "II.5.4.1"), None),
}


def build() -> str:
    """The document's text."""
    result = load_plan(SOURCE)
    plan = result.value
    if plan is None or not result.ok:
        raise SystemExit("\n".join(p.render() for p in result.problems))
    activities = []
    for a in plan.activities:
        lines, basis = BUDGET_LINKS.get(a.id, ((), ""))
        activities.append(
            attrs.evolve(a, budget_lines=lines, budget_basis=basis, evidence=EVIDENCE.get(a.id, ()))
        )
    targets = []
    for t in plan.targets:
        acts, level = TARGET_LINKS[t.id]
        targets.append(attrs.evolve(t, activities=acts, level=level))
    plan = attrs.evolve(plan, activities=tuple(activities), targets=tuple(targets), **HEADER)
    head = (
        "# The Quảng Trị 2019 OCOP plan (278/KH-SNN, 4 March 2019): activities, targets, links.\n"
        "# Generated by scripts/build_builtin_plan.py from shared/data/quang-tri-2019; do not "
        "edit.\n"
    )
    return head + write_plan(plan, budget="budget.toml")


def main(argv: list[str]) -> int:
    return write_or_check(
        TARGET, build(), argv=argv, how_to_regenerate="python scripts/build_builtin_plan.py"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
