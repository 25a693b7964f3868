"""Spreadsheets as data: a workbook (.xlsx) or a CSV (UTF-8 or GBK) read into the same
``(data, lines)`` shape as ``yamlio.load_yaml``, every value located by its cell
(``各支部.xlsx:汇总!C7``); and the workbook ``reportgen init -o 数据.xlsx`` writes.

A data workbook has a sheet 字段 (字段 / 内容 / 说明) of single fields, and one sheet per list,
stats or table field, named after it. A sheet's first row names its columns; a row whose first
cell starts with 【说明】 is a note and is skipped, as are blank rows. A sheet becomes a value
only once its field's type is known (``as_field``): the validator asks for that.

Workbooks are read in openpyxl's read-only mode and no sheet may hold more than MAX_ROWS rows,
so a huge sheet costs bounded memory and time. Formulas are never evaluated: a workbook's
cached results are used (there must be some), a CSV cell starting with ``=`` is an error.
"""
import datetime
import io
import re
from pathlib import Path

from generator.draft.numbers import plain
from generator.errors import DataError, read_bytes
from generator.yamlio import load_yaml, read_text

SUFFIXES = (".xlsx", ".csv")
FIELDS_SHEET = "字段"
FIELDS_HEAD = ("字段", "内容", "说明")
STATS_HEAD = ("名称", "值", "上年", "目标", "单位")
NOTE = "【说明】"
SOURCE, SHEET, TITLE = "来源", "工作表", "表题"
MAX_ROWS = 10_000
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_workbook(path):
    return Path(path).suffix.lower() in SUFFIXES


