"""Build Vietnam's administrative units before and after the 2025 reform as package data.

The units come from the ``vietnamadminunits`` package (version pinned in ``pyproject.toml``'s
``dev`` extra; MIT licence, © 2025 Tran Ngoc Minh Hieu), a maintained open data set of the
63 provinces with their districts and communes as they stood before 1 July 2025, the 34
provinces and 3,321 communes after it, and the mapping from each old unit to its successor.
Its own runtime dependencies (shapely, geopy, tqdm) are not needed to read its data, so ocop
ships the data instead of depending on the package: this script reads the package's JSON
files (never importing its code), keeps the names and codes, and writes
``src/ocop/data/units/units.json`` and the licence beside it.

One fact is added to the data set, with its source: until 31 December 2024 province 46 was
"Tỉnh Thừa Thiên Huế"; it became the centrally-run city "Thành phố Huế" on 1 January 2025
(Nghị quyết 1314/NQ-UBTVQH15 of 30 November 2024). The data set holds only its last name.

    python scripts/build_units.py          # rewrite the shipped files
    python scripts/build_units.py --check  # exit 1 if the shipped files are stale
"""

from __future__ import annotations

import json
import sys
from importlib import metadata, resources
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
from _generated import PACKAGE_DATA, write_or_check_all

TARGET = PACKAGE_DATA / "units"
PACKAGE = "vietnamadminunits"

#: Former names of a unit of the data set: (era, code, name, short name, last day).
RENAMES = [
    {
        "era": "before",
        "code": "46",
        "name": "Tỉnh Thừa Thiên Huế",
        "short": "Thừa Thiên Huế",
        "until": "2024-12-31",
        "source": "Nghị quyết 1314/NQ-UBTVQH15 of 30 November 2024: Thừa Thiên Huế becomes "
        "the centrally-run city of Huế from 1 January 2025",
    }
]


def _json(name: str) -> Any:
    return json.loads(resources.files(PACKAGE).joinpath("data", name).read_text("utf-8"))


def _wards(dicts: list[dict[str, Any]]) -> dict[tuple[str, ...], dict[str, Any]]:
    """Every ward of nested dictionaries (province → [district →] ward key → ward), by path."""
    out: dict[tuple[str, ...], dict[str, Any]] = {}

    def walk(node: dict[str, Any], path: tuple[str, ...]) -> None:
        for key, value in node.items():
            if isinstance(value, dict) and "wardCode" in value:
                # Island districts without communes (Hoàng Sa, Bạch Long Vĩ, Côn Đảo…) have a
                # placeholder ward with no name and no code: not a unit.
                if isinstance(value["wardCode"], str):
                    out.setdefault((*path, key), value)
            elif isinstance(value, dict):
                walk(value, (*path, key))

    for d in dicts:
        walk(d, ())
    return out


def build() -> dict[str, str]:
    """The files' texts, by name."""
    legacy = _json("parser_legacy.json")
    after = _json("parser_from_2025.json")
    converter = _json("converter_2025.json")
    old_provinces = legacy["DICT_PROVINCE"]
    new_provinces = after["DICT_PROVINCE"]
    old_code = {k: v["provinceCode"] for k, v in old_provinces.items()}
    new_code = {k: v["provinceCode"] for k, v in new_provinces.items()}

    province_successor = {}
    for new_key, olds in converter["DICT_PROVINCE"].items():
        for old_key in olds:
            province_successor[old_code[old_key]] = new_code[new_key]
    if set(province_successor) != set(old_code.values()):
        raise SystemExit("the data set maps not every one of the 63 provinces")

    districts = []
    district_code: dict[tuple[str, str], str] = {}
    for pkey, ds in legacy["DICT_PROVINCE_DISTRICT"].items():
        for dkey, d in ds.items():
            district_code[pkey, dkey] = d["districtCode"]
            districts.append([d["districtCode"], d["district"], old_code[pkey]])

    old_wards = _wards(
        [
            legacy["DICT_PROVINCE_DISTRICT_WARD_NO_ACCENTED"],
            legacy["DICT_PROVINCE_DISTRICT_WARD_ACCENTED"],
        ]
    )
    new_wards = _wards(
        [after["DICT_PROVINCE_WARD_NO_ACCENTED"], after["DICT_PROVINCE_WARD_ACCENTED"]]
    )
    communes_before = sorted(
        {
            (w["wardCode"], w["ward"], district_code[p, d], old_code[p])
            for (p, d, _), w in old_wards.items()
        }
    )
    communes_after = sorted(
        {(w["wardCode"], w["ward"], new_code[p]) for (p, _), w in new_wards.items()}
    )
    old_by_key = {"_".join(k): w["wardCode"] for k, w in old_wards.items()}
    commune_successor: dict[str, str] = {}
    for pkey, mapping in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wkey, olds in mapping.items():
            new = new_wards[pkey, wkey]["wardCode"]
            for old in olds:
                if old in old_by_key:
                    commune_successor.setdefault(old_by_key[old], new)
    for pkey, mapping in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, news in mapping.items():
            default = [n for n in news if n["isDefaultNewWard"]] or news[:1]
            if old in old_by_key and default:
                commune_successor.setdefault(
                    old_by_key[old], new_wards[pkey, default[0]["newWardKey"]]["wardCode"]
                )

    dist = metadata.distribution(PACKAGE)
    licence = next(
        (f for f in dist.files or () if f.name == "LICENSE"), None
    )  # the MIT text, shipped beside the data
    if licence is None:
        raise SystemExit(f"{PACKAGE} ships no LICENSE file")
    licence_text = licence.read_text(encoding="utf-8")
    data = {
        "source": {
            "package": PACKAGE,
            "version": dist.version,
            "licence": "MIT",
            "licence_file": "LICENSE-vietnamadminunits",
            "note": "names and codes only; generated by scripts/build_units.py, do not edit",
        },
        "reform": "2025-07-01",
        "renames": RENAMES,
        "provinces_before": sorted(
            [v["provinceCode"], v["province"], v["provinceShort"]] for v in old_provinces.values()
        ),
        "provinces_after": sorted(
            [v["provinceCode"], v["province"], v["provinceShort"]] for v in new_provinces.values()
        ),
        "province_successor": dict(sorted(province_successor.items())),
        "districts_before": sorted(districts),
        # code, name, district, province, successor (the commune it became on 1 July 2025)
        "communes_before": [[*c, commune_successor.get(c[0])] for c in communes_before],
        "communes_after": [list(c) for c in communes_after],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # One record a line: readable diffs when the data set changes.
    text = text.replace("],[", "],\n[").replace(',"', ',\n"') + "\n"
    return {"units.json": text, "LICENSE-vietnamadminunits": licence_text}


def main(argv: list[str]) -> int:
    return write_or_check_all(TARGET, build(), check="--check" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
