"""Keyness of one text (or group) against another: log-likelihood G2 with the log-ratio effect size.

G2 follows Rayson & Garside (2000): with a, b the word's counts and c, d the corpus sizes,
E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d), G2 = 2(a ln(a/E1) + b ln(b/E2)).
The effect size is Hardie's log ratio, log2((a/c)/(b/d)), with a zero count replaced by 0.5.
The p-value is the upper tail of chi-squared with 1 degree of freedom: erfc(sqrt(G2/2)).

Only words whose difference is significant are listed by default (p <= 0.05, i.e. G2 >= 3.84); a word
is put on side a or b only when its rates differ and G2 and the log ratio agree with that side, so a
row never shows a word as over-used with a zero G2 or a log ratio of the other sign.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from reportcli.analysis import DEFAULT_MAX_P
from reportcli.analysis._tokens import DocCounts, merge_counts

COMPARE_COLUMNS = ["word", "count_a", "count_b", "per_10k_a", "per_10k_b", "log_ratio", "g2", "p", "side"]

CountsLike = DocCounts | Mapping[str, int] | Iterable[DocCounts]



def log_likelihood(a: int, b: int, c: int, d: int) -> float:
    """G2 of a word seen a times in a corpus of c tokens and b times in one of d tokens."""
    if c <= 0 or d <= 0 or a + b == 0:
        return 0.0
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    g2 = 0.0
    if a:
        g2 += a * math.log(a / e1)
    if b:
        g2 += b * math.log(b / e2)
    return 2.0 * g2


def log_ratio(a: int, b: int, c: int, d: int, *, zero: float = 0.5) -> float:
    """Hardie's log ratio: binary log of the ratio of relative frequencies (zero counts -> ``zero``)."""
    return math.log2(((a or zero) / c) / ((b or zero) / d))


def chi2_sf_1df(x: float) -> float:
    """P(X >= x) for chi-squared with one degree of freedom."""
    if x <= 0:
        return 1.0
    return math.erfc(math.sqrt(x / 2.0))


def _as_counts(value: CountsLike) -> tuple[Counter[str], int]:
    if isinstance(value, DocCounts):
        return value.counts, value.total
    if isinstance(value, Mapping):
        counts = Counter({str(k): int(v) for k, v in value.items()})
        return counts, sum(counts.values())
    merged = merge_counts(list(value))
    return merged.counts, merged.total


def compare_rows(
    counts_a: CountsLike,
    counts_b: CountsLike,
    *,
    top: int | None = 20,
    min_count: int = 3,
    max_p: float | None = DEFAULT_MAX_P,
) -> list[dict[str, Any]]:
    """Top words over-used in A (side "a") then in B (side "b"), each ordered by G2 descending.

    ``counts_a``/``counts_b``: a DocCounts (``total`` = word tokens), a list of them (a group, summed),
    or a plain word -> count mapping (total = sum of the counts). Words seen fewer than ``min_count``
    times in A and B together are skipped; ``max_p`` drops rows with a larger p-value (default 0.05:
    only significant differences; ``None`` or 1.0 keeps every word that leans to one side).
    Words with no difference (G2 of 0 as shown, or a log ratio of 0 or of the other sign, which the
    0.5 stand-in for a zero count can give) are never listed, whatever ``max_p``.
    """
    ca, total_a = _as_counts(counts_a)
    cb, total_b = _as_counts(counts_b)
    if total_a <= 0 or total_b <= 0:
        return []
    sides: dict[str, list[dict[str, Any]]] = {"a": [], "b": []}
    for word in set(ca) | set(cb):
        a, b = ca.get(word, 0), cb.get(word, 0)
        if a + b < min_count:
            continue
        rel_a, rel_b = a / total_a, b / total_b
        if rel_a == rel_b:
            continue
        g2 = log_likelihood(a, b, total_a, total_b)
        if round(g2, 3) <= 0:  # no difference at the precision shown (float error can even make it < 0)
            continue
        p = chi2_sf_1df(g2)
        if max_p is not None and p > max_p:
            continue
        side = "a" if rel_a > rel_b else "b"
        ratio = round(log_ratio(a, b, total_a, total_b), 3)
        if (ratio > 0) != (side == "a") or ratio == 0:
            continue  # the rates and the effect size disagree: not over-used on either side
        sides[side].append(
            {
                "word": word,
                "count_a": a,
                "count_b": b,
                "per_10k_a": round(rel_a * 10_000, 2),
                "per_10k_b": round(rel_b * 10_000, 2),
                "log_ratio": ratio,
                "g2": round(g2, 3),
                "p": float(f"{p:.3g}"),
                "side": side,
            }
        )
    rows: list[dict[str, Any]] = []
    for side in ("a", "b"):
        ranked = sorted(sides[side], key=lambda r: (-r["g2"], -abs(r["log_ratio"]), r["word"]))
        rows.extend(ranked if top is None else ranked[:top])
    return rows
