"""``--format json``: ``{"documents": [...], "claims": [...], "findings": [...]}``."""

from __future__ import annotations

import json
from typing import Any


def render(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n"
