"""A one-line progress bar on a terminal; silent when not a TTY or when asked to be quiet."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from typing import IO, TypeVar

T = TypeVar("T")


class Progress:
    """``Progress(total, stream)``: call ``update(n)``; ``close()`` ends the line."""

    def __init__(self, total: int, stream: IO[str] | None, label: str = "", unit: str = "items") -> None:
        self.total = total
        self.stream = stream
        self.label = label
        self.unit = unit
        self.done = 0
        self._shown = 0.0
        self._start = time.monotonic()

    def update(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.stream is None or (now - self._shown < 0.1 and self.done < self.total):
            return
        self._shown = now
        width = 30
        share = min(1.0, self.done / self.total) if self.total else 1.0
        bar = "#" * int(share * width)
        rate = self.done / max(now - self._start, 1e-9)
        self.stream.write(
            f"\r{self.label} [{bar:<{width}}] {self.done:,}/{self.total:,} {self.unit}  {rate:,.0f}/s"
        )
        self.stream.flush()

    def wrap(self, items: Iterable[T], every: int = 1000) -> Iterator[T]:
        """Yield ``items``, advancing the bar every ``every`` items."""
        pending = 0
        for item in items:
            yield item
            pending += 1
            if pending == every:
                self.update(pending)
                pending = 0
        self.update(pending)

    def close(self, message: str = "") -> None:
        if self.stream is not None and (self._shown or message):
            self.stream.write(("\r" + message if message else "") + "\n")
            self.stream.flush()
