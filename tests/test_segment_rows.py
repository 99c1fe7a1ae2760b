"""segment_rows / segment_lines over a Document, and stopwords."""

from __future__ import annotations

from reportcli.io import load_text
from reportcli.text import SEGMENT_COLUMNS, get_segmenter, load_stopwords, segment_lines, segment_rows

TEXT = "各位代表：\n\n2024年，全市GDP增长5.2%，新质生产力加快发展。\n我们坚持推进全过程人民民主。\n"


def test_rows_have_document_offsets():
    doc = load_text(TEXT)
    seg = get_segmenter()
    rows = list(segment_rows(doc, segmenter=seg, pos=True))
    assert rows and all(list(r) == SEGMENT_COLUMNS for r in rows)
    for r in rows:
        assert doc.text[r["start"]:r["end"]] == r["token"]
        assert doc.line_at(r["start"]) == r["line"]
        assert r["pos"]
    assert {"5.2%", "新质生产力", "全过程人民民主"} <= {r["token"] for r in rows}


def test_lines_one_per_input_line():
    doc = load_text(TEXT)
    seg = get_segmenter()
    lines = list(segment_lines(doc, segmenter=seg))
    assert len(lines) == len(doc.lines)  # output line N is input line N
    assert all(out == "" for out, line in zip(lines, doc.lines) if not line.body)
    assert "增长 5.2% ，" in " ".join(lines)
    tagged = list(segment_lines(doc, segmenter=seg, pos=True))
    assert "新质生产力/nz" in " ".join(tagged)


def test_drop_stopwords():
    doc = load_text(TEXT)
    seg = get_segmenter()
    stop = load_stopwords()
    tokens = {r["token"] for r in segment_rows(doc, segmenter=seg, drop_stopwords=True, stopwords=stop)}
    assert "坚持" not in tokens and "推进" not in tokens and "，" not in tokens
    assert "全过程人民民主" in tokens


def test_stopword_lists(tmp_path):
    general = load_stopwords(filler=False)
    filler = load_stopwords(general=False)
    assert {"的", "了", "和"} <= general and "工作" not in general
    assert {"工作", "开展", "推进", "加强", "坚持", "情况", "组织", "进一步", "全面", "持续"} <= filler
    assert len(general) > 300 and len(filler) > 200
    extra = tmp_path / "stop.txt"
    extra.write_bytes("# mine\r\n绍兴\r\n".encode("gbk"))
    assert "绍兴" in load_stopwords([extra])
    assert load_stopwords(general=False, filler=False) == frozenset()