def column(index):
    """0 → A, 26 → AA."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


class Sheet:
    """One worksheet: its column names and its data rows, each cell locatable."""

    def __init__(self, file, name, header, rows, title=None, csv=False):
        self.file, self.name, self.header, self.rows = file, name, header, rows   # rows: [(number, cells)]
        self.title = title if title is not None else name
        self.csv = csv

    def ref(self, row, col=0):
        cell = f"{column(col)}{row}"
        return cell if self.csv else f"{self.name}!{cell}"

    def at(self, row, col=0):
        return (self.file, self.ref(row, col))

    def fail(self, message, row=1, col=0):
        raise DataError(message, self.file, self.ref(row, col))

    def need(self, *names):
        for name in names:
            if name not in self.header:
                self.fail(f"工作表“{self.name}”缺少“{name}”列（第一行是列名：{'、'.join(self.header)}）")


# ---- reading ---------------------------------------------------------------------------

def read_sheets(path, names=None):
    """name → Sheet for the sheets ``names`` (all when None) of a workbook or CSV file."""
    path = Path(path)
    if path.suffix.lower() == ".csv":
        return {path.stem: _read_csv(path)}
    raw = read_bytes(path, DataError)
    if raw.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in raw:
            raise DataError("工作簿设置了打开密码：请在 Excel/WPS 里取消密码后另存为 .xlsx", path)
        raise DataError("这是旧版 Excel（.xls）文件：请在 Excel/WPS 里“另存为”.xlsx 工作簿", path)
    if not raw.startswith(_ZIP):
        raise DataError("不是 .xlsx 工作簿（可能是改了扩展名的 CSV 或文本）：请用正确的扩展名", path)
    import openpyxl
    try:
        book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on a damaged package
        raise DataError("工作簿已损坏或不是 Excel 工作簿，打不开", path) from None
    try:
        wanted = book.sheetnames if names is None else names
        for name in wanted:
            if name not in book.sheetnames:
                raise DataError(f"工作簿里没有工作表“{name}”；有：{'、'.join(book.sheetnames)}", path)
        sheets = {}
        for name in wanted:
            sheets[name] = _read_xlsx(path, raw, book, name)
        return sheets
    finally:
        book.close()


def _read_xlsx(path, raw, book, name):
    ws = book[name]
    ws.reset_dimensions()   # some writers claim A1:XFD1048576: read the rows that are there
    grid, formulas = [], []
    for number, cells in enumerate(ws.iter_rows(), 1):
        if number > MAX_ROWS + 2:
            raise DataError(f"工作表“{name}”超过 {MAX_ROWS} 行，一份报告用不了这么多；请只留需要的行",
                            path, f"{name}!A{number}")
        row = []
        for col, cell in enumerate(cells):
            if cell.data_type == "f":
                formulas.append((number, col))
            row.append(_value(cell))
        grid.append((number, row))
    _no_merged(path, ws, name)
    if formulas:
        grid = _cached(path, raw, name, grid, formulas)
    return _sheet(path, name, grid)


def _no_merged(path, ws, name):
    """Merged cells hold their value in one cell only: say where, rather than guess."""
    with ws._get_source() as source:   # read-only sheets do not parse <mergeCells>: look ourselves
        tail = b""
        while True:
            chunk = source.read(1 << 20)
            if not chunk:
                return
            found = re.search(rb'<(?:\w+:)?mergeCell ref="([A-Z]+\d+)', tail + chunk)
            if found:
                raise DataError("有合并的单元格：请取消合并，每格填上自己的内容", path,
                                f"{name}!{found[1].decode()}")
            tail = chunk[-200:]


def _cached(path, raw, name, grid, formulas):
    """The results Excel/WPS saved for formula cells; none saved is an error naming the cell."""
    import openpyxl
    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        sheet = book[name]
        sheet.reset_dimensions()
        values = {number: [_value(c) for c in cells] for number, cells in enumerate(sheet.iter_rows(), 1)
                  if number <= MAX_ROWS + 2}
    finally:
        book.close()
    for number, col in formulas:
        cached = values.get(number, [])
        value = cached[col] if col < len(cached) else None
        if value is None:
            raise DataError("这格是公式，但工作簿没有保存计算结果：请在 Excel/WPS 里打开并保存一次",
                            path, f"{name}!{column(col)}{number}")
        grid[number - 1][1][col] = value
    return grid


def _read_csv(path):
    import csv   # only for .csv data

    text = read_text(path)
    grid = []
    for number, cells in enumerate(csv.reader(io.StringIO(text)), 1):
        if number > MAX_ROWS + 2:
            raise DataError(f"超过 {MAX_ROWS} 行，一份报告用不了这么多；请只留需要的行", path, f"A{number}")
        for col, cell in enumerate(cells):
            if cell.lstrip().startswith("="):
                raise DataError(f"这格是公式“{cell.strip()[:20]}”：CSV 不保存计算结果，reportgen 也不计算公式；"
                                "请填写数值", path, f"{column(col)}{number}")
        grid.append((number, cells))
    return _sheet(path, path.stem, grid, csv=True)


def _value(cell):
    """A cell's value as the user sees it: 0.853 shown as a percentage is “85.3%”."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in (cell.number_format or ""):
        return plain(value * 100, 10) + "%"
    return value


def _cell(value):
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time() else value
    if isinstance(value, str):   # kept as written (a text's closing line break too), unless blank
        return value if value.strip() else None
    return value


def _sheet(path, name, grid, csv=False):
    rows = [(n, [_cell(v) for v in cells]) for n, cells in grid]
    rows = [(n, cells) for n, cells in rows if any(v is not None for v in cells)]
    if not rows:
        raise DataError(f"工作表“{name}”是空的", path, "A1" if csv else f"{name}!A1")
    first, header = rows[0]
    while header and header[-1] is None:
        header = header[:-1]
    sheet = Sheet(path, name, [], [], csv=csv)
    for col, title in enumerate(header):
        if title is None:
            sheet.fail("这一列没有列名（第一行是列名）", first, col)
    sheet.header = [str(h).strip() for h in header]
    width = len(header)
    for n, cells in rows[1:]:
        if isinstance(cells[0], str) and cells[0].startswith(NOTE):
            continue
        for col in range(width, len(cells)):
            if cells[col] is not None:
                sheet.fail("这一格在表头之外（第一行这一列没有列名）", n, col)
        sheet.rows.append((n, (cells + [None] * width)[:width]))
    return sheet


