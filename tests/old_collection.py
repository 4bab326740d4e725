"""Excerpt collection files as Topic Reader wrote them before the library held excerpts."""

import json
from collections.abc import Sequence
from pathlib import Path

from reader.core.excerpts import Excerpt


def write_old_collection(path: Path, excerpts: Sequence[Excerpt], location: str = "") -> None:
    """Write ``excerpts`` in the layout of an old ``excerpts.json`` (version 1, indented)."""
    items = [{**e.to_mapping(), **({"location": location} if location else {})} for e in excerpts]
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": 1, "excerpts": items}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
