"""A template's web form: the manifest as the schema the page builds its inputs from, the
form's values turned into the data a data file holds, and a data file turned back into the form.

The form's values have one shape per field type: scalars are strings (numbers as typed,
``1,234`` or ``1.2万``), lists are arrays, objects are mappings, stats are rows
``{名称, 值, 上年, 目标, 单位}`` and tables are ``{表题, 表头: [...], 行: [[...]]}``.
A value of the wrong shape, or a field the template does not have, is a ``FormError`` that
names its field (dotted as in the validator: ``主要做法[2].要点``).
"""
import datetime

import yaml

from generator.draft import numbers
from generator.draft.catalog import example_of
from generator.draft.validate import STAT_ALL, STAT_KEYS, TEMPLATE_KEY
from generator.errors import DataError

STAT_COLUMNS = ("名称",) + STAT_ALL


class FormError(DataError):
    """A form value that does not fit its field; ``field`` says which."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


def error_field(exc):
    """The field a data error concerns (the validator says which), or None."""
    return getattr(exc, "field", None)


# ---- manifest → schema ------------------------------------------------------------
def schema(template):
    """The template as the page needs it to build the form."""
    return {"name": template.name, "title": template.title, "description": template.description,
            "fields": [_field_schema(f) for f in template.fields.values()]}


def _field_schema(field):
    out = {"name": field.name, "type": field.type, "required": field.required,
           "description": field.description, "example": example_text(field.example)}
    if field.items is not None:
        out["items"] = _field_schema(field.items)
    if field.fields:
        out["fields"] = [_field_schema(f) for f in field.fields.values()]
    return out


def example_text(example):
    """A manifest's example, shown under its field."""
    if example is None:
        return ""
    if isinstance(example, (list, dict)):
        if isinstance(example, list) and all(isinstance(v, str) for v in example):
            return "；".join(example)
        return yaml.safe_dump(example, allow_unicode=True, default_flow_style=True, sort_keys=False, width=1000).strip()
    return str(example)


def example_data(template):
    """Data made of the manifest's examples: what the template's skeleton is rendered from."""
    data = {k: example_of(f, filled=False) for k, f in template.fields.items()}
    return {TEMPLATE_KEY: template.name, **{k: v for k, v in data.items() if v is not None}}


# ---- form → data ------------------------------------------------------------------
def to_data(template, form):
    """The data a data file would hold for these form values (empty values left out)."""
    data = {TEMPLATE_KEY: template.name}
    data.update(_mapping(form, template.fields, ""))
    return data


def _mapping(form, fields, at):
    if not isinstance(form, dict):
        raise FormError(f"“{at or '表单'}”应是若干“字段: 值”", at or None)
    for name in form:
        if name not in fields:
            where = _join(at, name)
            raise FormError(f"模板没有字段“{where}”", where)
    out = {}
    for name, field in fields.items():
        value = _value(form.get(name), field, _join(at, name))
        if not _empty(value):
            out[name] = value
    return out


def _value(value, field, at):
    if value is None:
        return None
    kind = field.type
    if kind in ("string", "text", "date"):
        return _text(value, at)
    if kind in ("integer", "number"):
        return parse_number(value, at, kind == "integer")
    if kind == "list":
        items = _list(value, at)
        return [v for v in (_value(item, field.items, f"{at}[{i + 1}]") for i, item in enumerate(items))
                if not _empty(v)]
    if kind == "object":
        return _mapping(value, field.fields, at)
    if kind == "stats":
        return _stats(value, at)
    return _table(value, at)


def _text(value, at):
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise FormError(f"字段“{at}”应是文字", at)
    return value if value.strip() else None


def _list(value, at):
    if not isinstance(value, list):
        raise FormError(f"字段“{at}”应是列表", at)
    return value


