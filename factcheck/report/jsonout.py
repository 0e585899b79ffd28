"""``--format json``: ``{"documents": [...], "claims": [...], "findings": [...]}``."""

from __future__ import annotations

from typing import Any

from factcheck.io import json_text


def render(result: Any, *, color: bool = False, options: dict | None = None) -> str:
    return json_text(result.to_dict(), indent=2) + "\n"
