"""Per-draft PDF time of a batch: ``reportgen render`` of N copies of an example with --pdf
(one LibreOffice run for the whole batch) against the same render without --pdf.

    python bench/pdf_bench.py [-n 50] [--example 调研报告]

Prints the whole-process times, the PDF share per draft, and the page count of one PDF.
"""
import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=50)
    parser.add_argument("--example", default="调研报告")
    args = parser.parse_args()
    reportgen = shutil.which("reportgen") or sys.exit("reportgen 不在 PATH 上")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = []
        for i in range(args.n):
            copy = tmp / f"{args.example}{i:03d}.yaml"
            shutil.copy(ROOT / "examples" / f"{args.example}.yaml", copy)
            data.append(str(copy))
        docx_only = timed([reportgen, "render", *data, "-o", str(tmp / "docx")])
        with_pdf = timed([reportgen, "render", *data, "-o", str(tmp / "pdf"), "--pdf"])
        pdfs = sorted((tmp / "pdf").glob("*.pdf"))
        pages = subprocess.run(["pdfinfo", str(pdfs[0])], capture_output=True, text=True).stdout
        pages = next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages"))
    print(f"{args.n} 份 {args.example}（每份 {pages} 页）：")
    print(f"  只生成 .docx：{docx_only:.1f} s")
    print(f"  .docx + PDF：{with_pdf:.1f} s（写出 PDF {len(pdfs)} 份）")
    print(f"  PDF 每份 {(with_pdf - docx_only) / args.n * 1000:.0f} ms（一次 LibreOffice 转全部）")


if __name__ == "__main__":
    main()
