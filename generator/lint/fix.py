"""``lint --fix``: only the safe repairs, written to a new file.

Page setup, paragraph styles and page numbers come from the writer itself
(``package.Layout``), so a repaired document has exactly the layout of a
generated draft. Each paragraph then gets the Word style of its kind and loses the
direct formatting that would override it (fonts, sizes, indents, line spacing,
alignment). Text changes only in heading numbers (Word's automatic numbers are written out
as the text they showed), punctuation width and spaces typed before a paragraph's text.
"""
from collections import Counter
from pathlib import Path

from docx.text.run import Run

from generator.corpus.autonumber import style_numbers
from generator.errors import OutputError
from generator.corpus.reading import run_parts
from generator.lint.document import leading_spaces, open_document, own_runs, renumbered, w
from generator.lint.rules import Rules, lint_document
from generator.normalize import map_pieces, punctuation_width, written_date
from generator.output import save_atomic
from generator.word.package import Layout
from generator.word.parts import STYLE_NAMES
from generator.word.style import HEADING_KINDS, heading_patterns
from generator.word.writer import closing_rules, title_lines

RUN_PROPS = ("rFonts", "sz", "szCs", "spacing")
BOLD = ("b", "bCs")                      # dropped where the sheet decides bold (not body lead-ins)
PARA_PROPS = ("ind", "spacing", "jc")


def fix_file(source, out, sheet, force=False):
    """Repair ``source`` into ``out``; return the lines that say what changed."""
    if Path(out).suffix.lower() != ".docx":
        raise OutputError("--fix 的输出文件应以 .docx 结尾", out)
    if Path(out).resolve() == Path(source).resolve():
        raise OutputError("--fix 不改原文件，请用 -o 指定另一个文件", out)
    doc = open_document(source)
    checker = Rules(doc, sheet)
    before = checker.run()
    Layout(sheet).apply(doc)
    items = [item for item in checker.items if item.kind != "空"]
    kinds = [item.kind for item in items]
    for index, item in enumerate(items):
        item.para.style = doc.styles[STYLE_NAMES[item.kind]]
        _strip(item.para._p.pPr, PARA_PROPS)
        keep, tight = closing_rules(kinds, index)   # as the writer does
        if keep:
            item.para.paragraph_format.keep_with_next = True
        if tight:
            item.para.paragraph_format.space_before = 0
        strip_bold = item.kind in HEADING_KINDS or item.kind == "标题"
        for run in item.para._p.xpath(".//w:r"):
            _strip(run.rPr, RUN_PROPS + (BOLD if strip_bold else ()))
        if item.run_in:
            _run_in_as_body(item, doc.styles[STYLE_NAMES["正文"]].element.rPr)
    lines = (_leading_spaces(checker) + _literal_numbers(checker.items) + _part_names(checker) + _renumber(checker, sheet)
             + _parted_closings(checker) + _closing_dates(checker) + _punctuation(checker)
             + _title_breaks(checker, sheet))
    _, after = lint_document(doc, sheet)
    save_atomic(out, force, doc.save)
    fixed = Counter(f.rule for f in before) - Counter(f.rule for f in after)
    if fixed:
        lines.insert(0, "已修正：" + "，".join(f"{rule} {n} 处" for rule, n in sorted(fixed.items())))
    lines.append(f"已写入 {out}" + (f"；仍有 {len(after)} 处需人工处理，见下方检查结果" if after else ""))
    return lines


def _run_in_as_body(item, body):
    """The text a heading runs into (（一）加强学习。全年……) in the body's fonts, size, weight
    and spacing, as direct run formatting (the paragraph keeps its heading style); a run that
    crosses the boundary is cut in two there."""
    from copy import deepcopy

    pos, tags = 0, {w(tag) for tag in RUN_PROPS + BOLD}
    for run, text in own_runs(item.para):
        start, pos = pos, pos + len(text)
        if pos <= item.run_in:
            continue
        if start < item.run_in:            # cut: the heading's part stays in this run
            run = _cut(run, item.run_in - start)
        rpr = run.get_or_add_rPr()
        _strip(rpr, RUN_PROPS + BOLD)
        for prop in body if body is not None else ():
            if prop.tag in tags:
                name = prop.tag.split("}")[1]
                rpr.insert_element_before(deepcopy(prop), *(f"w:{tag}" for tag in _RPR_ORDER[_RPR_ORDER.index(name) + 1:]))


_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _cut(run, at):
    """Cut ``run`` at character ``at`` of its text (as run_parts counts it): it keeps what comes
    before, and the copy put after it, returned, holds the rest (tabs and breaks where they were)."""
    from copy import deepcopy

    tail = deepcopy(run)
    for head, part_of in ((True, run), (False, tail)):
        pos = 0
        for child, text in list(run_parts(part_of)):
            if child.tag == w("rPr"):
                continue
            start, pos = pos, pos + len(text)
            if child.tag == w("t") and start < at < pos:
                child.text = text[:at - start] if head else text[at - start:]
                child.set(_SPACE, "preserve")
            elif head != (start < at or not text and start <= at):
                part_of.remove(child)
    run.addnext(tail)
    return tail


