import json
import os
import subprocess
import sys
import zipfile

import pytest
from conftest import CHECKER, EXAMPLES, reviewed_docx
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from lintdocs import broken, paragraph, run_in, write_clean

from generator.cli import cli
from generator.lint.findings import Finding
from generator.lint.rules import lint_file
from generator.word.style import BUILTIN_DIR, load_style

SHEET = load_style()


def rules(path, with_pages=False):
    findings, notice = lint_file(path, SHEET, with_pages=with_pages)
    assert notice is None
    return [f.rule for f in findings]


def set_run_fonts(run, **slots):
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for slot, value in slots.items():
        fonts.set(qn(f"w:{slot}"), value)


def test_clean_fixture_has_no_findings(tmp_path):
    assert rules(write_clean(tmp_path / "clean.docx")) == []


# ---- one defect each, document rules -----------------------------------------------
def _margins(doc):
    doc.sections[0].top_margin = Mm(30)


def _page_size(doc):
    doc.sections[0].page_width = Mm(216)


def _title_font(doc):
    set_run_fonts(doc.paragraphs[0].runs[0], eastAsia="宋体")


def _heading_size(doc):
    paragraph(doc, "一、").runs[0].font.size = Pt(15)


def _digit_font(doc):
    set_run_fonts(paragraph(doc, "全街道").runs[0], ascii="仿宋_GB2312", hAnsi="仿宋_GB2312")


def _quote_font(doc):
    set_run_fonts(paragraph(doc, "各社区").runs[0], hint="default")


def _indent(doc):
    fmt = paragraph(doc, "全街道").paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt._element.pPr.find(qn("w:ind")).set(qn("w:firstLineChars"), "0")


def _pitch(doc):
    paragraph(doc, "全街道").paragraph_format.line_spacing = 1.5


def _grid(doc):
    doc.sections[0]._sectPr.find(qn("w:docGrid")).set(qn("w:linePitch"), "360")


def _page_numbers(doc):
    settings = doc.settings.element
    settings.remove(settings.find(qn("w:evenAndOddHeaders")))


def _set_text(start, old, new):
    def change(doc):
        run = paragraph(doc, start).runs[0]
        assert old in run.text
        run.text = run.text.replace(old, new, 1)
    return change


def _drop(start):
    def change(doc):
        p = paragraph(doc, start)._p
        p.getparent().remove(p)
    return change


def _empty_paragraph(doc):
    paragraph(doc, "全街道")._p.addnext(OxmlElement("w:p"))


@pytest.mark.parametrize("change, rule", [
    (_page_size, "页面大小"), (_margins, "页边距"), (_grid, "网格"), (_page_numbers, "页码"),
    (_title_font, "字体"), (_heading_size, "字号"), (_digit_font, "西文字体"),
    (_quote_font, "引号破折号字体"), (_indent, "首行缩进"), (_pitch, "行距"),
    (_set_text("二、", "二、", "三、"), "编号"),            # gap
    (_set_text("二、", "二、", "一、"), "编号"),            # repeat
    (_set_text("1.", "1.", "1、"), "编号"),                # 1、 mixed with 1.
    (_drop("（一）"), "编号"),                              # 一、 straight to 1.: skipped level
    (_set_text("全街道", "，", ","), "标点"),
    (_set_text("各社区", "”", ""), "成对符号"),
    (_set_text("部分社区", "。", ""), "句末标点"),
    (_empty_paragraph, "空段落"),
], ids=lambda v: v if isinstance(v, str) else v.__name__)
def test_each_defect_is_one_finding(tmp_path, change, rule):
    assert rules(broken(tmp_path, "x", change)) == [rule]


def test_finding_says_where_and_what(tmp_path, runner):
    path = broken(tmp_path, "gap", _set_text("二、", "二、", "三、"))
    result = runner.invoke(cli, ["lint", "--no-pages", str(path)])
    assert result.exit_code == 1
    line = result.output.splitlines()[0]
    assert f"{path}:" in line and "「三、存在问题」" in line and "编号：应为 二、，实为 三、（不连续）" in line
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(path)]).output)
    assert [(d["rule"], d["expected"], d["level"]) for d in data] == [("编号", "二、", "错误")]
    assert data[0]["paragraph"] == [p.text for p in Document(str(path)).paragraphs].index("三、存在问题") + 1


def test_warnings_do_not_fail(tmp_path, runner):
    path = broken(tmp_path, "stop", _set_text("部分社区", "。", ""))
    result = runner.invoke(cli, ["lint", "--no-pages", str(path)])
    assert result.exit_code == 0 and "提醒 句末标点" in result.output


