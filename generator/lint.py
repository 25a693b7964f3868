"""Check any Word document against a style sheet (GB/T 9704 by default).

Every number comes from the style sheet the writer uses, never from code. Paragraph
properties are resolved the way Word does: run → character style → paragraph style
chain → document defaults. A paragraph's kind (title, heading level, body, 落款 …)
comes from the writer's style names when present, else from its text (a heading
label such as 一、, the first line, a closing date).
"""
import io
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .errors import ReportgenError, read_bytes
from .markup import PLACEHOLDER
from .normalize import CLOSING_DATE, changed_marks, short_line
from .numbering import parse_label, renumber
from .style import (
    HEADING_KINDS,
    char_spacing,
    heading_patterns,
    latin_font,
    page_number_format,
)

ERROR, WARNING = "错误", "提醒"
MM = 36000  # EMU per mm
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ALIGN = {"居中": "center", "右": "right", "左": "left", "两端": "both"}
ALIGN_NAMES = {v: k for k, v in ALIGN.items()} | {"start": "左", "end": "右", "distribute": "分散"}
LATIN = re.compile(r"[A-Za-z0-9]")
SHARED = re.compile(r"[“”‘’—…]")   # rendered in the Latin font unless hinted East Asian
HEADING_MAX = 60                    # a numbered paragraph longer than this is body text
BRACKETS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "(": ")", "[": "]"}
END_MARKS = "。！？…；："
CLOSERS = "”’）》」』】)"


@dataclass
class Finding:
    rule: str
    expected: str
    seen: str
    level: str = ERROR
    paragraph: int = None  # 1-based among the document's body paragraphs
    where: str = ""        # when not a paragraph: 页面设置, 页脚, 表1 …
    excerpt: str = ""
    page: int = None
    file: str = ""

    def line(self):
        where = self.where or (f"第{self.paragraph}段" if self.paragraph else "")
        page = f"第{self.page}页" if self.page else "-"
        excerpt = f"「{self.excerpt}」" if self.excerpt else ""
        return (f"{self.file}:{page}:{where}{excerpt} {self.level} {self.rule}："
                f"应为 {self.expected}，实为 {self.seen}")

    def as_dict(self):
        return asdict(self)

    @classmethod
    def unreadable(cls, path, error):
        """A file that could not be checked at all, as a finding (for JSON output)."""
        return cls("无法读取", "可以打开的 Word 文档（.docx）", error.message, file=str(path))


def excerpt(text, size=12):
    text = text.strip()
    return text if len(text) <= size else text[:size] + "…"


# ---- opening whatever the user gives us -------------------------------------------
def open_document(path):
    """A python-docx Document for ``path``; every way it can fail is one Chinese line."""
    from .reading import load_docx

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

    from . import pages

    try:
        ole = olefile.OleFileIO(io.BytesIO(raw))
    except OSError:
        raise ReportgenError("文件已损坏，无法读取", path) from None
    with ole:
        encrypted = ole.exists("EncryptedPackage")
        legacy = ole.exists("WordDocument")
    if encrypted:
        raise ReportgenError("文档设有打开密码（已加密），请在 Word 中取消密码后再检查", path)
    if not legacy:
        raise ReportgenError("不是 Word 文档：这是其他 Office 程序的旧格式文件", path)
    if pages.find_soffice() is None:
        raise ReportgenError("这是旧版 Word 文档（.doc），需要安装 LibreOffice 才能检查；"
                             "也可以在 Word 中另存为 .docx 后再检查", path)
    with tempfile.TemporaryDirectory(prefix="reportgen-doc-") as tmp:
        source = Path(tmp) / "input.doc"
        source.write_bytes(raw)
        return pages.convert(source, tmp, "docx").read_bytes()


# ---- resolving properties through the style chain ----------------------------------
def _w(name):
    from docx.oxml.ns import qn
    return qn(f"w:{name}")


