"""Ledger-wide comparison on a Dask cluster (``factcheck compare --workers N`` / ``--scheduler ADDRESS``).

Optional: ``pip install 'factcheck[scale]'`` brings Dask (distributed) and pyarrow; nothing here is
imported by the core commands.

How it runs (all steps are Dask tasks; only small summaries and the findings come back to the caller):

1. **Read in slices.**  Each task reads one slice of the claims: a range of documents of the ledger
   (SQLite file or PostgreSQL, the same filters as the single-process path), or one row group of a
   Parquet export.  The claims stay in the worker's memory.
2. **Summarise.**  Each slice reports how many claims each block holds and which blocks must go
   together (:mod:`factcheck.scale.partition`).
3. **Plan.**  The caller groups blocks into closed groups and packs them into parts.
4. **Shuffle and compare.**  Each slice splits its claims by part; each part gathers its pieces (in
   slice order) and runs the single-process comparison, :func:`factcheck.compare.ledger_findings`,
   on them.
5. **Merge.**  The parts' findings, sorted as the single-process path sorts them: the same findings.
"""

from __future__ import annotations

import operator
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from factcheck.errors import UsageError
from factcheck.ledger.store import ClaimFilter
from factcheck.model import Claim, Finding

#: parts per worker (several, so that one large group of blocks does not leave a worker idle)
PARTS_PER_WORKER = 4
#: documents per ledger slice at most (a slice is also at most 1/(4 x workers) of the documents)
SLICE_DOCS = 50_000


def _need_dask() -> None:
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        raise UsageError("--workers and --scheduler need Dask: pip install 'factcheck[scale]'") from None


@dataclass(frozen=True, slots=True)
class LedgerSlice:
    """Claims of a range of documents of a ledger (SQLite path or PostgreSQL URL)."""

    location: Any
    where: ClaimFilter

    def claims(self) -> list[Claim]:
        from factcheck.ledger.store import open_ledger

        with open_ledger(self.location, create=False) as ledger:
            return list(ledger.claims(self.where))


@dataclass(frozen=True, slots=True)
class ParquetSlice:
    """Claims of one row group of a Parquet export."""

    path: str
    index: int

    def claims(self) -> list[Claim]:
        from factcheck.scale.parquet import read_row_group

        return read_row_group(self.path, self.index)


def ledger_slices(location: Any, where: ClaimFilter, count: int) -> list[LedgerSlice]:
    """The ledger cut into about ``count`` slices of whole documents, in document order."""
    from dataclasses import replace

    from factcheck.ledger.store import open_ledger

    with open_ledger(location, create=False) as ledger:
        docs = [d.id for d in ledger.documents()]  # by id: the order claims are read in
    if not docs:
        return [LedgerSlice(location, where)]
    step = max(1, min(SLICE_DOCS, -(-len(docs) // max(1, count))))
    bounds = docs[step::step]
    edges = [None, *bounds, None]
    return [
        LedgerSlice(location, replace(where, doc_from=edges[i], doc_to=edges[i + 1]))
        for i in range(len(edges) - 1)
    ]


def parquet_slices(path: str | os.PathLike[str]) -> list[ParquetSlice]:
    from factcheck.scale.parquet import row_groups

    return [ParquetSlice(str(path), i) for i in range(row_groups(path))]


# ---------------------------------------------------------------- the tasks (run on the workers)


def _load(piece: LedgerSlice | ParquetSlice) -> list[Claim]:
    return piece.claims()


def _summarise(claims: list[Claim]):
    from factcheck.scale.partition import summarise

    return len(claims), summarise(claims)


def _split(claims: list[Claim], owner: dict, parts: int) -> list[list[Claim]]:
    from factcheck.scale.partition import split

    return split(claims, owner, parts)


def _compare(pieces: Sequence[list[Claim]], include_trends: bool) -> list[Finding]:
    from factcheck.compare import ledger_findings
    from factcheck.scale.partition import concat

    return ledger_findings(concat(pieces), include_trends=include_trends)


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---------------------------------------------------------------- the driver


@dataclass(slots=True)
class Run:
    """A finished distributed comparison: its findings, the claims read, and per-worker peak memory."""

    findings: list[Finding]
    claims: int
    parts: int
    workers: int
    peak_mb: dict[str, float]


def local_cluster(workers: int):
    """A local Dask cluster of ``workers`` single-threaded worker processes (no dashboard)."""
    _need_dask()
    from dask.distributed import LocalCluster

    return LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )


def compare_distributed(
    slices: Sequence[LedgerSlice | ParquetSlice],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    include_trends: bool = False,
    parts: int | None = None,
    client: Any = None,
) -> Run:
    """The ledger-wide comparison of the claims in ``slices`` on a Dask cluster: a new local one of
    ``workers`` processes, the one at ``scheduler``, or ``client``'s.  The findings are exactly those
    of :func:`factcheck.compare.ledger_findings` on the same claims in the same order."""
    _need_dask()
    from dask.distributed import Client

    from factcheck.compare.findings import sort_findings
    from factcheck.scale.partition import Summary, plan

    cluster = None
    own_client = client is None
    if client is None:
        if scheduler:
            try:
                client = Client(scheduler, timeout="20s")
            except OSError as exc:
                raise UsageError(
                    f"--scheduler: cannot reach a Dask scheduler at {scheduler}: {exc}"
                ) from None
        else:
            if not workers or workers < 1:
                raise UsageError("--workers must be at least 1")
            cluster = local_cluster(workers)
            client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        n_parts = parts or n_workers * PARTS_PER_WORKER
        loaded = client.map(_load, list(slices), pure=False)
        summary = Summary()
        total = 0
        for count, part in client.gather(client.map(_summarise, loaded, pure=False)):
            total += count
            summary.merge(part)
        # one object (scattering a dict would scatter each of its values under its key)
        owner = client.scatter([plan(summary, n_parts)], broadcast=True)[0]
        pieces = client.map(_split, loaded, owner=owner, parts=n_parts, pure=False)
        del loaded
        results = []
        for p in range(n_parts):
            mine = [client.submit(operator.getitem, piece, p, pure=False) for piece in pieces]
            results.append(client.submit(_compare, mine, include_trends, pure=False))
        del pieces
        findings: list[Finding] = []
        for part in client.gather(results):
            findings += part
        peaks = client.run(_peak_rss_mb)
        return Run(sort_findings(findings), total, n_parts, n_workers, peaks)
    finally:
        if own_client:
            client.close()
        if cluster is not None:
            cluster.close()
