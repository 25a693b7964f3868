import re
import subprocess
import sys

import pytest
from conftest import CHECKER, paragraphs, pdf_pages, pictured_docx, png, reviewed_docx, to_pdf
from docx import Document
from docx.oxml.ns import qn

from generator.cli import cli
from generator.numbering import strip_number

ROUGH = """柳湾镇2026年党建工作总结
柳湾镇党委
今年以来，镇党委坚持以党建引领基层治理，各项工作取得新进展。现将有关情况总结如下。
一、主要做法
（一）抓实理论学习
镇党委坚持每月集中学习一次，全年共组织学习十二次，覆盖党员四百余人次。
（二）建强支部堡垒
1.规范组织生活。全镇十八个村党组织严格落实“三会一课”制度，按期换届率达到百分之百。
2.整顿后进支部。排查软弱涣散村党组织两个，逐一制定整顿方案，年底前全部转化。
二、存在问题
部分党员年龄偏大，学习新知识的主动性不强；个别支部活动形式单一。
三、下一步工作打算
一是继续抓好理论武装；二是持续推进支部标准化建设。
中共柳湾镇委员会
2026年12月20日"""


def formatted(runner, source, text):
    """Write ``text`` to ``source`` (a .txt or .md path) and format it; the formatted file."""
    source.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["format", str(source)])
    assert result.exit_code == 0, result.output
    return source.with_name(source.stem + "-排版.docx")


def core(text):
    return re.sub(r"\s", "", text)


def test_format_txt_keeps_every_character(runner, tmp_path):
    src = tmp_path / "粗稿.txt"
    src.write_bytes(ROUGH.encode("gbk"))
    out = tmp_path / "排版.docx"
    result = runner.invoke(cli, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    got = paragraphs(out)
    styles = {text: style for style, text in got}
    assert styles["一、主要做法"] == "Heading 1"
    assert styles["（二）建强支部堡垒"] == "Heading 2"
    assert styles["1.规范组织生活。"] == "Heading 3"
    assert styles["柳湾镇2026年党建工作总结"] == "Title"
    assert styles["柳湾镇党委"] == "署名" and styles["2026年12月20日"] == "落款"
    # nothing lost: the text in order, only the heading numbers rewritten by the writer
    source = core("".join(strip_number(line) for line in ROUGH.split("\n")))
    written = core("".join(strip_number(text) if style.startswith("Heading") else text for style, text in got))
    assert written == source


def test_format_rough_docx_with_hard_wraps(runner, tmp_path):
    doc = Document()
    for line in ROUGH.split("\n"):        # every line hard-wrapped at 22 characters, as pasted from a PDF
        for i in range(0, len(line), 22):
            doc.add_paragraph(line[i:i + 22])
    src = tmp_path / "粗稿.docx"
    doc.save(src)
    result = runner.invoke(cli, ["format", str(src)])
    assert result.exit_code == 0, result.output
    got = paragraphs(tmp_path / "粗稿-排版.docx")
    body = [t for s, t in got if s == "Normal"]
    assert ROUGH.split("\n")[2] in body and ROUGH.split("\n")[10] in body
    assert [t for s, t in got if s == "Heading 1"] == ["一、主要做法", "二、存在问题", "三、下一步工作打算"]


def test_format_output_passes_layout_checker(runner, tmp_path):
    if not CHECKER.exists():
        pytest.skip("没有 ../shared/tools/gbt9704_check.py")
    src = tmp_path / "粗稿.txt"
    src.write_text(ROUGH, encoding="utf-8")
    out = tmp_path / "a.docx"
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
    assert "14/14" in check.stdout, check.stdout


def test_format_seeds_clean_pass_checker(runner, tmp_path, seeds):
    if not CHECKER.exists():
        pytest.skip("没有 ../shared/tools/gbt9704_check.py")
    for src in sorted(seeds.glob("*.txt")):
        out = tmp_path / (src.stem + ".docx")
        assert runner.invoke(cli, ["format", "--clean", str(src), "-o", str(out)]).exit_code == 0
        check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
        assert "14/14" in check.stdout, (src.name, check.stdout)


def test_format_errors_are_one_line(runner, tmp_path, monkeypatch):
    empty = tmp_path / "空.txt"
    empty.write_text("\n\n", encoding="utf-8")
    result = runner.invoke(cli, ["format", str(empty)])
    assert result.exit_code == 1 and result.output == f"错误：{empty}: 文件里没有可排版的文字\n"
    assert not (tmp_path / "空-排版.docx").exists()
    title_only = tmp_path / "题.txt"
    title_only.write_text("关于某镇党建工作的报告\n", encoding="utf-8")
    result = runner.invoke(cli, ["format", str(title_only)])
    assert result.exit_code == 1 and result.output == f"错误：{title_only}: 文件里只有一行标题，没有正文\n"
    src = tmp_path / "a.txt"
    src.write_text(ROUGH, encoding="utf-8")
    assert runner.invoke(cli, ["format", str(src)]).exit_code == 0
    again = runner.invoke(cli, ["format", str(src)])
    assert again.exit_code == 1 and "--force" in again.output
    monkeypatch.chdir(tmp_path)
    for folder in (tmp_path, ".", "/"):        # a folder, even one with no name (. or /)
        result = runner.invoke(cli, ["format", str(folder), "-o", str(tmp_path / "x.docx")])
        assert result.exit_code == 1 and result.output == f"错误：{folder}: 这是一个文件夹，不是粗稿文件（.txt、.docx 或 .md）\n"


# ---- issue #15: the rough drafts format exists for, and lint agreeing with it -------------
MIXED = """柳湾镇党支部2026年上半年工作总结
今年以来，党支部围绕中心工作抓党建，各项工作取得新进展。
1、主要工作
1.加强理论学习
全年组织集中学习六次，覆盖全体党员。
2.党员教育管理
落实“三会一课”制度，按期召开组织生活会。
二.存在问题
部分党员学习主动性不强。
三、下一步打算
继续抓好理论武装和支部建设。
柳湾镇党支部
2026.7.10"""


def lint_lines(runner, path):
    result = runner.invoke(cli, ["lint", "--no-pages", str(path)])
    return result.exit_code, result.output


def test_format_mixed_number_styles_as_one_level_and_lint_clean(runner, tmp_path):
    src = tmp_path / "粗稿.txt"
    src.write_text(MIXED, encoding="utf-8")
    out = tmp_path / "排版.docx"
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert [(s, t) for s, t in got if s.startswith("Heading")] == [
        ("Heading 1", "一、主要工作"), ("Heading 2", "（一）加强理论学习"), ("Heading 2", "（二）党员教育管理"),
        ("Heading 1", "二、存在问题"), ("Heading 1", "三、下一步打算")]
    assert got[-2:] == [("落款", "柳湾镇党支部"), ("落款", "2026年7月10日")]
    code, output = lint_lines(runner, out)
    assert code == 0 and "编号" not in output, output


def format_text(runner, tmp_path, text, name="粗稿.txt"):
    """Format ``text`` as a .txt draft; the output's path and its (style, text) paragraphs."""
    src, out = tmp_path / name, tmp_path / (name + ".docx")
    src.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, paragraphs(out)


def gap_docx(path, numbers=("一、", "二、", "3、", "四、", "五、")):
    from docx import Document
    doc = Document()
    doc.add_paragraph("柳湾镇2026年党建工作总结")
    doc.add_paragraph("今年以来，镇党委坚持以党建引领基层治理，各项工作取得新进展。")
    for number, name in zip(numbers, ("主要做法", "取得成效", "存在问题", "原因分析", "下一步打算")):
        doc.add_paragraph(number + name)
        doc.add_paragraph(f"关于{name}的正文，写得足够长，像一段真正的报告正文那样有句号。")
    doc.save(path)
    return path


def test_a_typed_table_of_contents_stays_text_for_format_and_lint(runner, tmp_path):
    from docx import Document
    heads = ["一、基本情况", "二、主要做法", "三、存在问题"]
    doc = Document()
    for line in ["关于某镇基层党建工作的调研报告", "目  录", *(f"{h}\t{n}" for n, h in enumerate(heads, 1))]:
        doc.add_paragraph(line)
    doc.add_paragraph("四、对策建议\t4")
    for head in [*heads, "四、对策建议"]:
        doc.add_paragraph(head)
        doc.add_paragraph(f"关于{head[2:]}的正文，写得足够长，像一段真正的报告正文那样有句号。")
    src = tmp_path / "粗稿.docx"
    doc.save(src)
    formatted, fixed = tmp_path / "排版.docx", tmp_path / "修正.docx"
    assert runner.invoke(cli, ["format", str(src), "-o", str(formatted)]).exit_code == 0
    got = paragraphs(formatted)
    assert [t for s, t in got if s == "Heading 1"] == [*heads, "四、对策建议"]
    assert [t for s, t in got if s == "Normal"][:5] == ["目  录", *(f"{h}\t{n}" for n, h in enumerate(heads, 1)),
                                                         "四、对策建议\t4"]
    code, output = lint_lines(runner, formatted)
    assert code == 0 and "通过，0 处错误，0 处提醒" in output, output      # no full stop asked of 目录
    runner.invoke(cli, ["lint", "--no-pages", str(src), "--fix", "-o", str(fixed)])
    assert [t for s, t in paragraphs(fixed) if s == "Heading 1"] == [*heads, "四、对策建议"]


def test_counts_and_dates_that_open_on_figures_stay_text(runner, tmp_path):
    from docx import Document
    _, got = format_text(runner, tmp_path, "第一党支部2023年工作总结\n2024.1.15\n今年以来，支部认真抓好各项工作。\n"
                         "一、主要工作\n1、加强理论学习\n全年开展集中学习十二次。\n2、抓好党员发展\n"
                         "1、2月份召开支委会，确定发展对象2名。\n3、做好组织生活\n按时召开组织生活会。\n")
    assert ("署名", "2024.1.15") in got and ("Normal", "1、2月份召开支委会，确定发展对象2名。") in got
    assert [t for s, t in got if s == "Heading 2"] == ["（一）加强理论学习", "（二）抓好党员发展", "（三）做好组织生活"]
    typed = tmp_path / "手打.docx"                      # lint and lint --fix read a count as text too
    doc = Document()
    for line in ["某县经济运行分析", "一、总体情况", "全县经济平稳运行。", "二、下一步工作", "3、4季度要抓好项目建设。"]:
        doc.add_paragraph(line)
    doc.save(typed)
    fixed = tmp_path / "修正.docx"
    result = runner.invoke(cli, ["lint", "--no-pages", str(typed), "--fix", "-o", str(fixed)])
    assert "编号" not in result.output, result.output
    assert ("Normal", "3、4季度要抓好项目建设。") in paragraphs(fixed)


def test_format_keeps_a_drafts_tables_and_controlled_text(runner, tmp_path):
    from docx import Document
    from test_reading import controlled_docx
    src, out = controlled_docx(tmp_path / "控件.docx"), tmp_path / "排版.docx"
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    assert ("Normal", "我镇共有党员1200名。") in paragraphs(out) and ("表题", "表1  发展党员情况") in paragraphs(out)
    from docx.text.paragraph import Paragraph
    doc = Document(str(out))
    body = [Paragraph(el, doc).text if el.tag.endswith("}p") else el.tag.rsplit("}", 1)[1]
            for el in doc.element.body.iterchildren()]
    assert body.count("tbl") == 1 and body[body.index("表1  发展党员情况") + 1] == "tbl"   # under its caption
    table = doc.tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [["村", "人数"], ["XX村", "5"]]
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_a_heading_number_left_on_its_own_line_is_the_headings(runner, tmp_path):
    out, got = format_text(runner, tmp_path, "关于某村换届工作的报告\n一、基本情况\n全村共有党员四十二名。\n二、\n存在问题\n"
                           "个别村参选率不高。\n")
    assert [t for s, t in got if s == "Heading 1"] == ["一、基本情况", "二、存在问题"]
    code, output = lint_lines(runner, out)
    assert code == 0, output


@pytest.mark.parametrize("signed", [["中共某某县委组织部", "某某县人力资源和社会保障局", "2024年3月15日"],
                                    ["述职人：王建国", "2024年1月15日"]])
def test_format_and_lint_sign_with_joint_issuers_or_a_named_speaker(runner, tmp_path, signed):
    from docx import Document
    lines = ["关于某事的报告", "一、基本情况", "今年以来，各项工作有序推进。", *signed]
    out, got = format_text(runner, tmp_path, "\n".join(lines))
    assert [t for s, t in got if s == "落款"] == signed
    code, output = lint_lines(runner, out)
    assert code == 0, output
    typed, fixed = tmp_path / "手打.docx", tmp_path / "修正.docx"       # lint --fix reads the 落款 alike
    doc = Document()
    for line in lines:
        doc.add_paragraph(line)
    doc.save(typed)
    runner.invoke(cli, ["lint", "--no-pages", str(typed), "--fix", "-o", str(fixed)])
    assert [t for s, t in paragraphs(fixed) if s == "落款"] == signed


@pytest.mark.parametrize("tail", [["今后，我将努力做一名合格的好干部", "2024年1月15日"],      # a sentence, no signer
                                  ["（三）总结验收阶段", "2024年11月"]])                    # a schedule's month
def test_format_takes_no_sentence_or_schedule_for_the_signature(runner, tmp_path, tail):
    _, got = format_text(runner, tmp_path, "\n".join(["关于某事的报告", "一、基本情况", "今年以来，各项工作有序推进。", *tail]))
    assert tail[0] not in [t for s, t in got if s == "落款"] and "2024年11月" not in [t for s, t in got if s == "落款"]


def body_of(path):
    """A .docx body in order: a paragraph's text, or a table's rows of cell texts."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    doc = Document(str(path))
    return [Paragraph(el, doc).text if el.tag.endswith("}p") else [[c.text for c in r.cells] for r in Table(el, doc).rows]
            for el in doc.element.body.iterchildren() if el.tag.endswith(("}p", "}tbl"))]


def test_format_puts_tables_back_where_they_stood(runner, tmp_path):
    from docx import Document
    from docx.oxml import parse_xml
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = Document()

    def table(*rows):
        t = doc.add_table(rows=len(rows), cols=len(rows[0]))
        for cell, text in zip(t._cells, [c for r in rows for c in r]):
            cell.text = text
        return t
    doc.add_paragraph("关于重点工作完成情况的报告")
    doc.add_paragraph("一、主要指标")
    table(["指标", "完成"], ["投资", "8亿"])                        # right under a heading
    doc.add_paragraph("具体情况如下：")
    doc.add_paragraph("二、项目建设")
    doc.add_paragraph("具体情况如下：")
    table(["项目", "投资"], ["道路", "3亿"])                        # under the second of two like lines
    doc.add_paragraph("")
    merged = table(["序号", "2023年", "", "备注"], ["", "计划", "完成", ""])   # under the table before it
    merged.cell(0, 1).merge(merged.cell(0, 2))
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(    # a control still showing its placeholder
        f'<w:sdt {ns}><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字。</w:t></w:r>'
        '</w:p></w:sdtContent></w:sdt>'))
    doc.add_paragraph("三、下一步打算")
    doc.add_paragraph("继续加大力度，确保全年目标任务完成。")
    src, out = tmp_path / "表格.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    body = body_of(out)
    assert body[2:7] == [[["指标", "完成"], ["投资", "8亿"]], "具体情况如下：", "二、项目建设", "具体情况如下：",
                         [["项目", "投资"], ["道路", "3亿"]]]
    # the merged cell is one cell again (python-docx gives it at each of its columns)
    assert body[7] == [["序号", "2023年", "2023年", "备注"], ["", "计划", "完成", ""]]
    assert "单击此处输入文字。" not in body
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_keeps_the_bold_of_table_cells(runner, tmp_path):
    from docx import Document
    doc = Document()
    doc.add_paragraph("青岚镇2026年党建工作总结")
    doc.add_paragraph("一、主要做法")
    doc.add_paragraph("全年学习情况如下：")
    t = doc.add_table(rows=4, cols=3)
    for r, row in enumerate([["项目", "次数", "备注"], ["集中学习", "12", "每月一次"], ["主题党日", "12", ""],
                             ["合计", "24", "全部完成"]]):
        for c, text in enumerate(row):
            if text:
                run = t.cell(r, c).paragraphs[0].add_run(text)
                run.bold = c == 0 and r > 0 or (r, c) == (3, 2) or None
    t.cell(3, 2).paragraphs[0].add_run("，另有专题")               # bold in part: a cell not bold throughout
    doc.add_paragraph("二、存在问题")
    doc.add_paragraph("部分党员学习不够深入。")
    src, out = tmp_path / "表格.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    table = Document(out).tables[0]
    weights = [[any(r.bold for r in cell.paragraphs[0].runs) for cell in row.cells] for row in table.rows]
    assert weights == [[True, True, True], [True, False, False], [True, False, False], [True, False, False]]
    for row in t.rows:                                  # a draft typed all in bold: no cell stands out
        for cell in row.cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    doc.save(src)
    out.unlink()
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    assert [[any(r.bold for r in c.paragraphs[0].runs) for c in row.cells] for row in Document(out).tables[0].rows][1:] \
        == [[False] * 3] * 3
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_keeps_merged_table_cells_merged(runner, tmp_path, soffice):
    from docx import Document
    from generator.corpus.reading import docx_objects
    doc = Document()
    for line in ("某镇发展党员情况报告", "一、基本情况", "表1  发展党员情况统计表"):
        doc.add_paragraph(line)
    table = doc.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "村名"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "2025年"
    table.cell(0, 3).merge(table.cell(1, 3)).text = "备注"
    for r, row in enumerate((["", "计划", "完成", ""], ["东村", "3", "3", ""], ["西村", "2", "1", "一人延期"]), 1):
        for c, text in enumerate(row):
            if text:
                table.cell(r, c).text = text
    doc.add_paragraph("全镇发展党员工作有序推进。")
    src, out = tmp_path / "合并表.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    (before,), (after,) = docx_objects(src.read_bytes(), src), docx_objects(out.read_bytes(), out)
    assert after.rows == before.rows and sorted(after.merges) == [(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 2, 1)]
    # a reader sees each header once, and the two header rows in bold
    text = "".join(pdf_pages(to_pdf(soffice, out, tmp_path)))
    assert text.count("村名") == 1 and text.count("2025") == 1 and text.count("备注") == 1
    cells = Document(str(out)).tables[0].rows[1].cells
    assert all(run.bold for run in cells[1].paragraphs[0].runs)
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_and_lint_fix_read_a_numbering_gap_alike(runner, tmp_path):
    src = gap_docx(tmp_path / "粗稿.docx")
    formatted, fixed = tmp_path / "排版.docx", tmp_path / "修正.docx"
    assert runner.invoke(cli, ["format", str(src), "-o", str(formatted)]).exit_code == 0
    result = runner.invoke(cli, ["lint", "--no-pages", str(src), "--fix", "-o", str(fixed)])
    assert "编号：第7段 3、 → 三、" in result.output, result.output
    want = ["一、主要做法", "二、取得成效", "三、存在问题", "四、原因分析", "五、下一步打算"]
    assert [t for s, t in paragraphs(formatted) if s == "Heading 1"] == want
    assert [t for s, t in paragraphs(fixed) if s == "Heading 1"] == want
    code, output = lint_lines(runner, formatted)
    assert code == 0 and "编号" not in output, output


def format_and_fix(runner, tmp_path, lines):
    """A .docx of ``lines`` (one paragraph each, as typed), formatted and lint-fixed:
    ``(formatted, fixed, lint --fix's result)``."""
    src, formatted, fixed = tmp_path / "粗稿.docx", tmp_path / "排版.docx", tmp_path / "修正.docx"
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(formatted)]).exit_code == 0
    return formatted, fixed, runner.invoke(cli, ["lint", "--no-pages", str(src), "--fix", "-o", str(fixed)])


