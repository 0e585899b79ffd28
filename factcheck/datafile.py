"""Typed, validated access to a parsed TOML data file, with ``file: key: what is wrong`` errors.

Shared by the lexicon, the context data and the comparison rules, so every data file reports a
mistake the same way.
"""

from __future__ import annotations

from typing import Any

from factcheck.errors import ConfigError


class DataReader:
    """Read keys like ``"hedges.before.approx"`` from a TOML tree, checking their types."""

    def __init__(self, data: dict[str, Any], path: str, prefix: str = "") -> None:
        self.data = data
        self.path = path
        #: where ``data`` sits in the file ("context."): errors name the key as the file writes it
        self.prefix = prefix

    def fail(self, key: str, what: str) -> ConfigError:
        return ConfigError(f"{self.prefix}{key}: {what}", path=self.path)

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = ...) -> Any:
        """The value at ``key`` (``default`` when absent; a missing required key is an error)."""
        node: Any = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                if default is ...:
                    raise self.fail(key, "missing")
                return default
            node = node[part]
        if not isinstance(node, kind):
            raise self.fail(key, f"expected {getattr(kind, '__name__', kind)}, got {type(node).__name__}")
        return node

    def strings(self, key: str, default: Any = ...) -> list[str]:
        """A list of non-empty strings (empty when absent unless ``default`` says otherwise)."""
        values = self.get(key, list, [] if default is ... else default)
        for i, v in enumerate(values):
            if not isinstance(v, str) or not v.strip():
                raise self.fail(f"{key}[{i}]", "expected a non-empty string")
        return values

    def mapping(self, key: str, value_kind: type | tuple[type, ...]) -> dict[str, Any]:
        """A table whose values all have ``value_kind`` (booleans never pass as numbers)."""
        table = self.get(key, dict, {})
        for k, v in table.items():
            if not isinstance(v, value_kind) or isinstance(v, bool):
                raise self.fail(f"{key}.{k}", f"expected {getattr(value_kind, '__name__', value_kind)}")
        return table
