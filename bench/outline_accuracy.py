"""Outline accuracy on the gold sets of real reports (tests/data/real/): per set and pooled,
heading F1, category accuracy and title accuracy, scored as test_gold_outlines_of_real_reports
scores them (a heading counts when its text and level match the gold).

    python bench/outline_accuracy.py                  # every set, with this checkout's generator/
    python bench/outline_accuracy.py 16 17            # heldout16/ and heldout17/ only
    python bench/outline_accuracy.py 17 --code DIR    # with the generator/ package found in DIR
    python bench/outline_accuracy.py 17 -v            # and what each file got wrong

A set is scored blind only once, before any rule is written for it (see the comment above
test_gold_outlines_of_real_reports); ``--code`` scores it with an older commit's outliner:
    git archive <commit> generator | tar -x -C DIR
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "tests" / "data" / "real"


def sets():
    """``{name: (gold file, prefix)}`` of every gold set, in order: dev, heldout, heldout2 …"""
    found = {"dev": ("real_outlines.yaml", "dev/"), "heldout": ("real_outlines.yaml", "heldout/")}
    numbered = sorted((int(p.stem[len("real_outlines"):]), p.name) for p in REAL.parent.glob("real_outlines*.yaml")
                      if p.stem[len("real_outlines"):].isdigit())
    found.update({f"heldout{n}": (name, f"heldout{n}/") for n, name in numbered})
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("sets", nargs="*", help="set numbers (17 for heldout17/), dev or heldout; all when none")
    parser.add_argument("--code", default=str(ROOT), help="the folder holding the generator/ package to outline with")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    sys.path[:0] = [args.code, str(ROOT / "tests")]
    from gold import compare, counts, rates   # the comparison test_outline asserts on
    import generator
    print(f"generator: {Path(generator.__file__).parent}")
    chosen = {name: gold for name, gold in sets().items()
              if not args.sets or name in args.sets or name.removeprefix("heldout") in args.sets}
    total = [0] * 6                           # files, headings, missed, extra, categories right, titles right
    print(f"{'set':<10} {'files':>5} {'headings':>8} {'F1':>6} {'categories':>10} {'titles':>7}")
    for name, (gold, prefix) in chosen.items():
        rows = compare(REAL, gold, prefix)
        found = counts(rows)
        total = [a + b for a, b in zip(total, found)]
        print(_line(name, found, rates))
        if args.verbose:
            for file, want, got, missed, extra, cats, _ in rows:
                wrong = [(h, want_c, got_c) for h, _, want_c, got_c in cats if want_c and want_c != got_c]
                for label, items in (("title", [] if want == got else [f"{got!r}, not {want!r}"]),
                                     ("missed", missed), ("extra", extra), ("category", wrong)):
                    for item in items:
                        print(f"    {file}  {label}: {item}")
    if len(chosen) > 1:
        print(_line("pooled", total, rates))


def _line(name, counts, rates):
    f1, categories, _ = rates(*counts)
    files, headings, *_, titles = counts
    return f"{name:<10} {files:>5} {headings:>8} {f1:>6.3f} {categories:>10.3f} {titles:>3}/{files}"


if __name__ == "__main__":
    main()