def test_tracked_changes_and_comments_are_warned_of(tmp_path, runner):
    path = reviewed_docx(tmp_path / "审阅稿.docx")
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(path)]).output)
    marks = [(d["rule"], d["seen"], d["level"]) for d in data if d["rule"] in ("修订", "批注")]
    assert marks == [("修订", "4 处修订未处理（按全部接受后的文字检查）", "提醒"), ("批注", "1 条批注", "提醒")]
    assert any(d["excerpt"].startswith("移走的句子") for d in data)        # the moved text is checked too


def test_a_run_in_heading_is_checked_in_two_parts(tmp_path, runner):
    # （一）队伍建设。今年新建……: the heading in 楷体, the text it runs into in 仿宋, as typeset
    right = broken(tmp_path, "right", run_in("仿宋_GB2312"))
    assert runner.invoke(cli, ["lint", "--no-pages", str(right)]).exit_code == 0
    # the whole paragraph in the heading's 楷体: the text after the heading is wrong
    wrong = broken(tmp_path, "wrong", run_in())
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(wrong)]).output)
    assert [(d["rule"], d["expected"], d["seen"]) for d in data] == [
        ("字体", "仿宋_GB2312（小标题后接排的正文）", "楷体_GB2312")]


def test_style_sheet_is_data(tmp_path, runner):
    """The rules follow the sheet: a house sheet with 30 pt lines fails a 28.95 pt draft."""
    text = (BUILTIN_DIR / "gbt9704.yaml").read_text(encoding="utf-8")
    house = tmp_path / "house.yaml"
    house.write_text(text.replace("行距_pt: 28.95", "行距_pt: 30"), encoding="utf-8")
    clean = write_clean(tmp_path / "clean.docx")
    assert runner.invoke(cli, ["lint", "--no-pages", str(clean)]).exit_code == 0
    result = runner.invoke(cli, ["lint", "--no-pages", "--style", str(house), "--json", str(clean)])
    assert result.exit_code == 1
    assert {d["rule"] for d in json.loads(result.output)} == {"行距", "网格"}


# ---- the page rules -------------------------------------------------------------
def _heading_at_page_end(doc):
    heading = paragraph(doc, "二、")
    heading.paragraph_format.keep_with_next = False
    paragraph(doc, "部分社区").paragraph_format.page_break_before = True


def _closing_alone(doc):
    paragraph(doc, "东湖街道党工委").paragraph_format.page_break_before = True


def _blank_last_page(doc):
    for _ in range(24):  # Enter pressed until a new page starts
        doc.add_paragraph()


def _claimed_pages(doc):
    part = next(p for p in doc.part.package.parts if str(p.partname) == "/docProps/app.xml")
    part._blob = part.blob.replace(b"<TotalTime>0</TotalTime>", b"<TotalTime>0</TotalTime><Pages>9</Pages>")


def test_clean_fixture_lays_out_clean(tmp_path, soffice):
    assert rules(write_clean(tmp_path / "clean.docx"), with_pages=True) == []


@pytest.mark.parametrize("change, rule", [
    (_heading_at_page_end, "标题在页末"), (_closing_alone, "落款单独成页"),
    (_blank_last_page, "空白页"), (_claimed_pages, "页数"),
], ids=lambda v: v if isinstance(v, str) else v.__name__)
def test_each_page_defect_is_one_finding(tmp_path, soffice, change, rule):
    path = broken(tmp_path, "x", change)
    assert rules(path) == []  # the document itself is fine
    assert rules(path, with_pages=True) == [rule]


def test_page_findings_carry_page_numbers(tmp_path, soffice):
    findings, _ = lint_file(broken(tmp_path, "x", _closing_alone), SHEET)
    assert [(f.rule, f.page) for f in findings] == [("落款单独成页", 2)]


def test_without_libreoffice_page_rules_are_skipped_aloud(tmp_path, runner, monkeypatch):
    monkeypatch.setattr("generator.word.office.find_soffice", lambda: None)
    result = runner.invoke(cli, ["lint", str(write_clean(tmp_path / "clean.docx"))])
    assert result.exit_code == 0
    assert "提醒：没有安装 LibreOffice" in result.output and "已跳过按页检查" in result.output