# ---- sheets as field values ------------------------------------------------------------

def reference(value, base):
    """The Sheet a YAML field points at: ``{来源: 统计表.xlsx, 工作表: 指标}`` (path relative to
    the YAML file's folder ``base``), or None when ``value`` is no such reference."""
    if not isinstance(value, dict) or SOURCE not in value:
        return None
    source = Path(base) / str(value[SOURCE])
    if not is_workbook(source):
        raise DataError(f"“{SOURCE}”应是 .xlsx 或 .csv 文件，这里是“{value[SOURCE]}”")
    name = value.get(SHEET)
    sheets = read_sheets(source, None if name is None else [str(name)])
    sheet = next(iter(sheets.values()))
    if TITLE in value:
        sheet.title = str(value[TITLE])
    return sheet


def as_field(sheet, field):
    """``(value, lines)`` of ``sheet`` read as a value of ``field`` (list, stats or table);
    ``lines`` maps key paths below the field to their cells."""
    lines = {(): sheet.at(1)}
    if field.type == "stats":
        sheet.need("名称", "值")
        out = {}
        for n, cells in sheet.rows:
            row = dict(zip(sheet.header, cells))
            name = str(row.pop("名称") or "").strip()
            if not name:
                sheet.fail("这一行没有名称", n, sheet.header.index("名称"))
            out[name] = {k: v for k, v in row.items() if v is not None}
            lines[(name,)] = sheet.at(n, sheet.header.index("名称"))
            for key in row:
                lines[(name, key)] = sheet.at(n, sheet.header.index(key))
        return out, lines
    if field.type == "table":
        rows = []
        for i, (n, cells) in enumerate(sheet.rows):
            rows.append(cells)
            lines[("行", i)] = sheet.at(n)
        return {TITLE: sheet.title, "表头": list(sheet.header), "行": rows}, lines
    if field.type == "list" and field.items.type == "object":
        subs = field.items.fields
        out = []
        for i, (n, cells) in enumerate(sheet.rows):
            item = {}
            for col, (key, cell) in enumerate(zip(sheet.header, cells)):
                if cell is None:
                    continue
                if key in subs and subs[key].type == "list" and isinstance(cell, str):
                    cell = [part.strip() for part in re.split(r"\n", cell) if part.strip()]
                item[key] = cell
                lines[(i, key)] = sheet.at(n, col)
            lines[(i,)] = sheet.at(n)
            out.append(item)
        return out, lines
    if field.type == "list":
        out = []
        for i, (n, cells) in enumerate(sheet.rows):
            out.append(cells[0])
            lines[(i,)] = sheet.at(n)
        return out, lines
    raise DataError(f"字段“{field.name}”不能从工作表读取（只有列表、统计数据和表格可以）", *sheet.at(1))


def load_workbook(path):
    """``(data, lines)`` of a data workbook: the 字段 sheet's rows as fields, every other sheet
    as a Sheet the validator reads once it knows the field's type. A CSV is a 字段 sheet."""
    path = Path(path)
    sheets = read_sheets(path)
    if path.suffix.lower() == ".csv":
        fields = next(iter(sheets.values()))
        others = {}
    else:
        if FIELDS_SHEET not in sheets:
            raise DataError(f"工作簿里没有工作表“{FIELDS_SHEET}”（字段 / 内容 / 说明）；"
                            f"可用 reportgen init 模板名 -o 数据.xlsx 生成", path)
        fields = sheets.pop(FIELDS_SHEET)
        others = sheets
    fields.need("字段", "内容")
    key, content = fields.header.index("字段"), fields.header.index("内容")
    data, lines = {}, {(): fields.at(1)}
    for n, cells in fields.rows:
        name = str(cells[key] or "").strip()
        if not name:
            continue
        if name in data:
            fields.fail(f"字段“{name}”重复，只能保留一个", n, key)
        data[name] = cells[content]
        lines[(name,)] = fields.at(n, content)
    for name, sheet in others.items():
        if isinstance(data.get(name), str):
            sheet.title = data[name]      # a table's 表题 is its row on the 字段 sheet
        data[name] = sheet
        lines[(name,)] = sheet.at(1)
    return data, lines


