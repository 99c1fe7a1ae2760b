"""Quality check for `reportcli keywords`: boilerplate words in the default top 20, per report.

    .venv/bin/python bench/measure_keywords.py [--method freq] [FILES...]

Default files: the seed, the 2026 provincial reports and the 2024-2026 national reports of ../shared/corpus
(held out of the shipped IDF: scripts/build_idf.py --exclude '2026_*'). The BOILERPLATE list below is
the judge's list, written by hand and independent of the mined generic_words.txt filter.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

BOILERPLATE = frozenset(
    [
        "工作",
        "开展",
        "推进",
        "加强",
        "情况",
        "组织",
        "推动",
        "实施",
        "提升",
        "落实",
        "完善",
        "坚持",
        "全面",
        "持续",
        "深化",
        "强化",
        "积极",
        "不断",
        "进一步",
        "有效",
        "重点",
        "重要",
        "主要",
        "方面",
        "问题",
        "建设",
        "发展",
        "加快",
        "促进",
        "提高",
        "深入",
        "支持",
        "实现",
        "做好",
        "抓好",
        "着力",
        "扎实",
        "大力",
        "切实",
        "更加",
        "取得",
        "形成",
        "保持",
        "继续",
        "确保",
        "努力",
        "健全",
        "优化",
        "打造",
        "构建",
        "增强",
        "发挥",
        "作用",
        "任务",
        "成效",
        "举措",
        "措施",
        "水平",
        "能力",
        "体系",
        "机制",
        "领域",
        "我们",
        "各位",
        "一批",
        "工作报告",
        "同志",
        "进行",
        "加大",
        "力度",
        "全力",
        "稳步",
        "有序",
        "统筹",
        "贯彻",
        "部署",
        "要求",
        "目标",
        "成果",
        "服务",
        "行动",
        "工程",
        "项目",
        "政策",
        "国家",
        "政府",
        "社会",
        "全国",
        "一年",
        "今年",
        "过去",
        "以上",
        "同时",
        "其中",
        "各项",
        "各类",
        "相关",
        "基本",
        "总体",
        "显著",
        "新的",
    ]
)
FIXED_TERMS = ("全过程人民民主", "新质生产力", "中国式现代化", "人民代表大会制度", "一带一路", "共同富裕")


def default_files() -> list[Path]:
    corpus = ROOT.parent / "shared" / "corpus"
    files = [ROOT / "reportcli" / "data" / "seed_report.txt"]
    files += sorted(corpus.glob("johncodes404-*/2026_*.txt"))
    files += sorted(corpus.glob("yaaafei-*/202[456]_national_*.txt"))
    return files


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--method", default="freq")
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    from reportcli.analysis.keywords import document_counts, keyword_rows
    from reportcli.io import load
    from reportcli.text import get_segmenter

    segmenter = get_segmenter()

    worst = 0
    over = 0
    broken: list[str] = []
    files = args.files or default_files()
    for path in files:
        doc = load(path)
        summary = document_counts(doc, textrank=args.method == "textrank")
        rows = list(keyword_rows([summary], method=args.method, top=args.top))
        words = [r["word"] for r in rows]
        generic = [w for w in words if w in BOILERPLATE]
        worst = max(worst, len(generic))
        over += len(generic) > 2
        # a fixed term is split when one of its occurrences has a token boundary inside it
        for term in FIXED_TERMS:
            for line in doc.body_lines():
                text = doc.line_text(line)
                if term not in text:
                    continue
                inner = {end for _tok, _start, end in segmenter.tokenize(text)}
                start = text.find(term)
                while start >= 0:
                    if any(start < b < start + len(term) for b in inner):
                        broken.append(f"{path.name}:{line.number}:{term}")
                    start = text.find(term, start + len(term))
        if args.verbose or len(generic) > 2:
            print(f"{path.name}: {len(generic)} {generic} | {' '.join(words)}")
    print(
        f"{len(files)} reports, method={args.method}: worst {worst} boilerplate words in top {args.top}; "
        f"{over} reports with more than 2; fixed terms split: {len(broken)} {broken[:8]}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
