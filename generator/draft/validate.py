"""Check a data file against a template's manifest before anything is rendered.

Wrong types are errors (one line, file:line and the field path). Missing
fields are warnings: the draft shows a 【待补充】 placeholder instead, unless
``strict`` turns them into errors.
"""
import datetime
import math

from generator.draft.filters import DATE
from generator.errors import DataError, Notice
from generator.yamlio import line_of

TEMPLATE_KEY = "模板"   # the data key that names the template; not a template field
STAT_KEYS = ("值", "上年", "目标")
STAT_ALL = STAT_KEYS + ("单位",)
SCALARS = ("string", "text", "date", "integer", "number")
LIMIT = 1e15            # larger numbers are typing mistakes, and overflow the filters


def placeholder(field):
    return f"【待补充：{field.description or field.name}】"


class Validator:
    def __init__(self, path, lines, strict=False):
        self.path, self.lines, self.strict = path, lines, strict
        self.warnings = []

    def fail(self, at, message):
        raise DataError(f"字段“{_dotted(at)}”{message}", self.path, line_of(self.lines, at))

    def warn(self, at, message):
        self.warnings.append(Notice(message, self.path, line_of(self.lines, at) or 1, _dotted(at)))

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
        ok = isinstance(value, int) if integer else isinstance(value, (int, float))
        if not ok or isinstance(value, bool):
            self.fail(at, f"应是{'整数' if integer else '数字'}，这里是“{value}”")
        if not math.isfinite(value) or abs(value) >= LIMIT:
            self.fail(at, f"的数字“{value}”不合理（太大或不是有限数）")
        return value

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
        for name, stat in value.items():
            where = at + (name,)
            if not str(name).strip():
                self.fail(at, "里有一项没有名称")
            if not isinstance(stat, dict):
                self.number(stat, where)
                continue
            if "值" not in stat:
                self.fail(where, "缺少“值”")
            for key in STAT_KEYS:
                if key in stat:
                    self.number(stat[key], where + (key,))
            if "目标" in stat and stat["目标"] <= 0:
                self.fail(where + ("目标",), "应大于 0")
            if "单位" in stat and not isinstance(stat["单位"], str):
                self.fail(where + ("单位",), "应是文字，如 家、名、%")
            for key in stat:
                if key not in STAT_ALL:
                    self.warn(where + (key,), f"统计项只认 {'、'.join(STAT_ALL)}，“{key}”不会用到")
        return value

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


def validate(data, template, path, lines, strict=False):
    """Return ``(values, warnings)`` or raise DataError (``data`` is the file's top mapping)."""
    checker = Validator(path, lines, strict)
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
