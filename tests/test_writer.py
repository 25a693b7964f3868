import io
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import CHECKER, DATA, ROOT, pdf_pages, to_pdf
from docx import Document
from docx.oxml.ns import qn
from lintdocs import write_clean
from lxml import etree
from reference_writer import reference_document

from generator.draft.engine import Engine
from generator.markup import Block, parse
from generator.word.style import load_style
from generator.word.writer import BODY, CORE, Writer, load_base


@pytest.fixture(scope="module")
def draft_doc(tmp_path_factory):
    out = tmp_path_factory.mktemp("w") / "小型调研.docx"
    engine = Engine()
    engine.write(engine.prepare(DATA / "小型调研.yaml"), out)
    return out


def test_outline_has_numbering_added_by_writer(draft_doc):
    doc = Document(str(draft_doc))
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert heads == [
        ("Heading 1", "一、基本情况"), ("Heading 1", "二、主要做法"),
        ("Heading 2", "（一）拓宽选人渠道，优化队伍结构"), ("Heading 2", "（二）强化教育培训，提升履职能力"),
        ("Heading 1", "三、取得成效"), ("Heading 2", "（一）队伍结构持续优化"),
        ("Heading 1", "四、存在问题"), ("Heading 2", "（一）后备力量储备不均衡"),
        ("Heading 1", "五、几点思考和对策建议"), ("Heading 2", "（一）健全育选管用机制"),
        ("Heading 1", "六、下一步工作"),
    ]
    assert doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[-1].text == "2026年10月8日" and doc.paragraphs[-1].style.name == "落款"


def _fonts(style):
    rfonts = style.element.rPr.find(qn("w:rFonts"))
    return {k: rfonts.get(qn(f"w:{k}")) for k in ("eastAsia", "ascii", "hAnsi", "hint")}


def test_fonts_and_sizes_follow_style_sheet(draft_doc):
    doc = Document(str(draft_doc))
    sheet = load_style()["段落"]
    for word_style, kind in (("Normal", "正文"), ("Title", "标题"), ("Heading 1", "一级标题"),
                             ("Heading 2", "二级标题"), ("Heading 3", "三级标题")):
        style = doc.styles[word_style]
        assert _fonts(style) == {"eastAsia": sheet[kind]["字体"], "ascii": "Times New Roman",
                                 "hAnsi": "Times New Roman", "hint": "eastAsia"}
        assert style.font.size.pt == sheet[kind]["字号"]
    assert doc.styles["Heading 3"].font.bold is True
    body = doc.styles["Normal"].paragraph_format
    assert round(body.line_spacing.pt, 2) == 28.95 and body.first_line_indent.pt == 32


def test_bold_lead_ins_and_table(draft_doc):
    doc = Document(str(draft_doc))
    para = next(p for p in doc.paragraphs if p.text.startswith("一是从外出"))
    assert [(r.text, bool(r.bold)) for r in para.runs][:2] == [("一是", True), ("从外出务工人员中回引人才；", False)]
    table = doc.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [["类别", "人数"], ["35岁以下", "3"], ["35至50岁", "9"]]
    assert table.style.name == "Table Grid"


def test_page_numbers_outside(draft_doc):
    doc = Document(str(draft_doc))
    section = doc.sections[0]
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    assert odd.text == even.text == "— 1 —" or ("—" in odd.text and "PAGE" in odd._p.xml)
    assert odd.alignment == 2 and even.alignment == 0     # right, left
    assert doc.settings.odd_and_even_pages_header_footer


def test_placeholder_is_highlighted(tmp_path):
    out = tmp_path / "p.docx"
    Writer(load_style()).write(parse("# 题\n\n前文【待补充：调研时间】后文\n"), str(out))
    runs = Document(str(out)).paragraphs[1].runs
    marks = [(r.text, r._r.rPr is not None and r._r.rPr.find(qn("w:highlight")) is not None) for r in runs]
    assert marks == [("前文", False), ("【待补充：调研时间】", True), ("后文", False)]


def test_long_title_breaks_after_de(tmp_path):
    out = tmp_path / "t.docx"
    Writer(load_style()).write(parse("# 关于青溪区“两新”组织党建工作的调查与思考\n"), str(out))
    assert Document(str(out)).paragraphs[0].text == "关于青溪区“两新”组织党建工作的\n调查与思考"


