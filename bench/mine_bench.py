"""Mining throughput: `reportgen mine` end to end on a mixed corpus (.txt and .docx) made by
repeating and shuffling the seeds and the real dev reports (tests/data/real/dev/).

    python bench/mine_bench.py                 # 1 and 20 MB, one process each
    python bench/mine_bench.py --sizes 2       # a quick run
    python bench/mine_bench.py --code DIR      # mine with the generator/ package found in DIR

For each size a fresh process builds the corpus in a temporary folder (every second report
a .docx with Heading styles on its numbered lines, as python-docx writes them), mines it
(reading, cleaning, outlining, counting and jieba keywords, as the CLI does) and
reports characters per second and peak memory (ru_maxrss). Throughput should stay
flat across sizes (linear time) and so should memory (documents are streamed).
Goal: at least 1,000,000 characters a second on one core.
"""
import argparse
import re
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT.parent / "shared" / "seeds", ROOT / "seeds")
REAL = ROOT / "tests" / "data" / "real" / "dev"
HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")


def build(folder, megabytes, seed=7):
    """Copies of the seed and dev reports, in shuffled order, each with its body lines
    shuffled; every second one a .docx, until the text is ``megabytes`` in UTF-8.
    Returns (files, characters, bytes of text)."""
    from docx import Document
    from generator.corpus.reading import decode
    source = next(d for d in SOURCES if d.is_dir())
    texts = [decode(p.read_bytes()) for d in (source, REAL) for p in sorted(d.iterdir())
             if p.suffix in (".txt", ".md") and not p.name.lower().startswith("readme")]
    rng = random.Random(seed)
    total, chars, n = 0, 0, 0
    while total < megabytes * 1_000_000:
        lines = rng.choice(texts).splitlines()
        head, body = lines[:3], lines[3:]
        rng.shuffle(body)
        lines = head + body
        if n % 2:
            doc = Document()
            for line in lines:
                doc.add_paragraph(line, "Heading 1" if HEADING.match(line) else None)
            doc.save(folder / f"{n:06d}.docx")
        else:
            (folder / f"{n:06d}.txt").write_text("\n".join(lines), encoding="utf-8")
        text = "\n".join(lines)
        total += len(text.encode("utf-8"))
        chars += len(text)
        n += 1
    return n, chars, total


def child(folder, code):
    """Mine ``folder`` with the generator/ package in ``code``; print the figures as JSON."""
    sys.path.insert(0, str(code))
    files = sorted(Path(folder).iterdir())
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    from generator.corpus.mine import mine
    start = time.perf_counter()
    cpu = time.process_time()
    result = mine([folder])
    wall = time.perf_counter() - start
    cpu = time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"docs": result["文档数"], "files": len(files), "seconds": round(wall, 3),
                      "cpu_seconds": round(cpu, 3), "peak_mb": round(peak / 1024),
                      "grew_mb": round((peak - before) / 1024)}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 20])
    parser.add_argument("--code", default=str(ROOT), help="the folder holding the generator/ package to mine with")
    parser.add_argument("--child")
    parser.add_argument("--build", nargs=2, metavar=("FOLDER", "MB"))
    args = parser.parse_args()
    if args.child:
        return child(args.child, args.code)
    if args.build:
        sys.path.insert(0, str(ROOT))
        return print(json.dumps(build(Path(args.build[0]), float(args.build[1]))))
    print(f"{'MB':>6} {'files':>6} {'chars':>10} {'s':>7} {'cpu s':>7} {'chars/cpu-s':>11} {'peak MB':>8}")
    run = lambda *extra: json.loads(subprocess.run([sys.executable, __file__, *extra], check=True, capture_output=True,
                                                   text=True).stdout.strip().splitlines()[-1])
    for mb in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            # built in a process of its own: a child's peak memory (ru_maxrss) starts at its parent's
            files, chars, size = run("--build", folder, str(mb))
            r = run("--child", folder, "--code", args.code)
        print(f"{size / 1e6:>6.1f} {files:>6} {chars:>10} {r['seconds']:>7} {r['cpu_seconds']:>7} "
              f"{round(chars / r['cpu_seconds']):>11} {r['peak_mb']:>8}")
    print("目标：每核每秒不少于 1,000,000 字，随规模线性、内存平稳。")


if __name__ == "__main__":
    main()
