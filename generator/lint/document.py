"""Opening whatever Word document the user gives, resolving its properties the way Word does
(run → character style → paragraph style chain → document defaults), and telling what each
paragraph is: from the writer's style names when present, else from its text (a heading label
such as 一、, the first line, a closing date)."""
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.corpus.autonumber import label_map, style_numbers
from generator.corpus.cleaning import contents
from generator.corpus.outline import (bare_parents, closing_at, heading_as_title, label_of, names_section, outline,
                                      sentence_item, split_heading, text_parts)
from generator.corpus.reading import (BOLD_MAX, Para, all_bold, children, load_docx, paragraph_text, run_parts,
                                      shown_runs, style_levels)
from generator.errors import ReportgenError, read_bytes
from generator.normalize import (
    ATTACHMENT_LABEL,
    CLOSING_DATE,
    addressee,
    appended,
    attachment_list,
    closing_lines,
    short_line,
    signed_line,
)
from generator.numbering import (UNNUMBERED, after_lead_in, counted_between, decimal_labels, figure_label, label_style,
                                 lead_in_lists, read_levels, renumber, strip_number)
from generator.word import office
from generator.word.parts import STYLE_NAMES
from generator.word.style import HEADING_KINDS, RESTARTS

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
HEADING_MAX = 60                    # a numbered paragraph longer than this is body text


# ---- opening whatever the user gives us -------------------------------------------
def open_document(path):
    """A python-docx Document for ``path``; every way it can fail is one Chinese line."""
    path = Path(path)
    if path.is_dir():
        raise ReportgenError("这是一个目录，不是 Word 文档", path)
    raw = read_bytes(path)
    if not raw:
        raise ReportgenError("文件是空的（0 字节），不是 Word 文档", path)
    if raw.startswith(OLE_MAGIC):
        raw = _from_ole(path, raw)
    if not zipfile.is_zipfile(io.BytesIO(raw)):
        raise ReportgenError("不是 Word 文档（.docx）：文件内容不是 Word 的压缩包格式", path)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        if "word/document.xml" not in archive.namelist():
            raise ReportgenError("不是 Word 文档：压缩包里没有 word/document.xml", path)
    doc = load_docx(raw, path)
    if not any(p.text.strip() for p in doc.paragraphs) and not doc.tables:
        raise ReportgenError("文档是空的，没有可检查的文字", path)
    return doc


def _from_ole(path, raw):
    """An OLE compound file: a password-protected .docx, or a legacy .doc to convert."""
    import tempfile

    import olefile

    try:
        with olefile.OleFileIO(io.BytesIO(raw)) as ole:
            encrypted = ole.exists("EncryptedPackage")
            legacy = ole.exists("WordDocument")
    except Exception:   # a damaged compound file fails in olefile in many ways (OSError, ValueError …)
        raise ReportgenError("文件已损坏，无法读取", path) from None
    if encrypted:
        raise ReportgenError("文档设有打开密码（已加密），请在 Word 中取消密码后再检查", path)
    if not legacy:
        raise ReportgenError("不是 Word 文档：这是其他 Office 程序的旧格式文件", path)
    if office.find_soffice() is None:
        raise ReportgenError("这是旧版 Word 文档（.doc），需要安装 LibreOffice 才能检查；"
                             "也可以在 Word 中另存为 .docx 后再检查", path)
    with tempfile.TemporaryDirectory(prefix="reportgen-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(raw)
        return office.convert(source, tmp, "docx").read_bytes()


# ---- resolving properties through the style chain ----------------------------------
def w(name):
    """The Clark name of a WordprocessingML tag or attribute."""
    from docx.oxml.ns import qn
    return qn(f"w:{name}")


class ParagraphStyles:
    """A paragraph's style as python-docx's ``para.style`` gives it (its own, else the default
    paragraph style), from a table made once per document instead of a search per paragraph."""

    def __init__(self, doc):
        from docx.enum.style import WD_STYLE_TYPE
        styles = [s for s in doc.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]
        self.by_id = {s.style_id: s for s in styles}
        self.default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)

    def of(self, para):
        pstyle = para._p.style
        return self.by_id.get(pstyle, self.default) if pstyle is not None else self.default