def test_control_characters_never_reach_xml(tmp_path):
    out = tmp_path / "c.docx"
    Writer(load_style()).write(parse("# 题\x00目\n\n正\x0b文\x1f\n"), str(out), title="题\x00")
    assert [p.text for p in Document(str(out)).paragraphs] == ["题目", "正文"]


@pytest.mark.skipif(not CHECKER.exists(), reason="../shared/tools/gbt9704_check.py 不在")
def test_shared_checker_passes(draft_doc):
    result = subprocess.run([sys.executable, str(CHECKER), str(draft_doc)], capture_output=True, text=True)
    assert result.stdout.strip().endswith("14/14 checks hold"), result.stdout


def test_unindented_kinds_say_zero_characters(tmp_path):
    """Normal's 2-character indent must not leak into the title, 署名 or 落款 (Word reads
    firstLineChars before firstLine)."""
    doc = Document(str(write_clean(tmp_path / "d.docx")))
    for name in ("Title", "署名", "落款", "表题"):
        ind = doc.styles[name].element.pPr.find(qn("w:ind"))
        assert ind.get(qn("w:firstLineChars")) == "0"


def test_no_stale_page_count(tmp_path):
    with zipfile.ZipFile(write_clean(tmp_path / "d.docx")) as archive:
        assert b"<Pages>" not in archive.read("docProps/app.xml")


def test_closing_kept_with_text(tmp_path):
    doc = Document(str(write_clean(tmp_path / "d.docx")))
    texts = [p.text for p in doc.paragraphs]
    before = doc.paragraphs[texts.index("东湖街道党工委") - 1]
    assert before.paragraph_format.keep_with_next


def test_half_width_punctuation_is_normalised(tmp_path):
    text = "# 标题\n\n我们,他们(都在)。\n"
    doc = Document(str(write_clean(tmp_path / "d.docx", text)))
    assert doc.paragraphs[1].text == "我们，他们（都在）。"


def test_closing_after_a_table_keeps_the_last_row(tmp_path):
    text = "# 标题\n\n::: 表格 表题\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n:::\n\n::: 落款\n某单位\n2026年1月2日\n:::\n"
    doc = Document(str(write_clean(tmp_path / "d.docx", text)))
    rows = doc.tables[0].rows
    assert all(p.paragraph_format.keep_with_next for c in rows[-1].cells for p in c.paragraphs)
    assert not any(p.paragraph_format.keep_with_next for c in rows[0].cells for p in c.paragraphs)


ODD = [
    Block("标题", [("标题 <&> \"引号\" 'x'", False)]),
    Block("署名", [("  前后空格  ", False)]),
    Block("一级标题", []),
    Block("二级标题", [("粗", True), ("体\t制表\n换行\r回车", False)]),
    Block("三级标题", [("三", False)]),
    Block("四级标题", [("四", False)]),
    Block("一级标题", [("重新编号", False)]),
    Block("三级标题", [("跳级", False)]),
    Block("正文", [("**一是**", True), ("【待补充：数字】开头，中间【待补充：单位】\u3000", False)]),
    Block("正文", [("【待补充：加粗占位】", True), ("控制\x0b字符\x00去掉", False)]),
    Block("正文", []),
    Block("关键词", [("关键词：甲；乙", False)]),
    Block("表题", [("表1　情况", False)]),
    Block("表格", rows=[["类别", "数量", "备注"], ["甲", "【待补充：数量】"], [], ["乙", "2", "3", "多一格"]]),
    Block("表格", rows=[[]]),
    Block("落款", [("单位", False)]),
    Block("落款", [("2026年11月20日", False)]),
]


def _canonical(element):
    return etree.tostring(element, method="c14n")


def _compare(tmp_path, blocks, style=None):
    sheet = load_style(style)
    writer = Writer(sheet)
    empty, fast = io.BytesIO(), tmp_path / "fast.docx"
    writer.write([], empty)
    writer.write(blocks, fast, "题目", "作者")
    expected = reference_document(empty.getvalue(), blocks, sheet)
    got = Document(str(fast))
    assert _canonical(got.element.body) == _canonical(expected.element.body)
    with zipfile.ZipFile(fast) as a, zipfile.ZipFile(empty) as b:   # every other part untouched
        assert sorted(a.namelist()) == sorted(b.namelist())
        for name in a.namelist():
            if name not in (BODY, CORE):
                assert a.read(name) == b.read(name), name
    return got


