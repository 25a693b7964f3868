"""一键排版: outline a rough draft and write it through the GB/T 9704 writer.

Nothing of the draft's text is dropped: only hard line-wraps are rejoined, paragraphs
that a PDF or a page ran together are parted again, a copied PDF's page numbers and running
heads go, and the typed heading numbers are replaced by the writer's own (一、（一）1.（1）).
Lines keep their order, but for a list of attachments after the 落款, which goes above it,
and notes under the date, which follow it. Web-page leftovers (notices, footers, link lists,
a previewed document's page numbers) are removed only when asked (``clean``), since a rough
draft is the user's own text.
"""
import re
from collections import Counter, defaultdict, deque
from pathlib import Path

from generator.corpus.cleaning import (contents, drop_page_marks, join_broken_heads, join_numbers, join_pages,
                                       join_wrapped, part_lines, split_flattened, strip_boilerplate)
from generator.corpus.outline import names_section, outline
from generator.corpus.reading import (Figure, Para, Table, decode, docx_objects, draft_notices, markdown_parts,
                                      read_document)
from generator.errors import Notice, ReadError, ReportgenError, read_bytes
from generator.markup import Block
from generator.numbering import label_style, strip_number
from generator.normalize import (ATTACHMENT_HEAD, ATTACHMENT_LABEL, ATTACHMENT_NOTE, CLOSING_DATE, NOTE, RECORD,
                                 addressee, appended, attachment_list, attachment_note, closing_lines, short_line,
                                 signed_line, written_date)
from generator.word.style import HEADING_KINDS


def blocks_of(paras, fallback_title, clean=False, path=None):
    """Paragraphs → markup Blocks (附件标识, title, 署名, 主送, body, headings, 附件说明, 落款, then
    each attachment appended after the 落款 on a page of its own); ``path`` names the file in errors."""
    if clean:
        paras = strip_boilerplate(join_pages(paras))
    paras = part_lines(paras)            # (each line Shift+Enter parts off keeps its runs' weights)
    weights = defaultdict(deque)         # a paragraph's text → its runs' weights, for each time it stands
    for p in paras:
        weights[p.text.strip()].append(p.weights)
    paras = split_flattened(join_wrapped(join_broken_heads(join_numbers(drop_page_marks(paras)))))
    paras = [p for p in paras if p.text.strip()]
    if not paras:
        raise ReportgenError("文件里没有可排版的文字", path)
    label, paras = _label(paras) if len(paras) > 1 else (None, paras)   # 附件2 above the title
    paras = _parted_closing(paras)
    paras, record = _record(paras)
    paras, notes, appended = _appended(paras)
    blocks = ([Block("附件标识", [(label, False)])] if label else []) + _text_blocks(
        paras, fallback_title, path, notes, alone=bool(label))
    for name, body in appended:
        blocks.append(Block("附件标识", [(name, False)]))
        blocks += _text_blocks(body, None, path, attached=True) if body else []
    return _weighed(blocks + [Block("正文", [(p.text.strip(), False)]) for p in record], weights)


def _weighed(blocks, weights):
    """Paragraphs of the text in bold in part in the draft (一是强化理论武装。 before the text, a
    phrase in it: ``weights`` maps a draft paragraph's text to its runs' weights, once for each
    time it stands) are so again, where a paragraph is written as it stood."""
    for block in blocks:
        stood = weights.get(block.text) if block.kind == "正文" else None
        parts = stood.popleft() if stood else ()
        if parts and "".join(text for text, _ in parts).strip() == block.text:
            runs = [list(part) for part in parts]              # trimmed as the block's text is
            runs[0][0] = runs[0][0].lstrip()
            runs[-1][0] = runs[-1][0].rstrip()
            block.runs = [(text, bold) for text, bold in runs if text]
    return blocks