class Resolver:
    """Effective run and paragraph properties: direct → styles → document defaults."""

    def __init__(self, doc):
        root = doc.styles.element
        self.doc = doc
        self.styles = ParagraphStyles(doc)
        self.default_rpr = root.find(f"{w('docDefaults')}/{w('rPrDefault')}/{w('rPr')}")
        self.default_ppr = root.find(f"{w('docDefaults')}/{w('pPrDefault')}/{w('pPr')}")

    @staticmethod
    def _chain(style):
        while style is not None:
            yield style.element
            style = style.base_style

    def run_levels(self, para, run):
        from docx.enum.style import WD_STYLE_TYPE

        levels = [run.find(w("rPr"))]
        rstyle = run.find(f"{w('rPr')}/{w('rStyle')}")
        if rstyle is not None:
            try:
                style = self.doc.styles.get_by_id(rstyle.get(w("val")), WD_STYLE_TYPE.CHARACTER)
                levels += [s.find(w("rPr")) for s in self._chain(style)]
            except (KeyError, ValueError):
                pass
        levels += [s.find(w("rPr")) for s in self._chain(self.styles.of(para))]
        return [x for x in levels + [self.default_rpr] if x is not None]

    def para_levels(self, para):
        levels = [para._p.pPr] + [s.find(w("pPr")) for s in self._chain(self.styles.of(para))]
        return [x for x in levels + [self.default_ppr] if x is not None]

    @staticmethod
    def attr(levels, tag, name):
        """The first level whose ``tag`` child has attribute ``name``."""
        for level in levels:
            el = level.find(w(tag))
            if el is not None and el.get(w(name)) is not None:
                return el.get(w(name))
        return None

    @classmethod
    def number(cls, levels, tag, name, default=None):
        """A numeric attribute (twips, half-points …); ``default`` when absent or unreadable."""
        match = re.match(r"\s*-?\d+(\.\d+)?", cls.attr(levels, tag, name) or "")
        return float(match.group()) if match else default

    @staticmethod
    def font(levels, slot):
        for level in levels:
            el = level.find(w("rFonts"))
            if el is None:
                continue
            if el.get(w(slot + "Theme")) is not None:
                return f"主题字体（{el.get(w(slot + 'Theme'))}）"
            if el.get(w(slot)) is not None:
                return el.get(w(slot))
        return None

    @staticmethod
    def flag(levels, tag):
        for level in levels:
            el = level.find(w(tag))
            if el is not None:
                return el.get(w("val"), "1") not in ("0", "false", "off")
        return False


def text_runs(para):
    """(w:r element, text) for every run with visible text, hyperlinks included."""
    return [(run, text) for run, text in own_runs(para) if text.strip()]


def run_in_parts(para, at):
    """``(heading runs, text runs)`` of a heading run into its text at ``at`` (Item.run_in),
    each as text_runs gives them; a run across the boundary is in both."""
    head, body, pos = [], [], 0
    for run, text in own_runs(para):
        start, pos = pos, pos + len(text)
        if text.strip():
            if start < at:
                head.append((run, text))
            if pos > at and text[max(at - start, 0):].strip():
                body.append((run, text))
    return head, body


def own_runs(para):
    """(w:r element, text) for every run of the paragraph's own (reading.shown_runs), in order;
    tabs and line breaks in the text as paragraph_text gives them, so that offsets into an
    Item's text fall on them."""
    return [(run, "".join(text for _, text in run_parts(run))) for run in shown_runs(para._p)]


def same_font(a, b):
    core = lambda f: re.sub(r"_?(GB2312|GBK)$|简体$", "", f or "")
    return core(a) == core(b)


# ---- what each paragraph is -----------------------------------------------------------
@dataclass
class Item:
    index: int        # 1-based among body paragraphs (0 for table cells)
    para: object
    kind: str
    text: str
    where: str = ""
    label: str = ""   # heading number as typed
    auto: str = ""    # the number Word's automatic numbering draws before it (autonumber)
    listed: bool = False   # a line of a typed list: a table of contents (目录： and its numbered
    #                        lines) or of attachments (附件：1.…… and the names below it)
    run_in: int = 0   # a heading run into its text: where that text starts in the paragraph's own text
    parted: tuple = ()     # a 落款 typed on one line: the unit and the date it parts into
    part_name: object = None   # a part's number alone on its line (第一部分): the Item of the line naming it
    numberless: bool = False   # a heading typed with no number that format numbers (outline.bare_parents)
    after_lead: bool = False   # right under a lead-in (我再提三点要求：): a 一、 there numbers afresh


