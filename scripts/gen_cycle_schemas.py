"""Write the JSON Schemas of the cycle's documents into docs/schemas/.

    python scripts/gen_cycle_schemas.py

The test suite checks that the committed files are what this script writes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from ocop.cycle.jsonio import history_json_schema, record_json_schema

SCHEMAS = Path(__file__).resolve().parents[1] / "docs" / "schemas"


def documents() -> dict[str, dict[str, Any]]:
    """File name → schema."""
    return {
        "cycle-record.schema.json": record_json_schema(),
        "cycle-history.schema.json": history_json_schema(),
    }


def text(schema: dict[str, Any]) -> str:
    """A schema as the committed file holds it."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    for name, schema in documents().items():
        path = SCHEMAS / name
        if not path.exists() or path.read_text(encoding="utf-8") != text(schema):
            path.write_text(text(schema), encoding="utf-8")
            print(f"updated {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