def _parted_closing(paras):
    """A 落款 typed in one paragraph (unit, spaces or a line break, date) parted in two lines:
    only where a 落款 stands, the last line of the text or of an attachment but for notes and
    版记 lines (会议时间  2026年7月10日 in the text stays)."""
    starts = [i for i, p in enumerate(paras) if ATTACHMENT_LABEL.match(p.text) or ATTACHMENT_HEAD.match(p.text)]
    out, begin = [], 0
    for end in starts + [len(paras)]:
        part = paras[begin:end]
        found = signed_line([p.text for p in part])
        out += part[:found[0]] + [Para(line) for line in found[1]] + part[found[0] + 1:] if found else part
        begin = end
    return out


def _record(paras):
    """``(paras, the 版记's lines)``: 抄送：…… and ……印发 lines after a closing date are taken
    out, to end the paper, where GB/T 9704 puts them (after its attachments)."""
    date = next((i for i, p in enumerate(paras) if CLOSING_DATE.match(p.text)), None)
    if date is None:
        return paras, []
    record = []
    for i in range(date + 1, len(paras)):
        if RECORD.match(paras[i].text) or record and record[-1] == i - 1 and \
                paras[i - 1].text.rstrip()[-1:] in "，、," and not RECORD.match(paras[i].text):
            record.append(i)                 # and a line the list of 抄送 units wrapped onto
    return [p for i, p in enumerate(paras) if i not in record], [paras[i] for i in record]


def _label(paras):
    """``(附件1, the rest)`` when the first line is an attachment's label (its title may follow
    on the line: 附件1：某某表), else ``(None, paras)``."""
    head = ATTACHMENT_HEAD.match(paras[0].text)
    if head:
        return head[1], [Para(head[2])] + paras[1:]
    if ATTACHMENT_LABEL.match(paras[0].text):
        return paras[0].text.strip(), paras[1:]
    return None, paras


def _text_blocks(paras, fallback_title, path, notes=(), alone=False, attached=False):
    """The blocks of one text: the report, or an attachment (no byline, no addressee)."""
    paras, notes = (paras, list(notes)) if notes else _notes(paras)
    listed = contents([p.text for p in paras])      # a typed 目录 stays as typed, out of the outline
    toc = [p.text.strip() for p in paras[listed[0]:listed[1]]] if listed else []
    o = outline(paras[:listed[0]] + paras[listed[1]:] if listed else paras)
    title = o.title or fallback_title
    blocks = [Block("标题", [(title, False)])] if title else []
    tail, note = _signature(o)       # taken off the text first, so that it is written once
    lead = list(o.lead)
    if (not attached and lead and short_line(lead[0]) and not (_CHAPTER.match(lead[0]) or label_style(lead[0]))
            and not names_section(lead[0]) and (len(lead) > 1 or o.sections)):
        blocks.append(Block("署名", [(lead.pop(0), False)]))
        # a speech's （2026年3月5日） and speaker; a ——subtitle and the unit under it
        if (lead and (_DATE_LINE.match(blocks[-1].text) or _DATE_LINE.match(lead[0]) or blocks[-1].text.startswith("——"))
                and short_line(lead[0]) and not addressee(lead[0]) and (len(lead) > 1 or o.sections)):
            blocks.append(Block("署名", [(lead.pop(0), False)]))
    first = next((i for i, text in enumerate(lead[:2]) if not attached and addressee(text)), None)
    if first is not None and all(short_line(text) for text in lead[:first]):    # under a date line too
        blocks += [Block("正文", [(text, False)]) for text in lead[:first]] + [Block("主送", [(lead[first], False)])]
        lead = lead[first + 1:]
    # the contents stand where they stood: after what of the lead was above them (a cover's date)
    above = {p.text.strip() for p in paras[:listed[0]]} if listed else set()
    k = next((i for i, text in enumerate(lead) if text not in above), len(lead))
    blocks += [Block("正文", [(text, False)]) for text in lead[:k] + toc + lead[k:]]
    open_levels = []                  # a level skipped (#### under ##, Heading 3 under 1): the next
    for s in o.sections:
        if s.part:                    # 第一部分 ……, as typed; the numbers start again below it
            open_levels = []
            blocks.append(Block("部分标题", [(s.raw, False)]))
            blocks += [Block("正文", [(text, False)]) for text in s.body]
            continue
        while open_levels and open_levels[-1] >= s.level:
            open_levels.pop()
        open_levels.append(s.level)
        # a heading on a line of its own ends on no colon (一、主要做法：): its text is below it
        blocks.append(Block(HEADING_KINDS[min(len(open_levels), len(HEADING_KINDS)) - 1],
                            [(_unclosed(s.raw or s.heading), False)], again=s.again))
        blocks += [Block("正文", [(text, False)]) for text in s.body]
    if fallback_title and not o.sections and not lead and len(blocks) == 1 and not (notes or alone):
        raise ReportgenError("文件里只有一行标题，没有正文", path)
    notes = [Block("正文", [(text, False)]) for text in notes]
    return (blocks + notes + [Block("落款", [(text, False)]) for text in tail]
            + [Block("正文", [(text, False)]) for text in note])


