"""Which claims are about the same quantity? Blocking, then subject similarity; never all pairs.

Claims are grouped into blocks by unit dimension and by what they count (the set of entities in the
subject, else the subject key's head word); inside a block each claim is compared with its nearest
neighbours in time order only, so the work grows as n log n. Look-alikes stay apart: different
counted nouns (detainee vs person, killed vs arrested) never share a block, and two claims about
different places or parties never share an entity set.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from factcheck.compare import timescope, units
from factcheck.compare.rules import Rules
from factcheck.model import Claim


def block_key(c: Claim) -> tuple[str, str] | None:
    """The block a claim belongs to, or None when it says too little to be compared."""
    dim = units.dimension(c.unit)
    if dim is None:
        return None
    if c.entities:
        return dim, "e:" + "|".join(sorted(c.entities))
    if c.subject_key:
        return dim, "s:" + c.subject_key.split()[0]
    return None


def _time_order(c: Claim) -> tuple[str, str]:
    span = timescope.interval(c.time)
    return (span[0].isoformat() if span else "9999", c.id)


def similar_subjects(a: Claim, b: Claim, rules: Rules) -> bool:
    """Same entities, or subject keys alike enough (rapidfuzz token-set ratio)."""
    if a.entities or b.entities:
        return set(a.entities) == set(b.entities)
    if not (a.subject_key and b.subject_key):
        return False
    if a.subject_key == b.subject_key:
        return True
    from rapidfuzz import fuzz  # lazily: only when two keys differ

    return fuzz.token_set_ratio(a.subject_key, b.subject_key, processor=None) >= rules.subject_min


def conversion(a: Claim, b: Claim) -> float | None:
    """Factor that expresses ``b`` in ``a``'s unit, or None when the units do not compare."""
    if a.unit == b.unit:
        return 1.0
    return units.factor(b.unit, a.unit) if a.unit and b.unit else None


def candidate_pairs(
    claims: Iterable[Claim], rules: Rules, *, window: int | None = None, progress=None
) -> Iterator[tuple[Claim, Claim, float]]:
    """Pairs of claims about the same quantity, each with the factor from the second's unit to the first's."""
    window = window or rules.window
    blocks: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c in claims:
        if c.kind != "quantity":
            continue
        key = block_key(c)
        if key is not None:
            blocks[key].append(c)
    for members in blocks.values():
        if len(members) < 2:
            continue
        members.sort(key=_time_order)
        if progress is not None:
            progress.update(len(members))
        for i, a in enumerate(members):
            for b in members[i + 1 : i + 1 + window]:
                if a.doc == b.doc and a.id == b.id:
                    continue
                if not similar_subjects(a, b, rules):
                    continue
                factor = conversion(a, b)
                if factor is not None:
                    yield a, b, factor
