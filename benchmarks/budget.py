"""Benchmark: a generated budget of N lines loaded from CSV, checked and rolled up.

    python benchmarks/budget.py            # 1,000,000 lines
    python benchmarks/budget.py --lines 100000

Prints the time of each step, the ratio of loading to a bare ``csv`` + ``int`` pass over the
same file, and the process's peak memory (resident set size).
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from ocop.budget import build_tree, check, load_budget, rollup

BODIES = [
    "Ban điều hành OCOP cấp tỉnh/Chi cục PTNT",
    "UBND huyện Hải Lăng",
    "UBND TP Đông Hà",
    "UBND huyện Đakrông",
    "Sở Công thương",
    "Sở Khoa học và Công nghệ",
]
TITLES = [
    "Tập huấn hướng dẫn nông dân, chủ thể sản xuất xây dựng ý tưởng kinh doanh",
    "Tổ chức các hoạt động xúc tiến thương mại",
    "Triển khai các dự án nâng cấp và củng cố các sản phẩm đã có",
    "Hội nghị triển khai Chương trình OCOP cấp tỉnh",
]


def generate(path: Path, lines: int, *, children: int = 9, seed: int = 2019) -> int:
    """Write a consistent budget of about ``lines`` lines; return the expected total (đồng)."""
    rnd = random.Random(seed)
    total = 0
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(
            ["row", "code", "parent", "title", "amount_thousand_vnd", "explanation", "responsible"]
        )
        row = 0
        section = 0
        while row < lines:
            section += 1
            amounts = [rnd.randrange(1_000, 1_000_000) for _ in range(children)]
            row += 1
            w.writerow([row, section, "", f"MỤC {section}", sum(amounts), "", rnd.choice(BODIES)])
            for c, amount in enumerate(amounts, 1):
                row += 1
                w.writerow(
                    [
                        row,
                        f"{section}.{c}",
                        section,
                        rnd.choice(TITLES),
                        amount,
                        "Dự kiến",
                        rnd.choice(BODIES) if c % 3 == 0 else "",
                    ]
                )
            total += sum(amounts)
    return total * 1000


def bare_pass(path: Path) -> int:
    """The floor: csv.reader and int() over the amount column."""
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        return sum(int(r[4]) for r in reader if "." in r[1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=1_000_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "budget.csv"
        expected = generate(path, args.lines)
        size = path.stat().st_size

        t = time.perf_counter()
        bare = bare_pass(path) * 1000
        t_bare = time.perf_counter() - t

        t = time.perf_counter()
        result = load_budget(path)
        t_load = time.perf_counter() - t

        t = time.perf_counter()
        problems = check(result.value)
        t_check = time.perf_counter() - t

        t = time.perf_counter()
        tree = build_tree(result.value)
        rollups = [rollup(tree, key) for key in ("section", "responsible", "locality")]
        t_roll = time.perf_counter() - t

    if not result.ok or problems or not bare == expected == tree.total == rollups[0].total:
        print("the generated budget did not read back consistent", file=sys.stderr)
        return 1
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    n = len(result.value.lines)
    print(f"budget benchmark: {n:,} lines, {size / 2**20:.1f} MiB of CSV")
    print(f"  bare csv + int pass   {t_bare:6.2f} s")
    print(f"  load (load_budget)    {t_load:6.2f} s   {t_load / t_bare:4.1f}x the bare pass")
    print(f"  check (all checks)    {t_check:6.2f} s")
    print(f"  tree + 3 rollups      {t_roll:6.2f} s")
    print(f"  checks + rollups      {t_check + t_roll:6.2f} s   (target < 5 s)")
    print(f"  peak memory (RSS)     {peak_mib:6.0f} MiB (target < 1024 MiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