def gather(doc, sheet):
    """Body paragraphs and table cells with their kind, in document order; empties as 空."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    # Word style → kind; in a document the writer (or --fix) made, styles say it all
    style_kinds = {v: k for k, v in STYLE_NAMES.items() if k not in ("正文", "表格", "页码")}
    ours = any(s.name == STYLE_NAMES["页码"] for s in doc.styles)
    items, index, tables, previous, typed = [], 0, 0, None, []
    styles = ParagraphStyles(doc)
    labels = label_map(doc.element.body, _numbering(doc), style_numbers(doc.styles.element))
    for el in children(doc.element.body, w("p"), w("tbl")):   # in content controls too, as format reads
        if el.tag == w("p"):
            index += 1
            para = Paragraph(el, doc._body)
            own, auto = paragraph_text(el), labels.get(el, "")
            style = styles.of(para)
            kind = "空" if not own.strip() else style_kinds.get(style.name if style is not None else None, "正文")
            item = Item(index, para, kind, auto + own if own.strip() else own, auto=auto)
            text = item.text
            typed.append((item, label_style(text) if _may_head(item, ours) else None))
            items.append(item)
            previous = item
        elif el.tag == w("tbl"):
            tables += 1
            if previous and previous.kind == "正文" and not ours and _caption_like(previous.text):
                previous.kind = "表题"
            for cell_para in _cell_paragraphs(Table(el, doc._body)):
                own, auto = paragraph_text(cell_para._p), labels.get(cell_para._p, "")
                if own.strip() or auto:       # a 序号 column's number may be all a cell shows
                    items.append(Item(0, cell_para, "表格", auto + own, where=f"表{tables}", auto=auto))
            previous = None
    typed = list(zip([item for item, _ in typed], decimal_labels(      # 2.1 …… under 1 基本情况; 7.1 前夕 no number
        [found for _, found in typed], lambda i: figure_label(typed[i][0].text) if _may_head(typed[i][0], ours) else None,
        [item.text for item, _ in typed])))
    texts = [i for i in items if i.kind != "空" and i.index]
    _contents_lines(texts)
    _attachment_notes(texts)
    typed = [(item, None if item.listed else label) for item, label in typed]
    if not ours:
        texts = _attachments(texts)
    # bare lines over numbers that start again head them, as format reads them, unless a heading
    # style marks the headings (the title's aside); so do long items counting between headings
    bare = not ours and not any(item.kind in HEADING_KINDS for item in texts[1:])
    if bare:
        typed = _counted(typed)
    for part in _afresh(typed, lambda pair: pair[0]):     # each attachment (and marked part) numbers afresh
        for piece, resume in [(part, False)] if ours else _parted(part):
            if not (bare and texts and _bare_parents(piece, texts[0])):
                _typed_levels(piece, ours, resume)
    for item in items:
        if item.kind in HEADING_KINDS:
            item.run_in = run_in_at(item.text[len(item.auto):])
    body = [i for i in items if i.kind != "空" and i.index]      # what is under a lead-in, as format reads it
    for k in after_lead_in([None if i.kind == "正文" and not i.label else i.kind for i in body], [i.text for i in body],
                           [i.kind in HEADING_KINDS and i.run_in > 0 for i in body]):
        body[k].after_lead = True
    if ours:
        return items
    _bold_headings(texts, doc)
    if texts and (texts[0].kind == "正文" or texts[0].kind in HEADING_KINDS and not any(t.kind == "标题" for t in texts)
                  and heading_as_title(texts[0].text.strip(), sum(t.kind == texts[0].kind for t in texts) == 1)):
        texts[0].kind, texts[0].label, texts[0].run_in = "标题", "", 0      # a title typed in 标题 1: as format reads it
    if (len(texts) > 1 and texts[0].kind == "标题" and texts[1].kind == "正文" and not texts[1].listed
            and _caption_like(texts[1].text, 30) and not names_section(texts[1].text)):
        texts[1].kind = "署名"
    after = next((i for i, t in enumerate(texts) if t.kind not in ("标题", "署名")), len(texts))
    for at in range(after, min(after + 2, len(texts))):    # under the title, or under a date line
        if texts[at].kind == "正文" and addressee(texts[at].text):
            if all(short_line(t.text) for t in texts[after:at]):
                texts[at].kind = "主送"
            break
    _closing(texts)
    return items


def _may_head(item, ours):
    """Whether a paragraph's typed number may make it a heading: one in a heading style, or a
    short body line (in a draft the writer made, one that ends no sentence), or in any other
    draft a longer one whose first sentence is a heading run into its text (1.规范组织生活。全年
    ……, as ``format`` reads it: outline.split_heading)."""
    text = item.text.strip()
    if item.kind in HEADING_KINDS:
        return True
    if item.kind != "正文" or not text:
        return False
    if ours:
        return len(text) <= HEADING_MAX and text[-1] not in "。！？!?；;：:，,"
    return len(text) <= HEADING_MAX or bool(run_in_at(text))


def leading_spaces(item):
    """The spaces, full-width spaces and tabs typed before a paragraph's own text (none for a
    table cell, an empty paragraph, one Word numbers, whose number stands before them, or a
    line of a list of attachments, whose names spaces line up)."""
    if item.kind in ("表格", "空") or item.auto or item.listed:
        return ""
    text = item.text
    return text[:len(text) - len(text.lstrip())]


def _bold_headings(texts, doc):
    """Short lines shown in bold alone read as headings where ``format`` reads them so (the
    outliner's rule for bold lines: a part or a point with text of its own below it), at its
    level (in a part, 第一部分 ……, a level below it, as format writes it)."""
    _, default, _, bold = style_levels(doc.styles.element)
    heavy = {id(t) for t in texts if t.kind == "正文" and not t.label and len(t.text.strip()) <= BOLD_MAX
             and not t.text.rstrip().endswith(("。", "；", "！", "？")) and all_bold(t.para._p, (t.para._p.style or default) in bold, bold)}
    if not heavy:
        return
    found = outline([Para(t.text, None, id(t) in heavy) for t in texts])
    levels, inside = {}, 0
    for s in found.sections:           # in a part, a heading is a level below it: as format writes it, not
        inside = inside or s.part
        if not s.number:
            levels[s.raw or s.heading] = s.level - inside
    for t in texts:
        level = levels.get(t.text.strip()) if id(t) in heavy else None
        if level:
            t.kind = HEADING_KINDS[min(level, len(HEADING_KINDS)) - 1]


def run_in_at(text):
    """Where the text of a heading run into its paragraph starts (（一）加强学习。全年…), as the
    outliner parts them (outline.split_heading); 0 for a heading alone."""
    split = split_heading(strip_number(text))
    body = split[1].strip() if split else ""
    return len(text.rstrip()) - len(body) if body and text.rstrip().endswith(body) else 0


def renumbered(items, patterns):
    """``[(heading, the label it should have, what is wrong with its own or None)]``
    (numbering.renumber) for the numbered headings of each part of the document that numbers
    afresh: the text, each part of it (from its 部分标题 on) and each attachment (from its
    附件标识 on)."""
    out = []
    for part in _afresh(items):
        heads = [i for i in part if i.label or i.numberless]
        found = renumber([(HEADING_KINDS.index(i.kind) + 1, i.label) for i in heads], patterns,
                         {k for k, i in enumerate(heads) if i.after_lead})
        out += [(item, *result) for item, result in zip(heads, found)]
    return out


def _afresh(entries, item_of=lambda entry: entry):
    """``entries`` parted where heading numbers start again, before each whose item is a
    附件标识 or a 部分标题 (style.RESTARTS): the text, then each part or attachment."""
    parts = [[]]
    for entry in entries:
        if item_of(entry).kind in RESTARTS:
            parts.append([])
        parts[-1].append(entry)
    return parts


def _numbering(doc):
    """The root of the document's numbering part (Word's list definitions), or None."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    for rel in doc.part.rels.values():
        if rel.reltype == RT.NUMBERING and not rel.is_external:
            part = rel.target_part
            return part.element if hasattr(part, "element") else None
    return None


