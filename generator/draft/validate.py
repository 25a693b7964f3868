"""Check a data file against a template's manifest before anything is rendered.

Wrong types are errors (one line, file:line and the field path). Missing
fields are warnings: the draft shows a 【待补充】 placeholder instead, unless
``strict`` turns them into errors.
"""
import datetime
import math
import re
import unicodedata
from pathlib import Path

from generator.draft import numbers, workbook
from generator.draft.filters import DATE
from generator.errors import DataError, Notice
from generator.yamlio import line_of

TEMPLATE_KEY = "模板"   # the data key that names the template; not a template field
STAT_KEYS = ("值", "上年", "目标")
STAT_ALL = STAT_KEYS + ("单位",)
SCALARS = ("string", "text", "date", "integer", "number")
LIMIT = 1e15            # larger numbers are typing mistakes, and overflow the filters
_PERIOD = re.compile(r"^[\d年月日底前内上下半季度至-]+$")   # "2026年" is an example only by chance
LEFTOVER = re.compile(r"×{2,}|Ｘ{2,}|(?<![A-Za-z])[XＸ]{2,}(?![A-Za-z])")   # init's placeholders


def placeholder(field):
    return f"【待补充：{field.description or field.name}】"


class Validator:
    """``leftovers``: also say where a value is still init's placeholder (××) or the manifest's
    own example (an error when ``strict``)."""

    def __init__(self, path, lines, strict=False, leftovers=False, references=True):
        self.path, self.lines, self.strict, self.leftovers = path, lines, strict, leftovers
        self.references = references   # may a {来源: …} field read another file?
        self.warnings = []

    def where(self, at):
        """``(file, line)`` of a key path: a line of this file, or a cell ``(file, "汇总!C7")``."""
        found = line_of(self.lines, at)
        return found if isinstance(found, tuple) else (self.path, found)

    def fail(self, at, message):
        raise DataError(f"字段“{_dotted(at)}”{message}", *self.where(at)).about(_dotted(at))

    def warn(self, at, message):
        path, line = self.where(at)
        self.warnings.append(Notice(message, path, line or 1, _dotted(at)))

    def leftover(self, at, message):
        if self.strict:
            raise DataError(f"{message}（--strict）", *self.where(at))
        self.warn(at, message)

    def check_leftover(self, value, field, at):
        if not self.leftovers:
            return
        if isinstance(value, str) and LEFTOVER.search(value):
            self.leftover(at, f"字段“{_dotted(at)}”里还有占位的“{LEFTOVER.search(value)[0]}”，请换成实际内容")
        elif field.type == "stats" and isinstance(value, dict) and isinstance(field.example, dict):
            for name, stat in value.items():
                if field.example.get(name) == stat:
                    self.leftover(at + (name,), f"统计项“{_dotted(at + (name,))}”这里还是示例内容，请换成本单位的实际情况")
        elif field.example is not None and value == field.example and not _PERIOD.match(str(value)):
            self.leftover(at, f"字段“{_dotted(at)}”这里还是示例内容，请换成本单位的实际情况")

    def missing(self, at, field):
        message = f"缺少必填字段“{_dotted(at)}”（{field.description or field.name}）"
        if self.strict:
            raise DataError(message, self.path, line_of(self.lines, at))
        self.warn(at, f"{message}，草稿中以【待补充】标出")

    def mapping(self, data, fields, at):
        """Check a mapping of fields; return it without empty values (they count as missing).

        A missing required scalar gets its placeholder here, where its own description
        is known (a sub-field 标题 is not the report's 标题)."""
        out = {}
        for name, field in fields.items():
            value = data.get(name)
            if _blank(value):
                if field.required:
                    self.missing(at + (name,), field)
                    if field.type in SCALARS:
                        out[name] = placeholder(field)
                continue
            out[name] = self.value(value, field, at + (name,))
        for name in data:
            if name not in fields and not (at == () and name == TEMPLATE_KEY):
                self.warn(at + (name,), f"模板没有字段“{_dotted(at + (name,))}”，它不会出现在草稿中")
        return out

    def value(self, value, field, at):
        if field.type in ("list", "stats", "table"):
            value = self.sheet(value, field, at)
        self.check_leftover(value, field, at)
        kind = field.type
        if kind in ("string", "text"):
            return self.text(value, at, single_line=kind == "string")
        if kind in ("integer", "number"):
            return self.number(value, at, integer=kind == "integer")
        if kind == "date":
            return self.date(value, at)
        if kind == "list":
            if not isinstance(value, list):
                self.fail(at, "应是列表（每项一行，以“- ”开头）")
            items = []
            for i, item in enumerate(value):
                if _blank(item):
                    self.warn(at + (i,), f"“{_dotted(at + (i,))}”是空的，已略过")
                    continue
                items.append(self.value(item, field.items, at + (i,)))
            return items
        if kind == "object":
            if not isinstance(value, dict):
                self.fail(at, "应是映射（若干“子字段: 值”）")
            return self.mapping(value, field.fields, at)
        if kind == "stats":
            return self.stats(value, at)
        if kind == "table":
            return self.table(value, at)
        raise AssertionError(kind)  # the manifest loader admits no other type

    def sheet(self, value, field, at):
        """A sheet's rows as the value of ``field``: a workbook's own sheet, or a YAML
        ``{来源: 统计表.xlsx, 工作表: 指标}``; each value then located by its cell."""
        sheet = value
        if not isinstance(sheet, workbook.Sheet):
            if not self.references and isinstance(value, dict) and workbook.SOURCE in value:
                self.fail(at, f"不能用“{workbook.SOURCE}:”引用其他文件（上传的文件从不当作路径使用）；"
                              "请把那张表直接写进数据文件，或在 Excel 工作簿里填写后打开工作簿")
            try:
                sheet = workbook.reference(value, Path(self.path).parent)
            except DataError as exc:
                raise (exc if exc.path else exc.at(*self.where(at))) from None
            if sheet is None:
                return value
        data, lines = workbook.as_field(sheet, field)
        self.lines.update({at + key: loc for key, loc in lines.items()})
        return data

    def text(self, value, at, single_line=False):
        if isinstance(value, datetime.date):
            return f"{value.year}年{value.month}月{value.day}日"
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return _plain_number(value)
        if not isinstance(value, str):
            seen = {dict: "映射", list: "列表", bool: "是/否"}.get(type(value), type(value).__name__)
            self.fail(at, f"应是文字，这里是{seen}")
        # a one-line field (标题, 单位 …) keeps its words but not the line breaks
        return "".join(part.strip() for part in value.splitlines()) if single_line else value

    def number(self, value, at, integer=False):
        return self.measure(value, at, integer)[0]

    def measure(self, value, at, integer=False):
        """``(number, unit)`` of a number as people write it (1,234 · 1.2万 · 85% · 3.5个百分点)."""
        try:
            value, unit = numbers.parse(value)
        except ValueError:
            self.fail(at, f"应是{'整数' if integer else '数字'}，这里是“{value}”")
        if not math.isfinite(value) or abs(value) >= LIMIT:
            self.fail(at, f"的数字“{value}”不合理（太大或不是有限数）")
        if integer and not float(value).is_integer():
            self.fail(at, f"应是整数，这里是“{value}”")
        return (int(value) if integer else value), unit

    def date(self, value, at):
        if isinstance(value, datetime.date):
            return value
        match = DATE.match(str(value)) if isinstance(value, (str, int)) else None
        if match is None:
            self.fail(at, f"应是日期（如 2026-11-24 或 2026年11月），这里是“{value}”")
        try:
            year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
            datetime.date(year, month, day)
            if not 1900 <= year <= 2200:
                raise ValueError
        except ValueError:
            self.fail(at, f"不是有效的日期：“{value}”")
        return value

    def stats(self, value, at):
        if not isinstance(value, dict):
            self.fail(at, "应是映射（名称: 数字，或 名称: {值, 上年, 目标, 单位}）")
        out = {}
        for name, stat in value.items():
            where = at + (name,)
            if not str(name).strip():
                self.fail(at, "里有一项没有名称")
            if not isinstance(stat, dict):
                stat = {"值": stat}
            if stat.get("值") is None:
                self.fail(where, "缺少“值”")
            if "单位" in stat and not isinstance(stat["单位"], str):
                self.fail(where + ("单位",), "应是文字，如 家、名、%")
            item, units = {}, {unicodedata.normalize("NFKC", stat["单位"])} if stat.get("单位") else set()
            for key in STAT_KEYS:
                if key in stat and stat[key] is not None:
                    loc = where + (key,) if isinstance(value[name], dict) else where
                    item[key], unit = self.measure(stat[key], loc)
                    units.update([unit] if unit else [])
            if "目标" in item and item["目标"] <= 0:
                self.fail(where + ("目标",), "应大于 0")
            if len(units - {numbers.POINTS}) > 1:
                self.fail(where, f"的单位前后不一致（{'、'.join(sorted(units))}）")
            unit = stat.get("单位") or next(iter(units), "")
            if unit:
                item["单位"] = unit
            else:
                self.warn(where, f"统计项“{_dotted(where)}”没有单位（如 个、名、家、%），"
                                 f"草稿里会写成“{name}{numbers.plain(item['值'])}”")
            for key in stat:
                if key not in STAT_ALL:
                    self.warn(where + (key,), f"统计项只认 {'、'.join(STAT_ALL)}，“{key}”不会用到")
            out[name] = item
        return out

    def table(self, value, at):
        if not isinstance(value, dict) or not isinstance(value.get("行"), list):
            self.fail(at, "应是表格：表题、表头（列表）和 行（每行一个列表）")
        head = value.get("表头") or []
        if not isinstance(head, list):
            self.fail(at + ("表头",), "应是列表，如 [类别, 数量]")
        rows = []
        for i, row in enumerate(value["行"]):
            if not isinstance(row, list):
                self.fail(at + ("行", i), "应是一行单元格的列表，如 [企业, 12]")
            if head and len(row) != len(head):
                self.fail(at + ("行", i), f"有 {len(row)} 格，表头有 {len(head)} 列")
            rows.append(["" if cell is None else self.text(cell, at + ("行", i), True) for cell in row])
        header = [self.text(cell, at + ("表头",), True) for cell in head]
        return {**value, "表头": header, "行": rows}


def validate(data, template, path, lines, strict=False, references=True):
    """Return ``(values, warnings)`` or raise DataError (``data`` is the file's top mapping);
    ``references``: whether a ``{来源: …}`` field may read the file it names."""
    checker = Validator(path, lines, strict, leftovers=True, references=references)
    values = checker.mapping(data, template.fields, ())
    return values, checker.warnings


def _blank(value):
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def _plain_number(value):
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _dotted(at):
    out = ""
    for part in at:
        out += f"[{part + 1}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out