class Resolver:
    """Effective run and paragraph properties: direct → styles → document defaults."""

    def __init__(self, doc):
        root = doc.styles.element
        self.doc = doc
        self.default_rpr = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.default_ppr = root.find(f"{_w('docDefaults')}/{_w('pPrDefault')}/{_w('pPr')}")

    @staticmethod
    def _chain(style):
        while style is not None:
            yield style.element
            style = style.base_style

    def run_levels(self, para, run):
        from docx.enum.style import WD_STYLE_TYPE

        levels = [run.find(_w("rPr"))]
        rstyle = run.find(f"{_w('rPr')}/{_w('rStyle')}")
        if rstyle is not None:
            try:
                style = self.doc.styles.get_by_id(rstyle.get(_w("val")), WD_STYLE_TYPE.CHARACTER)
                levels += [s.find(_w("rPr")) for s in self._chain(style)]
            except (KeyError, ValueError):
                pass
        levels += [s.find(_w("rPr")) for s in self._chain(para.style)]
        return [x for x in levels + [self.default_rpr] if x is not None]

    def para_levels(self, para):
        levels = [para._p.pPr] + [s.find(_w("pPr")) for s in self._chain(para.style)]
        return [x for x in levels + [self.default_ppr] if x is not None]

    @staticmethod
    def attr(levels, tag, name):
        """The first level whose ``tag`` child has attribute ``name``."""
        for level in levels:
            el = level.find(_w(tag))
            if el is not None and el.get(_w(name)) is not None:
                return el.get(_w(name))
        return None

    @classmethod
    def number(cls, levels, tag, name, default=None):
        """A numeric attribute (twips, half-points …); ``default`` when absent or unreadable."""
        match = re.match(r"\s*-?\d+(\.\d+)?", cls.attr(levels, tag, name) or "")
        return float(match.group()) if match else default

    @staticmethod
    def font(levels, slot):
        for level in levels:
            el = level.find(_w("rFonts"))
            if el is None:
                continue
            if el.get(_w(slot + "Theme")) is not None:
                return f"主题字体（{el.get(_w(slot + 'Theme'))}）"
            if el.get(_w(slot)) is not None:
                return el.get(_w(slot))
        return None

    @staticmethod
    def flag(levels, tag):
        for level in levels:
            el = level.find(_w(tag))
            if el is not None:
                return el.get(_w("val"), "1") not in ("0", "false", "off")
        return False


def text_runs(para):
    """(w:r element, text) for every run with visible text, hyperlinks included."""
    out = []
    for run in para._p.xpath("./w:r | ./w:hyperlink/w:r | ./w:ins/w:r"):
        text = "".join(t.text or "" for t in run.findall(_w("t")))
        if text.strip():
            out.append((run, text))
    return out


def same_font(a, b):
    core = lambda f: re.sub(r"_?(GB2312|GBK)$|简体$", "", f or "")
    return core(a) == core(b)


# ---- what each paragraph is -----------------------------------------------------------
@dataclass
class Para:
    index: int        # 1-based among body paragraphs (0 for table cells)
    para: object
    kind: str
    text: str
    where: str = ""
    label: str = ""   # heading number as typed


