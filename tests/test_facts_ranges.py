"""A hyphen between two numbers is a range, not a minus sign; a sign stays a sign after a verb."""

from __future__ import annotations

import pytest

from reportcli.facts.quantities import quantities


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年均增速4.5%-5%", [(4.5, "range"), (5, "range")]),
        ("增长5%-5.5%左右", [(5, "range"), (5.5, "range")]),
        ("增长5%—5.5%", [(5, "range"), (5.5, "range")]),
        ("增长-3.2%", [(-3.2, "none")]),
        ("利润为-5亿元", [(-500_000_000, "none")]),
    ],
)
def test_hyphen_ranges_and_signs(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(q.value, q.qualifier) for q in quantities(text)] == expected


def test_dash_at_line_start_is_a_list_item() -> None:
    assert [q.value for q in quantities("-3项工作全部完成")] == [3]