def _strip(props, tags):
    if props is None:
        return
    for tag in tags:
        for el in props.findall(w(tag)):
            props.remove(el)


def _texts(para):
    """The paragraph's own text (its runs, in hyperlinks, tracked insertions or moves and
    content controls too), never that of a text box, footnote reference or comment inside it."""
    return [t for run, _ in own_runs(para) for t in run.findall(w("t"))]


def _literal_numbers(items):
    """Word's automatic numbers written into the text, before its first visible character, and
    the list numbering taken off (numId 0 only where the paragraph's style would number it:
    LibreOffice drops the style's indent on a paragraph that has one): what the reader saw
    stays, and no longer changes on a copy. An empty numbered paragraph only loses its number."""
    from docx.oxml import OxmlElement

    lines, numbered = [], None
    for item in items:
        if not item.auto:
            continue
        p = item.para._p
        ppr = p.get_or_add_pPr()
        _strip(ppr, ("numPr",))
        if numbered is None:
            numbered = style_numbers(item.para.part.styles.element)
        if p.style in numbered:      # its (new) style numbers it still: numId 0 turns that off
            numpr, num_id = OxmlElement("w:numPr"), OxmlElement("w:numId")
            num_id.set(w("val"), "0")
            numpr.append(num_id)
            ppr.insert_element_before(numpr, *_AFTER_NUMPR)
        where = f"第{item.index}段" if item.index else item.where
        if item.kind == "空":
            lines.append(f"编号：{where} 空段落上的自动编号“{item.auto.strip()}”已去掉")
            continue
        run, text = OxmlElement("w:r"), OxmlElement("w:t")
        text.text = item.auto if item.text != item.auto else item.auto.strip()   # a 序号 cell: the number alone
        text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(text)
        first = _first_text(p)
        p.append(run) if first is None else first.addprevious(run)
        lines.append(f"编号：{where} 自动编号“{item.auto.strip()}”改为文字")
    return lines


def _first_text(p):
    """The child of paragraph ``p`` that holds its first visible character (a run, or the
    link, tracked insertion or control around it); None when it has none."""
    for t in p.iter(w("t")):
        if not (t.text or "").strip() or any(a.tag == w("txbxContent") for a in t.iterancestors()):
            continue
        while t.getparent() is not p:
            t = t.getparent()
        return t
    return None


# the w:rPr children in ECMA-376 order
_RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
              "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
              "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
              "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath")
# the w:pPr children that come after w:numPr (ECMA-376 order)
_AFTER_NUMPR = tuple(f"w:{tag}" for tag in (
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
    "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
    "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
    "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"))


def _part_names(checker):
    """A part's number typed alone on its line (第一部分) with its name on the next: the name
    joins it there after a space, as ``format`` writes the part (第一部分 2026年工作总结)."""
    lines = []
    for item in checker.items:
        name = item.part_name
        if name is not None:             # its runs (pictures and bookmarks too) move over, after a space
            Run(item.para._p.add_r(), item.para).text = " "
            for child in [c for c in name.para._p if c.tag != w("pPr")]:
                item.para._p.append(child)
            name.para._p.getparent().remove(name.para._p)
            lines.append(f"部分标题：第{item.index}段 下一行的“{name.text.strip()}”接在“{item.text.strip()}”后")
    return lines


def _renumber(checker, sheet):
    lines = []
    for item, expected, _ in renumbered(checker.items, heading_patterns(sheet)):
        texts = _texts(item.para)
        joined = "".join(t.text or "" for t in texts)
        start = joined.find(item.label)
        end = start + len(item.label)
        while end < len(joined) and joined[end].isspace():   # "一、 基本情况": no space after the number
            end += 1
        if joined[start:end] == expected:
            continue
        last = len(joined.rstrip())
        colon = item.numberless and joined[last - 1:last] in ("：", ":")
        if colon:                        # a bare name and its colon heading a part (主要举措：), as format writes it
            _splice(texts, last - 1, last, "")
        _splice(texts, start, end, expected)
        change = (f"加上“{expected}”" + ("，去掉末尾的冒号" if colon else "") if not item.label
                  else f"{item.label} → {expected}" if item.label != expected else f"去掉“{expected}”后的空格")
        lines.append(f"编号：第{item.index}段 {change}")
    return lines


def _splice(texts, start, end, new):
    """Replace characters [start, end) of the joined w:t texts by ``new`` (insert it at
    ``start`` when the range is empty: a number a heading lacks)."""
    pos = 0
    for t in texts:
        text = t.text or ""
        lo, hi = max(start - pos, 0), min(end - pos, len(text))
        if lo < hi or (new and start == end and pos <= start < pos + len(text)):
            t.text = text[:lo] + new + text[hi:]
            new = ""
        pos += len(text)