def classify(doc, sheet):
    """Body paragraphs and table cells with their kind, in document order; empties as 空."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from .writer import STYLE_NAMES

    # Word style → kind; in a document the writer (or --fix) made, styles say it all
    style_kinds = {v: k for k, v in STYLE_NAMES.items() if k not in ("正文", "表格", "页码")}
    ours = any(s.name == STYLE_NAMES["页码"] for s in doc.styles)
    patterns = heading_patterns(sheet)
    items, index, tables, previous = [], 0, 0, None
    for el in doc.element.body.iterchildren():
        if el.tag == _w("p"):
            index += 1
            para = Paragraph(el, doc._body)
            text = para.text
            kind = "空" if not text.strip() else style_kinds.get(para.style.name, "正文")
            item = Para(index, para, kind, text)
            parsed = parse_label(text, patterns) if kind in HEADING_KINDS or (
                kind == "正文" and not ours and len(text.strip()) <= HEADING_MAX) else None
            if parsed:
                item.kind, item.label = HEADING_KINDS[parsed[0] - 1], parsed[2]
            items.append(item)
            previous = item
        elif el.tag == _w("tbl"):
            tables += 1
            if previous and previous.kind == "正文" and not ours and _caption_like(previous.text):
                previous.kind = "表题"
            for cell_para in _cell_paragraphs(Table(el, doc._body)):
                if cell_para.text.strip():
                    items.append(Para(0, cell_para, "表格", cell_para.text, where=f"表{tables}"))
            previous = None
    texts = [i for i in items if i.kind != "空" and i.index]
    if ours:
        return items
    if texts and texts[0].kind == "正文":
        texts[0].kind = "标题"
    if len(texts) > 1 and texts[0].kind == "标题" and texts[1].kind == "正文" and _caption_like(texts[1].text, 30):
        texts[1].kind = "署名"
    _closing(texts)
    return items


def _caption_like(text, size=40):
    return short_line(text, size)


def _closing(texts):
    """The 落款: a closing date and the unit name right above it."""
    for pos in range(len(texts) - 1, max(len(texts) - 3, 0) - 1, -1):
        if texts[pos].kind == "正文" and CLOSING_DATE.match(texts[pos].text):
            texts[pos].kind = "落款"
            if pos > 0 and texts[pos - 1].kind == "正文" and _caption_like(texts[pos - 1].text, 30):
                texts[pos - 1].kind = "落款"
            return


def _cell_paragraphs(table):
    """Each cell's paragraphs once (python-docx repeats merged cells)."""
    from docx.text.paragraph import Paragraph

    for tc in table._tbl.iter(_w("tc")):
        for p in tc.findall(_w("p")):
            yield Paragraph(p, table)


