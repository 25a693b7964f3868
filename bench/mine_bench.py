"""Mining throughput: `reportgen mine` end to end on a corpus made by repeating and shuffling the seeds.

    python bench/mine_bench.py                 # 5, 10 and 20 MB, one process each
    python bench/mine_bench.py --sizes 2       # a quick run

For each size a fresh process builds the corpus in a temporary folder, mines it
(reading, cleaning, outlining, counting and jieba keywords, as the CLI does) and
reports characters per second and peak memory (ru_maxrss). Throughput should stay
flat across sizes (linear time) and so should memory (documents are streamed).
Goal: at least 1,000,000 characters a second on one core.
"""
import argparse
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


def build(folder, megabytes, seed=7):
    """Copies of the seed reports, in shuffled order, each with its body lines shuffled."""
    sys.path.insert(0, str(ROOT))
    from generator.corpus.reading import decode
    source = next(d for d in SOURCES if d.is_dir())
    texts = [p.read_bytes() for p in sorted(source.iterdir())
             if p.suffix in (".txt", ".md") and not p.name.lower().startswith("readme")]
    rng = random.Random(seed)
    total, n = 0, 0
    while total < megabytes * 1_000_000:
        lines = decode(rng.choice(texts)).splitlines()
        head, body = lines[:3], lines[3:]
        rng.shuffle(body)
        data = "\n".join(head + body).encode("utf-8")
        (folder / f"{n:06d}.txt").write_bytes(data)
        total += len(data)
        n += 1
    return n, total


def child(megabytes):
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files, size = build(folder, megabytes)
        chars = sum(len(p.read_text(encoding="utf-8")) for p in folder.iterdir())
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        from generator.corpus.mine import mine
        start = time.perf_counter()
        cpu = time.process_time()
        result = mine([folder])
        wall = time.perf_counter() - start
        cpu = time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"mb": round(size / 1e6, 1), "files": files, "chars": chars, "docs": result["文档数"],
                      "seconds": round(wall, 2), "cpu_seconds": round(cpu, 2),
                      "chars_per_s": round(chars / wall), "chars_per_cpu_s": round(chars / cpu),
                      "peak_mb": round(peak / 1024), "grew_mb": round((peak - before) / 1024)}))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=float, nargs="+", default=[5, 10, 20])
    parser.add_argument("--child", type=float)
    args = parser.parse_args()
    if args.child:
        return child(args.child)
    print(f"{'MB':>6} {'files':>6} {'chars':>10} {'s':>7} {'chars/s':>10} {'chars/cpu-s':>11} {'peak MB':>8}")
    for mb in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(mb)], check=True,
                             capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        print(f"{r['mb']:>6} {r['files']:>6} {r['chars']:>10} {r['seconds']:>7} {r['chars_per_s']:>10} "
              f"{r['chars_per_cpu_s']:>11} {r['peak_mb']:>8}")
    print("目标：每核每秒不少于 1,000,000 字，随规模线性、内存平稳。")


if __name__ == "__main__":
    main()