def _leading_spaces(checker):
    """Spaces typed before a paragraph's text taken out (the style indents it)."""
    lines = []
    for item in checker.items:
        spaces = leading_spaces(item)
        if not spaces:
            continue
        _strip_leading(item.para)
        item.text = item.text[len(spaces):]
        where = f"第{item.index}段" if item.index else item.where
        lines.append(f"空格：{where} 去掉段首的 {len(spaces)} 个空格或制表符")
    return lines


def _title_breaks(checker, sheet):
    """A long title broken by hand between words, as the writer breaks it (one run of text only:
    a title in several runs keeps its own formatting, and its wrap)."""
    lines = []
    for item in checker.items:
        runs = [(run, text) for run, text in own_runs(item.para) if text]
        if item.kind != "标题" or len(runs) != 1 or [child.tag for child in runs[0][0] if child.tag != w("rPr")] != [w("t")]:
            continue                           # a run of one text alone: no page break or picture to lose
        text = runs[0][1].strip()              # as the fixes before this one left it
        broken = title_lines(text, sheet) if "\n" not in text and "\t" not in text else text
        if broken != text:
            Run(runs[0][0], item.para).text = broken       # python-docx writes each \n as a line break
            lines.append(f"标题断行：第{item.index}段 在“{broken.replace(chr(10), '／')}”处换行")
    return lines


def _parted_closings(checker):
    """A 落款 typed on one line (某镇党委    2026年7月10日) parted as ``format`` parts it: the
    paragraph keeps the unit, a copy of it under it holds the date, as GB/T 9704 writes it
    (the text of each in the paragraph's first run with text)."""
    from copy import deepcopy

    from docx.text.paragraph import Paragraph

    lines = []
    for item in checker.items:
        if not item.parted:
            continue
        unit, date = item.parted
        below = Paragraph(deepcopy(item.para._p), item.para._parent)
        item.para._p.addnext(below._p)
        for mark in [*below._p.iter(w("bookmarkStart")), *below._p.iter(w("bookmarkEnd"))]:
            mark.getparent().remove(mark)           # a bookmark is the unit's, and once in a document
        for para, text in ((item.para, unit), (below, written_date(date))):
            head = next(run for run, own in own_runs(para) if own.strip())
            for run, _ in own_runs(para):
                # the other text, tabs and breaks go; a seal's picture stays with the unit, in its run too
                for child in [c for c in run if c.tag != w("rPr") and (para is not item.para or c.tag in _TEXTS)]:
                    run.remove(child)
                if run is not head and all(c.tag == w("rPr") for c in run):
                    run.getparent().remove(run)
            _put_text(head, text)
        below.paragraph_format.space_before = 0    # as the writer's second 落款 line
        item.text = unit
        lines.append(f"落款：第{item.index}段 分成两行：{unit}／{written_date(date)}")
    return lines


_TEXTS = {w("t"), w("tab"), w("br"), w("cr")}


def _put_text(run, text):
    """``text`` as the run's first text, before what else it holds (a picture)."""
    from docx.oxml import OxmlElement

    t = OxmlElement("w:t")
    t.text = text
    t.set(_SPACE, "preserve")
    run.insert(int(run.find(w("rPr")) is not None), t)        # after its properties, which come first


def _closing_dates(checker):
    """A 落款's date written as GB/T 9704 writes it: 二〇二六年七月十日, 2026.7.10 → 2026年7月10日."""
    lines = []
    for item in checker.items:
        text = item.text.strip()
        want = written_date(text) if item.kind == "落款" else text
        texts = _texts(item.para)
        start = "".join(t.text or "" for t in texts).find(text)
        if want != text and start >= 0:          # only where its own runs hold the date whole
            _splice(texts, start, start + len(text), want)
            lines.append(f"成文日期：第{item.index}段 {text} → {want}")
    return lines


def _strip_leading(para):
    """Take out the spaces, tabs and line breaks before a paragraph's first visible character
    (a page break stays)."""
    for run, _ in own_runs(para):
        for child, text in list(run_parts(run)):
            if child.tag == w("t"):
                child.text = text.lstrip()
                if child.text:
                    return
            elif text:                      # a tab or a line break
                run.remove(child)


def _punctuation(checker):
    lines = []
    for item in checker.items:
        texts = _texts(item.para)
        old = [t.text or "" for t in texts]
        fixed = map_pieces(old, punctuation_width)
        changed = sum(a != b for o, f in zip(old, fixed) for a, b in zip(o, f))
        if changed:
            for t, text in zip(texts, fixed):
                t.text = text
            where = f"第{item.index}段" if item.index else item.where
            lines.append(f"标点：{where} {changed} 个半角标点改为全角")
    return lines
