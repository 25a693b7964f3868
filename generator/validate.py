"""Check a data file against a template's manifest before anything is rendered.

Wrong types are errors (one line, file:line and the field path). Missing
fields are warnings: the draft shows a 【待补充】 placeholder instead, unless
``strict`` turns them into errors.
"""
import datetime

from .errors import DataError
from .filters import _DATE
from .yamlio import line_of

TEMPLATE_KEY = "模板"   # the data key that names the template; not a template field
STAT_KEYS = ("值", "上年", "目标")


class Checker:
    def __init__(self, path, lines, strict=False):
        self.path, self.lines, self.strict = path, lines, strict
        self.warnings = []

    def fail(self, at, message):
        raise DataError(f"字段“{_dotted(at)}”{message}", self.path, line_of(self.lines, at))

    def missing(self, at, field):
        message = f"缺少必填字段“{_dotted(at)}”（{field.description or field.name}）"
        if self.strict:
            raise DataError(message, self.path, line_of(self.lines, at))
        self.warnings.append(f"{self.path}:{line_of(self.lines, at) or 1}: {message}，草稿中以【待补充】标出")

    def mapping(self, data, fields, at):
        """Check a mapping of fields; return it without empty values (they count as missing)."""
        out = {}
        for name, field in fields.items():
            value = data.get(name)
            if value is None or value == "" or value == []:
                if field.required:
                    self.missing(at + (name,), field)
                continue
            out[name] = self.value(value, field, at + (name,))
        for name in data:
            if name not in fields and not (at == () and name == TEMPLATE_KEY):
                self.warnings.append(f"{self.path}:{line_of(self.lines, at + (name,))}: "
                                     f"模板没有字段“{_dotted(at + (name,))}”，它不会出现在草稿中")
        return out

    def value(self, value, field, at):
        kind = field.type
        if kind in ("string", "text"):
            if isinstance(value, (dict, list)):
                self.fail(at, "应是文字，这里是" + ("映射" if isinstance(value, dict) else "列表"))
            return value if isinstance(value, str) else _plain(value)
        if kind in ("integer", "number"):
            ok = isinstance(value, int) if kind == "integer" else isinstance(value, (int, float))
            if not ok or isinstance(value, bool):
                self.fail(at, f"应是{'整数' if kind == 'integer' else '数字'}，这里是“{value}”")
            return value
        if kind == "date":
            if isinstance(value, datetime.date) or (isinstance(value, (str, int)) and _DATE.match(str(value))):
                return value
            self.fail(at, f"应是日期（如 2026-11-24 或 2026年11月），这里是“{value}”")
        if kind == "list":
            if not isinstance(value, list):
                self.fail(at, "应是列表（每项一行，以“- ”开头）")
            return [self.value(item, field.items, at + (i,)) for i, item in enumerate(value)
                    if item is not None]
        if kind == "object":
            if not isinstance(value, dict):
                self.fail(at, "应是映射（若干“子字段: 值”）")
            return self.mapping(value, field.fields, at)
        if kind == "stats":
            return self.stats(value, at)
        if kind == "table":
            return self.table(value, at)
        raise AssertionError(kind)  # the manifest loader admits no other type

    def stats(self, value, at):
        if not isinstance(value, dict):
            self.fail(at, "应是映射（名称: 数字，或 名称: {值, 上年, 目标, 单位}）")
        for name, stat in value.items():
            nums = [stat] if not isinstance(stat, dict) else [stat.get(k) for k in STAT_KEYS if k in stat]
            if isinstance(stat, dict) and "值" not in stat:
                self.fail(at + (name,), "缺少“值”")
            for n in nums:
                if not isinstance(n, (int, float)) or isinstance(n, bool):
                    self.fail(at + (name,), f"应是数字，这里是“{n}”")
        return value

    def table(self, value, at):
        if not isinstance(value, dict) or not isinstance(value.get("行"), list):
            self.fail(at, "应是表格：表题、表头（列表）和 行（每行一个列表）")
        head = value.get("表头") or []
        for i, row in enumerate(value["行"]):
            if not isinstance(row, list):
                self.fail(at + ("行", i), "应是一行单元格的列表，如 [企业, 12]")
            if head and len(row) != len(head):
                self.fail(at + ("行", i), f"有 {len(row)} 格，表头有 {len(head)} 列")
        return value


def validate(data, template, path, lines, strict=False):
    """Return ``(values, warnings)`` or raise DataError."""
    if not isinstance(data, dict):
        raise DataError("数据文件的顶层应是“字段: 值”的映射", path, 1)
    checker = Checker(path, lines, strict)
    values = checker.mapping(data, template.fields, ())
    return values, checker.warnings


def _plain(value):
    if isinstance(value, datetime.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value)


def _dotted(at):
    out = ""
    for part in at:
        out += f"[{part + 1}]" if isinstance(part, int) else ("." if out else "") + str(part)
    return out
