"""Partitioning the ledger-wide comparison by its blocking key, so that each part compares alone and
together they give exactly the single-process findings.

The single-process path (:func:`factcheck.compare.ledger_findings`) puts each claim into the blocks
that :func:`factcheck.compare.match.block_keys` gives it and compares neighbours inside each block; a
pair of claims is reported once (the first time it meets), and two pairs with the same finding id
(same check, same claim fingerprints) once.  So a part may be compared on its own when it is closed:

* every block of every claim in the part is whole in the part (a claim naming two places links those
  two blocks: they go together), and
* claims with the same fingerprint (:func:`factcheck.compare.findings.claim_fingerprint`; one
  document repeating a figure) are in one part, so the "first finding with that id wins" choice is
  made inside one part, in the same order as the single-process path.

The parts are the connected components of that "must go together" relation, packed into as many
parts as asked (largest first, each to the lightest part).  Within a part, claims keep the global
order (document, then extraction order), so each part meets its blocks, pairs and finding ids in the
order the single-process path does; the union of the parts' findings, sorted as
:func:`~factcheck.compare.findings.sort_findings` sorts, is the single-process result.

The blocking key function and the fingerprint are imported from the comparator, never copied: when the
comparator's blocking changes, both paths change together.  Everything here is pure (no Dask).
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factcheck.compare.findings import claim_fingerprint
from factcheck.compare.match import block_keys
from factcheck.model import Claim

Key = tuple[str, str]


def keys_of(claim: Claim) -> list[Key]:
    """The blocks a claim takes in the ledger-wide comparison (which compares across sources only:
    no per-article blocks), exactly as the comparator computes them."""
    if claim.kind != "quantity":
        return []
    return block_keys(claim, False)


@dataclass(slots=True)
class Summary:
    """What the planner needs to know of a slice of claims: how many claims each block holds, and which
    blocks must go together (a claim's several blocks; the blocks of claims sharing a fingerprint)."""

    sizes: Counter = field(default_factory=Counter)
    links: set[tuple[Key, ...]] = field(default_factory=set)

    def merge(self, other: Summary) -> Summary:
        self.sizes.update(other.sizes)
        self.links |= other.links
        return self


def summarise(claims: Iterable[Claim]) -> Summary:
    """The :class:`Summary` of a slice of claims (a slice never splits a document: fingerprints name
    their document, so claims sharing one are in one slice)."""
    out = Summary()
    by_fingerprint: dict[str, Key] = {}
    for claim in claims:
        keys = keys_of(claim)
        if not keys:
            continue
        out.sizes[keys[0]] += 1
        if len(keys) > 1:
            out.links.add(tuple(dict.fromkeys(keys)))
        fp = claim_fingerprint(claim)
        first = by_fingerprint.setdefault(fp, keys[0])
        if first != keys[0]:
            out.links.add((first, keys[0]))
    return out


def plan(summary: Summary, parts: int) -> dict[Key, int]:
    """Which part each block goes to: the closed groups of blocks packed into ``parts`` parts."""
    parent: dict[Key, Key] = {}

    def find(k: Key) -> Key:
        root = k
        while parent.get(root, root) != root:
            root = parent[root]
        while k != root:  # path compression
            parent[k], k = root, parent[k]
        return root

    for group in summary.links:
        first = find(group[0])
        for other in group[1:]:
            root = find(other)
            if root != first:
                parent[root] = first
    every = set(summary.sizes)
    for group in summary.links:  # a claim's second and later blocks may hold no claim first
        every.update(group)
    groups: dict[Key, list[Key]] = defaultdict(list)
    for key in every:
        groups[find(key)].append(key)
    weights = sorted(
        ((sum(summary.sizes.get(k, 0) for k in keys), sorted(keys)) for keys in groups.values()),
        key=lambda item: (-item[0], item[1][0]),
    )
    heap = [(0, p) for p in range(max(1, parts))]
    owner: dict[Key, int] = {}
    for weight, keys in weights:
        load, p = heapq.heappop(heap)
        for key in keys:
            owner[key] = p
        heapq.heappush(heap, (load + weight, p))
    return owner


def split(claims: Iterable[Claim], owner: dict[Key, int], parts: int) -> list[list[Claim]]:
    """The claims of a slice, by part, in their order; claims in no block are compared with nothing
    and left out."""
    out: list[list[Claim]] = [[] for _ in range(max(1, parts))]
    for claim in claims:
        keys = keys_of(claim)
        if keys:
            out[owner[keys[0]]].append(claim)
    return out


def concat(pieces: Sequence[list[Claim]]) -> list[Claim]:
    """One part's claims from every slice, slices in order (so the global order is kept)."""
    out: list[Claim] = []
    for piece in pieces:
        out += piece
    return out
