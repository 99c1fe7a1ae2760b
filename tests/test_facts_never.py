"""Ranks, quality classes and names with numerals inside are never counts."""

from __future__ import annotations

import pytest

from reportcli.facts.quantities import quantities


@pytest.mark.parametrize("text", ["水质保持二类", "断面水质达到三类标准", "举办铁人三项赛事"])
def test_not_quantities(text: str) -> None:
    assert [q.text for q in quantities(text)] == []


def test_top_n_is_a_rank() -> None:
    assert [(q.value, q.kind) for q in quantities("包揽前六名")] == [(6, "ordinal")]


def test_both_is_not_a_subject() -> None:
    (q,) = quantities("进出口总额和社会消费品零售总额双双突破9万亿元")
    assert "双双" not in q.subject and q.qualifier == "lower_bound"