def test_long_items_run_into_their_text_are_headings_to_format_and_lint_alike(runner, tmp_path):
    body = "全年召开支部党员大会12次、支委会24次，讲党课4次，组织生活会和民主评议党员按时召开，党员参学率达到98%以上。"
    lines = ["某局2026年党建工作总结", "一、主要做法", "1、坚持顶层设计。" + body, "2、坚持项目支撑。" + body, "二、存在问题",
             "1、学习不够深入。" + body, "3、活动形式单一。" + body]
    assert all(len(line) > 60 for line in lines[2:4])                # longer than a heading alone may be
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    want = ["一、主要做法", "（一）坚持顶层设计。", "（二）坚持项目支撑。", "二、存在问题", "（一）学习不够深入。", "（二）活动形式单一。"]
    for out in (formatted, fixed):
        got = [text for style, text in paragraphs(out) if style.startswith("Heading")]
        assert len(got) == len(want) and all(g.startswith(w) for g, w in zip(got, want)), (out.name, got)
        assert sum(body in text for _, text in paragraphs(out)) == 4
    assert "第7段 3、 → （二）" in result.output, result.output
    # lint reads the typed draft so too: the numbers are wrong for their level, and one skips
    code, output = lint_lines(runner, tmp_path / "粗稿.docx")
    assert "编号：应为 （一），实为 1、" in output and "编号：应为 （二），实为 3、" in output, output
    # a long numbered sentence with no heading run into it heads its place in a run of headings (its
    # number comes before 2、坚持项目支撑), and stays body text in a run of such sentences
    lines[2] = "1、全年召开支部党员大会12次、支委会24次，讲党课4次，组织生活会和民主评议党员按时召开，党员参学率达到98%以上，群众满意。"
    (tmp_path / "two").mkdir()
    formatted, fixed, result = format_and_fix(runner, tmp_path / "two", lines)
    for out in (formatted, fixed):
        got = [text for style, text in paragraphs(out) if style == "Heading 2"]
        assert got[0] == "（一）" + lines[2][2:] and got[1].startswith("（二）坚持项目支撑。"), (out.name, got)
    lines[3] = "2、" + lines[2][2:]
    (tmp_path / "three").mkdir()
    formatted, fixed, result = format_and_fix(runner, tmp_path / "three", lines)
    for out in (formatted, fixed):
        assert lines[2] in [text for style, text in paragraphs(out) if not style.startswith("Heading")], out.name