def load_data(source):
    """``(data, lines)`` of a data file, YAML or workbook, or of an already loaded batch row
    (anything with ``data`` and ``lines``)."""
    if hasattr(source, "lines"):
        data, lines = source.data, source.lines
    else:
        data, lines = (load_workbook if is_workbook(source) else load_yaml)(Path(source))
    if not isinstance(data, dict):
        raise DataError("数据文件的顶层应是“字段: 值”的映射", getattr(source, "path", source), 1)
    return data, lines


# ---- writing ---------------------------------------------------------------------------

def write_workbook(template, values, stream, template_key="模板"):
    """A data workbook for ``template`` filled with ``values`` (init: the manifest's examples)."""
    import openpyxl
    from openpyxl.styles import Alignment, Font, PatternFill
    book = openpyxl.Workbook()
    main = book.active
    main.title = FIELDS_SHEET
    bold, note_fill = Font(bold=True), PatternFill("solid", fgColor="FFF2CC")
    main.append(list(FIELDS_HEAD))
    _append(main, [template_key, template.name, "用哪个模板（不要改）"])

    def described(field):
        return ("（必填）" if field.required else "") + (field.description or "")

    def sheet(name, header, notes, rows):
        ws = book.create_sheet(name)
        ws.append(header)
        if notes:
            ws.append([NOTE + notes[0]] + notes[1:])
            for cell in ws[2]:
                cell.fill = note_fill
        for row in rows:
            _append(ws, row)
        for cell in ws[1]:
            cell.font = bold
        for col in range(len(header)):
            ws.column_dimensions[column(col)].width = 24
        return ws

    for name, field in template.fields.items():
        value = values.get(name)
        if field.type == "stats":
            rows = [[k] + ([v.get(c) for c in STATS_HEAD[1:]] if isinstance(v, dict) else [v, None, None, None])
                    for k, v in (value or {}).items()]
            sheet(name, list(STATS_HEAD), [f"{described(field)}：每行一项", "数字", "可不填", "可不填", "如 名、个、%"],
                  rows)
        elif field.type == "table":
            value = value or {}
            _append(main, [name, value.get(TITLE), f"{described(field)}：这里写表题，表格在工作表“{name}”"])
            sheet(name, list(value.get("表头") or ["列1", "列2"]), [], value.get("行") or [])
        elif field.type == "list" and field.items.type == "object":
            subs = field.items.fields
            rows = [[_to_cell(item.get(k)) for k in subs] for item in value or [] if isinstance(item, dict)]
            notes = [described(sub) + ("（每条一行：Alt+Enter 换行）" if sub.type == "list" else "")
                     for sub in subs.values()]
            notes[0] = f"{described(field)}。每行一项。本列：{notes[0]}"
            sheet(name, list(subs), notes, rows)
        elif field.type == "list":
            sheet(name, ["内容"], [f"{described(field)}：每行一项"], [[v] for v in value or []])
        else:
            _append(main, [name, _to_cell(value), described(field)])
    for row in main.iter_rows(min_row=2):
        row[1].alignment = Alignment(wrap_text=True, vertical="top")
    for cell in main[1]:
        cell.font = bold
    main.column_dimensions["A"].width, main.column_dimensions["B"].width = 18, 60
    main.column_dimensions["C"].width = 50
    book.save(stream)


def scaffold_workbook(template, stream):
    """``reportgen init NAME -o 数据.xlsx``: the workbook filled with the manifest's examples."""
    from generator.draft.catalog import example_of
    write_workbook(template, {name: example_of(f) for name, f in template.fields.items()}, stream)


def _to_cell(value):
    return "\n".join(str(v) for v in value) if isinstance(value, list) else value


def _append(ws, row):
    """A row of plain values: text that starts with = stays text, never a formula."""
    ws.append([_to_cell(v) for v in row])
    for cell in ws[ws.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"