def _attachments(texts):
    """Mark what ``format`` reads as attachments: 附件2 above the title, and after the 落款 each
    附件1 with its title (normalize.appended). Returns the text before them."""
    if len(texts) > 1 and texts[0].kind == "正文" and ATTACHMENT_LABEL.match(texts[0].text):
        texts.pop(0).kind = "附件标识"
    found = appended([t.text for t in texts])
    if not found:
        return texts
    date, _, parts = found
    for _, at, start, title in parts:
        if start > at:                     # a typed label: 附件1 (or 附件1：某某表)
            texts[at].kind = "附件标识"
        if not title and start < len(texts) and texts[start].kind == "正文":
            texts[start].kind = "标题"
    return texts[:date + 1]


def _contents_lines(body):
    """A typed table of contents (Word's own in its TOC styles too) is text as ``format`` keeps
    it: its numbered lines are listed, no headings, and need no full stop. Headings styled as
    such stay in the sequence, so that the contents stop at the first of them."""
    found = contents([i.text for i in body])
    if found:
        for item in body[found[0]:found[1]]:
            item.listed = True


def _attachment_notes(body):
    """The list of attachments (附件：1.党员名册 and the names numbered on below it) is listed, no
    heading, and needs no full stop (GB/T 9704: no punctuation after an attachment's name)."""
    texts = [i.text for i in body]
    for at, item in enumerate(body):
        end = attachment_list(texts, at) if item.kind == "正文" else None
        for name in body[at:end or at]:
            name.listed = True


