"""Configuration: ``[tool.factcheck]`` in ``pyproject.toml`` or a ``factcheck.toml``, found upward.

One place reads and validates it; commands ask :func:`load_config` and let their flags override it.
Relative paths in the file are relative to the file's folder. Every problem is a :class:`ConfigError`
naming the file (and the line of the offending key when it can be found).

Keys: ``fail_on`` (error, warning, info, never), ``max_warnings`` (integer >= 0), ``ledger`` (SQLite
file or ``postgresql://`` URL), ``templates`` (folder of report templates), ``baseline`` (accepted-findings
file). Any other key is an error naming ``file:line`` (a typo such as ``fail_onn`` must not weaken the gate).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import ConfigError
from factcheck.model import FAIL_LEVELS

#: the accepted-findings file, relative to the project folder
DEFAULT_BASELINE = Path("claims") / "accepted.toml"
DEFAULT_LEDGER = Path("claims") / "ledger.db"
CONFIG_NAMES = ("factcheck.toml", "pyproject.toml")
#: every key ``[tool.factcheck]`` may hold: anything else is a typo (``fail_onn``) and an error, since
#: an ignored key would quietly weaken the gate
KNOWN_KEYS = ("fail_on", "max_warnings", "ledger", "templates", "baseline")


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``factcheck.toml`` or ``pyproject.toml`` with ``[tool.factcheck]``, upward from
    ``start``, and that section; ``None`` when there is none."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            path = folder / name
            if not path.is_file():
                continue
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8"))
            except RecursionError:
                raise ConfigError("cannot read configuration: nested too deeply", path=str(path)) from None
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
                line = None
                m = re.search(r"line (\d+)", str(exc))
                if m:
                    line = int(m[1])
                raise ConfigError(f"cannot read configuration: {exc}", path=str(path), line=line) from exc
            tool = data.get("tool")
            if tool is not None and not isinstance(tool, dict):
                raise ConfigError(
                    f"'tool' must be a table ([tool.NAME] sections), not {tool!r}"[:200],
                    path=str(path),
                    line=_key_line(path, "tool"),
                )
            section = (tool or {}).get("factcheck")
            if section is None and name == "factcheck.toml":
                section = data
            if section is not None and not isinstance(section, dict):
                raise ConfigError(
                    "'factcheck' must be a table ([tool.factcheck])",
                    path=str(path),
                    line=_key_line(path, "factcheck"),
                )
            if isinstance(section, dict):
                return path, section
    return None


def _key_line(path: Path, key: str) -> int | None:
    """The line where ``key = ...`` is set in ``path`` (best effort, for error messages)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for n, text in enumerate(lines, 1):
        if pattern.match(text):
            return n
    return None


@dataclass(frozen=True, slots=True)
class Config:
    """The validated configuration (``None`` where the file says nothing)."""

    path: Path | None  #: the configuration file, if any
    folder: Path  #: the project folder: the configuration file's folder, else the working folder
    fail_on: str | None = None
    max_warnings: int | None = None
    ledger: Path | None = None
    templates: Path | None = None
    baseline: Path | None = None
    raw: tuple[tuple[str, Any], ...] = ()

    def get(self, key: str, default: Any = None) -> Any:
        """Any key of the section as written (for options other modules own)."""
        return dict(self.raw).get(key, default)

    @property
    def ledger_path(self) -> Path:
        return self.ledger or self.folder / DEFAULT_LEDGER

    @property
    def baseline_path(self) -> Path:
        return self.baseline or self.folder / DEFAULT_BASELINE


def load_config(cwd: Path | None = None) -> Config:
    """Find, read and validate the configuration that applies in ``cwd`` (default: working folder)."""
    here = Path.cwd() if cwd is None else cwd
    found = find_config(here.resolve())
    if found is None:
        return Config(path=None, folder=here)
    path, section = found

    def bad(key: str, what: str) -> ConfigError:
        return ConfigError(f"'{key}' {what}", path=str(path), line=_key_line(path, key))

    unknown = sorted(k for k in section if k not in KNOWN_KEYS)
    if unknown:
        import difflib

        near = difflib.get_close_matches(unknown[0], KNOWN_KEYS, n=1)
        hint = f"; did you mean '{near[0]}'?" if near else f" (known: {', '.join(KNOWN_KEYS)})"
        raise bad(unknown[0], f"is not a factcheck setting{hint}")

    fail_on = section.get("fail_on")
    if fail_on is not None and fail_on not in FAIL_LEVELS:
        raise bad("fail_on", f"must be one of {', '.join(FAIL_LEVELS)}, not {fail_on!r}")
    max_warnings = section.get("max_warnings")
    if max_warnings is not None and (
        isinstance(max_warnings, bool) or not isinstance(max_warnings, int) or max_warnings < 0
    ):
        raise bad("max_warnings", f"must be a whole number of at least 0, not {max_warnings!r}")
    paths: dict[str, Path | None] = {}
    for key in ("ledger", "templates", "baseline"):
        value = section.get(key)
        if value is None:
            paths[key] = None
        elif not isinstance(value, str) or not value:
            raise bad(key, "must be a path (a non-empty string)")
        else:
            paths[key] = path.parent / value
    return Config(
        path=path,
        folder=path.parent,
        fail_on=fail_on,
        max_warnings=max_warnings,
        ledger=paths["ledger"],
        templates=paths["templates"],
        baseline=paths["baseline"],
        raw=tuple(section.items()),
    )