# ---- the rules ---------------------------------------------------------------------
class Checker:
    def __init__(self, doc, sheet):
        self.doc, self.sheet = doc, sheet
        self.kinds = sheet["段落"]
        self.pitch = sheet["网格"]["行距_pt"]
        self.resolve = Resolver(doc)
        self.findings = []
        self.items = classify(doc, sheet)

    def add(self, rule, expected, seen, item=None, level=ERROR, where=""):
        self.findings.append(Finding(
            rule, str(expected), str(seen), level, item.index or None if item else None,
            where or (item.where if item else ""), excerpt(item.text) if item else ""))

    def run(self):
        self.page_setup()
        self.page_numbers()
        for item in self.items:
            if item.kind == "空":
                continue
            self.fonts(item)
            self.paragraph(item)
            self.punctuation(item)
        self.numbering()
        self.empty_paragraphs()
        return self.findings

    # page -----------------------------------------------------------------
    def page_setup(self):
        page = self.sheet["页面"]
        for number, section in enumerate(self.doc.sections, 1):
            where = "页面设置" + (f"（第{number}节）" if len(self.doc.sections) > 1 else "")
            mm = lambda v: f"{(v or 0) / MM:.1f}".rstrip("0").rstrip(".")
            size = (section.page_width, section.page_height)
            if any(abs((v or 0) / MM - page[k]) > 0.5 for v, k in zip(size, ("宽_mm", "高_mm"))):
                self.add("页面大小", f"{page['宽_mm']}×{page['高_mm']} mm",
                         f"{mm(size[0])}×{mm(size[1])} mm", where=where)
            keys = ("上边距_mm", "下边距_mm", "左边距_mm", "右边距_mm")
            seen = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
            if any(abs((v or 0) / MM - page[k]) > 0.5 for v, k in zip(seen, keys)):
                names = "上下左右"
                self.add("页边距", " ".join(f"{n}{page[k]}" for n, k in zip(names, keys)) + " mm",
                         " ".join(f"{n}{mm(v)}" for n, v in zip(names, seen)) + " mm", where=where)
            pitch = self.resolve.number([section._sectPr], "docGrid", "linePitch")
            if pitch is None or abs(pitch - self.pitch * 20) > 10:
                self.add("网格", f"行距网格 {self.pitch} 磅",
                         f"{pitch / 20:g} 磅" if pitch else "未设置", where=where)

    def page_numbers(self):
        spec = self.kinds["页码"]
        pattern = page_number_format(self.sheet)
        if self.doc.settings.element.find(_w("evenAndOddHeaders")) is None:
            self.add("页码", "奇偶页不同（奇数页居右、偶数页居左）", "各页相同", where="页脚")
        section = self.doc.sections[0]
        for footer, side, align in ((section.footer, "奇数页", "right"),
                                    (section.even_page_footer, "偶数页", "left")):
            where = f"{side}页脚"
            paras = [p for p in footer.paragraphs if _footer_text(p).strip()] \
                if not footer.is_linked_to_previous else []
            field = [p for p in paras if "{页码}" in _footer_text(p)]
            if not field:
                self.add("页码", f"页码域 {pattern}", "没有页码", where=where)
                continue
            para = field[0]
            text = _footer_text(para).strip()
            if text != pattern:
                self.add("页码", pattern, text.replace("{页码}", "N"), where=where)
            levels = self.resolve.para_levels(para)
            seen = self.resolve.attr(levels, "jc", "val") or "left"
            if seen != align:
                self.add("页码", f"{ALIGN_NAMES[align]}对齐", f"{ALIGN_NAMES.get(seen, seen)}对齐", where=where)
            indent = self.resolve.number(levels, "ind", "right" if align == "right" else "left", 0)
            want = spec["字号"] * spec.get("外侧空_字", 1) * 20
            if abs(indent - want) > 20:
                self.add("页码", f"外侧空 {spec.get('外侧空_字', 1)} 字", f"{indent / 20:g} 磅", where=where)
            item = Para(0, para, "页码", text.replace("{页码}", "1"), where=where)
            self.fonts(item)

    # runs ------------------------------------------------------------------
    def fonts(self, item):
        spec = self.kinds[item.kind]
        runs = text_runs(item.para)
        seen = {}  # rule → the values its runs have
        latin = latin_font(self.sheet, spec)
        for run, text in runs:
            levels = self.resolve.run_levels(item.para, run)
            seen.setdefault("字体", set()).add(self.resolve.font(levels, "eastAsia") or "未设置")
            if LATIN.search(text):
                for slot in ("ascii", "hAnsi"):
                    seen.setdefault("西文字体", set()).add(self.resolve.font(levels, slot) or "未设置")
            if SHARED.search(text):
                seen.setdefault("引号破折号字体", set()).add(
                    "中文字体" if self.resolve.attr(levels, "rFonts", "hint") == "eastAsia" else "西文字体")
            seen.setdefault("字号", set()).add(self.resolve.number(levels, "sz", "val", 20) / 2)
            if spec.get("加粗"):
                seen.setdefault("加粗", set()).add(self.resolve.flag(levels, "b"))
            if char_spacing(self.sheet, spec):
                seen.setdefault("字距", set()).add(self.resolve.number(levels, "spacing", "val", 0) / 20)
        want = {"字体": spec["字体"], "西文字体": latin, "引号破折号字体": "中文字体",
                "字号": spec["字号"], "加粗": True, "字距": self.sheet["网格"]["字距_pt"]}
        for rule, values in seen.items():
            if rule in ("字体", "西文字体"):
                bad = {v for v in values if not same_font(v, want[rule])}
            elif rule in ("字号", "字距"):
                bad = {v for v in values if abs(v - want[rule]) > 0.01}
            else:
                bad = values - {want[rule]}
            if bad:
                shown = "、".join(sorted(_fmt(s, rule) for s in bad))
                self.add(rule, _fmt(want[rule], rule), shown, item)

    # paragraph ---------------------------------------------------------------
    def paragraph(self, item):
        spec = self.kinds[item.kind]
        levels = self.resolve.para_levels(item.para)
        if spec.get("对齐"):
            seen = self.resolve.attr(levels, "jc", "val") or "left"
            if seen != ALIGN[spec["对齐"]] and not (seen == "start" and spec["对齐"] == "左"):
                self.add("对齐", spec["对齐"], ALIGN_NAMES.get(seen, seen), item)
        chars = self._first_line_chars(levels, item)
        want = spec.get("首行缩进_字", 0)
        if abs(chars - want) > 0.1:
            self.add("首行缩进", f"{want:g} 字", f"{chars:.2g} 字", item)
        rule = self.resolve.attr(levels, "spacing", "lineRule") or "auto"
        line = self.resolve.number(levels, "spacing", "line", 240)
        pitch = spec.get("行距_pt", self.pitch)
        if rule != "exact" or abs(line - pitch * 20) > 10:
            seen = (f"固定值 {line / 20:g} 磅" if rule == "exact" else
                    f"最小值 {line / 20:g} 磅" if rule == "atLeast" else f"{line / 240:g} 倍行距")
            self.add("行距", f"固定值 {pitch:g} 磅", seen, item)

    def _first_line_chars(self, levels, item):
        number = lambda name: self.resolve.number(levels, "ind", name, 0)
        if number("firstLineChars") or number("hangingChars"):  # Word prefers characters
            return (number("firstLineChars") - number("hangingChars")) / 100
        return (number("firstLine") - number("hanging")) / (self.kinds[item.kind]["字号"] * 20)

    # text ---------------------------------------------------------------------
    def punctuation(self, item):
        text = item.text.split(item.label, 1)[-1] if item.label else item.text  # label: numbering rule
        marks = changed_marks(text)
        if marks:
            shown = " ".join(dict.fromkeys(marks))
            self.add("标点", "中文里用全角标点", f"半角 {shown}" + (f"（共 {len(marks)} 处）"
                                                              if len(marks) > 1 else ""), item)
        text = item.text
        if _unbalanced(text):
            self.add("成对符号", "引号、括号成对", f"“{_unbalanced(text)}”没有配对", item, WARNING)
        if item.kind == "正文" and not _ends_sentence(text):
            self.add("句末标点", "段末有句号等结束标点", f"以“{text.strip()[-1]}”结尾", item, WARNING)

    def numbering(self):
        patterns = heading_patterns(self.sheet)
        heads = [i for i in self.items if i.label]
        results = renumber([(HEADING_KINDS.index(i.kind) + 1, i.label) for i in heads], patterns)
        for item, (expected, problem) in zip(heads, results):
            if problem:
                self.add("编号", "先有上一级编号" if problem == "跳级" else expected,
                         f"{item.label}（{problem}）", item)

    def empty_paragraphs(self):
        body = [i for i in self.items if i.index]
        for pos, item in enumerate(body):
            if item.kind != "空" or _has_content(item.para):
                continue
            before = any(i.kind != "空" for i in body[:pos])
            after = any(i.kind != "空" for i in body[pos + 1:])
            if before and after and body[pos - 1].kind != "空":  # one finding per run of empties
                self.add("空段落", "用段前段后距离分隔，不用空段落", "空段落", item, WARNING)


