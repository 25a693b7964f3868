"""``reportgen render 共同内容.yaml --each 各支部.xlsx``: one draft per row of a sheet, the row's
columns filling or overriding the fields of the common file.

A column is named by a field path: ``支部``, ``标题``, ``统计数据.党员数`` (that statistic's 值),
``统计数据.党员数.上年``. The name column (``--name-column``; else 名称, 支部 or 单位, else the
first) names the drafts, and fills a field only when the common file has that field. Each row becomes a ``Loaded`` source, which ``iter_batch`` renders
like a data file: its draft is named after the row's name column, a bad row fails alone.
"""
import copy
import re
from pathlib import Path

from generator.draft.workbook import load_data, read_sheets
from generator.errors import DataError

NAME_COLUMNS = ("名称", "支部", "单位")   # the name column when none is given; else the first
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class Loaded:
    """One draft's data, already loaded: ``data``, ``lines`` (key path → line or cell), the
    ``path`` its errors name, and the ``name`` its draft is written under."""

    def __init__(self, name, data, lines, path, where):
        self.name, self.data, self.lines, self.path, self.where = name, data, lines, Path(path), where

    def __fspath__(self):   # output_path takes the stem: the draft is <name>.docx
        return f"{self.name}.row"

    def __str__(self):
        return f"{self.where[0]}:{self.where[1]}（{self.name}）"


def rows(common, each, name_column=None):
    """A Loaded source for every row of the first sheet of ``each``, over ``common``'s data."""
    base, base_lines = load_data(common)
    sheet = next(iter(read_sheets(each).values()))
    if name_column is None:
        name_column = next((c for c in NAME_COLUMNS if c in sheet.header), sheet.header[0])
    sheet.need(name_column)
    key = sheet.header.index(name_column)
    out = []
    for number, cells in sheet.rows:
        name = _UNSAFE.sub("_", str(cells[key] or "")).strip(". ") or f"第{number}行"
        data, lines = copy.deepcopy(base), dict(base_lines)
        for col, (column, cell) in enumerate(zip(sheet.header, cells)):
            if cell is not None and (col != key or column in base):
                at = _put(data, tuple(column.split(".")), cell)
                lines[at] = lines[at[:-1] if at[-1] == "值" else at] = sheet.at(number, col)
        out.append(Loaded(name, data, lines, common, sheet.at(number, key)))
    if not out:
        raise DataError("只有表头，没有数据行：每行一份草稿，请至少填一行", *sheet.at(1))
    return out


def _put(data, at, value):
    """Set ``value`` at the key path ``at`` and return the path set: a statistic written as a
    mapping gets its 值."""
    for part in at[:-1]:
        if not isinstance(data.get(part), dict):
            data[part] = {}
        data = data[part]
    if isinstance(data.get(at[-1]), dict) and "值" in data[at[-1]]:
        data[at[-1]]["值"] = value
        return at + ("值",)
    data[at[-1]] = value
    return at
