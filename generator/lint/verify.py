"""``reportgen verify 草稿.docx 数据...``: every number a draft states, traced to the data.

A draft is ours or one a person has edited in Word since. Each number in its text (body and
tables; ``1,234``, ``1.2万``, ``85%``, ``3.5个百分点`` as ``numbers.parse`` reads them) must be a
figure of the data (a statistic, a number field, a table cell, a number in a text field) or
one the tool derives from them: a change on last year (percent, points or difference), a
completion rate or gap to target, a ratio of two figures of one statistic, table row or the
statistics, a share of a column, a sum over a column or the statistics. Dates, years,
ordinal numbering (第3, 1., （2）, 表1) and document numbers (〔2026〕12号) are not figures.
What is left is reported with its page (when LibreOffice lays the draft out), paragraph and
an excerpt; then every figure of the data the draft never states, directly or through a
derived figure.
"""
import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from itertools import permutations

from generator.draft import numbers
from generator.draft.engine import Engine
from generator.draft.validate import _dotted
from generator.lint.document import gather, open_document
from generator.word.style import load_style
from generator.yamlio import line_of

NUMBER = re.compile(r"(?<![\d.])(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:万|亿)?(?:%|个百分点)?")
_NOT_FIGURES = re.compile("|".join((
    r"[〔\[【(（]\d{4}[〕\]】)）]\s*\d+\s*号",            # document numbers: 〔2026〕12号
    r"\d{4}\s*[-./]\s*\d{1,2}(?:\s*[-./]\s*\d{1,2})?",   # 2026-12-18, 2026.12
    r"(?:1[89]|2[01])\d{2}\s*(?:[-—至到~～]\s*(?:1[89]|2[01])\d{2}\s*)?年",   # 2026年, 2021—2025年
    r"\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?", r"\d{1,2}\s*日",  # 6月, 6月30日, 18日
    r"第\s*\d+", r"[表图附件]\s*\d+",                    # 第3, 表1, 附件2
    r"^\s*(?:\d{1,2}\s*[.、](?!\d)|[（(]\d{1,2}[）)])",   # 1. / （2） opening a paragraph
    r"\d{1,2}\s*[:：]\s*\d{2}",                          # 10:30
)))
TOLERANCE = 1e-9


@dataclass
class Figure:
    """A figure of the data: its value, where it is (file, line) and what it is."""

    value: float
    name: str
    where: tuple
    stated: bool = False


@dataclass
class Derived:
    """A figure the tool computes: a percentage (ratio, share, change, completion) or an
    amount (difference, sum), and the figures it comes from."""

    value: float
    percent: bool
    inputs: list = field(default_factory=list)


@dataclass
class Stated:
    """A number the draft states: as written, its value and unit, where it is."""

    text: str
    value: float
    unit: str
    where: str
    excerpt: str
    page: int = None


def read_numbers(text):
    """``(match, value, unit)`` of every figure in ``text`` (NFKC-normalised): dates, years,
    ordinals and document numbers are blanked out first."""
    text = _NOT_FIGURES.sub(lambda m: " " * len(m[0]), unicodedata.normalize("NFKC", text))
    out = []
    for match in NUMBER.finditer(text):
        value, unit = numbers.parse(match[0])   # the pattern admits only what parse reads
        out.append((match, float(value), unit))
    return out


def _context(text, match, size=10):
    """The words around a number, from the paragraph as written (NFKC keeps the positions of
    what it changes here: full-width digits, letters and punctuation)."""
    start, end = max(0, match.start() - size), match.end() + size
    while end < len(text) and (text[end].isdigit() or text[end] in ".%％"):   # not half a number
        end += 1
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ".%％"):
        start -= 1
    return ("……" if start else "") + text[start:end].strip() + ("……" if end < len(text) else "")


