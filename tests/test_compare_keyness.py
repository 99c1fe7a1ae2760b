"""Keyness (reportcli compare): G2 and log ratio against values worked out by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from reportcli.analysis._tokens import DocCounts
from reportcli.analysis.compare import COMPARE_COLUMNS, chi2_sf_1df, compare_rows, log_likelihood, log_ratio


def test_g2_and_log_ratio_by_hand() -> None:
    # a=10 of c=1000 tokens, b=2 of d=1000: E1 = E2 = 1000*12/2000 = 6
    # G2 = 2*(10*ln(10/6) + 2*ln(2/6)) = 2*(5.108256 - 2.197225) = 5.822063
    assert log_likelihood(10, 2, 1000, 1000) == pytest.approx(5.822063, abs=1e-6)
    # log2((10/1000)/(2/1000)) = log2(5)
    assert log_ratio(10, 2, 1000, 1000) == pytest.approx(2.321928, abs=1e-6)
    # chi-squared, 1 df: P(X >= 5.822063) = 0.015826 (table value 3.84 -> 0.05, 6.63 -> 0.01)
    assert chi2_sf_1df(5.822063) == pytest.approx(0.015826, abs=1e-5)
    assert chi2_sf_1df(3.841459) == pytest.approx(0.05, abs=1e-6)
    assert chi2_sf_1df(6.634897) == pytest.approx(0.01, abs=1e-6)


def test_zero_count_uses_half() -> None:
    # a=5 of 100, b=0 of 200: E1 = 100*5/300 = 5/3, G2 = 2*5*ln(3) = 10.986123
    assert log_likelihood(5, 0, 100, 200) == pytest.approx(10.986123, abs=1e-6)
    # Hardie: zero -> 0.5, log2((5/100)/(0.5/200)) = log2(20)
    assert log_ratio(5, 0, 100, 200) == pytest.approx(4.321928, abs=1e-6)


def test_compare_rows_sides_and_columns() -> None:
    a = DocCounts("a", total=1000, counts=Counter({"监督": 10, "立法": 6, "经济": 2}))
    b = DocCounts("b", total=1000, counts=Counter({"监督": 2, "经济": 12, "消费": 5}))
    rows = compare_rows(a, b, top=5, min_count=3)
    assert all(list(r) == COMPARE_COLUMNS for r in rows)
    side_a = [r["word"] for r in rows if r["side"] == "a"]
    side_b = [r["word"] for r in rows if r["side"] == "b"]
    assert side_a == ["监督", "立法"] or side_a == ["立法", "监督"]
    assert side_b[0] == "经济" and "消费" in side_b
    row = next(r for r in rows if r["word"] == "监督")
    assert row["g2"] == pytest.approx(5.822, abs=1e-3)
    assert row["log_ratio"] == pytest.approx(2.322, abs=1e-3)
    assert row["per_10k_a"] == 100.0 and row["per_10k_b"] == 20.0
    # G2 order within a side
    assert [r["g2"] for r in rows if r["side"] == "b"] == sorted(
        (r["g2"] for r in rows if r["side"] == "b"), reverse=True
    )


def test_compare_groups_and_plain_mappings() -> None:
    g1 = [DocCounts("x", 500, Counter({"词": 5})), DocCounts("y", 500, Counter({"词": 5}))]
    rows = compare_rows(g1, {"词": 2, "别的": 998}, min_count=1)
    row = next(r for r in rows if r["word"] == "词")
    assert (row["count_a"], row["count_b"], row["side"]) == (10, 2, "a")
    assert row["g2"] == pytest.approx(5.822, abs=1e-3)


def test_min_count_and_max_p() -> None:
    a = DocCounts("a", 1000, Counter({"少": 1, "多": 30}))
    b = DocCounts("b", 1000, Counter({"少": 0, "多": 28}))
    assert [r["word"] for r in compare_rows(a, b, min_count=2, max_p=None)] == ["多"]
    assert compare_rows(a, b, min_count=1, max_p=0.05) == []
    assert compare_rows(a, b, min_count=1) == []  # 0.05 is the default: 30 vs 28 is no difference


def test_default_keeps_only_significant_words() -> None:
    # G2 = 3.84 is p = 0.05: 监督 (10 vs 2, G2 5.82) stays, 立法 (6 vs 2 in 1000, G2 2.09) goes
    a = DocCounts("a", 1000, Counter({"监督": 10, "立法": 6}))
    b = DocCounts("b", 1000, Counter({"监督": 2, "立法": 2}))
    assert [r["word"] for r in compare_rows(a, b)] == ["监督"]
    assert {r["word"] for r in compare_rows(a, b, max_p=1.0)} == {"监督", "立法"}
    assert all(r["p"] <= 0.05 and r["g2"] >= 3.84 for r in compare_rows(a, b))


def test_no_difference_is_never_over_used() -> None:
    # 3A: 4 of 8889 vs 4 of 8888 tokens: rates differ in the 5th digit, G2 = 0 at the precision shown
    a = DocCounts("a", 8889, Counter({"3A": 4}))
    b = DocCounts("b", 8888, Counter({"3A": 4}))
    assert compare_rows(a, b, min_count=1, max_p=None) == []
    # 0 of 1000 vs 3 of 10000: B's rate is higher, but the 0.5 stand-in makes the log ratio positive
    a = DocCounts("a", 1000, Counter())
    b = DocCounts("b", 10000, Counter({"词": 3}))
    assert log_ratio(0, 3, 1000, 10000) > 0
    assert compare_rows(a, b, min_count=1, max_p=None) == []
    # whatever max_p, every row's G2, log ratio and rates agree with its side
    a = DocCounts("a", 1000, Counter({"甲": 5, "乙": 1, "丙": 3}))
    b = DocCounts("b", 1200, Counter({"甲": 6, "乙": 4, "丙": 3}))
    for row in compare_rows(a, b, min_count=1, max_p=None):
        assert row["g2"] > 0 and (row["log_ratio"] > 0) == (row["side"] == "a")
        assert (row["per_10k_a"] > row["per_10k_b"]) == (row["side"] == "a")
