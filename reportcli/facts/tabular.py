"""Flattened tables: tab-separated rows whose units stand in a unit column or in the header.

    产品名称<TAB>计量单位<TAB>产量<TAB>较上年± %
    饮料酒<TAB>千升<TAB>15767<TAB>18.64      -> 15767 千升 (measure), 18.64 % (change), subject 饮料酒
    指标<TAB>绝对数（亿元）<TAB>比上年增长%
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from reportcli.facts.numerals import MAGNITUDES, parse_decimal
from reportcli.facts.quantities import Quantity, quantities
from reportcli.facts.units import UNIT_KIND, UNIT_NORMAL, UNIT_RE

_NUMBER_CELL = re.compile(r"[-+−]?[0-9０-９][0-9０-９,]*(?:[.．][0-9０-９]+)?")
_PAREN_UNIT = re.compile(r"[（(]([^（()）]{1,6})[)）]")
_CHANGE_HEADER = ("增长", "增减", "比上年", "较上年", "同比", "±", "增速", "变化")


@dataclass(frozen=True, slots=True)
class TableHeader:
    """Per-column unit hints taken from a header row."""

    units: tuple[str, ...]
    change: tuple[bool, ...]


def _unit_cell(cell: str) -> tuple[str, int] | None:
    """``千升`` -> ("千升", 1); ``万度`` -> ("度", 10000); anything that is not a bare unit -> None."""
    cell = cell.strip()
    if not cell or len(cell) > 6:
        return None
    mult = 1
    i = 0
    m = UNIT_RE.fullmatch(cell)
    if m is None:
        while i < len(cell) and cell[i] in MAGNITUDES and cell[i] in "万亿":
            mult *= MAGNITUDES[cell[i]]
            i += 1
        if i == 0 or UNIT_RE.fullmatch(cell, i) is None:
            return None
    unit = cell[i:]
    if UNIT_KIND.get(unit) == "time":
        return None
    return UNIT_NORMAL.get(unit, unit), mult


def parse_header(cells: list[str]) -> TableHeader | None:
    """A header row: no number cells; returns unit hints per column (``%``, a parenthesised unit)."""
    units: list[str] = []
    change: list[bool] = []
    for c in cells:
        c = c.strip()
        if _NUMBER_CELL.fullmatch(c):
            return None
        unit = ""
        if c.endswith(("%", "％")) or "(%)" in c or "（%）" in c:
            unit = "%"
        else:
            m = _PAREN_UNIT.search(c)
            if m and _unit_cell(m.group(1)):
                unit = m.group(1)
        units.append(unit)
        change.append(unit == "%" and any(w in c for w in _CHANGE_HEADER))
    if not any(units) and not any("单位" in c for c in cells):
        return None
    return TableHeader(tuple(units), tuple(change))


def table_row(text: str, header: TableHeader | None) -> list[Quantity] | None:
    """Quantities of one tab-separated row, or None when ``text`` is not a table row with numbers."""
    if "\t" not in text:
        return None
    cells = text.split("\t")
    spans: list[tuple[int, int]] = []
    pos = 0
    for c in cells:
        spans.append((pos, pos + len(c)))
        pos += len(c) + 1
    numeric = [i for i, c in enumerate(cells) if _NUMBER_CELL.fullmatch(c.strip())]
    if not numeric:
        return None
    subject = cells[0].strip() if 0 not in numeric else ""
    row_unit: tuple[str, int] | None = None
    for i, c in enumerate(cells[:numeric[0]]):
        if i > 0 or len(cells) > 2:
            u = _unit_cell(c)
            if u is not None:
                row_unit = u
    out: list[Quantity] = []
    for i, c in enumerate(cells):
        s, e = spans[i]
        if i not in numeric:
            if c.strip() and i > 0 and _unit_cell(c) is None:
                out.extend(Quantity(s + q.start, s + q.end, q.text, q.value, q.unit, q.kind, q.qualifier,
                                    q.direction, q.subject or subject) for q in quantities(c))
            continue
        raw = c.strip()
        lead = len(c) - len(c.lstrip())
        value = parse_decimal(raw)
        if value is None:
            continue
        hint = header.units[i] if header is not None and i < len(header.units) else ""
        is_change = header.change[i] if header is not None and i < len(header.change) else False
        unit, mult = "", 1
        if hint == "%":
            unit = "%"
        elif hint:
            u = _unit_cell(hint)
            unit, mult = u if u is not None else ("", 1)
        elif row_unit is not None:
            unit, mult = row_unit
        if not unit and not any(ch in raw for ch in ".．"):
            continue  # an integer whose unit we cannot tell (a year, a code, a rank)
        value = value * mult
        kind = "change" if is_change else (UNIT_KIND.get(unit, "measure") if unit != "%" else "percent")
        if not unit:
            kind = "measure"  # a plain decimal, as in running text
        v: int | float = int(value) if value == value.to_integral_value() else float(value)
        if isinstance(value, Decimal) and kind == "change" and value < 0:
            direction = "down"
        else:
            direction = "up" if kind == "change" else ""
        out.append(Quantity(s + lead, s + lead + len(raw), raw, v, unit, kind, "none", direction, subject))
    return out