def test_example_body_equals_python_docx_layout(tmp_path):
    engine = Engine()
    blocks = engine.prepare(ROOT / "examples" / "调研报告.yaml").blocks
    doc = _compare(tmp_path, blocks)
    assert len(doc.paragraphs) > 40 and len(doc.tables) == 1


def test_odd_blocks_equal_python_docx_layout(tmp_path):
    doc = _compare(tmp_path, ODD)
    texts = [p.text for p in doc.paragraphs]
    assert "（一）粗体\t制表\n换行\n回车" in texts
    assert "二、重新编号" in texts and "1.跳级" in texts
    assert "控制字符去掉" in texts[texts.index("**一是**【待补充：数字】开头，中间【待补充：单位】\u3000") + 1]


def test_house_sheet_is_followed(tmp_path):
    sheet = (ROOT / "generator" / "word" / "styles" / "gbt9704.yaml").read_text("utf-8")
    house = tmp_path / "house.yaml"
    house.write_text(sheet.replace("高亮: yellow", "高亮: cyan").replace('编号: "{中文}、"', '编号: "第{中文}部分 "'),
                     "utf-8")
    doc = _compare(tmp_path, ODD, style=str(house))
    assert "第一部分 " in [p.text for p in doc.paragraphs]
    marks = doc.element.body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}highlight")
    assert {m.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") for m in marks} == {"cyan"}


def test_core_properties(tmp_path):
    out = tmp_path / "d.docx"
    with open(out, "wb") as stream:
        Writer(load_style()).write(ODD[:1], stream, "标题 <&> @@author@@", "作者\x0b组")
    props = Document(str(out)).core_properties
    assert props.title == "标题 <&> @@author@@"
    assert props.author == props.last_modified_by == "作者组"
    assert props.created == props.modified and props.created.year >= 2026 and props.revision == 1


def test_base_is_cached_and_rebuilt_when_broken(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    sheet = load_style()
    built = load_base(sheet)
    files = list((tmp_path / "cache").glob("base-*"))
    assert len(files) == 1
    assert load_base(sheet) == built
    files[0].write_text("{broken", "utf-8")
    rebuilt = load_base(sheet)
    without_parts = lambda base: {**base.as_dict(), "parts": b""}    # zip times may differ
    assert without_parts(rebuilt) == without_parts(built)
    assert _unzipped(rebuilt.parts) == _unzipped(built.parts)
    other = dict(sheet, 网格=dict(sheet["网格"], 行距_pt=30))
    assert load_base(other) != built and len(list((tmp_path / "cache").glob("base-*"))) == 2


def _unzipped(data):
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_unwritable_cache_still_writes(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocker / "cache"))
    out = tmp_path / "d.docx"
    Writer(load_style()).write(ODD, out)
    assert Document(str(out)).paragraphs[0].text.startswith("标题")
    assert not os.path.exists(blocker / "cache")


def test_reader_opens_the_fast_zip(soffice, tmp_path):
    """The parts are reused as compressed and the body is appended last: a real reader must not mind."""
    out = tmp_path / "example.docx"
    engine = Engine()
    engine.write(engine.prepare(ROOT / "examples" / "调研报告.yaml"), out)
    pages = pdf_pages(to_pdf(soffice, out, tmp_path))
    text = ["".join(page.split()) for page in pages]
    assert len(pages) >= 4
    assert "调查与思考" in text[0] and text[0].endswith("—1—") and text[1].endswith("—2—")


def test_table_columns_follow_their_text(tmp_path):
    out = tmp_path / "t.docx"
    markup = ("# 题\n\n::: 表格 表\n| 指标 | 目标 | 完成率 |\n|---|---|---|\n"
              "| 整顿后进党组织（个） | 15 | 100% |\n:::\n")
    Writer(load_style()).write(parse(markup), str(out))
    table = Document(str(out)).tables[0]
    widths = [column.width for column in table.columns]
    assert widths[0] > 2 * widths[1] and widths[1] >= 3 * 14 * 12700     # 3 characters of 14 pt
    section = Document(str(out)).sections[0]
    assert abs(sum(widths) - (section.page_width - section.left_margin - section.right_margin)) < 12700


def test_only_the_first_signature_line_has_space_above(draft_doc):
    doc = Document(str(draft_doc))
    unit, date = doc.paragraphs[-2], doc.paragraphs[-1]
    assert unit.style.name == date.style.name == "落款"
    assert unit.paragraph_format.space_before is None and doc.styles["落款"].paragraph_format.space_before.pt > 28
    assert date.paragraph_format.space_before == 0


def test_font_table_carries_stand_ins_charset_and_family(draft_doc):
    with zipfile.ZipFile(draft_doc) as z:
        table = etree.fromstring(z.read("word/fontTable.xml"))
        styles = z.read("word/styles.xml").decode("utf-8")
        settings = z.read("word/settings.xml").decode("utf-8")
    w = lambda tag: qn(f"w:{tag}")
    fonts = {f.get(w("name")): {c.tag.split("}")[1]: c.get(w("val")) for c in f} for f in table}
    assert fonts["仿宋_GB2312"] == {"altName": "仿宋", "panose1": "02010609030101010101", "charset": "86",
                                  "family": "modern", "pitch": "fixed"}
    assert fonts["方正小标宋简体"]["altName"] == "华文中宋" and fonts["楷体_GB2312"]["altName"] == "楷体"
    assert fonts["Times New Roman"]["charset"] == "00" and "SimSun-ExtB" in fonts
    assert "ＭＳ 明朝" not in fonts or fonts["ＭＳ 明朝"]   # the template's own entries may stay
    assert "Theme=" not in styles and "w:cstheme" not in styles        # no theme fonts
    assert 'w:eastAsia="zh-CN"' in settings.split("themeFontLang")[1][:60]
    assert styles.count('<w:overflowPunct w:val="1"/>') >= 12


def test_properties_name_reportgen_and_the_unit(draft_doc):
    doc = Document(str(draft_doc))
    props = doc.core_properties
    assert props.title.startswith("关于柳湾镇") and props.author == "中共柳湾镇委员会"
    assert props.comments == "" and props.created and props.modified
    with zipfile.ZipFile(draft_doc) as z:
        app = z.read("docProps/app.xml").decode("utf-8")
        names = z.namelist()
    assert "<Application>reportgen</Application>" in app and "Macintosh" not in app
    assert not any("thumbnail" in n for n in names)


def test_page_number_is_a_complex_field(draft_doc):
    footer = Document(str(draft_doc)).sections[0].footer.paragraphs[0]._p.xml
    assert "fldSimple" not in footer and footer.count("w:fldChar ") == 3 and " PAGE " in footer


def test_rare_ideographs_get_a_font_that_has_them(tmp_path):
    out = tmp_path / "生僻字.docx"
    Writer(load_style()).write(parse("# 标题\n\n村民张𠮷和王堃、李𪚥。\n"), out)
    runs = Document(str(out)).paragraphs[1].runs
    fonts = {r.text: r._r.rPr.rFonts.get(qn("w:eastAsia")) if r._r.rPr is not None else None for r in runs}
    assert fonts == {"村民张": None, "𠮷": "SimSun-ExtB", "和王": None, "堃": "仿宋", "、李": None,
                     "𪚥": "SimSun-ExtB", "。": None}
    from generator.lint.rules import lint_file
    findings, _ = lint_file(out, load_style(), with_pages=False)
    assert [f for f in findings if f.rule == "字体"] == []


def test_bidi_overrides_and_zero_width_characters_are_dropped(tmp_path, small):
    text = small.read_text("utf-8").replace("导语: 为了解", "导语: 为\u202e了\u200b解")
    small.write_text(text, encoding="utf-8")
    engine = Engine()
    draft = engine.prepare(small)
    assert any("删除了 2 个不可见字符 U+202E（从右到左强制）、U+200B（零宽空格）" in w.message for w in draft.warnings)
    out = tmp_path / "out.docx"
    engine.write(draft, out)
    xml = zipfile.ZipFile(out).read(BODY).decode("utf-8")
    assert "\u202e" not in xml and "\u200b" not in xml and "为了解" in xml


def test_tables_have_explicit_widths_everywhere(draft_doc):
    tables = Document(str(draft_doc)).tables
    assert tables
    for table in tables:
        tbl = table._tbl
        grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.iter(qn("w:gridCol"))]
        assert tbl.tblPr.find(qn("w:tblW")).get(qn("w:w")) == str(sum(grid))
        assert tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for row in table.rows:
            widths = [tc.tcPr.find(qn("w:tcW")) for tc in row._tr.tc_lst]
            assert [(w.get(qn("w:type")), int(w.get(qn("w:w")))) for w in widths] == [("dxa", g) for g in grid]


