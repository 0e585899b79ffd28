"""The comparison rules (``rules.toml``), validated on load with ``file: key`` errors."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from factcheck.errors import ConfigError
from factcheck.model import LEVELS, Level


@dataclass(frozen=True, slots=True)
class Rules:
    approx: float
    half_step: float
    drift_base: float
    drift_max: float
    trend_gap_days: int
    subject_min: float
    window: int
    levels: dict[str, Level]
    check_window: int = 64
    drift_min: int = 1
    conflict_min: int = 2
    far_ratio: float = 3.0
    update_days: int = 7
    max_ratio: float = 10.0
    report_within_days: int = 45
    day_report_days: int = 2


def build(data: dict[str, Any], path: str) -> Rules:
    def number(key: str, lo: float, hi: float) -> float:
        section, _, name = key.partition(".")
        value = data.get(section, {}).get(name)
        if not isinstance(value, int | float) or isinstance(value, bool) or not lo <= value <= hi:
            raise ConfigError(f"{key}: expected a number from {lo} to {hi}", path=path)
        return float(value)

    levels = data.get("levels", {})
    for name, level in levels.items():
        if level not in LEVELS:
            raise ConfigError(f"levels.{name}: {level!r} is not one of {', '.join(LEVELS)}", path=path)
    return Rules(
        approx=number("hedges.approx", 0, 1),
        half_step=number("rounding.half_step", 0, 1),
        drift_base=number("drift.base", 0, 1),
        drift_max=number("drift.max", 0, 10),
        trend_gap_days=int(number("time.trend_gap_days", 0, 36500)),
        subject_min=float(number("match.subject_min", 0, 100)),
        window=int(number("match.window", 1, 1000)),
        levels={name: Level(level) for name, level in levels.items()},
        check_window=int(number("match.check_window", 1, 100000)),
        drift_min=int(number("match.drift_min", 0, 20)),
        conflict_min=int(number("match.conflict_min", 0, 20)),
        far_ratio=number("match.far_ratio", 1, 1e9),
        update_days=int(number("time.update_days", 0, 36500)),
        max_ratio=number("match.max_ratio", 1, 1e12),
        report_within_days=int(number("time.report_within_days", 0, 3660)),
        day_report_days=int(number("time.day_report_days", 0, 366)),
    )


@cache
def default() -> Rules:
    """The shipped rules."""
    with resources.files(__package__).joinpath("rules.toml").open("rb") as fh:
        return build(tomllib.load(fh), "factcheck/compare/rules.toml")