class Facts:
    """The figures of data files and everything the tool would derive from them."""

    def __init__(self):
        self.figures, self.derived = [], []

    def add_file(self, engine, path):
        path, template, values, _, lines = engine.values(path)
        for name, value in values.items():
            self._walk(value, (name,), path, lines, template.fields.get(name))

    def _figure(self, value, at, path, lines):
        where = line_of(lines, at)
        figure = Figure(float(value), _dotted(at), where if isinstance(where, tuple) else (path, where))
        self.figures.append(figure)
        return figure

    def _walk(self, value, at, path, lines, spec):
        kind = spec.type if spec else None
        if kind == "stats":
            self._stats(value, at, path, lines)
        elif kind == "table":
            self._table(value, at, path, lines)
        elif isinstance(value, dict):
            for key, sub in value.items():
                subs = spec.fields if spec and spec.fields else (spec.items.fields if spec and spec.items else None)
                self._walk(sub, at + (key,), path, lines, (subs or {}).get(key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                self._walk(item, at + (i,), path, lines, spec.items if spec else None)
        elif isinstance(value, bool) or isinstance(value, (datetime.date, type(None))):
            return
        elif isinstance(value, (int, float)):
            self._figure(value, at, path, lines)
        elif isinstance(value, str):
            self._words(value, at, path, lines)

    def _words(self, text, at, path, lines):
        """The numbers in a text of the data (a field, a statistic's name, a table's header)."""
        for _, number, _ in read_numbers(str(text)):
            self._figure(number, at, path, lines)

    def _stats(self, stats, at, path, lines):
        mains = {}
        for name, stat in stats.items():
            where = at + (name,)
            self._words(name, where, path, lines)
            got = {key: self._figure(stat[key], where + (key,), path, lines)
                   for key in numbers_keys(stat)}
            value, previous, target = got.get("值"), got.get("上年"), got.get("目标")
            mains.setdefault(stat.get("单位", ""), []).append(value)
            if previous is not None:   # the change: a difference (or points), or a percentage
                self._derive(abs(value.value - previous.value), False, value, previous)
                if previous.value:
                    self._derive(abs(100.0 * (value.value - previous.value) / previous.value), True,
                                 value, previous)
            if target is not None:     # completion, and what is over or short of the target
                self._ratio(value, target)
                self._derive(abs(value.value - target.value), False, value, target)
        for unit, same in mains.items():   # a sum (the total filter) over figures of one unit
            if not numbers.is_rate(unit):
                self._together(same, shares=False)

    def _table(self, table, at, path, lines):
        rows = []
        for text in [table.get("表题", "")] + list(table.get("表头", [])):
            self._words(text, at, path, lines)
        for i, row in enumerate(table.get("行", [])):
            cells = []
            for cell in row:
                try:
                    cells.append(self._figure(numbers.parse(cell)[0], at + ("行", i), path, lines))
                except ValueError:   # a cell of words: its numbers are figures, not a column's
                    self._words(cell, at + ("行", i), path, lines)
                    cells.append(None)
            rows.append(cells)
            for a, b in permutations([c for c in cells if c is not None], 2):
                self._ratio(a, b)
        width = max((len(r) for r in rows), default=0)
        for col in range(width):
            self._together([r[col] for r in rows if col < len(r) and r[col] is not None])

    def _together(self, figures, shares=True):
        """A sum over figures, and each one's share of it."""
        if len(figures) < 2:
            return
        whole = sum(f.value for f in figures)
        self._derive(whole, False, *figures)
        if whole and shares:
            for f in figures:
                self._derive(100.0 * f.value / whole, True, f)

    def _ratio(self, a, b):
        if b.value:
            self._derive(100.0 * a.value / b.value, True, a, b)

    def _derive(self, value, percent, *inputs):
        self.derived.append(Derived(value, percent, list(inputs)))

    def trace(self, stated):
        """True when ``stated`` is a figure, or derived as the tool would (a percentage where
        the draft writes %, an amount elsewhere) to the digits it is written with; the
        figures it comes from count as stated."""
        digits = len(re.sub(r"\D", "", stated.text.split(".")[1])) if "." in stated.text else 0
        rounded = any(u in stated.text for u in "万亿")     # 1.2万: a figure rounded to its digits

        def close(value):
            if rounded:
                return abs(value - stated.value) <= 0.05 * abs(stated.value)
            return abs(round(value, digits) - stated.value) < TOLERANCE
        found = False
        for figure in self.figures:
            if abs(figure.value - stated.value) < TOLERANCE or (rounded and close(figure.value)):
                figure.stated = found = True
        for derived in self.derived:
            if derived.percent == (stated.unit == numbers.PERCENT) and close(derived.value):
                found = True
                for figure in derived.inputs:
                    figure.stated = True
        return found


def numbers_keys(stat):
    return [key for key in ("值", "上年", "目标") if isinstance(stat.get(key), (int, float))]


def draft_numbers(path, with_pages=True):
    """Every number of the draft at ``path`` as a Stated, and a note when pages were skipped."""
    doc = open_document(path)
    items = [i for i in gather(doc, load_style(None)) if i.kind != "空"]
    out = []
    for order, item in enumerate(items):
        where = f"第{item.index}段" if item.index else f"{item.where or '表格'}中"
        for match, value, unit in read_numbers(item.text):
            out.append((order, Stated(match[0], value, unit, where, _context(item.text, match))))
    note = None
    if with_pages and out:
        from generator.word.office import find_soffice
        if find_soffice() is None:
            note = "没有找到 LibreOffice，未标页码（只标第几段）"
        else:
            from generator.lint.pages import locate, page_texts
            pages = locate([i.text for i in items], page_texts(path))
            for order, stated in out:
                stated.page = pages[order]
    return [s for _, s in out], note


def verify(draft, data_files, template_dirs=(), template=None, with_pages=True):
    """``(untraced, unstated, note)``: the draft's numbers the data does not explain, and the
    data's figures the draft never states."""
    engine = Engine(template_dirs, template=template)
    facts = Facts()
    for path in data_files:
        facts.add_file(engine, path)
    stated, note = draft_numbers(draft, with_pages)
    untraced = [s for s in stated if not facts.trace(s)]
    unstated, seen = [], set()
    for figure in facts.figures:
        key = (figure.name, figure.value)
        if not figure.stated and key not in seen:
            seen.add(key)
            unstated.append(figure)
    # a figure stated under another name counts as stated: one value, one report
    said = {f.value for f in facts.figures if f.stated}
    unstated = [f for f in unstated if f.value not in said]
    return untraced, unstated, note


def untraced_line(draft, stated):
    page = f"第{stated.page}页 " if stated.page else ""
    return f"{draft}: {page}{stated.where}“{stated.excerpt}”：数字“{stated.text}”在数据里找不到来源"


def unstated_line(figure):
    path, line = figure.where
    location = f"{path}:{line}" if line else str(path)
    return f"{location}: 字段“{figure.name}”的数字 {numbers.plain(figure.value, 4)} 草稿里没有写到"