@pytest.mark.parametrize("title, lines", [
    ("某某县2026年上半年党建工作总结暨下半年工作计划", ["某某县2026年上半年党建工作总结", "暨下半年工作计划"]),
    ("关于进一步加强新时代机关党的建设推动机关党建高质量发展的实施意见",
     ["关于进一步加强新时代机关党的建设", "推动机关党建高质量发展的实施意见"]),
    # no two-line cut keeps 2026年 and every word whole: three lines
    ("中共某某市某某区委员会组织部关于2026年度全区基层党组织建设工作情况的调研报告",
     ["中共某某市某某区委员会组织部", "关于2026年度全区基层", "党组织建设工作情况的调研报告"]),
    ("坚持党建引领推动基层治理现代化——某某街道党工委经验交流材料",
     ["坚持党建引领推动基层治理现代化", "——某某街道党工委经验交流材料"]),
    # no line of two characters: 的 gives way to a balanced cut
    ("关于报送2026年度党员教育培训计划的通知", ["关于报送2026年度", "党员教育培训计划的通知"]),
    ("在2026年度全面从严治党工作会议上的讲话", ["在2026年度全面", "从严治党工作会议上的讲话"]),
    # 年度 is a word: never 2026年 / 度 (the user test's titles)
    ("中共青禾实验学校委员会2026年度工作总结和2027年工作计划", None),
    ("白鹭洲街道2025年度基层党建工作情况汇报", None),
    # but 3个 / 人民, not 3个人 / 民; and no line ends on an opening bracket
    ("全县基层党组织持续深入推进3个人民调解委员会规范化建设的调研报告",
     ["全县基层党组织持续深入推进3个", "人民调解委员会规范化建设的调研报告"]),
    ("关于2026年度全县基层党组织建设（暨乡村振兴工作）情况的调研报告",
     ["关于2026年度全县基层党组织", "建设（暨乡村振兴工作）情况的调研报告"]),
])
def test_long_titles_break_between_words(title, lines):
    from generator.word.writer import title_lines
    got = title_lines(title, load_style()).split("\n")
    assert got == lines if lines else not any(line.endswith("年") and rest.startswith("度")
                                              for line, rest in zip(got, got[1:])), got