def _parted(typed):
    """A text's ``(item, label)`` pairs parted where the outliner parts it (outline.text_parts):
    ``[(pairs, whether its first heading may go on from a number before)]``. Each part's line is
    a 部分标题, as ``format`` writes it, and the headings in each part number afresh."""
    lines = [k for k, (item, _) in enumerate(typed) if item.kind != "空" and item.index and not item.listed]
    parts = text_parts([Para(typed[k][0].text) for k in lines])
    if not parts:
        return [(typed, False)]
    pieces = [(typed[:lines[parts[0][0]]], False)]
    for n, (at, _, taken, _) in enumerate(parts):
        item = typed[lines[at]][0]
        item.kind = "部分标题"
        if taken == 2:                      # 第一部分 / 2026年工作总结: one heading, on two lines
            item.part_name = typed[lines[at + 1]][0]
            item.part_name.kind = "部分标题"
        end = lines[parts[n + 1][0]] if n + 1 < len(parts) else len(typed)
        pieces.append((typed[lines[at + taken - 1] + 1:end], True))
    return pieces


def _typed_levels(typed, ours, resume=False, shift=0, levels=None):
    """Levels of typed numbers read as ``format`` reads them (``_read_levels``; ``shift``: under
    a heading of its own; ``levels``: read already). In a draft the writer made, styles give the
    levels, and a numbered line left as body text is a heading gone astray: it keeps its style's
    level so that the numbering check flags it."""
    for (item, found), level in zip(typed, levels or _read_levels(typed, ours, resume)):
        if ours and item.kind in HEADING_KINDS and found:
            item.label = found[3]
        elif level and level + shift <= len(HEADING_KINDS):
            item.kind, item.label = HEADING_KINDS[level + shift - 1], found[3]


def _read_levels(typed, ours, resume=False):
    """The level of each ``(item, label)`` pair's typed number (numbering.read_levels;
    ``resume``: in a part, whose first heading may go on from a number before it)."""
    # in a draft the writer made, a numbered body line; in any other, a short numbered line of
    # its own (as format reads one whose number is out of order: (一) (三) (二))
    strays = {i for i, (item, found) in enumerate(typed) if found and (
        item.kind == "正文" if ours else short_line(strip_number(item.text), 20))}
    named = {i for i, (item, found) in enumerate(typed)          # as format reads them (outline._numbered)
             if found and "1" in found[0] and label_of((split_heading(strip_number(item.text)) or ("",))[0])}
    labels = [found[:3] if found else None for _, found in typed]
    for i in _listed(typed, ours):
        labels[i] = None
    texts = [item.text for item, _ in typed]
    return read_levels(labels, strays, resume, named, after_lead_in(labels, texts, _run_ins(labels, texts)))


