"""The rules lint checks a Word document against, all numbers from the style sheet the writer
uses (GB/T 9704 by default): page setup, page numbers, fonts and sizes, indents and line
spacing, punctuation, numbering, empty paragraphs.
"""
import re

from generator.corpus.reading import review_marks
from generator.lint.document import (
    Item,
    Resolver,
    gather,
    leading_spaces,
    open_document,
    renumbered,
    run_in_parts,
    same_font,
    text_runs,
    w,
)
from generator.lint.findings import ERROR, WARNING, Finding, excerpt
from generator.markup import PLACEHOLDER
from generator.normalize import NOTE, changed_marks, written_date
from generator.word import office
from generator.word.style import (
    HEADING_KINDS,
    char_spacing,
    font_pieces,
    heading_patterns,
    latin_font,
    page_number_format,
    wide_font,
)
from generator.word.writer import title_lines

MM = 36000  # EMU per mm
ALIGN = {"居中": "center", "右": "right", "左": "left", "两端": "both"}
ALIGN_NAMES = {v: k for k, v in ALIGN.items()} | {"start": "左", "end": "右", "distribute": "分散"}
LATIN = re.compile(r"[A-Za-z0-9]")
SHARED = re.compile(r"[“”‘’—…]")   # rendered in the Latin font unless hinted East Asian
BRACKETS = {"“": "”", "‘": "’", "（": "）", "《": "》", "【": "】", "(": ")", "[": "]"}
END_MARKS = "。！？…；："
CLOSERS = "”’）》」』】)"


class Rules:
    def __init__(self, doc, sheet):
        self.doc, self.sheet = doc, sheet
        self.kinds = sheet["段落"]
        self.pitch = sheet["网格"]["行距_pt"]
        self.resolve = Resolver(doc)
        self.findings = []
        self.items = gather(doc, sheet)

    def add(self, rule, expected, seen, item=None, level=ERROR, where=""):
        self.findings.append(Finding(
            rule, str(expected), str(seen), level, item.index or None if item else None,
            where or (item.where if item else ""), excerpt(item.text) if item else ""))

    def run(self):
        self.review()
        self.page_setup()
        self.page_numbers()
        for item in self.items:
            if item.kind == "空":
                continue
            self.fonts(item)
            self.paragraph(item)
            self.punctuation(item)
            self.leading_space(item)
            self.closing_date(item)
            self.title_breaks(item)
        self.numbering()
        self.empty_paragraphs()
        return self.findings

    def review(self):
        """Tracked changes and comments left in: the text is checked as if every change were accepted."""
        revisions, comments = review_marks(self.doc.element.body)
        if revisions:
            self.add("修订", "定稿前接受或拒绝全部修订", f"{revisions} 处修订未处理（按全部接受后的文字检查）",
                     level=WARNING, where="全文")
        if comments:
            self.add("批注", "定稿前删去批注", f"{comments} 条批注", level=WARNING, where="全文")

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
        if self.doc.settings.element.find(w("evenAndOddHeaders")) is None:
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
            item = Item(0, para, "页码", text.replace("{页码}", "1"), where=where)
            self.fonts(item)

    # runs ------------------------------------------------------------------
    def fonts(self, item):
        if not item.run_in:
            return self._fonts(item, self.kinds[item.kind], text_runs(item.para))
        # a heading run into its text: the heading in its own font, the text after it as body text
        head, body = run_in_parts(item.para, item.run_in)
        self._fonts(item, self.kinds[item.kind], head)
        self._fonts(item, self.kinds["正文"], body, "（小标题后接排的正文）", self.kinds[item.kind].get("加粗"))

    def _fonts(self, item, spec, runs, part="", unbold=False):
        """Font findings of ``runs`` against ``spec`` (``part`` names the part of the paragraph
        they are; ``unbold``: they must not be bold)."""
        seen = {}  # rule → the values its runs have
        latin = latin_font(self.sheet, spec)
        stand_ins = (wide_font(self.sheet, spec["字体"]), self.sheet.get("生僻字字体"))
        for run, text in runs:
            levels = self.resolve.run_levels(item.para, run)
            font = self.resolve.font(levels, "eastAsia")
            if not _stand_in_run(text, font, stand_ins):   # 生僻字 in a font that has them
                seen.setdefault("字体", set()).add(font or "未设置")
            if LATIN.search(text):
                for slot in ("ascii", "hAnsi"):
                    seen.setdefault("西文字体", set()).add(self.resolve.font(levels, slot) or "未设置")
            if SHARED.search(text):
                seen.setdefault("引号破折号字体", set()).add(
                    "中文字体" if self.resolve.attr(levels, "rFonts", "hint") == "eastAsia" else "西文字体")
            seen.setdefault("字号", set()).add(self.resolve.number(levels, "sz", "val", 20) / 2)
            if spec.get("加粗") or unbold:
                seen.setdefault("加粗", set()).add(self.resolve.flag(levels, "b"))
            if char_spacing(self.sheet, spec):
                seen.setdefault("字距", set()).add(self.resolve.number(levels, "spacing", "val", 0) / 20)
        want = {"字体": spec["字体"], "西文字体": latin, "引号破折号字体": "中文字体",
                "字号": spec["字号"], "加粗": not unbold, "字距": self.sheet["网格"]["字距_pt"]}
        for rule, values in seen.items():
            if rule in ("字体", "西文字体"):
                bad = {v for v in values if not same_font(v, want[rule])}
            elif rule in ("字号", "字距"):
                bad = {v for v in values if abs(v - want[rule]) > 0.01}
            else:
                bad = values - {want[rule]}
            if bad:
                shown = "、".join(sorted(_fmt(s, rule) for s in bad))
                self.add(rule, _fmt(want[rule], rule) + part, shown, item)

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
        unpaired = _unbalanced(_LIST_NUMBER.sub("", text, count=1))     # a list's 1) has half a bracket by design
        if unpaired:
            self.add("成对符号", "引号、括号成对", f"“{unpaired}”没有配对", item, WARNING)
        text = item.text
        if item.kind == "正文" and not item.listed and not _ends_sentence(text) and not NOTE.match(text):
            self.add("句末标点", "段末有句号等结束标点", f"以“{text.strip()[-1]}”结尾", item, WARNING)

    def title_breaks(self, item):
        """A title longer than a line, broken at words by hand (GB/T 9704 7.3.3: 回行时词意完整);
        left to wrap, it may cut a word or leave a character alone on its last line."""
        text = item.text.strip()
        if item.kind == "标题" and "\n" not in text and "\n" in title_lines(text, self.sheet):
            self.add("标题断行", "长标题在词与词之间手动换行（Shift+Enter）",
                     "未换行，由 Word 自动折行，可能拆开词语", item, WARNING)

    def closing_date(self, item):
        """A 落款's date in Arabic figures with no leading zero (GB/T 9704 7.3.5), on a line of
        its own under the unit that signs."""
        if item.parted:
            self.add("落款", "署名和成文日期分两行，日期在署名下一行", "写在同一行", item)
            return
        want = written_date(item.text.strip()) if item.kind == "落款" else ""
        if want and want != item.text.strip():
            self.add("成文日期", want, item.text.strip(), item)

    def leading_space(self, item):
        """Spaces typed before a paragraph's text: its indent comes from the style, and both show."""
        spaces = leading_spaces(item)
        if spaces:
            self.add("段首空格", "缩进由段落格式设定，段首不打空格", f"段首有 {len(spaces)} 个空格或制表符", item)

    def numbering(self):
        for item in self.items:
            if item.auto:
                self.add("自动编号", "编号写成文字（复制到 WPS 或别的文档里不会变）",
                         f"Word 自动编号“{item.auto.strip()}”" + ("，段落是空的" if item.kind == "空" else ""),
                         item, WARNING)
        for item, expected, problem in renumbered(self.items, heading_patterns(self.sheet)):
            if problem:
                self.add("编号", "先有上一级编号" if problem == "跳级" else expected, f"{item.label}（{problem}）", item)

    def empty_paragraphs(self):
        body = [i for i in self.items if i.index]
        for pos, item in enumerate(body):
            if item.kind != "空" or _has_content(item.para):
                continue
            before = any(i.kind != "空" for i in body[:pos])
            after = any(i.kind != "空" for i in body[pos + 1:])
            if before and after and body[pos - 1].kind != "空":  # one finding per run of empties
                self.add("空段落", "用段前段后距离分隔，不用空段落", "空段落", item, WARNING)


