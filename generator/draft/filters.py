"""Jinja filters for report prose.

A statistic is a number or a mapping ``{值: 1234, 上年: 1128, 目标: 1300, 单位: 家}``;
the filters accept either. A missing value (Jinja Undefined) passes through
untouched, so it prints as a 【待补充】 placeholder instead of failing.
"""
import datetime
import re

from jinja2 import Undefined

from generator.draft import numbers
from generator.draft.numbers import plain as _number
from generator.numbering import cn_number

VALUE, PREVIOUS, TARGET, UNIT = "值", "上年", "目标", "单位"


def _value(stat):
    return stat.get(VALUE) if isinstance(stat, dict) else stat


def _missing(*values):
    return any(isinstance(v, Undefined) or v is None for v in values)


def cn_num(value):
    """3 → 三, 12 → 十二."""
    value = _value(value)
    if _missing(value):
        return value
    return cn_number(value)


def num(value, digits=1):
    """A statistic as text with its unit: {值: 1234, 单位: 家} → 1234家."""
    v = _value(value)
    if _missing(v):
        return v
    unit = value.get(UNIT, "") if isinstance(value, dict) else ""
    return numbers.amount(v, unit, digits) + unit


def percent(part, whole=None, digits=1):
    """part of whole → 80.0%; a statistic with 目标 and no ``whole`` → its completion rate."""
    if whole is None and isinstance(part, dict):
        whole = part.get(TARGET)
    part, whole = _value(part), _value(whole)
    if _missing(part, whole):
        return whole if _missing(whole) and not _missing(part) else part
    if not whole:
        return "—"
    return f"{100.0 * part / whole:.{digits}f}%"


def change(current, previous=None, points=False, digits=1):
    """Against last year: 增长9.4% / 下降2.1% / 持平; ``points=True`` for rates (个百分点)."""
    stat = current
    if previous is None and isinstance(current, dict):
        previous = current.get(PREVIOUS)
    current, previous = _value(current), _value(previous)
    if _missing(current, previous):
        return previous if _missing(previous) else current
    if points:
        delta, unit = current - previous, "个百分点"
    elif previous:
        delta, unit = 100.0 * (current - previous) / abs(previous), "%"
    else:
        return "新增" + (num(stat, digits) if isinstance(stat, dict) else _number(current, digits))
    if round(delta, digits) == 0:
        return "持平"
    rise, fall = ("提高", "下降") if points else ("增长", "下降")   # rates rise by 个百分点
    return (rise if delta > 0 else fall) + _number(abs(delta), digits) + unit


def _unit(stat):
    return stat.get(UNIT, "") if isinstance(stat, dict) else ""


def yoy(stat, previous=None, by=None, digits=1):
    """The whole comparison with last year: 比上年增长8.8% / 与上年持平 / 比上年提高5.3个百分点
    (unit %) / 比上年增加27个 (a small count; ``by="count"`` or ``by="percent"`` chooses)."""
    if previous is None and isinstance(stat, dict):
        previous = stat.get(PREVIOUS)
    current, previous = _value(stat), _value(previous)
    if _missing(current, previous):
        return previous if _missing(previous) else current
    return numbers.compared(current, previous, _unit(stat), digits, by)


def vs_target(stat, target=None, digits=1):
    """完成目标的108.4%，超额完成32名 / 完成目标的95.3%，距目标还差15名; for a rate
    达到目标 / 超过目标1.5个百分点 / 距目标还差1.9个百分点."""
    if target is None and isinstance(stat, dict):
        target = stat.get(TARGET)
    current, target = _value(stat), _value(target)
    if _missing(current, target):
        return target if _missing(target) else current
    return numbers.against_target(current, target, _unit(stat), digits)


def goal(target, deadline=None):
    """A plan's 目标 and 时限 in one sentence: 力争到2027年6月底前党支部达标率达到95%以上。
    A missing 目标 or 时限 is left out (both are optional)."""
    target, deadline = (None if _missing(v) else clause(v) for v in (target, deadline))
    return numbers.plan(target, deadline)


def total(rows, column=None, digits=1):
    """The sum the tool computes, never typed in: of a table's column (by its header), of a
    stats mapping's 值, or of a list of numbers. Cells that are not numbers are skipped."""
    if _missing(rows):
        return rows
    if isinstance(rows, dict) and "行" in rows:
        head = list(rows.get("表头") or [])
        if column not in head:
            raise ValueError(f"表格没有“{column}”列")
        cells = [row[head.index(column)] for row in rows["行"]]
    elif isinstance(rows, dict):
        cells = [_value(stat) for stat in rows.values()]
    else:
        cells = list(rows)
    amounts = []
    for cell in cells:
        try:
            amounts.append(numbers.parse(cell)[0])
        except ValueError:
            continue
    return _number(sum(amounts), digits)


_END_MARKS = "。；;，,、"


def _trim_end(text):
    """``text`` without the closing punctuation and spaces a user typed (linear: a regex
    ``[…\\s]+$`` retries from every space of a long run)."""
    end = len(text)
    while end and (text[end - 1] in _END_MARKS or text[end - 1].isspace()):
        end -= 1
    return text[:end]


_LEAD = re.compile(r"^\s*(?:\*\*)?[一二三四五六七八九十]+是(?:\*\*)?")   # an item that already says 一是


def enumerate_cn(items, bold=True, sep="；", end="。"):
    """["a", "b"] → **一是**a；**二是**b。 (``bold=False`` for plain 一是)."""
    if _missing(items):
        return items
    items = [items] if isinstance(items, str) else list(items)
    if len(items) == 1:   # a single point needs no 一是
        return _LEAD.sub("", _trim_end(str(items[0]))) + end
    parts = []
    for n, item in enumerate(items, 1):
        lead = cn_number(n) + "是"
        text = str(item) if isinstance(item, Undefined) else _LEAD.sub("", _trim_end(str(item)))
        parts.append((f"**{lead}**" if bold else lead) + text)
    return sep.join(parts) + (end if parts else "")


def clause(text):
    """Drop the closing punctuation a user typed, so the template can add its own: "目标。" → "目标"."""
    if _missing(text):
        return text
    return _trim_end(str(text))


DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?")


def cn_date(value, day=None):
    """2026-11 → 2026年11月; 2026-11-24 (or a date) → 2026年11月24日. ``day=False`` drops the day."""
    if _missing(value):
        return value
    if isinstance(value, (datetime.date, datetime.datetime)):
        y, m, d = value.year, value.month, value.day
    else:
        match = DATE.match(str(value))
        if not match:
            return str(value)
        y, m, d = int(match[1]), int(match[2]), match[3] and int(match[3])
    text = f"{y}年{m}月"
    return text + f"{d}日" if d and day is not False else text


FILTERS = {
    "cn_num": cn_num, "num": num, "percent": percent, "change": change,
    "enumerate_cn": enumerate_cn, "cn_date": cn_date, "clause": clause,
    "yoy": yoy, "vs_target": vs_target, "goal": goal, "total": total,
}