def parse_number(value, at, integer=False):
    """A number as office users type it: ``1,234``, ``1.2万``, ``３２６`` (full-width)."""
    what = "整数" if integer else "数字"
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise FormError(f"字段“{at}”应是{what}", at)
    if isinstance(value, str):
        if not value.strip():
            return None
        try:   # read as YAML data is read (draft.numbers): the form and a data file agree
            number, unit = numbers.parse(value)
        except ValueError:
            raise FormError(f"字段“{at}”应是{what}（如 1,234 或 1.2万），这里是“{value.strip()}”", at) from None
        if unit is not None:   # 85% / 3.5个百分点: the validator gives the statistic its unit
            return value.strip()
        number = float(number)
    else:
        number = float(value)
    if number.is_integer() and abs(number) < 1e15:
        return int(number)
    if integer:
        raise FormError(f"字段“{at}”应是整数，这里是“{value}”", at)
    return number


def _stats(rows, at):
    out = {}
    for i, row in enumerate(_list(rows, at), 1):
        if not isinstance(row, dict) or any(k not in STAT_COLUMNS for k in row):
            raise FormError(f"字段“{at}”第 {i} 行应有 {'、'.join(STAT_COLUMNS)} 几栏", at)
        name = _text(row.get("名称"), at) or ""
        name = name.strip()
        stat = {key: parse_number(row.get(key), f"{at}.{name or f'第{i}行'}.{key}")
                for key in STAT_KEYS}
        stat = {k: v for k, v in stat.items() if v is not None}
        unit = (_text(row.get("单位"), at) or "").strip()
        if not name and not stat and not unit:
            continue                      # an empty row the user has not filled yet
        if not name:
            raise FormError(f"字段“{at}”第 {i} 行没有名称", at)
        if name in out:
            raise FormError(f"字段“{at}”里“{name}”出现了两次", at)
        if "值" not in stat:
            raise FormError(f"字段“{at}.{name}”缺少“值”", f"{at}.{name}")
        out[name] = {**stat, **({"单位": unit} if unit else {})}
    return out or None


def _table(value, at):
    if not isinstance(value, dict) or any(k not in ("表题", "表头", "行") for k in value):
        raise FormError(f"字段“{at}”应是表格（表题、表头、行）", at)
    caption = (_text(value.get("表题"), at) or "").strip()
    head = [_cell(c, at) for c in _list(value.get("表头") or [], at)]
    rows = [[_cell(c, at) for c in _list(row, at)] for row in _list(value.get("行") or [], at)]
    rows = [row for row in rows if any(row)]
    if not any(head) and not rows:
        return None
    width = max([len(head)] + [len(r) for r in rows])
    pad = lambda cells: cells + [""] * (width - len(cells))   # noqa: E731 - a grid is even
    table = {"表头": pad(head), "行": [pad(r) for r in rows]}
    return {"表题": caption, **table} if caption else table


def _cell(value, at):
    return (_text(value, at) or "").strip() if value is not None else ""


def _empty(value):
    return value is None or value == [] or value == {}


def _join(at, name):
    return f"{at}.{name}" if at else str(name)


# ---- data → form ------------------------------------------------------------------
def to_form(template, data):
    """The form values of a data file's data (already checked against the template)."""
    return {name: _form_value(data.get(name), field) for name, field in template.fields.items()
            if data.get(name) is not None}


def _form_value(value, field):
    kind = field.type
    if kind == "list":
        return [_form_value(v, field.items) for v in value or []]
    if kind == "object":
        return to_form(field, value or {})
    if kind == "stats":
        return [{"名称": str(name), **{k: _scalar(v) for k, v in
                                       (stat.items() if isinstance(stat, dict) else [("值", stat)])}}
                for name, stat in value.items()]
    if kind == "table":
        return {"表题": _scalar(value.get("表题", "")), "表头": [_scalar(c) for c in value.get("表头") or []],
                "行": [[_scalar(c) for c in row] for row in value.get("行") or []]}
    return _scalar(value)


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
