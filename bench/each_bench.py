"""Time of a per-row batch: ``reportgen render 共同内容.yaml --each 各支部.xlsx`` over ``--rows``
rows (default 300), as a user runs it (one whole process, all cores, progress bar on stderr).

    python bench/each_bench.py [--rows 300]

Common data: examples/工作总结.yaml with a statistic 党员数; each row sets 标题, 党员数 and its 上年.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=300)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        common = tmp / "共同内容.yaml"
        common.write_text((ROOT / "examples" / "工作总结.yaml").read_text(encoding="utf-8").replace(
            "统计数据:\n", "统计数据:\n  党员数: {值: 0, 单位: 名}\n"), encoding="utf-8")
        book = openpyxl.Workbook(write_only=True)
        sheet = book.create_sheet("各支部")
        sheet.append(["支部", "标题", "统计数据.党员数", "统计数据.党员数.上年"])
        for i in range(1, rows + 1):
            sheet.append([f"第{i}支部", f"第{i}支部2026年工作总结", 100 + i, 90 + i // 2])
        book.save(tmp / "各支部.xlsx")
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "generator.cli", "render", str(common), "--each",
                               str(tmp / "各支部.xlsx"), "-o", str(tmp / "out")],
                              capture_output=True, text=True, cwd=ROOT, env=os.environ)
        elapsed = time.monotonic() - started
        drafts = len(list((tmp / "out").glob("*.docx")))
    print(done.stdout.strip().splitlines()[-1])
    print(f"{rows} 行 → {drafts} 份草稿，用时 {elapsed:.2f} 秒（{1000 * elapsed / max(drafts, 1):.1f} 毫秒/份）")
    return 0 if done.returncode == 0 and drafts == rows else 1


if __name__ == "__main__":
    sys.exit(main())
