"""Small numeric helpers shared by the benchmark (pure functions)."""

from __future__ import annotations

import gzip
import statistics
from collections.abc import Sequence


def median(values: Sequence[float]) -> float:
    """The median; several runs of a noisy measurement are summarised by it, never by the best run."""
    if not values:
        raise ValueError("median of no values — the measurement produced no runs")
    return float(statistics.median(values))


def ratio(ours: float, stock: float) -> float:
    if stock <= 0:
        raise ValueError(f"stock value is {stock}; a ratio needs a positive stock measurement")
    return ours / stock


def gzip_size(data: bytes) -> int:
    """Bytes of `data` gzipped the way tests/support/server.py serves it (level 6, no timestamp)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def per_item_growth(size_small: int, size_large: int, items_added: int) -> float:
    """Growth per added item, e.g. search-index bytes per added article."""
    if items_added <= 0:
        raise ValueError("growth per item needs at least one added item")
    return (size_large - size_small) / items_added
