"""Make examples/*.xlsx: the workbook ``reportgen init NAME -o x.xlsx`` writes, filled with the
YAML example of the same name. Run once after changing an example: python tests/example_workbooks.py"""
import sys
from pathlib import Path

from generator.draft.catalog import Catalog
from generator.draft.workbook import write_workbook
from generator.yamlio import load_yaml

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def make(folder):
    catalog, made = Catalog(), []
    for source in sorted(EXAMPLES.glob("*.yaml")):
        data, _ = load_yaml(source)
        target = Path(folder) / f"{source.stem}.xlsx"
        with open(target, "wb") as stream:
            write_workbook(catalog.get(data["模板"]), data, stream)
        made.append(target)
    return made


if __name__ == "__main__":
    print("\n".join(str(p) for p in make(sys.argv[1] if len(sys.argv) > 1 else EXAMPLES)))