def _fmt(value, rule):
    if rule in ("字号", "字距"):
        return f"{value:g} 磅"
    if rule == "加粗":
        return "加粗" if value else "不加粗"
    return str(value)


def _footer_text(para):
    """Footer text with the PAGE field (simple or complex) shown as {页码}."""
    out, field = [], None  # field: the instruction while inside a complex field
    for el in para._p.iter(_w("fldSimple"), _w("fldChar"), _w("instrText"), _w("t")):
        if el.tag == _w("fldSimple"):
            out.append(_field(el.get(_w("instr"))))
        elif el.tag == _w("fldChar"):
            kind = el.get(_w("fldCharType"))
            if kind == "begin":
                field = ""
            elif kind == "end" and field is not None:
                out.append(_field(field))
                field = None
        elif el.tag == _w("instrText"):
            field = (field or "") + (el.text or "")
        elif field is None and el.getparent().getparent().tag != _w("fldSimple"):
            out.append(el.text or "")
    return "".join(out)


def _field(instruction):
    return "{页码}" if (instruction or "").split()[:1] == ["PAGE"] else ""


def _unbalanced(text):
    stack = []
    closing = {v: k for k, v in BRACKETS.items()}
    for char in text:
        if char in BRACKETS:
            stack.append(char)
        elif char in closing:
            if not stack or stack[-1] != closing[char]:
                return char
            stack.pop()
    return stack[0] if stack else ""


