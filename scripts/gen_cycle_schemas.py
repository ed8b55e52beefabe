"""Write the JSON Schemas of the cycle's documents into docs/schemas/.

    python scripts/gen_cycle_schemas.py          # rewrite the schemas
    python scripts/gen_cycle_schemas.py --check  # exit 1 if a schema is stale

The test suite checks that the committed files are what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from ocop.cycle.jsonio import history_json_schema, record_json_schema

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
from _generated import ROOT, dump_json, write_or_check_all

SCHEMAS = ROOT / "docs" / "schemas"


def documents() -> dict[str, dict[str, Any]]:
    """File name → schema."""
    return {
        "cycle-record.schema.json": record_json_schema(),
        "cycle-history.schema.json": history_json_schema(),
    }


def text(schema: dict[str, Any]) -> str:
    """A schema as the committed file holds it."""
    return dump_json(schema, indent=2)


def main(argv: list[str]) -> int:
    files = {name: text(schema) for name, schema in documents().items()}
    return write_or_check_all(SCHEMAS, files, check="--check" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
