"""The styled empty package of a style sheet, laid out once with python-docx.

Each paragraph kind of the style sheet becomes a Word paragraph style (the
headings reuse Word's "Heading 1–4" so the navigation pane shows the outline);
page size, margins, grid and the page-number footers come from the sheet too.
``build`` returns what every draft shares as a ``parts.Base``; the writer then
fills in the body of each draft without python-docx.
"""
import copy
import io
import zipfile

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from generator.word.parts import (
    APP_PART,
    AUTHOR,
    BODY,
    CORE,
    NOW,
    STYLE_NAMES,
    TITLE,
    Base,
)
from generator.word.style import (
    HEADING_KINDS,
    char_spacing,
    latin_font,
    page_number_format,
)

ALIGN = {"居中": WD_ALIGN_PARAGRAPH.CENTER, "右": WD_ALIGN_PARAGRAPH.RIGHT,
         "左": WD_ALIGN_PARAGRAPH.LEFT, "两端": WD_ALIGN_PARAGRAPH.JUSTIFY}


def build(sheet):
    """The Base of ``sheet``: every part but the body zipped once, the body around its paragraphs."""
    doc = Document()
    Layout(sheet).apply(doc)
    props = doc.core_properties   # stand-ins the writer replaces per draft
    props.title, props.author, props.last_modified_by = TITLE, AUTHOR, AUTHOR
    props.created = props.modified = NOW
    props.revision = 1
    saved = io.BytesIO()
    doc.save(saved)
    parts, text = io.BytesIO(), {}
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(parts, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename in (BODY, CORE):
                text[info.filename] = source.read(info).decode("utf-8")
            else:
                out.writestr(info, source.read(info))
    body = text[BODY]
    split = body.rindex("<w:sectPr")   # paragraphs go before the section properties
    openings = {}
    for kind, name in STYLE_NAMES.items():
        style_id = doc.part.get_style_id(name, WD_STYLE_TYPE.PARAGRAPH)   # None: the default style
        openings[kind] = f'<w:p><w:pPr><w:pStyle w:val="{style_id}"/></w:pPr>' if style_id else "<w:p><w:pPr/>"
    return Base(parts=parts.getvalue(), head=body[:split], tail=body[split:], core=text[CORE],
                openings=openings, table_style=doc.styles["Table Grid"].style_id,
                text_width=int(doc._block_width))


class Layout:
    """The sheet's page setup, paragraph styles and page numbers, applied to a document:
    the writer's empty package, or a user's document that ``lint --fix`` repairs."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.kinds = sheet["段落"]

    def apply(self, doc):
        """Page setup, paragraph styles and page numbers of the sheet, on any document
        (the writer's empty package, or a user's document that ``lint --fix`` repairs)."""
        self._page(doc)
        self._styles(doc)
        self._page_numbers(doc)
        drop_page_count(doc)

    def _page(self, doc):
        page = self.sheet["页面"]
        for section in doc.sections:
            section.page_width, section.page_height = Mm(page["宽_mm"]), Mm(page["高_mm"])
            section.top_margin, section.bottom_margin = Mm(page["上边距_mm"]), Mm(page["下边距_mm"])
            section.left_margin, section.right_margin = Mm(page["左边距_mm"]), Mm(page["右边距_mm"])
            section.footer_distance = Mm(page["页脚距离_mm"])
            section.header_distance = Mm(page.get("页眉距离_mm", 15))
            sect = section._sectPr
            grid = sect.find(qn("w:docGrid"))
            if grid is None:
                grid = OxmlElement("w:docGrid")
                after = sect.find(qn("w:printerSettings"))
                sect.append(grid) if after is None else after.addprevious(grid)
            # the nominal pitch Word shows; lines are held by exact spacing
            grid.set(qn("w:linePitch"), str(round(self.sheet["网格"]["行距_pt"] * 20)))
        doc.settings.odd_and_even_pages_header_footer = True
        rpr = _default_rpr(doc)
        self._fonts(rpr, self.kinds["正文"]["字体"])
        lang = rpr.find(qn("w:lang"))
        if lang is None:
            lang = OxmlElement("w:lang")
            rpr.append(lang)
        lang.set(qn("w:eastAsia"), "zh-CN")

    def _styles(self, doc):
        for kind, spec in self.kinds.items():
            name = STYLE_NAMES.get(kind)
            if name is None:
                continue
            try:
                style = doc.styles[name]
            except KeyError:
                style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
                style.base_style = doc.styles["Normal"]
            style.quick_style = True
            el = style.element
            for old in (el.pPr, el.rPr):  # start from nothing the default template had
                if old is not None:
                    el.remove(old)
            self._run_props(el.get_or_add_rPr(), spec)
            self._para_props(style.paragraph_format, el.get_or_add_pPr(), spec, kind)

    def _fonts(self, rpr, east_asia, latin=None):
        fonts = rpr.find(qn("w:rFonts"))
        if fonts is None:
            fonts = OxmlElement("w:rFonts")
            rpr.insert(0, fonts)
        fonts.attrib.clear()
        latin = latin or self.sheet.get("西文字体") or east_asia
        for slot, font in (("ascii", latin), ("hAnsi", latin), ("eastAsia", east_asia), ("cs", latin)):
            fonts.set(qn(f"w:{slot}"), font)
        # quotes, dashes and 、 are "shared" characters: keep them in the Chinese font
        fonts.set(qn("w:hint"), "eastAsia")

    def _run_props(self, rpr, spec):
        self._fonts(rpr, spec["字体"], latin_font(self.sheet, spec))
        for tag in ("w:b", "w:bCs"):
            b = OxmlElement(tag)
            b.set(qn("w:val"), "1" if spec.get("加粗") else "0")
            rpr.append(b)
        color = OxmlElement("w:color")
        color.set(qn("w:val"), "000000")
        rpr.append(color)
        if char_spacing(self.sheet, spec):
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(round(char_spacing(self.sheet, spec) * 20)))
            rpr.append(spacing)
        for tag in ("w:sz", "w:szCs"):
            sz = OxmlElement(tag)
            sz.set(qn("w:val"), str(round(spec["字号"] * 2)))
            rpr.append(sz)

    def _para_props(self, fmt, ppr, spec, kind):
        size = spec["字号"]
        fmt.alignment = ALIGN.get(spec.get("对齐"), WD_ALIGN_PARAGRAPH.JUSTIFY)
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(spec.get("行距_pt", self.sheet["网格"]["行距_pt"]))
        fmt.space_before = Pt(spec.get("段前_pt", 0))
        fmt.space_after = Pt(spec.get("段后_pt", 0))
        fmt.first_line_indent = Pt(size * spec.get("首行缩进_字", 0))
        fmt.right_indent = Pt(size * spec.get("右缩进_字", 0))
        fmt.left_indent = Pt(0)
        fmt.widow_control = True
        if kind in HEADING_KINDS or kind in ("标题", "表题", "落款"):
            fmt.keep_with_next = True
        # Word and WPS prefer the indent in characters; 0 too, or Normal's 2 would be inherited
        chars = spec.get("首行缩进_字", 0)
        ppr.find(qn("w:ind")).set(qn("w:firstLineChars"), str(round(chars * 100)))
        level = spec.get("大纲级别")
        if level:
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(level - 1))
            ppr.append(outline)

    def _page_numbers(self, doc):
        spec = self.kinds["页码"]
        pattern = page_number_format(self.sheet)
        before, _, after = pattern.partition("{页码}")
        space = Pt(spec["字号"] * spec.get("外侧空_字", 1))
        section = doc.sections[0]
        for later in doc.sections[1:]:
            later.footer.is_linked_to_previous = later.even_page_footer.is_linked_to_previous = True
        for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
                              (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
            footer.is_linked_to_previous = False
            for old in list(footer._element):  # a repaired document may have its own footer
                footer._element.remove(old)
            para = footer.add_paragraph()
            para.style = doc.styles["页码"]
            para.alignment = align
            para.paragraph_format.first_line_indent = Pt(0)
            if align == WD_ALIGN_PARAGRAPH.RIGHT:
                para.paragraph_format.right_indent = space
            else:
                para.paragraph_format.left_indent = space
            para.add_run(before)
            field = OxmlElement("w:fldSimple")
            field.set(qn("w:instr"), " PAGE ")
            run = OxmlElement("w:r")
            text = OxmlElement("w:t")
            text.text = "1"
            run.append(text)
            field.append(run)
            para._p.append(field)
            para._p.append(copy.deepcopy(para.runs[0]._r))
            para.runs[-1].text = after


def _default_rpr(doc):
    """docDefaults/rPrDefault/rPr, created when a document lacks it."""
    parent = doc.styles.element
    for tag in ("w:docDefaults", "w:rPrDefault", "w:rPr"):
        child = parent.find(qn(tag))
        if child is None:
            child = OxmlElement(tag)
            parent.insert(0, child) if tag == "w:docDefaults" else parent.append(child)
        parent = child
    return parent


_STALE_STATS = ("Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs")


def drop_page_count(doc):
    """Remove page and word counts from docProps/app.xml: python-docx's template claims
    1 page, and only a layout program can know the real number."""
    from lxml import etree

    for part in doc.part.package.parts:
        if str(part.partname) != APP_PART:
            continue
        root = etree.fromstring(part.blob)
        for child in list(root):
            if etree.QName(child).localname in _STALE_STATS:
                root.remove(child)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