def _ends_sentence(text):
    text = text.strip()
    if text.endswith("】") and PLACEHOLDER.search(text):  # ends in a 【待补充】 placeholder
        return True
    return text.rstrip(CLOSERS)[-1:] in tuple(END_MARKS)


def _has_content(para):
    """An empty paragraph that still holds something: a picture, a page or section break."""
    p = para._p
    return bool(p.xpath(".//w:drawing | .//w:pict | .//w:object | .//w:br[@w:type='page'] | "
                        "./w:pPr/w:sectPr"))


# ---- page rules -----------------------------------------------------------------------
def page_rules(path, doc, checker, findings):
    """Rules on the laid-out pages; page numbers for the other findings."""
    from . import pages

    texts = pages.page_texts(path, page_number_format(checker.sheet))
    body = [i for i in checker.items if i.index and i.kind != "空"]
    where = dict(zip((i.index for i in body), pages.locate([i.text for i in body], texts)))
    for finding in findings:
        finding.page = where.get(finding.paragraph)
    out = []
    for item in body:
        page = where.get(item.index)
        if item.kind in HEADING_KINDS and page and page < len(texts) \
                and texts[page - 1].endswith(pages.compact(item.text)):
            out.append(_page_finding("标题在页末", "标题与下文同页", f"标题是第{page}页最后一行",
                                     item, page))
    closing = [i for i in body if i.kind == "落款"]
    for page in sorted({where.get(i.index) for i in closing} - {None}):
        rest = texts[page - 1]
        for item in closing:
            rest = rest.replace(pages.compact(item.text), "", 1)
        if not rest:
            item = next(i for i in closing if where.get(i.index) == page)
            out.append(_page_finding("落款单独成页", "落款与正文同页", f"第{page}页只有落款", item, page))
    if len(texts) > 1 and not texts[-1]:
        out.append(Finding("空白页", "最后一页有内容", f"第{len(texts)}页是空白页",
                           where="末页", page=len(texts)))
    claimed = claimed_pages(path, doc)
    if claimed is not None and claimed != len(texts):
        out.append(Finding("页数", f"{len(texts)} 页（排版结果）", f"文档属性记为 {claimed} 页",
                           WARNING, where="文档属性"))
    return out


def _page_finding(rule, expected, seen, item, page):
    return Finding(rule, expected, seen, ERROR, item.index, "", excerpt(item.text), page)


def claimed_pages(path, doc):
    """docProps/app.xml Pages, when the document says how many pages it has."""
    from lxml import etree

    from .package import APP_PART

    for part in doc.part.package.parts:
        if str(part.partname) == APP_PART:
            root = etree.fromstring(part.blob)
            pages = [c for c in root if etree.QName(c).localname == "Pages"]
            if pages and (pages[0].text or "").strip().isdigit():
                return int(pages[0].text)
    return None


# ---- entry points ---------------------------------------------------------------------
def lint_document(doc, sheet):
    """Document rules only (no layout): ``(checker, findings)``."""
    checker = Checker(doc, sheet)
    return checker, checker.run()


def lint_file(path, sheet, with_pages=True):
    """All findings for one file, in document order. Returns ``(findings, notice)`` where
    ``notice`` says why the page rules did not run, if they did not."""
    from . import pages

    doc = open_document(path)
    checker, findings = lint_document(doc, sheet)
    notice = None
    if with_pages and pages.find_soffice() is None:
        notice = "没有安装 LibreOffice（soffice），已跳过按页检查的规则（标题在页末、落款单独成页、空白页、页数）"
    elif with_pages:
        findings += page_rules(path, doc, checker, findings)
    for finding in findings:
        finding.file = str(path)
    findings.sort(key=lambda f: (f.paragraph is not None, f.paragraph or 0))  # stable: document order
    return findings, notice