def _appended(paras):
    """``(the text, the list of attachments, [(附件1, its paragraphs)])`` when attachments follow
    the text's 落款 (normalize.appended); else ``(paras, [], [])``."""
    found = appended([p.text for p in paras])
    if not found:
        return paras, [], []
    date, end, parts = found
    notes = attachment_note([p.text for p in paras[date + 1:end]]) if end > date + 1 else []
    stops = [part[1] for part in parts[1:]] + [len(paras)]
    return paras[:date + 1], notes, [(label, _titled(paras[start:stop], title))
                                     for (label, _, start, title), stop in zip(parts, stops)]


def _titled(paras, title):
    """An attachment's paragraphs with its title marked as one (the line under its label, or
    the name the list gives it when its text has none)."""
    if title:
        return [Para(title, 0)] + paras
    if paras and short_line(paras[0].text, 40):
        return [Para(paras[0].text, 0)] + paras[1:]
    return paras


def _notes(paras):
    """``(paras, lines)``: the list of attachments (附件：1.…… and the names numbered on under it)
    taken out of the text right above a dated 落款, written as GB/T 9704 lines them up."""
    texts = [p.text for p in paras]
    cut = len(texts) - _noted(texts)
    tail = closing_lines(texts[:cut])
    end = cut - tail
    start = next((i for i in range(max(end - 12, 1), end) if ATTACHMENT_NOTE.match(texts[i])), None)
    if not tail or start is None or attachment_list(texts, start) != end:
        return paras, []
    return paras[:start] + paras[end:], attachment_note(texts[start:end])


# the date a speech was given, in brackets under its title: （2026年3月5日）; or a cover's under its unit: 二〇二六年六月
_DATE_LINE = re.compile(r"^\s*(?:[（(]\s*[\d〇零一二三四五六七八九十]{4}\s*年[^（）()]{1,12}[）)]"
                        r"|[\d〇零一二三四五六七八九十]{4}\s*年\s*[\d〇零一二三四五六七八九十]{1,2}\s*月(?:[^（）()，。]{0,5}日)?)\s*$")
# a chapter's or an article's number under the title (第一章 总则) is the text's, not its author's,
# as is a heading number (numbering.label_style)
_CHAPTER = re.compile(r"^\s*第\s*[一二三四五六七八九十百\d]+\s*[章节条部篇]")


def _signature(o):
    """Pop the closing unit name (or names) and date (2026年11月24日) off the end of the draft,
    and the notes under the date (附注: （此件公开发布）; a .docx's footnotes, 注：……); returns both."""
    holder = o.sections[-1].body if o.sections else o.lead
    notes = _noted(holder)
    note = holder[len(holder) - notes:] if notes else []
    del holder[len(holder) - notes:]
    count = closing_lines(holder)
    tail = [holder.pop() for _ in range(count)][::-1]
    return (tail[:-1] + [written_date(tail[-1])] if tail else []), note


