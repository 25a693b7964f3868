"""Time ``reportgen lint`` on a 20-page draft, with and without the page rules.

    python bench/lint_bench.py [--runs 3]

The draft is the 调研报告 example with its body written about 2.3 times (20 pages); the
script prints the page count LibreOffice lays out and the median wall time of each mode.
"""
import argparse
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import markup  # noqa: E402
from generator.draft.engine import Engine  # noqa: E402
from generator.lint.rules import lint_file  # noqa: E402
from generator.lint.pages import page_texts  # noqa: E402
from generator.word.style import load_style  # noqa: E402

CLOSING = re.compile(r"\n::: 落款\n.*?\n:::\n", re.S)


def long_draft(folder):
    engine = Engine()
    draft = engine.prepare(ROOT / "examples" / "调研报告.yaml")
    closing = CLOSING.search(draft.markup).group()
    head, *sections = CLOSING.sub("", draft.markup).split("\n## ")
    sections = sections * 2 + sections[1:3]  # 20 pages
    text = head + "".join("\n## " + section for section in sections) + closing
    path = Path(folder) / "long.docx"
    engine.writer.write(markup.parse(text), str(path))
    return path


def timed(path, sheet, with_pages, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        findings, _ = lint_file(path, sheet, with_pages=with_pages)
        times.append(time.perf_counter() - start)
    return statistics.median(times), findings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    sheet = load_style()
    with tempfile.TemporaryDirectory() as folder:
        path = long_draft(folder)
        print(f"pages laid out: {len(page_texts(path))}")
        for label, with_pages in (("document rules only (--no-pages)", False),
                                  ("with page rules (LibreOffice)", True)):
            seconds, findings = timed(path, sheet, with_pages, runs)
            print(f"{label}: {seconds:.2f} s median of {runs}, {len(findings)} findings")


if __name__ == "__main__":
    main()
