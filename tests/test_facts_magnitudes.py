"""Mixed magnitudes: a second group after 亿 counts in 万; 余/多 may stand between two magnitudes."""

from __future__ import annotations

import pytest

from reportcli.facts.quantities import quantities


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("生产四亿零七百多万吨", 407_000_000, "lower_bound"),
        ("七亿七千多万吨", 770_000_000, "lower_bound"),
        ("二十五亿七千多万元", 2_570_000_000, "lower_bound"),
        ("人口12亿5千万人", 1_250_000_000, "none"),
        ("4亿700多万人", 407_000_000, "lower_bound"),
        ("减少1亿3千多万人", 130_000_000, "lower_bound"),
        ("达到1千多万人", 10_000_000, "lower_bound"),
        ("十四亿多人口", 1_400_000_000, "lower_bound"),
    ],
)
def test_mixed_magnitudes(text: str, value: int, qualifier: str) -> None:
    (q,) = quantities(text)
    assert (q.value, q.qualifier) == (value, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("城乡低保标准提高到645元/月", 645, "元"),  # money is in 元; the rate stays in text
        ("钢材价格3000元/吨", 3000, "元"),
        ("发电量5820亿千瓦小时", 582_000_000_000, "千瓦小时"),
        ("新型储能规模55GWh", 55, "GWh"),
    ],
)
def test_rates_and_energy_units(text: str, value: int, unit: str) -> None:
    (q,) = quantities(text)
    assert (q.value, q.unit) == (value, unit)