def _noted(texts):
    """How many of the last ``texts`` are notes under the closing date: a first line in brackets
    or 注：……, and any further paragraphs of a footnote below it; 0 without."""
    return next((k for k in range(1, min(len(texts), 13)) if NOTE.match(texts[-k]) and closing_lines(texts[:-k])), 0)


def with_objects(blocks, objects):
    """``blocks`` with a draft's tables and pictures (``reading.docx_objects``) put back, in
    order: each after the block holding the end of the paragraph above it (the nth such block
    for the nth such paragraph; headings are written without their typed number), right after
    the object before it when nothing else is between them, or at the end of the text (before
    the 落款) when no block holds its paragraph; a short line right above a table, or right below
    a picture naming it (图1 ……), is its caption."""
    out, at = list(blocks), 0
    for obj in objects:
        if isinstance(obj, Table) and not obj.rows:
            continue
        before, nth = obj.before, obj.nth
        if before is None:
            found = at - 1
        elif not before:                     # above the text's first line: under the title
            found = 0
        else:
            # the paragraph as a block: its text without its number or a heading's colon, or (broken by
            # hand, cleaning.part_lines) its last line, or the end of it in a longer block
            lines = [line.strip() for line in before.split("\n") if line.strip()]
            hits = [i for i, block in enumerate(out) if _text(block) in _keys("".join(lines))]   # 活动报名回执, not
            if hits:
                found = max(hits[min(nth, len(hits)) - 1], at - 1)
            else:
                found = _broken_end(out, lines, at)
        if isinstance(obj, Table):
            if out[found].kind == "正文" and short_line(out[found].text, 40):
                out[found].kind = "表题"          # 表1  2023年发展党员情况统计表, right above it
            out.insert(found + 1, Block("表格", rows=obj.rows, merges=obj.merges, bold=obj.bold))
        else:
            out.insert(found + 1, Block("图片", image=(obj.data, obj.ext, obj.cx, obj.cy)))
            below = out[found + 2] if found + 2 < len(out) else None
            if below and below.kind == "正文" and short_line(below.text, 40) and _CAPTION.match(below.text):
                below.kind = "表题"               # 图1  党员志愿服务现场, right below it
        at = found + 2
    return out


def _broken_end(out, lines, at):
    """The block that ends a paragraph broken by hand into ``lines``: one that is its last lines
    (joined again or not), the one whose block above holds the line before them when there are
    several; else one that ends as it does; else the last before the 落款."""
    for k in range(1, len(lines) + 1):
        hits = [i for i, block in enumerate(out) if _text(block) in _keys("".join(lines[-k:]))]
        above = _keys(lines[-k - 1]) if k < len(lines) else ()
        placed = [i for i in hits if i and any(_text(out[i - 1]).endswith(a) for a in above)]
        if hits:
            return next((i for i in placed + hits if i >= at - 1), (placed + hits)[-1])
    tail = "".join(lines)[-12:]
    hits = [i for i, block in enumerate(out) if tail and tail in block.text]
    return hits[0] if hits else next((i for i, b in enumerate(out) if b.kind == "落款"), len(out)) - 1


def _keys(text):
    """What a block made of a paragraph's ``text`` may read: as typed, or as a heading (its
    number taken off, and a closing colon)."""
    return {_unclosed(text), _unclosed(strip_number(text))}


def _text(block):
    return _unclosed(block.text)


def _unclosed(text):
    """A line without a closing colon: how a heading is written (its text is below it)."""
    return text.strip().rstrip("：: ")


_CAPTION = re.compile(r"^\s*[（(]?\s*(?:图|照片)\s*(?:[\d一二三四五六七八九十]+|[：:为])")   # 图1  …, 图为…, not 图书


def default_output(source):
    source = Path(source)
    return source.with_name(source.stem + "-排版.docx")