def test_a_unit_adds_its_own_words_to_keep_whole(tmp_path, monkeypatch):
    from generator.word import writer
    title = "青溪区柳湾镇党委推进红色物业联盟建设经验交流材料"
    words = tmp_path / "words.txt"
    words.write_text(writer.WORDS.read_text(encoding="utf-8") + "红色物业\n", encoding="utf-8")
    before = writer.title_lines(title, load_style())
    monkeypatch.setattr(writer, "WORDS", words)
    writer._words.cache_clear()
    try:
        after = writer.title_lines(title, load_style())
    finally:
        writer._words.cache_clear()
    assert "红色\n物业" in before and after == "青溪区柳湾镇党委推进\n红色物业联盟建设经验交流材料"


def test_a_merged_area_is_clipped_to_its_table(tmp_path):
    from generator.markup import Block
    from generator.word.style import load_style
    from generator.word.writer import Writer
    rows = [["项目", "数量", ""], ["甲", "1", "2"]]
    merges = ((0, 1, 1, 5), (1, 0, 3, 1), (0, 0, 1, 1), (5, 0, 2, 2))   # too wide, too high, one cell, outside
    out = tmp_path / "表.docx"
    with open(out, "wb") as stream:
        Writer(load_style()).write([Block("标题", [("表", False)]), Block("表格", rows=rows, merges=merges)], stream)
    table = Document(str(out)).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [["项目", "数量", "数量"], ["甲", "1", "2"]]
    spans = [tc.tcPr.find(qn("w:gridSpan")) for tc in table._tbl.iter(qn("w:tc"))]
    assert [s.get(qn("w:val")) if s is not None else None for s in spans] == [None, "2", None, None, None]
    assert not table._tbl.xpath(".//w:vMerge")            # a merge one row high is no vertical merge