def _stand_in_run(text, font, stand_ins):
    """Whether a run is ideographs the paragraph's font lacks, set in the stand-in the writer
    gives them (仿宋 for 堃 in 仿宋_GB2312 text, SimSun-ExtB for 𠮷)."""
    pieces = font_pieces(text, *stand_ins)
    return font is not None and len(pieces) == 1 and pieces[0][1] == font


def _fmt(value, rule):
    if rule in ("字号", "字距"):
        return f"{value:g} 磅"
    if rule == "加粗":
        return "加粗" if value else "不加粗"
    return str(value)


def _footer_text(para):
    """Footer text with the PAGE field (simple or complex) shown as {页码}."""
    out, field = [], None  # field: the instruction while inside a complex field
    for el in para._p.iter(w("fldSimple"), w("fldChar"), w("instrText"), w("t")):
        if el.tag == w("fldSimple"):
            out.append(_field(el.get(w("instr"))))
        elif el.tag == w("fldChar"):
            kind = el.get(w("fldCharType"))
            if kind == "begin":
                field = ""
            elif kind == "end" and field is not None:
                out.append(_field(field))
                field = None
        elif el.tag == w("instrText"):
            field = (field or "") + (el.text or "")
        elif field is None and el.getparent().getparent().tag != w("fldSimple"):
            out.append(el.text or "")
    return "".join(out)


def _field(instruction):
    return "{页码}" if (instruction or "").split()[:1] == ["PAGE"] else ""


_LIST_NUMBER = re.compile(r"^\s*\d{1,2}\s*[)）](?!\s*\d)")


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


def lint_document(doc, sheet):
    """Document rules only (no layout): ``(checker, findings)``."""
    checker = Rules(doc, sheet)
    return checker, checker.run()


def lint_file(path, sheet, with_pages=True):
    """All findings for one file, in document order. Returns ``(findings, notice)`` where
    ``notice`` says why the page rules did not run, if they did not."""
    doc = open_document(path)
    checker, findings = lint_document(doc, sheet)
    notice = None
    if with_pages and office.find_soffice() is None:
        notice = "没有安装 LibreOffice（soffice），已跳过按页检查的规则（标题在页末、落款单独成页、空白页、页数）"
    elif with_pages:
        from generator.lint.pages import page_rules  # pypdf only when pages are checked
        findings += page_rules(path, doc, checker, findings)
    for finding in findings:
        finding.file = str(path)
    findings.sort(key=lambda f: (f.paragraph is not None, f.paragraph or 0))  # stable: document order
    return findings, notice
