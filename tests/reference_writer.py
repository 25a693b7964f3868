"""The per-paragraph python-docx body code the fast writer replaced (from commit 7c5d19e,
with the later text rules: punctuation width, title lines, keeping the 落款 with its text).

Tests only: it lays blocks out on an empty draft with python-docx, paragraph by
paragraph, so the fast writer's body can be compared with what it used to give.
"""
import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from generator.markup import PLACEHOLDER
from generator.normalize import clean_text, map_pieces, punctuation_width
from generator.numbering import Numberer
from generator.word.style import HEADING_KINDS
from generator.word.writer import STYLE_NAMES, column_widths, title_lines


def reference_document(empty_docx, blocks, sheet):
    """The python-docx Document of ``blocks`` laid out on ``empty_docx`` (bytes of an empty draft)."""
    doc = Document(io.BytesIO(empty_docx))
    numberer = Numberer([sheet["段落"][k].get("编号", "") for k in HEADING_KINDS])
    highlight = sheet.get("待补充", {}).get("高亮", "yellow")
    for index, block in enumerate(blocks):
        keep = block.kind != "落款" and index + 1 < len(blocks) and blocks[index + 1].kind == "落款"
        if block.kind == "表格":
            _table(doc, block, highlight, keep)
            continue
        para = doc.add_paragraph(style=STYLE_NAMES[block.kind])
        if keep:
            para.paragraph_format.keep_with_next = True
        if block.kind == "落款" and index and blocks[index - 1].kind == "落款":
            para.paragraph_format.space_before = 0
        texts = map_pieces([clean_text(text) for text, _ in block.runs], punctuation_width)
        runs = [(text, bold) for text, (_, bold) in zip(texts, block.runs)]
        if block.kind == "标题" and len(runs) == 1:
            runs = [(title_lines(runs[0][0], sheet), runs[0][1])]
        if block.kind in HEADING_KINDS:
            level = HEADING_KINDS.index(block.kind) + 1
            runs = [(numberer.next(level), runs[0][1] if runs else False)] + runs
        for text, bold in runs:
            _add_text(para, text, bold, highlight)
    return doc


def _add_text(para, text, bold, highlight):
    text = clean_text(text)
    pos = 0
    for match in PLACEHOLDER.finditer(text):
        _run(para, text[pos:match.start()], bold)
        mark = OxmlElement("w:highlight")
        mark.set(qn("w:val"), highlight)
        _run(para, match.group(), bold)._r.get_or_add_rPr().append(mark)
        pos = match.end()
    _run(para, text[pos:], bold)


def _run(para, text, bold):
    if not text:
        return None
    run = para.add_run(text)
    if bold:
        run.bold = True
    return run


def _table(doc, block, highlight, keep=False):
    rows = [r for r in block.rows if r]
    if not rows:
        return
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    widths = column_widths(rows, width, round(doc._block_width / 635))
    table.autofit = False   # a fixed layout, and the table's own width in twips
    table_width = table._tbl.tblPr.find(qn("w:tblW"))
    table_width.set(qn("w:type"), "dxa")
    table_width.set(qn("w:w"), str(sum(widths)))
    for column, twips in zip(table.columns, widths):
        column.width = Twips(twips)
        for cell in column.cells:
            cell.width = Twips(twips)
    for r, (row, cells) in enumerate(zip(rows, table.rows)):
        for text, cell in zip(row, cells.cells):
            para = cell.paragraphs[0]
            para.style = doc.styles["表格文字"]
            if keep and r == len(rows) - 1:
                para.paragraph_format.keep_with_next = True
            _add_text(para, punctuation_width(text), r == 0, highlight)