def _counted(typed):
    """``typed`` with the numbers of long one-sentence items that count between headings of their
    style read as headings' (numbering.counted_between), as ``format`` reads them."""
    numbers = {i: found for i, (item, label) in enumerate(typed) if label is None and item.kind == "正文"
               and (found := label_style(item.text)) and sentence_item(rest := strip_number(item.text))
               and split_heading(rest) is None}
    counted = counted_between([label[:3] if label else None for _, label in typed],
                              {i: found[:3] for i, found in numbers.items()})
    return [(item, numbers[i] if i in counted else label) for i, (item, label) in enumerate(typed)]


def _listed(typed, ours):
    """Indexes of the ``(item, label)`` pairs that are the items of a list under a lead-in
    (numbering.lead_in_lists), text as ``format`` reads and writes it; in a draft the writer
    made, any numbered body line may be one (it keeps a list's numbers as typed)."""
    labels = [found or (label_style(item.text) if ours and item.kind == "正文" else None) for item, found in typed]
    labels = [found[:3] if found else UNNUMBERED if item.kind in HEADING_KINDS else None
              for found, (item, _) in zip(labels, typed)]
    texts = [item.text for item, _ in typed]
    return {i for i in lead_in_lists(labels, texts, _run_ins(labels, texts), not ours) if typed[i][0].kind == "正文"}


def _run_ins(labels, texts):
    """Whether a heading runs into each numbered line's text (1.规范组织生活。全年……)."""
    return [bool(found and run_in_at(text)) for found, text in zip(labels, texts)]


def _bare_parents(typed, title):
    """Levels of a piece of a draft (``(item, label)`` pairs) whose level-1 headings are bare
    lines over numbers that start again (outline.bare_parents, the ``title`` aside), the numbers
    under each read a level below, as ``format`` reads them: whether the piece is so read. It is
    not when none of those numbers reads as a heading (1.规范组织生活。…… longer than HEADING_MAX
    is body text to lint)."""
    lines = [k for k, (item, _) in enumerate(typed) if item.kind != "空" and item.index and not item.listed
             and item is not title]
    texts = [typed[k][0].text.strip() for k in lines]
    tops = [lines[k] for k in bare_parents(texts)]
    close = closing_at(texts)
    end = lines[close] if close < len(lines) else len(typed)          # (not after a 落款)
    runs = [(start, typed[start + 1:stop]) for start, stop in zip(tops, tops[1:] + [end])]
    read = [_read_levels(run, False) for _, run in runs]
    if not any(map(any, read)):
        return False
    for (start, run), levels in zip(runs, read):
        _typed_levels(run, False, shift=1, levels=levels)
        typed[start][0].kind, typed[start][0].label, typed[start][0].numberless = HEADING_KINDS[0], "", True
    return True


def _caption_like(text, size=40):
    return short_line(text, size)


def _closing(texts):
    """The 落款: a closing date (one of the last three lines) and who signs above it, as
    ``format`` reads them (``normalize.closing_lines``); or a last line holding both, the unit
    and the date (``normalize.signed_line``), which ``format`` parts in two."""
    for pos in range(len(texts) - 1, max(len(texts) - 3, 0) - 1, -1):
        if texts[pos].kind == "正文" and CLOSING_DATE.match(texts[pos].text):
            above = pos
            while above > 0 and texts[above - 1].kind == "正文":
                above -= 1
            for item in texts[pos + 1 - closing_lines([t.text for t in texts[above:pos + 1]]):pos + 1]:
                item.kind = "落款"
            return
    found = signed_line([t.text for t in texts])
    if found and texts[found[0]].kind == "正文":       # where format reads one, and parts it
        texts[found[0]].kind, texts[found[0]].parted = "落款", tuple(found[1])


def _cell_paragraphs(table):
    """Each cell's paragraphs once (python-docx repeats merged cells)."""
    from docx.text.paragraph import Paragraph

    for tc in table._tbl.iter(w("tc")):
        for p in tc.findall(w("p")):
            yield Paragraph(p, table)