def test_a_section_name_under_the_title_is_no_byline(runner, tmp_path):
    lines = ["青岚村党支部2026年工作总结", "主要做法", "全年集中学习12次，发展党员3名，为民办实事20件。", "1.学习不够深入。",
             "2.活动形式单一。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        assert ("署名", "主要做法") not in paragraphs(out) and ("Normal", "主要做法") in paragraphs(out), out.name
    for unit in ("青岚村党支部", "县委对策研究室", "问题整改专班"):       # a unit's name under it is, a
        byline = ["青岚村党支部2026年工作总结", unit, *lines[2:]]             # section's word inside it or not
        (tmp_path / unit).mkdir()
        formatted, fixed, result = format_and_fix(runner, tmp_path / unit, byline)
        for out in (formatted, fixed):
            assert ("署名", unit) in paragraphs(out), out.name


def test_a_name_and_its_colon_heading_a_part_lose_the_colon_in_format_and_lint_fix(runner, tmp_path):
    lines = LEAD + ["主要做法：", "1.规范组织生活。", "2.加强队伍建设。", "品牌效应：", "1.群众满意度提升。", "2.集体经济壮大。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert "编号：第3段 加上“一、”，去掉末尾的冒号" in result.output, result.output
    for out in (formatted, fixed):
        heads = [t for s, t in paragraphs(out) if s.startswith("Heading")]
        assert heads[0] == "一、主要做法" and heads[3] == "二、品牌效应", (out.name, heads)


@pytest.mark.parametrize("items, heads", [
    (["1.党员意识明显增强", "2.支部活力不断提升"], ["（三）推进阵地建设", "（四）加强队伍建设"]),
    (["1.开通“红色代办”热线，全年办理事项300余件。", "2.设立党员先锋岗，为群众提供帮办服务。"],
     ["（三）推进阵地建设", "（四）加强队伍建设"]),           # an item counting on the headings above, run in, is one
])
def test_a_list_that_starts_again_under_a_lead_in_stays_text_in_format_and_lint(runner, tmp_path, items, heads):
    lines = ["青岚社区党委2026年工作总结", "一、主要做法", "1.加强组织建设。调整充实网格党支部8个。",
             "2.深化为民服务。社区坚持把服务群众作为第一要务。", "通过一年来的努力，社区取得了以下成效：", *items,
             "3.推进阵地建设。新建党群服务中心1个。", "4.加强队伍建设。培训社区干部120人次。", "二、下一步打算",
             "主要表现在：", "1.持续抓好党员教育。", "2.不断完善服务体系。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert result.exit_code == 0, result.output
    for out in (formatted, fixed):
        got = paragraphs(out)
        got_heads = [t.split("。")[0] for s, t in got if s.startswith("Heading")]
        assert got_heads == ["一、主要做法", "（一）加强组织建设", "（二）深化为民服务", *heads, "二、下一步打算",
                             "（一）持续抓好党员教育", "（二）不断完善服务体系"], out.name  # (a new parent's run is its own)
        assert [(s, t) for s, t in got if t in items] == [("Normal", t) for t in items], out.name     # as typed
    code, output = lint_lines(runner, tmp_path / "粗稿.docx")
    assert not any("编号" in line and any(t[:6] in line for t in items) for line in output.splitlines()), output
    for out in (formatted, fixed):
        code, output = lint_lines(runner, out)
        assert code == 0 and "：通过，0 处错误" in output, output


@pytest.mark.parametrize("lines, want", [
    (["青岚社区党委2026年工作总结", "一、主要做法", "1.加强组织建设", "调整充实网格党支部8个。", "2.深化为民服务",
      "全年办理群众诉求300余件。", "通过一年来的努力，社区取得了以下成效：", "1.党员意识明显增强", "2.支部活力不断提升",
      "3.推进阵地建设", "新建党群服务中心1个。", "4.加强队伍建设", "培训社区干部120人次。", "二、存在问题", "学用结合不够紧密。"],
     ["一、主要做法", "（一）加强组织建设", "（二）深化为民服务", "（三）推进阵地建设", "（四）加强队伍建设", "二、存在问题"]),
    # (items run in, shaped as the headings above, are headings: the run under the lead-in goes on)
    (["青岚社区党委2026年工作总结", "一、主要做法", "1.加强组织建设。调整充实网格党支部8个。", "2.深化为民服务。全年办理诉求300余件。",
      "在此基础上，我们还着力抓好以下两项工作：", "1.推进阵地建设。新建党群服务中心1个。", "2.加强队伍建设。培训社区干部120人次。",
      "二、存在问题", "学用结合不够紧密。"],
     ["一、主要做法", "（一）加强组织建设。", "（二）深化为民服务。", "（三）推进阵地建设。", "（四）加强队伍建设。", "二、存在问题"]),
    # (Chinese numbers one under the other, under a lead-in, are a list too)
    (["青岚街道2026年党建工作总结", "一、主要做法", "全年开展集中学习24次。", "二、取得成效", "经过一年努力，取得了以下成效：",
      "一、群众满意度明显提升", "二、基层治理更加有效", "三、存在问题", "学用结合不够紧密。", "四、下一步打算", "持续深化理论学习。"],
     ["一、主要做法", "二、取得成效", "三、存在问题", "四、下一步打算"]),
])
def test_lists_under_lead_ins_end_where_headings_go_on(runner, tmp_path, lines, want):
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        heads = [t for s, t in paragraphs(out) if s.startswith("Heading")]
        assert [h[:len(w)] for h, w in zip(heads, want)] == want and len(heads) == len(want), (out.name, heads)
        code, output = lint_lines(runner, out)
        assert code == 0 and "：通过，0 处错误" in output, output


def test_a_speech_in_heading_styles_starts_again_under_a_lead_in_in_format_and_lint(runner, tmp_path):
    src, formatted = tmp_path / "讲话.docx", tmp_path / "排版.docx"
    document = Document()
    document.add_paragraph("在青岚镇2026年党建工作会议上的讲话")
    for text, style in [("一、政治建设全面加强", "Heading 1"), ("全镇党组织深入开展理论学习。", None), ("二、基层组织更加坚强", "Heading 1"),
                        ("全镇村党组织全部达标。", None), ("对于明年的工作，我再提两点要求：", None), ("一、要提高政治站位", "Heading 1"),
                        ("各级党组织要扛起责任。", None), ("二、要夯实基层基础", "Heading 1"), ("持续推进支部建设。", None)]:
        document.add_paragraph(text, style)
    document.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(formatted)]).exit_code == 0
    assert [t for s, t in paragraphs(formatted) if s.startswith("Heading")] == [
        "一、政治建设全面加强", "二、基层组织更加坚强", "一、要提高政治站位", "二、要夯实基层基础"]
    for path in (src, formatted):
        assert "编号" not in lint_lines(runner, path)[1]


# drafts of the second and third reviews of the lead-in reading (2026-12-08); "#N " marks a line in Word's Heading N
SECOND_REVIEW = {
    "long sentences listed under a run-in heading": (["青岚镇2026年党建工作总结", "今年以来，镇党委坚持以习近平新时代中国特色社会主义思想为指导，全面加强党的建设，各项工作取得新成效。", "一、主要做法", "1.强化理论武装。全年开展集中学习24次，覆盖党员1200余人次。", "2.夯实基层组织。全镇上下坚持抓基层、打基础，重点做了以下三项工作。", "1.对全镇45个基层党组织逐一开展分析研判，排查出软弱涣散村党组织3个，全部落实县处级领导包联整顿措施，目前已全部完成整顿转化任务。", "2.从镇机关和县直部门选派12名优秀年轻干部到村任职，推动村党组织书记队伍结构进一步优化，平均年龄下降4.6岁，大专以上学历占比达到68%。", "3.建立村党组织书记月例会、季度评星、年度述职制度，推动村级组织运转更加规范有序、务实高效，村级组织服务群众的能力和水平明显提升。", "3.深化为民服务。全年办理群众急难愁盼事项300余件。", "二、存在问题", "学用结合不够紧密，部分支部活动形式单一。", "三、下一步打算", "持续深化理论学习，着力提升组织力。"],
        ["一、主要做法", "（一）强化理论武装。", "（二）夯实基层组织。", "（三）深化为民服务。", "二、存在问题", "三、下一步打算"]),
    "a list under heading 1.": (["关于青岚镇农村基层党组织建设情况的调研报告", "为全面掌握农村基层党组织建设情况，调研组于今年6月深入全镇12个村开展专题调研，现将有关情况报告如下。", "一、基本情况", "全镇共有村党组织12个，党员860名，其中农村党员720名。", "二、存在的主要问题", "1.党员队伍老化问题突出。调研发现，农村党员队伍结构性矛盾较为明显，具体表现在以下几个方面。", "1.全镇60岁以上的农村党员占比已经达到46.8%，部分村近三年来没有发展一名35岁以下的青年党员，党员队伍后继乏人问题日益凸显。", "2.外出务工经商的党员占比达到21%，流动党员教育管理存在盲区，部分流动党员长期游离于组织之外、不参加组织生活，党员意识和组织观念逐渐淡化。", "2.村级集体经济发展不平衡。12个村中，集体经济年收入超过50万元的仅有3个，仍有2个村低于10万元。", "3.村干部队伍能力有待提升。部分村干部思路不宽、办法不多。", "三、对策建议", "进一步加大青年党员发展力度，探索建立流动党员“双向管理”机制。"],
        ["一、基本情况", "二、存在的主要问题", "（一）党员队伍老化问题突出。", "（二）村级集体经济发展不平衡。",
         "（三）村干部队伍能力有待提升。", "三、对策建议"]),
    "a Chinese list before a section with parts": (["青岚街道2026年党建工作总结", "今年以来，街道党工委坚持以党建引领基层治理，现将有关情况报告如下。", "一、主要做法", "全年开展集中学习24次，新建“两新”党组织6个。", "二、取得成效", "经过一年努力，取得了以下成效：", "一、群众满意度明显提升", "二、基层治理更加有效", "三、存在问题", "（一）学用结合不够紧密", "部分党员学习停留在读原文、抄笔记上。", "（二）基层基础仍有短板", "个别支部组织生活不够规范。", "四、下一步打算", "（一）持续深化理论学习", "推动学习成果转化为工作成效。", "（二）着力提升组织力", "持续推进支部标准化规范化建设。"],
        ["一、主要做法", "二、取得成效", "三、存在问题", "（一）学用结合不够紧密", "（二）基层基础仍有短板", "四、下一步打算",
         "（一）持续深化理论学习", "（二）着力提升组织力"]),
    "a list, a summary below it and the next heading": (["青岚社区党委2026年工作总结", "一、主要做法", "1.加强组织建设", "调整充实网格党支部8个，选优配强支部书记。", "2.深化为民服务", "社区坚持把服务群众作为第一要务，取得了以下成效：", "1.群众诉求办结率达到98%", "2.群众满意度达到96%", "3.“红色代办”事项3000余件", "据统计，全年共收到群众感谢信120封。", "3.推进阵地建设", "新建党群服务中心1个，改造提升网格党群驿站5个。", "4.加强队伍建设", "培训社区干部120人次。", "二、存在问题", "学用结合不够紧密。"],
        ["一、主要做法", "（一）加强组织建设", "（二）深化为民服务", "（三）推进阵地建设", "（四）加强队伍建设", "二、存在问题"]),
    "a heading ending in a colon is no lead-in": (["青岚镇2026年党建工作总结", "今年以来，镇党委坚持以党建引领基层治理，各项工作取得新成效。", "#1 一、主要成效", "全镇各级党组织深入开展理论学习，全年开展集中学习24次。", "#1 二、存在问题：", "#1 一、理论学习不够深入", "部分党员学习停留在读原文、抄笔记上。", "#1 二、组织生活不够规范", "个别支部“三会一课”不够经常。", "#1 三、下一步打算", "持续深化理论学习，着力提升组织力。"],
        ["一、主要成效", "二、存在问题", "三、理论学习不够深入", "四、组织生活不够规范", "五、下一步打算"]),
    "a lead-in run into a heading": (["在青岚镇2026年党建工作会议上的讲话", "同志们：", "一、充分肯定今年工作成绩", "全镇各级党组织深入开展理论学习，基层组织更加坚强。", "二、明年工作要求。对于明年的工作，我再提三点要求：", "一、要提高政治站位", "各级党组织要切实扛起管党治党责任。", "二、要夯实基层基础", "持续推进支部标准化建设。", "三、要锤炼过硬作风", "坚决整治形式主义官僚主义。"],
        ["一、充分肯定今年工作成绩", "二、明年工作要求。", "一、要提高政治站位", "二、要夯实基层基础", "三、要锤炼过硬作风"]),
    "styled, a list under a lead-in": (["青岚街道2026年党建工作总结", "今年以来，街道党工委坚持以党建引领基层治理，现将有关情况报告如下。", "#1 一、主要做法", "全年开展集中学习24次，新建“两新”党组织6个。", "#1 二、取得成效", "经过一年努力，取得了以下成效：", "一、群众满意度明显提升", "二、基层治理更加有效", "#1 三、存在问题", "#2 （一）学用结合不够紧密", "部分党员学习停留在读原文、抄笔记上。", "#2 （二）基层基础仍有短板", "个别支部组织生活不够规范。", "#1 四、下一步打算", "#2 （一）持续深化理论学习", "推动学习成果转化为工作成效。", "#2 （二）着力提升组织力", "持续推进支部标准化规范化建设。"],
        ["一、主要做法", "二、取得成效", "三、存在问题", "（一）学用结合不够紧密", "（二）基层基础仍有短板", "四、下一步打算",
         "（一）持续深化理论学习", "（二）着力提升组织力"]),
    "a list under a lead-in run into a heading": (["机关党支部2024年党建工作总结", "一、主要做法", "1.加强理论学习。支部坚持每月集中学习，全年开展集中学习12次。", "2.规范组织生活。严格落实“三会一课”制度，全年召开支部委员会12次。", "3.强化作风建设。支部围绕作风建设提出了三项要求：", "1.严守工作纪律", "2.提高办事效率", "3.改进服务态度", "4.深化服务群众。组织党员下沉社区开展志愿服务20余次。", "二、存在问题", "1.理论学习不够深入。", "2.作用发挥不够充分。"],
        ["一、主要做法", "（一）加强理论学习。", "（二）规范组织生活。", "（三）强化作风建设。", "（四）深化服务群众。", "二、存在问题",
         "（一）理论学习不够深入。", "（二）作用发挥不够充分。"]),
    # (a third review's)
    "the last heading of its run after a list": (["青岚街道2026年党建工作总结", "一、主要做法", "全年开展集中学习24次，新建党组织6个。", "二、取得成效", "经过一年努力，取得了以下成效：", "一、群众满意度明显提升", "二、基层治理更加有效", "三、下一步打算", "持续深化理论学习，着力提升组织力。"],
        ["一、主要做法", "二、取得成效", "三、下一步打算"]),
    "labels that count their points": (["青岚社区“红色网格”工作经验材料", "近年来，青岚社区党委探索“红色网格”治理模式，取得了较好成效。", "主要做法：", "1.织密组织网络。按照“社区党委—网格党支部—楼栋党小组”架构，建立三级组织体系。", "2.建强网格队伍。选优配强网格长42名，吸纳党员志愿者260名。", "3.完善服务机制。建立“居民点单、网格派单、党员接单”服务机制。", "几点体会：", "1.必须坚持党建引领。只有把党的组织优势转化为治理效能，基层治理才有方向。", "2.必须坚持群众路线。只有把群众需求作为工作导向，服务才能精准有效。", "3.必须坚持改革创新。只有不断探索新路径，治理才能充满活力。"],
        ["一、主要做法", "（一）织密组织网络。", "（二）建强网格队伍。", "（三）完善服务机制。", "二、几点体会",
         "（一）必须坚持党建引领。", "（二）必须坚持群众路线。", "（三）必须坚持改革创新。"]),
}


def styled_docx(path, lines):
    """A .docx of ``lines``, one paragraph each; a line "#N text" in Word's Heading N."""
    document = Document()
    for line in lines:
        styled = re.match(r"#(\d) (.*)", line)
        document.add_paragraph(styled[2], f"Heading {styled[1]}") if styled else document.add_paragraph(line)
    document.save(path)


@pytest.mark.parametrize("case", SECOND_REVIEW)
def test_lists_and_restarts_of_the_second_review_read_alike_in_format_and_lint(runner, tmp_path, case):
    lines, want = SECOND_REVIEW[case]
    src, formatted, fixed = tmp_path / "粗稿.docx", tmp_path / "排版.docx", tmp_path / "修正.docx"
    styled_docx(src, lines)
    assert runner.invoke(cli, ["format", str(src), "-o", str(formatted)]).exit_code == 0
    result = runner.invoke(cli, ["lint", "--no-pages", str(src), "--fix", "-o", str(fixed)])
    assert result.exit_code == 0, result.output
    for out in (formatted, fixed):
        heads = [t for s, t in paragraphs(out) if s.startswith("Heading")]
        assert len(heads) == len(want) and all(h.startswith(w) for h, w in zip(heads, want)), (out.name, heads)
        code, output = lint_lines(runner, out)
        assert code == 0 and "：通过，0 处错误" in output, output
    if case.startswith(("styled", "a lead-in run")):      # numbers typed as they should be: none to report
        assert "编号" not in lint_lines(runner, src)[1]


def test_headings_styled_without_numbers_end_the_run_above_a_lead_in(runner, tmp_path):
    lines = ["青岚街道2026年党建工作总结", "今年以来，街道党工委坚持以党建引领基层治理，取得了新成效。", "#1 主要做法",
             "我们重点抓了以下几项工作：", "1.强化理论武装", "2.夯实基层组织", "3.深化为民服务", "#1 存在问题", "主要有以下几个方面：",
             "1.理论学习不够深入", "2.组织生活不够规范", "#1 下一步打算", "下一步，我们将重点抓好以下工作：", "1.持续深化理论学习",
             "2.着力提升组织力"]
    src, formatted = tmp_path / "粗稿.docx", tmp_path / "排版.docx"
    styled_docx(src, lines)
    assert runner.invoke(cli, ["format", str(src), "-o", str(formatted)]).exit_code == 0
    assert [t for s, t in paragraphs(formatted) if s.startswith("Heading")] == [
        "一、主要做法", "（一）强化理论武装", "（二）夯实基层组织", "（三）深化为民服务", "二、存在问题", "（一）理论学习不够深入",
        "（二）组织生活不够规范", "三、下一步打算", "（一）持续深化理论学习", "（二）着力提升组织力"]
    assert "：通过，0 处错误" in lint_lines(runner, formatted)[1]


def test_chinese_numbers_starting_again_under_a_lead_in_head_their_parts_in_format_and_lint(runner, tmp_path):
    lines = ["在青岚镇2026年党建工作会议上的讲话", "同志们：", "一、政治建设全面加强", "全镇各级党组织深入开展理论学习。",
             "二、基层组织更加坚强", "全镇村党组织全部达到星级标准。", "对于明年的工作，我再提三点要求：", "一、要提高政治站位",
             "各级党组织要切实扛起管党治党责任。", "二、要夯实基层基础", "持续推进支部标准化建设。", "三、要锤炼过硬作风",
             "坚决整治形式主义官僚主义。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert result.exit_code == 0, result.output
    for out in (formatted, fixed):
        assert [(s, t) for s, t in paragraphs(out) if s.startswith("Heading")] == [
            ("Heading 1", lines[k]) for k in (2, 4, 7, 9, 11)], out.name     # numbered as typed, afresh under the lead-in
    for path in (tmp_path / "粗稿.docx", formatted, fixed):
        code, output = lint_lines(runner, path)
        assert "编号" not in output, output
    assert "：通过，0 处错误" in lint_lines(runner, formatted)[1]


@pytest.mark.parametrize("at", [0, 1, 2])
def test_a_long_one_sentence_item_among_run_in_headings_heads_its_place_in_format_and_lint(runner, tmp_path, at):
    items = ["1.规范组织生活。全年召开支部党员大会12次，讲党课4次。", "2.壮大集体经济。村集体经济收入达到35万元。",
             "3.强化队伍建设。培训党员120人次。"]
    long = "坚持每月开展主题党日活动，组织党员参加志愿服务，全年累计服务群众超过两千人次，群众满意度明显提升，党员先锋模范作用得到充分发挥。"
    items[at] = f"{at + 1}.{long}"
    lines = LEAD + ["一、主要做法", *items, "二、存在问题", "部分党员学习不够深入。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        heads = [t for s, t in paragraphs(out) if s == "Heading 2"]
        assert [t[:3] for t in heads] == ["（一）", "（二）", "（三）"] and heads[at] == f"（{'一二三'[at]}）{long}", (out.name, heads)
        code, output = lint_lines(runner, out)
        assert code == 0 and "：通过，0 处错误" in output, output


def test_items_of_a_list_numbered_with_half_a_bracket_stay_text_and_raise_no_pair_reminder(runner, tmp_path):
    lines = ["青岚镇2026年党建工作总结", "今年以来，镇党委坚持以党建引领基层治理，现将有关情况总结如下。", "一、主要做法",
             "（一）加强理论学习", "主要做法有：", "1)每月固定开展主题党日；", "2）每季度讲一次党课；", "3）每半年开展一次评议。",
             "（二）夯实基层组织", "全镇新建党支部3个，整顿软弱涣散村党组织2个。", "二、存在问题", "部分党支部组织生活不够规范。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        assert [text for style, text in paragraphs(out) if text[:2] in ("1)", "1）", "2）", "3）")] == [
            "1）每月固定开展主题党日；", "2）每季度讲一次党课；", "3）每半年开展一次评议。"]      # a list, not headings
        code, output = lint_lines(runner, out)
        assert code == 0 and "成对符号" not in output, output


def test_format_joins_headings_broken_after_their_comma(runner, tmp_path):
    src, out = tmp_path / "粗稿.txt", tmp_path / "排版.docx"
    body = "参加述职的各党组织书记围绕主题教育、组织建设和党建质量作了重点发言，查摆问题，分析原因。"
    src.write_text("\n".join(["青岚街道党建述职评议工作总结", "为提高基层党组织书记抓党建工作水平，街道召开述职评议会，现将情况总结如下。",
                              "聚焦重点内容，", "强化原因分析。", body, "聚焦工作创新，", "强化述职效果。", body]), encoding="utf-8")
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    assert [p for p in paragraphs(out) if p[0] == "Heading 1"] == [
        ("Heading 1", "一、聚焦重点内容，强化原因分析。"), ("Heading 1", "二、聚焦工作创新，强化述职效果。")]
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_and_lint_fix_read_a_part_typed_as_a_list_item_alike(runner, tmp_path):
    # 3、存在问题 after 二.'s items 1、 2、 and before 四、 is the third part, mistyped
    lines = ["某镇党建工作情况报告", "一、基本情况", "全镇共有党组织12个。", "二.主要做法", "1、加强学习",
             "全年组织学习12次。", "2、强化管理", "建立积分制度。", "3、存在问题", "部分党员学习不够深入。",
             "四、下一步打算", "继续加强教育培训。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert "编号：第9段 3、 → 三、" in result.output, result.output
    want = ["一、基本情况", "二、主要做法", "三、存在问题", "四、下一步打算"]
    for out in (formatted, fixed):
        assert [t for s, t in paragraphs(out) if s == "Heading 1"] == want
        assert [t for s, t in paragraphs(out) if s == "Heading 2"] == ["（一）加强学习", "（二）强化管理"]
    code, output = lint_lines(runner, formatted)
    assert code == 0, output


def test_format_and_lint_fix_write_a_text_in_parts_alike(runner, tmp_path):
    from test_outline import PARTS
    formatted, fixed, result = format_and_fix(runner, tmp_path, PARTS)
    assert "编号：" not in result.output, result.output        # each part numbers its headings afresh
    want = [("Title", PARTS[0]), ("部分标题", "第一部分 2026年工作总结"), ("Heading 1", "一、主要工作"),
            ("Heading 2", "（一）抓好理论学习"), ("Heading 2", "（二）夯实基层组织"), ("Heading 1", "二、存在问题"),
            ("部分标题", "第二部分：2027年工作打算"), ("Heading 1", "一、加强政治建设"), ("Heading 1", "二、加强组织建设")]
    for out in (formatted, fixed):
        got = [(s, t.replace("\n", "")) for s, t in paragraphs(out)]
        assert [(s, t) for s, t in got if s in ("Title", "部分标题") or s.startswith("Heading")] == want
        assert len(got) == len(PARTS)                       # every line kept
        code, output = lint_lines(runner, out)
        assert code == 0 and "编号" not in output, output
    # the part's heading as the style sheet sets it: 黑体, centred, no indent
    part = next(p for p in Document(formatted).paragraphs if p.style.name == "部分标题")
    assert part.style.paragraph_format.alignment == 1 and not part.style.paragraph_format.first_line_indent
    assert part.style.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"


SURE = "全区各级党组织坚持问题导向，深入基层走访调研，形成了一批可复制可推广的经验做法。"
T = "某街道党工委2026年工作总结和2027年工作打算"


@pytest.mark.parametrize("lines, parts", [
    # a dash after the part's number; the number alone on its line, the name on the next
    ([T, "第一部分——2026年工作总结", "一、主要工作", SURE, "二、存在问题", SURE, "第二部分——2027年工作打算",
      "一、加强政治建设", SURE], ["第一部分——2026年工作总结", "第二部分——2027年工作打算"]),
    ([T, "第一部分", "2026年工作总结", "一、主要工作", SURE, "二、存在问题", SURE, "第二部分", "2027年工作打算",
      "一、加强政治建设", SURE], ["第一部分 2026年工作总结", "第二部分 2027年工作打算"]),
    # a typed contents that lists the parts
    ([T, "目  录", "第一部分 2026年工作总结", "第二部分 2027年工作打算", "第一部分 2026年工作总结", "一、主要工作",
      SURE, "二、存在问题", SURE, "第二部分 2027年工作打算", "一、加强政治建设", SURE],
     ["第一部分 2026年工作总结", "第二部分 2027年工作打算"]),
    # parts and headings in Word's heading styles: 标题 1 and 2, or all in 标题 1
    ([T, ("第一部分 2026年工作总结", "Heading 1"), ("一、主要工作", "Heading 2"), SURE, ("二、存在问题", "Heading 2"),
      SURE, ("第二部分 2027年工作打算", "Heading 1"), ("一、加强政治建设", "Heading 2"), SURE],
     ["第一部分 2026年工作总结", "第二部分 2027年工作打算"]),
    ([T, ("第一部分 2026年工作总结", "Heading 1"), ("一、主要工作", "Heading 1"), SURE, ("二、存在问题", "Heading 1"),
      SURE, ("第二部分 2027年工作打算", "Heading 1"), ("一、加强政治建设", "Heading 1"), SURE],
     ["第一部分 2026年工作总结", "第二部分 2027年工作打算"]),
], ids=["dash", "alone", "contents", "styled", "all-heading-1"])
def test_format_and_lint_fix_read_parts_typed_any_way_alike(runner, tmp_path, lines, parts):
    src, formatted, fixed = tmp_path / "粗稿.docx", tmp_path / "排版.docx", tmp_path / "修正.docx"
    document = Document()
    for line in lines:
        document.add_paragraph(*((line,) if isinstance(line, str) else line))
    document.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(formatted)]).exit_code == 0
    result = runner.invoke(cli, ["lint", "--no-pages", str(src), "--fix", "-o", str(fixed)])
    want = [("Title", T), ("部分标题", parts[0]), ("Heading 1", "一、主要工作"), ("Heading 1", "二、存在问题"),
            ("部分标题", parts[1]), ("Heading 1", "一、加强政治建设")]
    for out in (formatted, fixed):
        got = [(s, t.replace("\n", "")) for s, t in paragraphs(out)]
        assert [(s, t) for s, t in got if s in ("Title", "部分标题") or s.startswith("Heading")] == want, result.output
        code, output = lint_lines(runner, out)
        assert code == 0, output


def test_a_preface_and_an_ending_stand_beside_the_parts_and_a_list_of_parts_is_text(runner, tmp_path):
    lines = [T, "前言", SURE, "第一部分 2026年工作总结", "一、主要工作", SURE, "第二部分 2027年工作打算",
             "一、加强政治建设", SURE, "结束语", SURE]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    want = [("部分标题", "前言"), ("部分标题", "第一部分 2026年工作总结"), ("Heading 1", "一、主要工作"),
            ("部分标题", "第二部分 2027年工作打算"), ("Heading 1", "一、加强政治建设"), ("部分标题", "结束语")]
    for out in (formatted, fixed):
        assert [(s, t) for s, t in paragraphs(out) if s == "部分标题" or s.startswith("Heading")] == want
        assert lint_lines(runner, out)[0] == 0
    # the parts of a questionnaire listed one under the other, before the report's headings
    (tmp_path / "list").mkdir()
    lines = ["关于全区青年党员思想状况的调研报告", "问卷分为三个部分：", "第一部分 基本信息", "第二部分 学习情况",
             "第三部分 意见建议", "一、调研基本情况", SURE, "二、存在的主要问题", SURE]
    formatted, fixed, result = format_and_fix(runner, tmp_path / "list", lines)
    for out in (formatted, fixed):
        assert [(s, t) for s, t in paragraphs(out) if s == "部分标题" or s.startswith("Heading")] == [
            ("Heading 1", "一、调研基本情况"), ("Heading 1", "二、存在的主要问题")]


def test_a_questionnaires_parts_in_a_report_are_text(runner, tmp_path):
    # 第一部分：……，共8题； lists what a questionnaire holds: a list in 一、's text, not the report's parts
    lines = ["关于全区新就业群体党建工作的调研报告", "一、调研基本情况", "本次调研共发放问卷500份。问卷分为三个部分：",
             "第一部分：受访者基本信息，共8题；", "第二部分：党组织建设情况，共12题；", "第三部分：意见建议，共3题。",
             "二、主要成效", SURE, "三、存在问题", SURE, "一、主要做法", SURE, "第一部分：组织建设", SURE, "二、存在问题", SURE]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines[:10])
    for out in (formatted, fixed):
        assert [t for s, t in paragraphs(out) if s.startswith("Heading")] == ["一、调研基本情况", "二、主要成效", "三、存在问题"]
        assert lint_lines(runner, out)[0] == 0
    # a line citing a part of another paper, under a 一、 heading, is text too
    (tmp_path / "cited").mkdir()
    formatted, fixed, result = format_and_fix(runner, tmp_path / "cited", lines[:1] + lines[10:])
    for out in (formatted, fixed):
        assert [t for s, t in paragraphs(out) if s.startswith("Heading")] == ["一、主要做法", "二、存在问题"]


