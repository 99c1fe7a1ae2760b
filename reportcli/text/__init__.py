"""Segmentation for official reports: engines, the report lexicon, user dictionaries, stopwords.

Importing this package is cheap: jieba/rjieba load on the first :func:`get_segmenter` call.

    from reportcli.text import get_segmenter, load_stopwords
    seg = get_segmenter()                      # rjieba, HMM off, report lexicon on; cached per process
    seg.cut("坚持全过程人民民主，增长5.2%")      # ['坚持', '全过程人民民主', '，', '增长', '5.2%']
"""

from reportcli.text.dictionary import DictEntry, DictionaryError, DictSummary, load_user_dict, read_user_dict
from reportcli.text.numbers import NUMBER_RE, number_spans
from reportcli.text.rows import SEGMENT_COLUMNS, segment_lines, segment_rows
from reportcli.text.segmenter import ENGINES, Segmenter, get_segmenter
from reportcli.text.stopwords import is_word, load_stopwords

__all__ = [
    "ENGINES",
    "NUMBER_RE",
    "SEGMENT_COLUMNS",
    "DictEntry",
    "DictSummary",
    "DictionaryError",
    "Segmenter",
    "get_segmenter",
    "is_word",
    "load_stopwords",
    "load_user_dict",
    "number_spans",
    "read_user_dict",
    "segment_lines",
    "segment_rows",
]
