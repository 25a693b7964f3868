"""Outlines against hand-written gold (tests/data/*_outlines*.yaml): what test_outline asserts
and bench/outline_accuracy.py prints. Needs only PyYAML and the outliner, so that the bench can
score an older commit's generator/ with it."""
from pathlib import Path

import yaml

from generator.corpus.outline import outline_file

DATA = Path(__file__).resolve().parent / "data"


def compare(folder, gold_file="seed_outlines.yaml", prefix=""):
    """Per file of a gold set (keys starting with ``prefix``): (name, title wanted, title found,
    headings missed, headings found that are not in the gold, [(heading, level, category wanted,
    category found)], headings in the gold). A gold ``title: null`` and an outliner's "" both
    mean no title."""
    gold = yaml.safe_load((DATA / gold_file).read_text(encoding="utf-8"))
    rows = []
    for name, want in gold.items():
        if not name.startswith(prefix):
            continue
        got = outline_file(Path(folder) / name)
        expect = [(h, lv) for h, lv, _ in want["sections"]]
        found = [(s.heading, s.level) for s in got.sections]
        cats = {(h, lv): c for h, lv, c in want["sections"]}
        rows.append((name, want["title"] or "", got.title or "",
                     [pair for pair in expect if pair not in found],
                     [pair for pair in found if pair not in expect],
                     [(s.heading, s.level, cats.get((s.heading, s.level)), s.category) for s in got.sections],
                     len(expect)))
    return rows


def counts(rows):
    """(files, gold headings, missed, extra, categories right, titles right) of ``compare`` rows."""
    return (len(rows), sum(r[6] for r in rows), sum(len(r[3]) for r in rows), sum(len(r[4]) for r in rows),
            sum(1 for r in rows for _, _, want, got in r[5] if want == got), sum(1 for r in rows if r[1] == r[2]))


def rates(files, headings, missed, extra, right, titles):
    """(heading F1, category accuracy, title accuracy) of ``counts``."""
    found = headings - missed
    return 2 * found / max(2 * found + missed + extra, 1), right / max(headings, 1), titles / max(files, 1)


def scores(folder, gold_file="seed_outlines.yaml", prefix=""):
    """(heading F1, category accuracy, title accuracy) of the outliner against a gold set."""
    return rates(*counts(compare(folder, gold_file, prefix)))