# ---- real drafts ------------------------------------------------------------------
def test_small_draft_lints_clean(tmp_path, runner, small, soffice):
    out = tmp_path / "小型调研.docx"
    assert runner.invoke(cli, ["render", str(small), "-o", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["lint", "--json", str(out)])
    assert result.exit_code == 0 and json.loads(result.output) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_example_drafts_lint_clean_and_agree_with_checker(tmp_path, runner, soffice, example):
    out = tmp_path / "draft.docx"
    assert runner.invoke(cli, ["render", str(example), "-o", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["lint", "--json", str(out)])
    assert (result.exit_code, json.loads(result.output)) == (0, [])
    if CHECKER.exists():
        check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout


# ---- bad input ----------------------------------------------------------------------
def _zip(path, names):
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
    return path


def _bytes(path, data):
    path.write_bytes(data)
    return path


def _encrypted(path, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile
    clean = write_clean(tmp_path / "plain.docx")
    with open(clean, "rb") as source, open(path, "wb") as target:
        OOXMLFile(source).encrypt("secret", target)
    return path


@pytest.mark.parametrize("make, message", [
    (lambda p, t: _bytes(p, "不是文档".encode()), "不是 Word 文档（.docx）"),
    (lambda p, t: _zip(p, ["a.txt"]), "没有 word/document.xml"),
    (lambda p, t: _zip(p, ["[Content_Types].xml", "word/document.xml"]), "不是有效的 .docx 文件（已损坏，或不是 Word 文档）\n"),
    (_encrypted, "设有打开密码"),
    (lambda p, t: _bytes(p, b""), "文件是空的"),
    (lambda p, t: Document().save(str(p)) or p, "文档是空的"),
    (lambda p, t: p.mkdir() or p, "这是一个目录"),
    (lambda p, t: p, "文件不存在"),
    # an OLE header over a sector table olefile cannot read (it raised ValueError)
    (lambda p, t: _bytes(p, bytes.fromhex("d0cf11e0a1b11ae1") + b"\0" * 2000), "文件已损坏，无法读取"),
], ids=["txt", "zip", "bad-ooxml", "encrypted", "zero-bytes", "no-text", "directory", "missing", "bad-ole"])
def test_bad_input_is_one_chinese_line(tmp_path, runner, make, message):
    path = make(tmp_path / "in.docx", tmp_path)
    out = tmp_path / "out.docx"
    for args in (["lint", str(path)], ["lint", str(path), "--fix", "-o", str(out)]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1, result.output
        assert result.output.count("\n") == 1 and message in result.output
        assert "Traceback" not in result.output and not out.exists()


def test_unreadable_file(tmp_path, runner, monkeypatch):
    path = write_clean(tmp_path / "x.docx")

    real_open = os.open

    def refuse(name, *args, **kwargs):   # as a file without read permission (tests may run as root)
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)
    monkeypatch.setattr(os, "open", refuse)
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 1 and "无法读取文件" in result.output and result.output.count("\n") == 1


def test_legacy_doc(tmp_path, runner, soffice, monkeypatch):
    from generator.word.office import convert
    doc = convert(write_clean(tmp_path / "clean.docx"), tmp_path, "doc")
    result = runner.invoke(cli, ["lint", "--no-pages", "--json", str(doc)])
    assert result.exit_code in (0, 1) and "错误：" not in result.output  # converted and checked
    assert "编号" not in {d["rule"] for d in json.loads(result.output)}  # headings survived
    monkeypatch.setattr("generator.word.office.find_soffice", lambda: None)
    result = runner.invoke(cli, ["lint", str(doc)])
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "旧版 Word 文档（.doc），需要安装 LibreOffice" in result.output


def test_drafts_are_read_by_their_styles(tmp_path):
    """In a draft, Normal is body text even when it starts like a heading, and a heading
    too long to look like one still counts for the numbering."""
    long = "这是一个故意写得很长的二级标题" * 5
    text = f"# 标题\n\n## 甲\n\n### {long}\n\n1. 正文里的列举也不是标题。\n\n### 乙\n\n正文。\n"
    path = write_clean(tmp_path / "d.docx", text)
    assert [p.text for p in Document(str(path)).paragraphs][2] == "（一）" + long
    assert rules(path) == []


def test_json_lists_unreadable_files(tmp_path, runner):
    good = write_clean(tmp_path / "good.docx")
    bad = _bytes(tmp_path / "notdocx.docx", "不是文档".encode())
    result = runner.invoke(cli, ["lint", "--no-pages", "--json", str(good), str(bad)])
    assert result.exit_code == 1 and result.stderr == ""
    [entry] = json.loads(result.stdout)
    assert entry["file"] == str(bad) and (entry["rule"], entry["level"]) == ("无法读取", "错误")
    assert entry["seen"].startswith("不是 Word 文档（.docx）") and entry["expected"]
    assert set(entry) == set(Finding("", "", "").as_dict())


def test_typed_addressee_attachment_label_and_list_are_read_as_format_writes_them(tmp_path, runner):
    doc = Document()
    for text in ("附件2", "关于2026年度基层党建工作的总结报告", "区委组织部：", "今年以来，镇党委坚持以党建引领各项工作。",
                 "一、主要做法", "全年组织集中学习十二次。", "附件：1.党员名册", "2.活动记录", "中共某某镇委员会", "2026年12月1日"):
        doc.add_paragraph(text)
    doc.save(str(tmp_path / "手写.docx"))
    result = runner.invoke(cli, ["lint", "--json", "--no-pages", str(tmp_path / "手写.docx")])
    found = json.loads(result.output)
    # 2.活动记录 is no heading (no 编号 or 句末标点 finding); 区委组织部： is checked as 主送 (no indent)
    assert not [f for f in found if f["rule"] in ("编号", "句末标点")], found
    indents = {f["paragraph"]: f["expected"] for f in found if f["rule"] == "首行缩进"}
    assert 3 not in indents and indents[4] == "2 字" and 1 not in indents
    fixed = tmp_path / "改.docx"
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(tmp_path / "手写.docx"), "-o", str(fixed)]).exit_code == 0
    kinds = [p.style.name for p in Document(str(fixed)).paragraphs]
    assert kinds == ["附件标识", "Title", "主送", "Normal", "Heading 1", "Normal", "Normal", "Normal", "落款", "落款"]


def test_typed_attachments_number_afresh_and_a_list_never_takes_a_heading(tmp_path, runner):
    def typed(name, lines):
        doc = Document()
        for text in lines:
            doc.add_paragraph(text)
        doc.save(str(tmp_path / name))
        return tmp_path / name

    notice = ["关于开展主题党日活动的通知", "各党支部：", "现将有关事项通知如下。", "一、活动时间", "7月1日上午。",
              "二、活动内容", "重温入党誓词。"]
    attached = typed("附件.docx", notice + ["某某局机关委员会", "2026年6月20日", "附件1", "活动安排表", "一、上午安排",
                                           "集中学习。", "附件2", "报名回执", "一、填报要求", "如实填写。"])
    listed = typed("清单.docx", notice + ["附件：参会回执", "三、联系方式", "联系人：张三。", "某某局机关委员会", "2026年6月20日"])
    for source in (attached, listed):
        fixed = tmp_path / f"改{source.name}"
        result = runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)])
        assert result.exit_code == 0 and "编号：" not in result.output, result.output   # nothing renumbered
        assert runner.invoke(cli, ["lint", "--no-pages", str(fixed)]).exit_code == 0
    kinds = [(p.style.name, p.text) for p in Document(str(tmp_path / "改附件.docx")).paragraphs][7:]
    assert kinds == [("落款", "某某局机关委员会"), ("落款", "2026年6月20日"), ("附件标识", "附件1"), ("Title", "活动安排表"),
                     ("Heading 1", "一、上午安排"), ("Normal", "集中学习。"), ("附件标识", "附件2"), ("Title", "报名回执"),
                     ("Heading 1", "一、填报要求"), ("Normal", "如实填写。")]
    assert [p.style.name for p in Document(str(tmp_path / "改清单.docx")).paragraphs][7:9] == ["Normal", "Heading 1"]


def test_a_finding_on_a_paragraph_with_a_line_break_is_one_line(tmp_path, runner):
    def change(doc):
        para = next(p for p in doc.paragraphs if p.text.startswith("为掌握"))
        para.runs[0].text = "为掌握\n志愿服务队伍现状,调研组走访了12个社区。"     # a half-width comma to find
    path = broken(tmp_path, "br", change)
    lines = runner.invoke(cli, ["lint", "--no-pages", str(path)]).output.splitlines()
    assert any("「为掌握 志愿服务队伍现状…」" in line and "标点" in line for line in lines), lines


def test_a_document_of_only_a_table_is_linted_and_fixed(tmp_path, runner):
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目", "次数"
    src, out = tmp_path / "表格.docx", tmp_path / "修正.docx"
    doc.save(src)
    result = runner.invoke(cli, ["lint", "--no-pages", str(src)])
    assert result.exit_code == 1 and "未通过" in result.output and "Traceback" not in result.output, result.output
    result = runner.invoke(cli, ["lint", "--no-pages", str(src), "--fix", "-o", str(out)])
    assert result.exit_code in (0, 1) and out.exists(), result.output
    assert [[c.text for c in row.cells] for row in Document(out).tables[0].rows] == [["项目", "次数"]]