@pytest.mark.parametrize("top", ["{}. ", "{} "])      # 1. 基本情况, or 1 基本情况 (a figure and a space)
def test_format_and_lint_fix_read_decimal_numbers_alike(runner, tmp_path, top):
    lines = ["关于某区机关党建工作的调研报告", top.format(1) + "基本情况", "1.1 党组织设置", "全区机关共有党组织86个。",
             "1.2 党员队伍", "机关党员1260名。", top.format(2) + "存在问题", "2.1 党建与业务结合不紧", "部分单位存在“两张皮”现象。",
             "2.1.1 学习形式单一", "集中学习以读文件为主。", "2.1.2、考核导向不强", "考核结果运用不够。",
             "2.2 党务干部力量薄弱", "兼职党务干部占比超过八成。", top.format(3) + "对策建议", "3.5万名群众受益的项目要优先保障。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert "编号：第10段 2.1.1 → 1." in result.output, result.output
    want = [("Heading 1", "一、基本情况"), ("Heading 2", "（一）党组织设置"), ("Heading 2", "（二）党员队伍"),
            ("Heading 1", "二、存在问题"), ("Heading 2", "（一）党建与业务结合不紧"), ("Heading 3", "1.学习形式单一"),
            ("Heading 3", "2.考核导向不强"), ("Heading 2", "（二）党务干部力量薄弱"), ("Heading 1", "三、对策建议")]
    for out in (formatted, fixed):
        got = paragraphs(out)
        assert [(s, t) for s, t in got if s.startswith("Heading")] == want
        assert got[-1] == ("Normal", lines[-1])           # a count, not a heading
        code, output = lint_lines(runner, out)
        assert code == 0 and "编号" not in output, output


def test_bare_lines_over_numbers_that_start_again_head_them_in_format_and_lint_fix_alike(runner, tmp_path):
    lines = ["青岚村2026年党建工作总结", "今年以来，村党支部坚持以党建引领乡村振兴，各项工作取得新进展。",
             "强化组织建设，筑牢战斗堡垒", "1.规范组织生活", "全年召开支部党员大会4次。", "2.加强党员管理", "建立党员积分台账。",
             "发展特色产业，促进群众增收", "1.做强茶叶产业", "新建标准化茶园500亩。", "2.发展乡村旅游", "接待游客2万人次。",
             "存在问题", "村集体经济收入来源单一，抗风险能力弱。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert "编号：第3段 加上“一、”" in result.output and "编号：第13段 加上“三、”" in result.output, result.output
    want = [("Heading 1", "一、强化组织建设，筑牢战斗堡垒"), ("Heading 2", "（一）规范组织生活"), ("Heading 2", "（二）加强党员管理"),
            ("Heading 1", "二、发展特色产业，促进群众增收"), ("Heading 2", "（一）做强茶叶产业"), ("Heading 2", "（二）发展乡村旅游"),
            ("Heading 1", "三、存在问题")]
    for out in (formatted, fixed):
        assert [(s, t) for s, t in paragraphs(out) if s.startswith("Heading")] == want
        code, output = lint_lines(runner, out)
        assert code == 0 and "编号" not in output, output
    code, output = lint_lines(runner, tmp_path / "粗稿.docx")
    assert "第3段「强化组织建设，筑牢战斗堡…」 错误 编号：应为 一、，实为 （无编号）" in output, output
    one = lines[:7] + lines[12:]                                  # one run under a bare line: no parts
    (tmp_path / "one").mkdir()
    formatted, fixed, result = format_and_fix(runner, tmp_path / "one", one)
    for out in (formatted, fixed):
        assert "强化组织建设，筑牢战斗堡垒" in [t for s, t in paragraphs(out) if s == "Normal"]


RUNS = ["强化组织建设，筑牢战斗堡垒", "1.规范组织生活。全年召开支部党员大会12次。", "2.加强队伍建设。发展党员2名。",
        "发展特色产业，促进群众增收", "1.壮大集体经济。村集体经济收入达到35万元。", "2.带动群众致富。培训群众200余人次。"]
PARENTS = ["一、强化组织建设", "（一）规范组织生活", "（二）加强队伍建设", "二、发展特色产业", "（一）壮大集体经济",
           "（二）带动群众致富"]
LEAD = ["青岚村2026年党建工作总结", "今年以来，村党支部坚持以党建引领乡村振兴，各项工作取得新进展。"]
CLOSE = ["青岚村党支部", "2026年12月20日"]
LONG = "全年召开支部党员大会12次、支委会24次，讲党课4次，组织生活会和民主评议党员按时召开，党员参学率达到98%以上。"


@pytest.mark.parametrize("lines, want", [
    (LEAD + ["基本情况", "村党支部现有党员42名，其中女党员9名。"] + RUNS + ["存在问题", "部分党员学习不够深入。"] + CLOSE,
     ["一、基本情况", "二、强化组织建设", "（一）规范组织生活", "（二）加强队伍建设", "三、发展特色产业", "（一）壮大集体经济",
      "（二）带动群众致富", "四、存在问题"]),                             # a section's name above the runs too
    (LEAD + RUNS + ["存在问题", "部分党员学习不够深入。"] + CLOSE + ["附：问题清单", "1.党员教育管理不够严格。", "2.阵地建设有短板。"],
     PARENTS + ["三、存在问题"]),                                       # nothing after the 落款
    (LEAD + RUNS[:4] + ["1.壮大集体经济。村集体经济收入达到35万元。", "村集体经济持续增长，群众满意度明显提升",
                        "2.带动群众致富。培训群众200余人次。"] + CLOSE, PARENTS),   # a line inside a run heads nothing
    (LEAD[:1] + ["下面我从三个方面作简要汇报", "1.坚持以上率下，压实主体责任。", "2.坚持问题导向，补齐短板弱项。",
                 "具体做了三件事", "1.建立网格党支部。", "2.组建党员志愿服务队。", "3.坚持创新驱动，打造服务品牌。"],
     ["一、坚持以上率下", "二、坚持问题导向", "三、坚持创新驱动"]),     # lead-ins are no parents (as before)
    (["青岚镇党委2026年党建工作总结和2027年工作打算", "第一部分 2026年工作总结"] + RUNS
     + ["第二部分 2027年工作打算", "加强政治建设", "1.深化理论武装。", "夯实基层基础", "1.推进支部标准化建设。"] + CLOSE,
     PARENTS + ["一、加强政治建设", "（一）深化理论武装", "二、夯实基层基础", "（一）推进支部标准化建设"]),  # in each part
    (["党员志愿服务工作方案", "1.活动时间。每月第一个周六。", "2.活动地点。各村党群服务中心。", "强化服务保障",
      "1.落实经费。", "2.做好宣传。"], ["一、活动时间", "二、活动地点"]),      # the title heads no run
    (LEAD[:1] + ["经验交流材料"] + LEAD[1:] + RUNS + ["下一步打算", "1.继续加强理论学习", "2.持续壮大集体经济"] + CLOSE,
     PARENTS + ["三、下一步打算", "（一）继续加强理论学习", "（二）持续壮大集体经济"]),   # a genre's line is no heading
    (LEAD + RUNS[:3] + ["取得成效", "全年服务群众5万余人次。"] + RUNS[3:] + ["取得成效", "群众增收明显。"] + CLOSE,
     PARENTS),                                                        # a name met twice is a part's own, no section
    (LEAD + RUNS + ["全年主要工作成效如下表所示。", "主要成效指标", "集体经济收入35万元。"] + CLOSE, PARENTS),   # a table's name
    (LEAD + ["加强政治建设", "1.深化理论武装。", "2.严肃党内政治生活。", "提高干部队伍素质", "1.开展培训。", "2.加强考核。"],
     ["一、深化理论武装", "二、严肃党内政治生活"]),                    # not all of a heading's shape: none heads (as before)
    (LEAD + ["主要做法：", "1.规范组织生活。" + LONG, "2.加强队伍建设。" + LONG, "品牌效应：", "1.群众满意度提升。" + LONG,
             "2.集体经济壮大。" + LONG] + CLOSE,
     ["一、主要做法", "（一）规范组织生活", "（二）加强队伍建设", "二、品牌效应", "（一）群众满意度提升", "（二）集体经济壮大"]),
    (LEAD + ["问题主要表现在：", "1.学习不够深入。", "2.活动形式单一。", "原因在于：", "1.重视程度不够。", "2.经费投入不足。"],
     ["一、学习不够深入", "二、活动形式单一"]),                        # a sentence's start before a colon heads nothing
    (LEAD[:1] + ["主要做法", "一是抓学习。全年集中学习12次。", "二是强队伍，发展党员3名。", "存在问题", "1.学习不够深入。",
                 "2.活动形式单一。"] + CLOSE,                          # one run beside a section's name under the
     ["一、主要做法", "二、存在问题", "（一）学习不够深入", "（二）活动形式单一"]),   # title, 一是 leads above the run
    (LEAD + RUNS[:1] + ["村党支部重点抓了以下工作："] + RUNS[1:4] + ["具体做法是："] + RUNS[4:] + CLOSE, PARENTS),  # a lead-in
])                                                                              # between a parent and its run
def test_format_and_lint_fix_read_bare_parents_alike_and_only_where_they_head(runner, tmp_path, lines, want):
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        got = [t for s, t in paragraphs(out) if s.startswith("Heading")]
        assert len(got) == len(want) and all(g.startswith(w) for g, w in zip(got, want)), (out.name, got)


def test_decimal_numbers_glued_to_their_text_are_read(runner, tmp_path):
    lines = ["某支部2026年党建工作总结", "1主要工作", "1.1加强理论学习。", "全年开展集中学习12次。", "1.2规范组织生活。",
             "2存在问题", "2.1学习不够深入。", "2.2制度落实不到位。", "3下一步打算", "2.5小时的专题党课要常态化。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    want = ["一、主要工作", "（一）加强理论学习。", "（二）规范组织生活。", "二、存在问题", "（一）学习不够深入。",
            "（二）制度落实不到位。", "三、下一步打算"]
    for out in (formatted, fixed):
        got = paragraphs(out)
        assert [t for s, t in got if s.startswith("Heading")] == want
        assert got[-1] == ("Normal", lines[-1])           # a count, not a heading
        code, output = lint_lines(runner, out)
        assert code == 0 and "编号" not in output, output


def test_glued_decimal_headings_with_a_comma_are_read_and_a_list_of_dates_is_not(runner, tmp_path):
    lines = ["青岚公司党委2026年党建工作总结", "1政治建设", "1.1强化理论武装", "全年开展中心组学习12次。",
             "1.2严肃党内政治生活，提高组织生活质量", "严格落实“三会一课”制度。", "2组织建设", "2.1规范支部设置",
             "新成立项目党支部3个。", "2.2建强干部队伍，激发队伍活力", "选拔年轻干部6名。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        assert [t for s, t in paragraphs(out) if s.startswith("Heading")] == [
            "一、政治建设", "（一）强化理论武装", "（二）严肃党内政治生活，提高组织生活质量", "二、组织建设", "（一）规范支部设置",
            "（二）建强干部队伍，激发队伍活力"]
    for name, dates in [("list", ["1.10开展学习贯彻党章主题党日", "2.1召开专题组织生活会", "3.5组织党员开展志愿服务",
                                  "4.3组织清明祭扫革命烈士墓"]),
                        ("days", ["7.1凌晨，突降暴雨，镇党委连夜启动应急响应。", "7.2上午，组织党员突击队转移受困群众126人。",
                                  "7.3召开专题会议部署灾后重建。"]),
                        ("holiday", ["10.1参观县革命纪念馆", "10.2组织党员开展志愿服务", "10.3召开支部党员大会"])]:
        (tmp_path / name).mkdir()
        lines = ["青岚村党支部2026年活动安排", "一、主要活动", *dates, "二、下一步打算", "各党小组要认真组织。"]
        formatted, fixed, result = format_and_fix(runner, tmp_path / name, lines)
        for out in (formatted, fixed):
            assert all(("Normal", line) in paragraphs(out) for line in dates), name      # every date kept


def test_counts_and_dates_glued_to_the_text_of_a_decimal_numbered_draft_stay_text(runner, tmp_path):
    lines = ["关于青岚街道党建工作的调研报告", "1 基本情况", "1.1 党组织设置", "街道现有基层党组织45个。",
             "3位老党员获得“光荣在党50年”纪念章。街道为他们举办了颁发仪式。", "7.1来临之际，街道党工委组织党员重温入党誓词。",
             "1.2 党员队伍", "4支志愿服务队常年活跃在社区一线。", "5条措施", "2 存在的问题", "2.1 组织覆盖不够", "部分新业态领域尚未建党组织。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        got = paragraphs(out)
        assert [t for s, t in got if s.startswith("Heading")] == ["一、基本情况", "（一）党组织设置", "（二）党员队伍", "二、存在的问题",
                                                                   "（一）组织覆盖不够"]
        assert all(("Normal", lines[i]) in got for i in (4, 5, 7, 8))       # every figure kept


def test_values_in_a_flattened_table_are_no_decimal_numbers(runner, tmp_path):
    lines = ["某区党员年龄结构调研报告", "一、基本情况", "1调查样本年龄结构分布表", "年龄段", "占比", "10.11", "16.22",
             "二、存在问题", "青年党员占比偏低。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        assert [t for s, t in paragraphs(out) if s.startswith("Heading")] == ["一、基本情况", "二、存在问题"]


def test_a_date_or_a_lone_decimal_is_no_heading_number(runner, tmp_path):
    lines = ["某镇党委2026年上半年工作总结", "一、主要工作", "7.1 前夕，镇党委组织全体党员重温入党誓词。",
             "7.1建党节当天，各支部开展主题党日。", "8.1建军节期间，走访慰问退役军人党员。",
             "二、存在问题", "2.5 万元经费已全部用于党员教育培训。", "三、下一步打算", SURE]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        got = paragraphs(out)
        assert [t for s, t in got if s.startswith("Heading")] == ["一、主要工作", "二、存在问题", "三、下一步打算"]
        assert all(("Normal", lines[i]) in got for i in (2, 3, 4, 6))


@pytest.mark.parametrize("closing", ["某镇党委        2026.7.10", "某镇党委\t2026年07月10日", "某镇党委  2026.7.10|（此件公开发布）"])
def test_lint_fix_parts_a_one_line_closing_as_format_does(runner, tmp_path, closing):
    lines = ["某镇2026年党建工作总结", "一、主要做法", "会议时间  2026年7月1日，全镇党员参加。", *closing.split("|")]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert "落款：第4段 分成两行：某镇党委／2026年7月10日" in result.output, result.output
    for out in (formatted, fixed):
        assert paragraphs(out)[2:5] == [("Normal", lines[2]), ("落款", "某镇党委"), ("落款", "2026年7月10日")]
        code, output = lint_lines(runner, out)
        assert code == 0, output
    code, output = lint_lines(runner, tmp_path / "粗稿.docx")
    assert "落款：应为 署名和成文日期分两行，日期在署名下一行，实为 写在同一行" in output, output
    # what --fix repaired, lint counts as what it can repair
    from generator.lint.findings import FIXABLE
    repaired = re.findall(r"([^\s，：]+) \d+ 处", result.output.splitlines()[0])
    assert "落款" in repaired and set(repaired) <= FIXABLE, result.output


@pytest.mark.parametrize("second", ["某某县纪委监委", "2026年工作总结"])
def test_format_keeps_the_title_over_its_byline_or_a_part_it_names(runner, tmp_path, second):
    title = "某某县纪委监委2026年工作总结和2027年工作打算"
    out, got = format_text(runner, tmp_path, "\n".join([title, second, "一、主要工作", SURE, "二、存在问题", SURE]))
    assert got[0] == ("Title", title.replace("2026年工作", "2026年\n工作") if "\n" in got[0][1] else title) or \
        got[0][1].replace("\n", "") == title
    assert second in [t for _, t in got]


def test_lint_fix_leaves_short_plain_lines_as_text(runner, tmp_path):
    # slogans and notes between paragraphs, no heading number or weight: lint --fix keeps them body text
    lines = ["在全县党建工作会议上的讲话", "同志们：", SURE, "不忘初心，牢记使命", SURE, "让我们行动起来", SURE,
             "注：以上数据截至6月底"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert not [t for s, t in paragraphs(fixed) if s.startswith("Heading")], result.output


def test_a_meetings_date_line_is_no_closing(runner, tmp_path):
    lines = ["关于召开七一表彰大会的通知", "各党支部：", "现将有关安排通知如下。", "七一表彰大会  2026年7月1日"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    for out in (formatted, fixed):
        assert paragraphs(out)[-1] == ("Normal", lines[-1])


def test_format_keeps_what_a_draft_set_in_bold_within_a_paragraph(runner, tmp_path):
    src, out = tmp_path / "粗稿.docx", tmp_path / "排版.docx"
    document = Document()
    document.add_paragraph("某镇2026年党建工作总结")
    document.add_paragraph("一、主要做法")
    paragraphs_typed = [
        [("一是强化理论武装。", True), ("全年组织集中学习12次，覆盖党员300余人次。", False)],
        [("二是夯实组织基础。", True), ("新建党支部3个。", False), ("三是加强队伍建设。", True), ("培训党务干部120人次。", False)],
        [("全镇党员队伍结构持续优化，", False), ("青年党员占比提高", True), ("。", False)],
        [("一是强化理论武装。", False), ("全年组织集中学习12次，覆盖党员300余人次。", False)],   # the same text, plain
        [("组织生活", True), ("\t", False), ("不够规范。", True), ("部分支部记录不全。", False)],
    ]
    for runs in paragraphs_typed:
        para = document.add_paragraph()
        for text, bold in runs:
            para.add_run(text).bold = bold or None
    document.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = [[(r.text, bool(r.bold)) for r in p.runs] for p in Document(out).paragraphs if p.style.name == "Normal"]
    assert got == [paragraphs_typed[0], paragraphs_typed[1], paragraphs_typed[2],
                   [("一是强化理论武装。全年组织集中学习12次，覆盖党员300余人次。", False)],
                   [("组织生活\t不够规范。", True), ("部分支部记录不全。", False)]]
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_keeps_bold_of_a_character_style_a_bold_paragraph_and_lines_after_shift_enter(runner, tmp_path):
    src, out = tmp_path / "粗稿.docx", tmp_path / "排版.docx"
    document = Document()
    document.add_paragraph("某镇2026年党建工作总结")
    document.add_paragraph("一、主要做法")
    strong = document.add_paragraph()
    strong.add_run("一是强化理论武装。").style = document.styles["Strong"]      # bold through Word's 要点 style
    strong.add_run("全年组织集中学习12次。")
    whole = "全镇党员队伍结构持续优化，青年党员占比提高到百分之二十三，大专以上学历党员占比提高到百分之四十一。"
    document.add_paragraph().add_run(whole).bold = True                       # a paragraph bold throughout
    broken = document.add_paragraph()                                          # two points parted by Shift+Enter
    broken.add_run("二是夯实组织基础。").bold = True
    broken.add_run("新建党支部3个。")
    broken.add_run().add_break()
    broken.add_run("三是加强队伍建设。").bold = True
    broken.add_run("培训党务干部120人次。")
    document.add_paragraph("二、存在问题")
    document.add_paragraph("三是加强队伍建设。培训党务干部120人次。")          # the same words, plain
    document.add_paragraph("部分党员齐声说：")
    document.add_paragraph().add_run("不忘初心，").bold = True                # short bold lines that stay text
    document.add_paragraph().add_run("牢记使命。").bold = True
    document.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = [[(r.text, bool(r.bold)) for r in p.runs] for p in Document(out).paragraphs if p.style.name == "Normal"]
    assert got == [[("一是强化理论武装。", True), ("全年组织集中学习12次。", False)], [(whole, True)],
                   [("二是夯实组织基础。", True), ("新建党支部3个。", False)],
                   [("三是加强队伍建设。", True), ("培训党务干部120人次。", False)],
                   [("三是加强队伍建设。培训党务干部120人次。", False)], [("部分党员齐声说：", False)],
                   [("不忘初心，", True)], [("牢记使命。", True)]]
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_writes_a_draft_typed_all_in_bold_plain(runner, tmp_path):
    src, out = tmp_path / "粗稿.docx", tmp_path / "排版.docx"
    document = Document()
    for line in ("某镇2026年党建工作总结", "一、主要做法", "全年组织集中学习12次，覆盖党员300余人次，专题研讨4次。",
                 "二、存在问题", "部分支部组织生活不够规范，党员教育方式比较单一。"):
        document.add_paragraph().add_run(line).bold = True
    document.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    body = [p for p in Document(out).paragraphs if p.style.name == "Normal"]
    assert len(body) == 2 and not any(r.bold for p in body for r in p.runs)


@pytest.mark.parametrize("numbers, stray, finding", [
    # 一、 二、 五、: a jump of three is not a gap format closes, so 五、 stays body text
    (("一、", "二、", "五、", "六、", "七、"), "五、存在问题", "编号：应为 三、，实为 五、（不连续）"),
    # numbering that starts again: the second 一、 stays body text
    (("一、", "二、", "一、", "二、", "三、"), "一、存在问题", "编号：应为 三、，实为 一、（不连续）"),
])
def test_a_broken_structure_does_not_lint_clean(runner, tmp_path, numbers, stray, finding):
    src = gap_docx(tmp_path / "粗稿.docx", numbers)
    out = tmp_path / "排版.docx"
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    assert stray in [t for s, t in paragraphs(out) if s == "Normal"]
    code, output = lint_lines(runner, out)
    assert code != 0 and finding in output, output


def test_format_does_not_promote_a_stray_arabic_number(runner, tmp_path):
    # the draft of issue #15: 2. under 1、主要工作, with no 1. before it, is not the second part
    src = tmp_path / "粗稿.txt"
    src.write_text(MIXED.replace("1.加强理论学习\n全年组织集中学习六次，覆盖全体党员。\n", "")
                   .replace("2.党员教育管理\n", "2.党员教育管理，"), encoding="utf-8")
    out = tmp_path / "排版.docx"
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert [t for s, t in got if s.startswith("Heading")] == ["一、主要工作", "二、存在问题", "三、下一步打算"]
    assert "2.党员教育管理，落实“三会一课”制度，按期召开组织生活会。" in [t for s, t in got if s == "Normal"]
    code, output = lint_lines(runner, out)
    assert code == 0 and "编号" not in output, output


def test_format_of_headings_that_open_on_a_year_lints_clean(runner, tmp_path):
    out, got = format_text(runner, tmp_path, "某社区党委工作总结\n一、2023年工作总结\n（一）加强理论学习\n"
                           "全年组织集中学习十二次。\n二、2024年工作打算\n（一）继续抓好学习\n明年继续组织集中学习。\n")
    assert [t for s, t in got if s.startswith("Heading")] == [
        "一、2023年工作总结", "（一）加强理论学习", "二、2024年工作打算", "（一）继续抓好学习"]
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_writes_a_signature_once_and_no_chapter_as_a_byline(runner, tmp_path):
    _, got = format_text(runner, tmp_path, "某支部“三会一课”制度\n\n第一章  总  则\n\n第一条  为加强支部建设，制定本制度。\n\n"
                         "第二条  “三会一课”是指定期召开支部党员大会、支部委员会、党小组会，按时上好党课。\n\n"
                         "中共某某支部委员会\n2024年3月15日\n")
    assert [t for _, t in got].count("中共某某支部委员会") == 1
    assert ("落款", "中共某某支部委员会") in got and ("Normal", "第一章  总  则") in got
    assert ("Normal", "第一条  为加强支部建设，制定本制度。") in got         # an article, no heading
    _, lead = format_text(runner, tmp_path, "关于某事的报告\n\n某某支部\n\n今年以来，支部认真组织学习。\n\n"
                          "中共某某支部委员会\n2024年3月15日\n", "无编号.txt")     # no section: the text's lead
    assert [t for _, t in lead].count("中共某某支部委员会") == 1


def test_format_clean_joins_a_previewed_documents_pages(runner, tmp_path):
    src = tmp_path / "网页.txt"
    src.write_text("《柳湾镇党建工作总结.docx》由会员分享,可在线阅读,更多相关《柳湾镇党建工作总结.docx(3页珍藏版)》请在文库上搜索。\n"
                   "1、柳湾镇党建工作总结今年以来，镇党委坚持以党建引领基层治理。一、主要做法随着工作重心下移，"
                   "镇党委建立了网格化服务体系，全镇十八个村全部\n"
                   "2、完成组织生活规范化建设。二、存在问题从总体上看，工作已初见成效，但队伍结构有待优化，学习主动性不强。",
                   encoding="utf-8")
    out = tmp_path / "排版.docx"
    assert runner.invoke(cli, ["format", "--clean", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert [(s, t) for s, t in got if s in ("Title", "Heading 1")] == [
        ("Title", "柳湾镇党建工作总结"), ("Heading 1", "一、主要做法"), ("Heading 1", "二、存在问题")]
    assert "随着工作重心下移，镇党委建立了网格化服务体系，全镇十八个村全部完成组织生活规范化建设。" in [t for _, t in got]


def test_format_docx_with_word_automatic_numbering(runner, tmp_path):
    from lintdocs import auto_numbered

    source = auto_numbered(tmp_path / "自动编号.docx")
    result = runner.invoke(cli, ["format", str(source)])
    assert result.exit_code == 0, result.output
    got = paragraphs(tmp_path / "自动编号-排版.docx")
    heads = [(style, text) for style, text in got if style.startswith("Heading")]
    assert heads == [("Heading 1", "一、基本情况"), ("Heading 1", "二、主要做法"), ("Heading 2", "（一）强化组织建设"),
                     ("Heading 2", "（二）创新服务方式"), ("Heading 1", "三、存在问题"), ("Heading 1", "四、下一步工作")]
    assert got[-2:] == [("落款", "某街道党工委"), ("落款", "2026年11月24日")]
    lint = runner.invoke(cli, ["lint", str(tmp_path / "自动编号-排版.docx")])
    assert lint.exit_code == 0, lint.output


# invented drafts: an attachment label above the title, an addressee, a list of attachments
# after the 落款 (it belongs above it) and an attachment appended after the 落款
WITH_ATTACHMENTS = """附件2
关于2026年度基层党建工作的总结报告
区委组织部：
今年以来，镇党委坚持以党建引领各项工作，取得了一定成效。现将有关情况报告如下。
一、主要做法
全年组织集中学习十二次。
二、存在问题
部分党员学习主动性不强。
中共某某镇委员会
2026年12月1日
附件：1.党员名册
2.活动记录
附件1
党员发展情况统计
一、发展党员数量
全年发展党员五名。
二、培养入党积极分子
全年确定入党积极分子八名。"""


def test_format_addressee_attachment_label_list_and_appended_attachment(runner, tmp_path, soffice):
    from conftest import pdf_pages, to_pdf

    source = tmp_path / "附件.txt"
    source.write_text(WITH_ATTACHMENTS, encoding="utf-8")
    result = runner.invoke(cli, ["format", str(source)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "附件-排版.docx"
    assert paragraphs(out) == [
        ("附件标识", "附件2"), ("Title", "关于2026年度基层党建工作的总结报告"), ("主送", "区委组织部："),
        ("Normal", "今年以来，镇党委坚持以党建引领各项工作，取得了一定成效。现将有关情况报告如下。"),
        ("Heading 1", "一、主要做法"), ("Normal", "全年组织集中学习十二次。"),
        ("Heading 1", "二、存在问题"), ("Normal", "部分党员学习主动性不强。"),
        ("Normal", "附件：1.党员名册"), ("Normal", "\u3000\u3000\u30002.活动记录"),
        ("落款", "中共某某镇委员会"), ("落款", "2026年12月1日"),
        ("附件标识", "附件1"), ("Title", "党员发展情况统计"),
        ("Heading 1", "一、发展党员数量"), ("Normal", "全年发展党员五名。"),
        ("Heading 1", "二、培养入党积极分子"), ("Normal", "全年确定入党积极分子八名。")]
    doc = Document(str(out))
    addressed = next(p for p in doc.paragraphs if p.style.name == "主送")
    assert addressed.style.paragraph_format.first_line_indent == 0
    lint = runner.invoke(cli, ["lint", str(out)])
    assert lint.exit_code == 0 and "0 处错误，0 处提醒" in lint.output, lint.output
    pages = pdf_pages(to_pdf(soffice, out, tmp_path))
    pages = [core(page) for page in pages]
    assert len(pages) == 2 and pages[1].startswith("附件1党员发展情况统计")   # on a page of its own
    assert pages[0].startswith("附件2关于") and "附件1" not in pages[0]


NOTICE = "关于开展主题党日活动的通知\n各党支部：\n现将有关事项通知如下。\n一、活动时间\n7月1日上午。\n二、活动内容\n重温入党誓词。\n"
HEAD = [("Title", "关于开展主题党日活动的通知"), ("主送", "各党支部："), ("Normal", "现将有关事项通知如下。"),
        ("Heading 1", "一、活动时间"), ("Normal", "7月1日上午。"), ("Heading 1", "二、活动内容"), ("Normal", "重温入党誓词。")]
SIGNED = [("落款", "某某局机关委员会"), ("落款", "2026年6月20日")]
LISTED = [("Normal", "附件：1.活动安排表"), ("Normal", "\u3000\u3000\u30002.报名回执")]


@pytest.mark.parametrize("tail, expected", [
    # attachments pasted after the list without labels: under the names the list gives them
    ("某某局机关委员会\n2026年6月20日\n附件：1.活动安排表\n2.报名回执\n活动安排表\n一、上午安排\n集中学习。\n报名回执\n支部名称：",
     LISTED + SIGNED + [("附件标识", "附件1"), ("Title", "活动安排表"), ("Heading 1", "一、上午安排"),
                        ("Normal", "集中学习。"), ("附件标识", "附件2"), ("Title", "报名回执"), ("Normal", "支部名称：")]),
    # the one attachment pasted without its name: the list names it
    ("某某局机关委员会\n2026年6月20日\n附件：活动安排表\n一、上午安排\n集中学习。",
     [("Normal", "附件：活动安排表")] + SIGNED + [("附件标识", "附件"), ("Title", "活动安排表"),
                                          ("Heading 1", "一、上午安排"), ("Normal", "集中学习。")]),
    # 附件： alone over numbered names, after the 落款: the list, not an attachment
    ("某某局机关委员会\n2026年6月20日\n附件：\n1.活动安排表\n2.报名回执", LISTED + SIGNED),
    # a 落款 that is only a date: the list's last name is no signer
    ("2026年6月20日\n附件：1.活动安排表\n2.报名回执", LISTED + [("落款", "2026年6月20日")]),
    # a label with its title on one line, after a 落款 without a date
    ("某某局机关委员会\n附件1：活动安排表\n一、上午安排\n集中学习。",
     [("Normal", "某某局机关委员会"), ("附件标识", "附件1"), ("Title", "活动安排表"), ("Heading 1", "一、上午安排"),
      ("Normal", "集中学习。")]),
    # short lines after a one-name list are no names: left where they are
    ("附件：报名回执\n联系人 张三\n某某局机关委员会\n2026年6月20日",
     [("Normal", "附件：报名回执"), ("Normal", "联系人 张三")] + SIGNED),
])
def test_format_attachment_lists_and_attachments_as_typed(runner, tmp_path, tail, expected):
    source = tmp_path / "通知.txt"
    source.write_text(NOTICE + tail, encoding="utf-8")
    result = runner.invoke(cli, ["format", str(source)])
    assert result.exit_code == 0, result.output
    out = tmp_path / "通知-排版.docx"
    assert paragraphs(out) == HEAD + expected
    lint = runner.invoke(cli, ["lint", "--no-pages", str(out)])
    assert lint.exit_code == 0 and "0 处错误" in lint.output, lint.output


def test_format_docx_attachments_keep_their_tables(runner, tmp_path):
    doc = Document()
    for text in NOTICE.split("\n")[:-1] + ["某某局机关委员会", "2026年6月20日", "附件：1.活动安排表", "2.报名回执",
                                           "附件1", "活动安排表"]:
        doc.add_paragraph(text)
    doc.add_table(rows=2, cols=2).rows[0].cells[0].text = "时间"
    for text in ("附件2", "报名回执"):
        doc.add_paragraph(text)
    doc.add_table(rows=2, cols=2).rows[0].cells[0].text = "支部名称"
    doc.save(str(tmp_path / "通知.docx"))
    assert runner.invoke(cli, ["format", str(tmp_path / "通知.docx")]).exit_code == 0
    body = Document(str(tmp_path / "通知-排版.docx")).element.body
    order = [el.xpath("string(.//w:tc[1])") if el.tag.endswith("tbl") else el.xpath("string(.)")
             for el in body.iterchildren() if el.tag.endswith(("}p", "}tbl"))]
    assert order[-6:] == ["附件1", "活动安排表", "时间", "附件2", "报名回执", "支部名称"]
    # an attachment that is only its label, title and table is formatted, not refused
    doc = Document()
    for text in ("附件1", "2026年度发展党员计划表"):
        doc.add_paragraph(text)
    doc.add_table(rows=2, cols=2).rows[0].cells[0].text = "支部"
    doc.save(str(tmp_path / "表.docx"))
    result = runner.invoke(cli, ["format", str(tmp_path / "表.docx")])
    assert result.exit_code == 0, result.output
    assert paragraphs(tmp_path / "表-排版.docx")[:2] == [("附件标识", "附件1"), ("Title", "2026年度发展党员计划表")]


def test_format_docx_headings_shown_in_bold_alone(runner, tmp_path):
    doc = Document()
    doc.add_paragraph("某社区2026年党建工作总结")
    doc.add_paragraph("今年以来，社区党委认真落实上级部署。现将有关情况总结如下。")
    for head, text in (("强化政治引领", "坚持每月集中学习，全年学习十二次。"), ("存在的不足", "部分党员学习主动性不强。")):
        doc.add_paragraph().add_run(head).bold = True
        doc.add_paragraph(text)
    doc.add_paragraph("某社区党委")
    doc.add_paragraph("2026年12月1日")
    doc.save(str(tmp_path / "粗体.docx"))
    assert runner.invoke(cli, ["format", str(tmp_path / "粗体.docx")]).exit_code == 0
    got = paragraphs(tmp_path / "粗体-排版.docx")
    assert [row for row in got if row[0].startswith("Heading")] == [("Heading 1", "一、强化政治引领"),
                                                                   ("Heading 1", "二、存在的不足")]
    assert runner.invoke(cli, ["lint", "--no-pages", str(tmp_path / "粗体-排版.docx")]).exit_code == 0


def test_format_title_typed_as_two_bold_lines_a_subtitle_and_a_note_under_the_date(runner, tmp_path):
    doc = Document()
    for text in ("中共某某区委组织部", "关于2026年度述职评议工作情况的报告"):
        doc.add_paragraph().add_run(text).bold = True
    for text in ("区委：", "现将有关情况报告如下。", "一、基本情况", "全区64名书记参加述职。", "中共某某区委组织部",
                 "2026年12月1日", "（此件公开发布）"):
        doc.add_paragraph(text)
    doc.save(str(tmp_path / "报告.docx"))
    assert runner.invoke(cli, ["format", str(tmp_path / "报告.docx")]).exit_code == 0
    got = paragraphs(tmp_path / "报告-排版.docx")
    assert got[0] == ("Title", "中共某某区委组织部关于\n2026年度述职评议工作情况的报告")
    assert got[1] == ("主送", "区委：")
    assert got[-3:] == [("落款", "中共某某区委组织部"), ("落款", "2026年12月1日"), ("Normal", "（此件公开发布）")]
    lint = runner.invoke(cli, ["lint", "--no-pages", str(tmp_path / "报告-排版.docx")])
    assert lint.exit_code == 0 and "0 处错误，0 处提醒" in lint.output, lint.output
    source = tmp_path / "交流.txt"     # a subtitle line under the title is no heading
    source.write_text("坚持党建引领 激活发展动能\n——某村党支部经验交流材料\n近年来，村党支部坚持以党建引领乡村振兴。\n"
                      "一是建强班子。班子成员6人。\n二是发展产业。流转土地1200亩。\n", encoding="utf-8")
    assert runner.invoke(cli, ["format", str(source)]).exit_code == 0
    got = paragraphs(tmp_path / "交流-排版.docx")
    assert got[:2] == [("Title", "坚持党建引领 激活发展动能"), ("署名", "——某村党支部经验交流材料")]
    assert not [row for row in got if row[0].startswith("Heading")]


def test_format_a_number_typed_twice_as_the_next(runner, tmp_path):
    out = formatted(runner, tmp_path / "述职.txt", "2026年度个人述职报告\n现将有关情况报告如下：\n一、加强学习\n全年学习42次。\n二、履职尽责\n"
                      "（一）做实监督。全年检查28次。\n（二）做实审查。办理案件9件。\n（二）做实整改。撰写建议书3份。\n"
                    "二、严守纪律\n没有违规情况。\n述职人：赵敏\n2026年12月25日\n")
    heads = [text for style, text in paragraphs(out) if style.startswith("Heading")]
    assert heads == ["一、加强学习", "二、履职尽责", "（一）做实监督。", "（二）做实审查。", "（三）做实整改。", "三、严守纪律"]
    assert runner.invoke(cli, ["lint", "--no-pages", str(out)]).exit_code == 0


def test_format_markdown_tables_lists_and_skipped_levels(runner, tmp_path):
    out = formatted(runner, tmp_path / "总结.md", "# 2026年度党员发展工作总结\n\n全年发展党员工作情况如下。\n\n## 一、总体情况\n\n"
                      "| 类别 | 人数 |\n|---|---|\n| 农民 | 186 |\n\n## 二、主要做法\n\n#### （1）严把入口关\n\n落实纪实制度。\n\n"
                      "#### （2）优化结构\n\n## 三、下一步打算\n\n1. 严格程序\n2. 提高质量\n\n县委组织部\n\n2026年12月10日\n")
    heads = [(style, text) for style, text in paragraphs(out) if style.startswith("Heading")]
    assert heads == [("Heading 1", "一、总体情况"), ("Heading 1", "二、主要做法"), ("Heading 2", "（一）严把入口关"),
                     ("Heading 2", "（二）优化结构"), ("Heading 1", "三、下一步打算"), ("Heading 2", "（一）严格程序"),
                     ("Heading 2", "（二）提高质量")]
    table = Document(str(out)).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [["类别", "人数"], ["农民", "186"]]
    assert not any("|" in text or "**" in text for _, text in paragraphs(out))
    lint = runner.invoke(cli, ["lint", "--no-pages", str(out)])
    assert lint.exit_code == 0 and "0 处错误" in lint.output, lint.output


def test_format_text_copied_from_a_pdf_loses_page_numbers_and_running_heads(runner, tmp_path):
    out = formatted(runner, tmp_path / "复制.txt", "关于某县村级带头人队伍建设的调查与思考\n一、基本情况\n全县村党组织书记平均年龄48.6岁。\n- 1 -\n"
                      "村级带头人队伍建设调研报告\n二、存在问题\n后备力量储备不足。\n- 2 -\n村级带头人队伍建设调研报告\n"
                      "某县委组织部课题组\n2026年6月10日\n- 3 -\n")
    got = paragraphs(out)
    assert [text for _, text in got] == ["关于某县村级带头人队伍建设的调查与思考", "一、基本情况", "全县村党组织书记平均年龄48.6岁。",
                                         "二、存在问题", "后备力量储备不足。", "某县委组织部课题组", "2026年6月10日"]
    assert got[-1][0] == "落款"


def test_format_a_speech_keeps_its_date_and_speaker_under_the_title(runner, tmp_path):
    out = formatted(runner, tmp_path / "讲话.txt", "在全县组织工作会议上的讲话\n（2026年3月5日）\n县委副书记 陈立新\n同志们：\n"
                      "今天召开全县组织工作会议，我讲几点意见。\n一、提高政治站位\n组织工作面临新的形势任务。\n")
    assert paragraphs(out)[:4] == [
        ("Title", "在全县组织工作会议上的讲话"), ("署名", "（2026年3月5日）"), ("署名", "县委副书记 陈立新"), ("主送", "同志们：")]


def test_format_a_box_above_the_title_a_footnote_on_the_date_and_a_page_of_one_line(runner, tmp_path):
    from test_reading import _with_parts
    r = lambda text: f"<w:r><w:t>{text}</w:t></w:r>"
    body = (f"<w:p><w:r><w:pict><v:textbox><w:txbxContent><w:p>{r('某某县农业农村局')}</w:p></w:txbxContent></v:textbox>"
            f"</w:pict></w:r></w:p><w:p>{r('关于做好春季农业生产工作的通知')}</w:p><w:p>{r('各乡镇：')}</w:p>"
            f"<w:p>{r('现就有关事项通知如下。')}</w:p><w:p>{r('一、抓好春耕备耕')}</w:p><w:p>{r('做好农资储备。')}</w:p>"
            f"<w:p>{r('某某县农业农村局')}</w:p>"
            f'<w:p>{r("2025年2月20日")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>')
    source = _with_parts(tmp_path / "通知.docx", body, {"1": "本通知经局党组会议研究同意。"})
    assert runner.invoke(cli, ["format", str(source)]).exit_code == 0
    got = paragraphs(tmp_path / "通知-排版.docx")
    assert got[:2] == [("Title", "关于做好春季农业生产工作的通知"), ("署名", "某某县农业农村局")]
    assert got[-3:] == [("落款", "某某县农业农村局"), ("落款", "2025年2月20日"), ("Normal", "注：本通知经局党组会议研究同意。")]
    copied = tmp_path / "复制.txt"      # a page that holds one line keeps it
    copied.write_text("某局工作总结\n一、主要工作\n全年召开党组会议24次。\n— 1 —\n二、工作建议\n— 2 —\n"
                      "建议加强指导。\n某局党组\n2024年12月28日\n", encoding="utf-8")
    assert runner.invoke(cli, ["format", str(copied)]).exit_code == 0
    assert ("Heading 1", "二、工作建议") in paragraphs(tmp_path / "复制-排版.docx")


def test_format_a_table_alone_and_a_markdown_page_number(runner, tmp_path):
    out = formatted(runner, tmp_path / "计划表.md", "| 支部 | 计划数 |\n|---|---|\n| 第一支部 | 2 |\n")
    assert paragraphs(out) == [("Title", "计划表")]
    assert [[c.text for c in row.cells] for row in Document(str(out)).tables[0].rows] == [["支部", "计划数"], ["第一支部", "2"]]
    out = formatted(runner, tmp_path / "总结.md", "# 某局工作总结\n\n## 一、主要工作\n\n全年召开党组会议24次。\n\n- 1 -\n\n"
                                               "## 二、下一步打算\n\n持续抓好党建。\n")
    assert "1 -" not in [text for _, text in paragraphs(out)] and "- 1 -" not in [text for _, text in paragraphs(out)]
    doc = Document()
    doc.add_table(rows=1, cols=2).rows[0].cells[0].text = "支部"
    doc.save(str(tmp_path / "表.docx"))
    assert runner.invoke(cli, ["format", str(tmp_path / "表.docx")]).exit_code == 0
    assert Document(str(tmp_path / "表-排版.docx")).tables[0].rows[0].cells[0].text == "支部"


def test_format_says_a_draft_under_review_was_read_as_accepted(runner, tmp_path):
    src, out = reviewed_docx(tmp_path / "审阅稿.docx"), tmp_path / "排版.docx"
    result = runner.invoke(cli, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f"提醒：{src}: 有 4 处未处理的修订，已按全部接受后的文字排版，请核对" in result.stderr
    assert f"提醒：{src}: 有 1 条批注，排版稿里没有带上" in result.stderr
    body = [t for s, t in paragraphs(out) if s == "Normal"]
    assert body[:2] == ["全镇组织学习十二次。新增的句子。", "移走的句子。"]
    plain = tmp_path / "无修订.txt"
    plain.write_text("报告\n一、做法\n做了。\n", encoding="utf-8")
    assert "提醒" not in runner.invoke(cli, ["format", str(plain), "-o", str(tmp_path / "2.docx")]).stderr


def test_a_title_typed_in_heading_1_stays_the_title(runner, tmp_path):
    # Word's 标题 1 used for the title, the headings in other styles or none (the user test's case)
    doc = Document()
    for text, style in (("关于某街道“两新”组织党建工作的调研报告", "Heading 1"), ("为掌握现状，调研组走访了42家企业。", None),
                        ("一、基本情况", "Heading 3"), ("已建立党组织31家。", None), ("二、主要做法", "Heading 3"),
                        ("（一）推行楼宇联建", "Heading 4"), ("成立联合党委3个。", None), ("三、存在的问题", None),
                        ("书记多为兼职。", None), ("某街道党工委", None), ("2026年6月20日", None)):
        doc.add_paragraph(text, style)
    src, out, fixed = tmp_path / "稿.docx", tmp_path / "排版.docx", tmp_path / "修正.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert got[0] == ("Title", "关于某街道“两新”组织党建工作的调研报告")
    assert [t for s, t in got if s.startswith("Heading")] == ["一、基本情况", "二、主要做法", "（一）推行楼宇联建", "三、存在的问题"]
    result = runner.invoke(cli, ["lint", "--no-pages", str(src), "--fix", "-o", str(fixed)])
    assert result.exit_code == 0, result.output
    assert paragraphs(fixed)[0] == ("Title", "关于某街道“两新”组织党建工作的调研报告")


@pytest.mark.parametrize("closing, record", [
    (["第三党支部", "二〇二六年七月八日"], ["抄送：街道组织办。"]),                 # 版记 after the 落款
    (["第三党支部\u3000\u30002026.7.8"], []),                                   # unit and date on one line
    (["第三党支部\n2026年07月08日"], ["抄送：街道组织办。", "街道党政办公室  2026年7月9日印发"]),  # a manual break
])
def test_format_finds_the_closing_however_it_is_typed(runner, tmp_path, closing, record):
    doc = Document()
    for text in ["关于开展主题党日活动的情况报告", "街道党工委：", "今年6月，支部开展主题党日活动3次，参加党员86人次。",
                 *closing, *record]:
        doc.add_paragraph(text)
    src, out = tmp_path / "稿.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert [t for s, t in got if s == "落款"] == ["第三党支部", "2026年7月8日"]       # GB/T 9704 7.3.5 figures
    assert [t for s, t in got][len(got) - len(record):] == record        # the 版记 ends the paper
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_keeps_pictures_and_says_which_it_could_not(runner, tmp_path, soffice):
    import zipfile
    src, out = pictured_docx(tmp_path / "图.docx", width_cm=30), tmp_path / "排版.docx"    # wider than the page
    result = runner.invoke(cli, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stderr == (f"提醒：{src}: 有 1 张图片或图表（组合在一起的、在表格或文本框里的、链接到文件的、旧版 Word 的图片，"
                             "以及图表和 SmartArt）没能带上，请在排版稿里补上\n")
    with zipfile.ZipFile(out) as package:
        assert package.read("word/media/image1.png") == png(40, 20)
    doc = Document(str(out))
    got = [(p.style.name, p.text, bool(p._p.xpath(".//w:drawing"))) for p in doc.paragraphs]
    at = next(i for i, (_, _, drawn) in enumerate(got) if drawn)
    assert got[at - 1][1] == "组织参观红色教育基地2次。" and got[at + 1][:2] == ("表题", "图1  学生参观县革命纪念馆")
    shape = doc.inline_shapes[0]
    assert shape.width <= 5616575 and abs(shape.width / shape.height - 2) < 0.01   # the text's width, shape kept
    code, output = lint_lines(runner, out)
    assert code == 0, output
    # a reader sees it: LibreOffice lays the picture out on the page
    listed = subprocess.run(["pdfimages", "-list", str(to_pdf(soffice, out, tmp_path))], check=True,
                            capture_output=True, text=True).stdout.splitlines()
    assert len(listed) == 3 and listed[2].split()[3:5] == ["40", "20"], listed      # a header of two lines, then it


def test_format_parts_and_joins_lines_broken_by_hand(runner, tmp_path):
    doc = Document()
    for text in ("关于东岭社区开展积分制管理的调研报告", "一、存在的问题",
                 "积分项目设置偏重参加活动次数，对发挥作用的质量评价不够；流动党员积分\n获取渠道少，积分普遍偏低。",
                 "二、下一步打算", "1.优化积分指标。增加为民办实事类指标权重。\n2.开通线上积分通道。让流动党员参与积分。",
                 "东岭社区党委\n2026年5月20日"):
        doc.add_paragraph(text)                      # python-docx writes each \n as a manual line break
    src, out = tmp_path / "稿.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert ("Normal", "积分项目设置偏重参加活动次数，对发挥作用的质量评价不够；流动党员积分获取渠道少，积分普遍偏低。") in got
    assert [t for s, t in got if s == "Heading 2"] == ["（一）优化积分指标。", "（二）开通线上积分通道。"]
    assert [t for s, t in got if s == "落款"] == ["东岭社区党委", "2026年5月20日"]
    assert not any("\n" in t for s, t in got if s != "Title")      # no justified line stretched to a break


def test_format_keeps_a_cover_and_its_contents_in_order(runner, tmp_path):
    doc = Document()
    for text in ("", "关于全县机关党建工作的调查与思考", "中共某县直属机关工作委员会", "二〇二六年六月", "目  录",
                 "一、基本情况……………………1", "二、主要问题……………………2", "三、原因分析……………………3",
                 "四、对策建议……………………4", "关于全县机关党建工作的调查与思考",
                 "为深入查找问题，机关工委开展了专题调研，访谈党员干部86人。", "一、基本情况", "全县共有机关党组织74个。",
                 "二、主要问题", "理论学习走过场。", "三、原因分析", "责任意识不强。", "四、对策建议", "压实责任。"):
        doc.add_paragraph(text)
    src, out = tmp_path / "稿.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert got[:6] == [("Title", "关于全县机关党建工作的调查与思考"), ("署名", "中共某县直属机关工作委员会"),
                       ("署名", "二〇二六年六月"), ("Normal", "目  录"), ("Normal", "一、基本情况……………………1"),
                       ("Normal", "二、主要问题……………………2")]          # the cover's date above the contents
    assert [t for s, t in got if s == "Heading 1"] == ["一、基本情况", "二、主要问题", "三、原因分析", "四、对策建议"]


def test_format_reads_an_issuer_over_the_title_in_plain_text_as_one_title(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "\ufeff中共红星村委员会\n关于2026年上半年党建工作的总结\n\n今年上半年，村党委各项工作有序推进。\n"
                   "一、组织建设\n新发展党员2名。\n")
    assert paragraphs(out)[0] == ("Title", "中共红星村委员会关于\n2026年上半年党建工作的总结")


def test_format_says_when_a_draft_holds_web_page_lines(runner, tmp_path):
    src = tmp_path / "网页.txt"
    src.write_text("首页 > 党建动态 > 基层风采\n云杉街道：“红色议事厅”议出居民幸福感\n"
                   "来源：云杉街道党工委    发布时间：2026-06-18 09:30    浏览次数：1265\n【字体：大 中 小】【打印】【关闭】\n"
                   "今年以来，街道党工委在9个社区推行“红色议事厅”，共同协商解决社区事务。\n一、搭建议事平台\n"
                   "上半年共召开议事会54场，议定事项132件。\n版权所有：中共某某区委组织部\n", encoding="utf-8")
    kept = runner.invoke(cli, ["format", str(src), "-o", str(tmp_path / "1.docx")])
    assert kept.exit_code == 0 and "有 4 行像是网页残留" in kept.stderr and "--clean" in kept.stderr, kept.stderr
    cleaned = runner.invoke(cli, ["format", str(src), "-o", str(tmp_path / "2.docx"), "--clean"])
    assert cleaned.exit_code == 0 and cleaned.stderr == ""
    texts = [t for _, t in paragraphs(tmp_path / "2.docx")]
    assert texts[0] == "云杉街道：“红色议事厅”议出居民幸福感" and not any("【" in t or "首页" in t for t in texts)


def test_format_writes_a_heading_of_its_own_without_a_closing_colon(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "关于某乡党建工作的经验材料\n近年来，乡党委探索推行“四个一”工作法。\n一、主要做法：\n"
                   "1、每名党员联系一批农户。\n全乡党员每人联系5至10户群众。\n二、取得成效：\n一是组织力明显增强。\n"
                   "二是群众满意度明显提升。\n")
    got = paragraphs(out)
    assert [t for s, t in got if s == "Heading 1"] == ["一、主要做法", "二、取得成效"]
    assert ("Normal", "一是组织力明显增强。") in got               # a list of short lines keeps its words


def test_format_makes_tab_separated_lines_of_a_text_a_table(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "关于发展党员情况的报告\n\t今年全镇发展党员情况如下。\n表1  发展党员情况\n村\t计划\t完成\n"
                   "东村\t3\t3\n西村\t2\t\n\t下一步将继续做好发展党员工作。\n")
    assert body_of(out)[1:5] == ["今年全镇发展党员情况如下。", "表1  发展党员情况",
                                 [["村", "计划", "完成"], ["东村", "3", "3"], ["西村", "2", ""]], "下一步将继续做好发展党员工作。"]
    assert paragraphs(out)[2] == ("表题", "表1  发展党员情况")     # a tab before a paragraph makes no table


def test_format_places_a_table_under_a_paragraph_broken_by_hand(runner, tmp_path):
    doc = Document()
    doc.add_paragraph("关于开展党员志愿服务活动情况的报告")
    doc.add_paragraph("一、活动开展情况")
    para = doc.add_paragraph()
    para.add_run("全年组织志愿服务活动20次。")
    para.add_run().add_break()
    para.add_run("具体如下：")                               # a last line too short for the 12-character match
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ("项目", "次数", "义诊", "5")):
        cell.text = text
    for text in ("二、存在问题", "个别党员参与不积极。", "中共某某县委组织部", "2026年7月10日"):
        doc.add_paragraph(text)
    src, out = tmp_path / "稿.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    assert body_of(out)[2:5] == ["全年组织志愿服务活动20次。", "具体如下：", [["项目", "次数"], ["义诊", "5"]]]


def test_format_and_lint_fix_read_a_run_in_item_naming_a_problem_in_its_text_alike(runner, tmp_path):
    # 3、狠抓落实。 names no part (its text speaks of 存在问题): an item under 二. in both
    lines = ["某镇党建工作情况报告", "一、基本情况", "全镇共有党组织12个。", "二.主要做法", "1、加强学习。全年学习12次。",
             "2、强化监督。全年检查5次。", "3、狠抓落实。针对存在问题开展整改。", "四、下一步打算", "继续加强教育培训。"]
    formatted, fixed, result = format_and_fix(runner, tmp_path, lines)
    assert result.exit_code == 0, result.output
    for out in (formatted, fixed):
        assert [strip_number(t)[:4] for s, t in paragraphs(out) if s == "Heading 2"] == ["加强学习", "强化监督", "狠抓落实"]


def test_format_parts_a_one_line_closing_only_where_a_closing_stands(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "关于召开党建工作会议的情况报告\n一、会议情况\n会议时间  2026年7月10日\n截至\u30002026年6月30日\n"
                   "会议研究了下半年工作。\n中共某某县委组织部  2026.7.12\n（此件公开发布）\n")
    got = paragraphs(out)
    assert ("Normal", "会议时间  2026年7月10日") in got and ("Normal", "截至\u30002026年6月30日") in got
    assert [t for s, t in got if s == "落款"] == ["中共某某县委组织部", "2026年7月12日"]


def test_format_carries_no_picture_or_table_a_tracked_change_took_away(runner, tmp_path):
    import zipfile

    from docx.oxml import parse_xml
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    change = 'w:author="审稿人" w:date="2026-07-01T00:00:00Z"'
    src = pictured_docx(tmp_path / "图.docx")
    doc = Document(str(src))
    picture = next(p for p in doc.paragraphs if p._p.xpath(".//w:drawing"))
    run = picture.runs[0]._r                                       # the picture deleted with changes tracked
    deleted = parse_xml(f'<w:del {ns} w:id="7" {change}/>')
    run.addprevious(deleted)
    deleted.append(run)
    for row in doc.tables[0].rows:                                 # and the table's rows too
        row._tr.get_or_add_trPr().append(parse_xml(f'<w:del {ns} w:id="8" {change}/>'))
    doc.save(src)
    out = tmp_path / "排版.docx"
    result = runner.invoke(cli, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0 and "没能带上" not in result.stderr     # nothing left out: all was taken away
    with zipfile.ZipFile(out) as package:
        assert not [name for name in package.namelist() if "media" in name]
    assert not Document(str(out)).tables


def test_a_body_line_under_a_picture_is_no_caption_and_a_merged_column_no_header(runner, tmp_path):
    from generator.corpus.formatting import with_objects
    from generator.corpus.reading import Figure
    from generator.markup import Block
    blocks = with_objects([Block("正文", [("组织参观活动。", False)]), Block("正文", [("图书室新增藏书500册。", False)])],
                          [Figure("组织参观活动。", 1, png(2, 2), "png", 10, 10)])
    assert [b.kind for b in blocks] == ["正文", "图片", "正文"]
    out = tmp_path / "表.docx"
    from generator.word.style import load_style
    from generator.word.writer import Writer
    with open(out, "wb") as stream:      # the first column merged down the whole table: only row 0 is a header
        Writer(load_style()).write([Block("标题", [("表", False)]),
                                    Block("表格", rows=[["村", "人数"], ["", "5"], ["", "6"]], merges=((0, 0, 3, 1),))], stream)
    rows = Document(str(out)).tables[0].rows
    assert [all(r.bold for r in row.cells[1].paragraphs[0].runs) for row in rows] == [True, False, False]


def test_format_keeps_the_unit_under_a_subtitle_as_a_byline(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "小网格撬动大治理\n——南湖社区党建引领网格化治理的实践探索\n南湖社区党委\n"
                    "近年来，社区党委坚持把党支部建在网格上，探索出基层治理的新路径。\n一、织密组织网络\n每个网格建立党支部。\n")
    assert paragraphs(out)[:3] == [("Title", "小网格撬动大治理"), ("署名", "——南湖社区党建引领网格化治理的实践探索"),
                                   ("署名", "南湖社区党委")]


def test_format_takes_a_paragraph_that_opens_on_a_full_stop(runner, tmp_path):
    # a page's text cut before a sentence's end leaves a line that opens on 。 (heldout20/414 has them)
    src, out = tmp_path / "稿.txt", tmp_path / "排版.docx"
    src.write_text("关于结对共建的情况报告\n一、主要做法\n。双方就创建红旗党支部进行了深入交流，明确了下一步共建的重点任务和具体措施。\n"
                   "二、取得成效\n共建活动取得实效。\n", encoding="utf-8")
    result = runner.invoke(cli, ["format", str(src), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert [t for s, t in paragraphs(out) if s == "Heading 1"] == ["一、主要做法", "二、取得成效"]


def test_format_takes_no_numbered_line_with_a_tab_for_a_table(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "关于上半年党建工作的报告\n现将有关情况报告如下。\n一、\t主要做法\n"
                    "（一）\t加强政治学习\n全年学习12次。\n（二）\t强化队伍建设\n全年发展党员15名。\n二、\t存在问题\n学习不够深入。\n")
    assert not Document(str(out)).tables
    assert [t for s, t in paragraphs(out) if s.startswith("Heading")] == [
        "一、主要做法", "（一）加强政治学习", "（二）强化队伍建设", "二、存在问题"]


def test_format_parts_the_one_line_closing_of_the_text_and_of_its_attachment(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "关于转发《党员志愿服务倡议书》的通知\n各基层党组织：\n现将《党员志愿服务倡议书》转发给你们，请认真组织学习。\n"
                   "附件：党员志愿服务倡议书\n中共某某县委组织部    2026年11月20日\n附件\n党员志愿服务倡议书\n"
                   "全县广大党员同志们：\n志愿服务是党员践行初心使命的重要方式，希望大家积极参与。\n报送截止时间    2026年11月30日\n"
                   "某某县党员志愿服务总队    2026年11月18日\n")
    got = paragraphs(out)
    assert got[0] == ("Title", "关于转发《党员志愿服务倡议书》的通知")
    assert [t for s, t in got if s == "落款"] == ["中共某某县委组织部", "2026年11月20日", "某某县党员志愿服务总队",
                                                 "2026年11月18日"]
    assert ("Normal", "报送截止时间    2026年11月30日") in got


def test_format_places_tables_under_colon_headings_repeated_lines_and_rejoined_lines(runner, tmp_path):
    from docx.oxml import parse_xml
    doc = Document()

    def broken(*lines):
        para = doc.add_paragraph()
        for n, line in enumerate(lines):
            if n:
                para.add_run().add_break()
            para.add_run(line)

    def table(first):
        doc.add_table(rows=2, cols=2).rows[0].cells[0].text = first
    doc.add_paragraph("关于上半年发展党员工作情况的报告")
    doc.add_paragraph("一、党员队伍结构：")                  # written without its colon
    table("类别")
    doc.add_paragraph("具体情况如下：")
    table("被删去的表")
    for row in doc.tables[-1].rows:                          # deleted with its changes tracked
        row._tr.get_or_add_trPr().append(parse_xml(
            '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="9" '
            'w:author="甲" w:date="2026-07-01T00:00:00Z"/>'))
    doc.add_paragraph("二、分类统计")
    broken("全县新发展党员120名，其中农村党员45名。", "具体情况如下：")   # the same last line as above
    table("分类")
    doc.add_paragraph("三、年龄结构")
    broken("35岁以下的占比较高。", "其中，", "青年党员96名。")        # joined again: 其中，青年党员96名。
    table("年龄")
    for text in ("四、下步打算", "继续严把发展党员质量关。", "中共某某县委组织部", "2026年7月10日"):
        doc.add_paragraph(text)
    src, out = tmp_path / "稿.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    body = body_of(out)
    placed = {str(x[0][0]): body[i - 1] for i, x in enumerate(body) if isinstance(x, list)}
    assert placed == {"类别": "一、党员队伍结构", "分类": "具体情况如下：", "年龄": "其中，青年党员96名。"}
    assert body.index([["分类", ""], ["", ""]]) > body.index("二、分类统计")


def test_format_parts_a_run_in_heading_set_in_a_heading_style(runner, tmp_path):
    doc = Document()
    for text, style in (("某镇党建工作情况报告", "Title"), ("一、主要做法", "Heading 1"),
                        ("（一）加强组织建设。全镇18个村党组织严格落实三会一课制度，组织党员开展志愿服务三百余次。", "Heading 2"),
                        ("二、存在问题", "Heading 1"), ("部分党员学习不够深入。", None)):
        doc.add_paragraph(text, style)
    src, out = tmp_path / "稿.docx", tmp_path / "排版.docx"
    doc.save(src)
    assert runner.invoke(cli, ["format", str(src), "-o", str(out)]).exit_code == 0
    got = paragraphs(out)
    assert got[2:4] == [("Heading 2", "（一）加强组织建设。"), ("Normal", "全镇18个村党组织严格落实三会一课制度，组织党员开展志愿服务三百余次。")]
    code, output = lint_lines(runner, out)
    assert code == 0, output


def test_format_moves_a_wrapped_copy_list_whole(runner, tmp_path):
    out = formatted(runner, tmp_path / "稿.txt", "关于开展党员冬训工作的通知\n各基层党组织：\n经研究，决定在全县开展党员冬训。\n中共某某县委组织部\n"
                   "2026年11月20日\n抄送：县委办公室，县纪委监委机关，\n      县政协办公室。\n")
    got = paragraphs(out)
    assert [t for s, t in got if s == "落款"] == ["中共某某县委组织部", "2026年11月20日"]
    assert [t for s, t in got][-2:] == ["抄送：县委办公室，县纪委监委机关，", "县政协办公室。"]


def test_format_keeps_markdown_bold_beside_chinese_punctuation_as_a_docx_bold(runner, tmp_path):
    text = ("# 某支部2026年工作总结\n\n今年以来，支部围绕中心抓党建。\n\n一、主要做法\n\n**一是抓学习。**全年集中学习12次。\n\n"
            "**二是强队伍**，发展党员3名。\n\n二、存在问题\n\n学习**“深度”**不够。\n")
    out = formatted(runner, tmp_path / "总结.md", text)
    runs = [[(r.text, bool(r.bold)) for r in p.runs if r.text] for p in Document(str(out)).paragraphs]
    assert [("一是抓学习。", True), ("全年集中学习12次。", False)] in runs
    assert [("二是强队伍", True), ("，发展党员3名。", False)] in runs
    assert [("学习", False), ("“深度”", True), ("不够。", False)] in runs
    assert not any("*" in text for _, text in paragraphs(out))
    # the same draft typed in Word, its bold as runs, formats alike
    source = Document()
    for line in text.replace("# ", "").split("\n\n"):
        para = source.add_paragraph()
        for k, piece in enumerate(re.split(r"\*\*", line.strip())):
            para.add_run(piece).bold = bool(k % 2) or None
    source.save(str(tmp_path / "总结.docx"))
    again = runner.invoke(cli, ["format", str(tmp_path / "总结.docx"), "-o", str(tmp_path / "word.docx")])
    assert again.exit_code == 0, again.output
    assert [[(r.text, bool(r.bold)) for r in p.runs if r.text]
            for p in Document(str(tmp_path / "word.docx")).paragraphs] == runs
    assert runner.invoke(cli, ["lint", "--no-pages", str(out)]).exit_code == 0