def format_file(source, output=None, force=False, style=None, clean=False):
    """Write the formatted draft of ``source``: ``(the output path, notices)``, the notices
    saying what the user should know of how it was read (web-page lines kept without
    ``clean``; a .docx's tracked changes read as accepted, its comments and the pictures
    format cannot carry left out: reading.draft_notices)."""
    from generator.output import file_target, save_atomic
    from generator.word.style import load_style
    from generator.word.writer import Writer

    source, raw = Path(source), None
    if source.suffix.lower() == ".md":                      # one parse: paragraphs and tables
        paras, objects = markdown_parts(decode(read_bytes(source, ReadError), source))
    elif source.suffix.lower() == ".docx":
        paras, raw = read_document(source), read_bytes(source, ReadError)
        objects = docx_objects(raw, source)
    else:
        paras, objects = tab_tables(read_document(source))
    notices = [] if clean else _web_lines(paras, source)
    if raw is not None:
        notices += draft_notices(raw, source, sum(isinstance(obj, Figure) for obj in objects))
    if objects and not any(p.text.strip() for p in paras):     # a table alone, under the file's name
        blocks = [Block("标题", [(source.stem, False)])]
    else:
        blocks = blocks_of(paras, source.stem, clean, source)
    blocks = with_objects(blocks, objects)
    output = file_target(output, default_output(source).name, (".docx",)) if output else default_output(source)
    if output.resolve() == source.resolve():
        raise ReportgenError("输出文件不能就是输入的草稿本身", output)
    writer = Writer(load_style(style))
    save_atomic(output, force, lambda stream: writer.write(blocks, stream))
    return output, notices


def _web_lines(paras, source):
    """A notice when a draft holds two lines or more that ``--clean`` would take out."""
    paras = [p for p in paras if p.text.strip()]
    left = len(paras) - len([p for p in strip_boilerplate(paras) if p.text.strip()])
    return [Notice(f"有 {left} 行像是网页残留（栏目导航、来源、版权声明等），已照原样保留；要去掉请加 --clean",
                   source)] if left >= 2 else []


def tab_tables(paras):
    """``(paras, tables)``: lines of a plain text whose cells are parted by tabs (two lines or
    more running, as a table pasted from Excel or typed with Tab) taken out as ``Table``s, each
    placed by the line above it as a .docx's are (reading.docx_objects)."""
    # a heading's number, then a tab (a list copied out of Word), makes no row
    cells = [p.text.strip().split("\t") if "\t" in p.text.strip() and strip_number(p.text.strip().split("\t")[0])
             else None for p in paras]
    out, tables, seen, before, at = [], [], Counter(), "", 0
    while at < len(paras):
        end = at
        while end < len(paras) and cells[end]:
            end += 1
        if end - at >= 2:
            rows = [[cell.strip() for cell in row] for row in cells[at:end]]
            width = max(map(len, rows))
            tables.append(Table(before, seen[before] if before else 0, [row + [""] * (width - len(row)) for row in rows]))
            at = end
            continue
        text = paras[at].text.strip()
        if text:
            before, seen[text] = text, seen[text] + 1
        out.append(paras[at])
        at += 1
    return out, tables


def format_to(rough, output=None, force=False, pdf=False, style=None, clean=False):
    """``reportgen format``: the .docx, or for ``-o X.pdf`` only the PDF, or with ``pdf`` a PDF
    beside the .docx. Returns ``(the files written, the formatted document first; notices)``."""
    from generator.output import file_target
    from generator.word import office

    if Path(rough).is_dir():
        raise ReadError("这是一个文件夹，不是粗稿文件（.txt、.docx 或 .md）", rough)
    if output:   # a folder gets the default name; a file must be .docx or .pdf
        output = file_target(output, default_output(Path(rough)).name, (".docx", ".pdf"))
    if office.is_pdf(output):
        notices = []
        written = office.pdf_via_docx(lambda docx: notices.extend(format_file(rough, docx, True, style, clean)[1]),
                                      output, force)
        return [written], notices
    if pdf:
        office.require()
    out, notices = format_file(rough, output, force, style, clean)
    return ([out, office.pdf_beside(out, force)] if pdf else [out]), notices
