import json
import subprocess
import sys

import pytest
from conftest import CHECKER
from docx import Document
from docx.oxml.ns import qn
from lintdocs import broken, run_in, write_clean

from generator.cli import cli
from generator.numbering import strip_number

# a document as someone types it in a plain Word setup (invented text)
PLAIN = [
    "关于城西社区党建工作的调查报告",
    "一、基本情况",
    "城西社区共有党员126名,其中在职党员48名、退休党员78名。社区党委下设4个党支部,近年来围绕服务群众开展了大量工作。",
    "二、主要做法",
    "（一）建立联系制度",
    "社区党委建立了“党员联系户”制度，每名党员联系10户居民，定期走访了解情况，全年走访2600余户次。",
    "1、入户走访",
    "每月至少入户一次——重点关注困难家庭和独居老人，做到情况清、底数明。",
    "（二）丰富活动载体",
    "围绕重要节点组织主题党日活动18次，参与党员达到900余人次，活动形式更加多样(包括志愿服务、学习研讨)。",
    "中共城西社区委员会",
    "2026年11月20日",
]


def plain(path):
    doc = Document()
    for text in PLAIN:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def texts(path):
    return [p.text for p in Document(str(path)).paragraphs]


def lint_rules(runner, path, *extra):
    result = runner.invoke(cli, ["lint", "--json", *extra, str(path)])
    return result.exit_code, {d["rule"] for d in json.loads(result.output)}


def test_plain_document_fails_then_fixes_clean(tmp_path, runner, soffice):
    source, out = plain(tmp_path / "plain.docx"), tmp_path / "fixed.docx"
    code, found = lint_rules(runner, source)
    assert code == 1
    assert {"页面大小", "页边距", "字体", "字号", "行距", "网格", "页码", "编号", "标点"} <= found
    original = source.read_bytes()
    result = runner.invoke(cli, ["lint", str(source), "--fix", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "编号：第7段 1、 → 1." in result.output and "已写入" in result.output
    assert source.read_bytes() == original  # never in place
    assert lint_rules(runner, out) == (0, set())
    # text changes only in numbering and punctuation width
    fixed = texts(out)
    assert fixed[6] == "1.入户走访" and "126名，其中" in fixed[2] and "（包括志愿服务、学习研讨）" in fixed[9]
    same = lambda t: t.translate(str.maketrans("，（）", ",()")).replace("1.", "1、")
    assert [same(t) for t in fixed] == [same(t) for t in PLAIN]
    if CHECKER.exists():
        check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
        assert "14/14" in check.stdout


def test_lint_points_to_fix_and_fix_settles_spaces_stops_and_quotes(tmp_path, runner):
    """What a plain hand-typed document gets wrong beyond fonts: a space after the number, a
    half-width full stop after a figure, straight quotes around Chinese (invented text)."""
    doc = Document()
    for text in ("关于某社区党建工作的报告", "一、 基本情况", "党员参学率达到95%.",
                 "推行\"线上+线下\"组织生活，覆盖率3.5个百分点的提高来自2026.7.10以后。"):
        doc.add_paragraph(text)
    source, out = tmp_path / "稿.docx", tmp_path / "修正.docx"
    doc.save(str(source))
    result = runner.invoke(cli, ["lint", "--no-pages", str(source)])
    last = result.output.strip().splitlines()[-1]
    assert result.exit_code == 1 and f"可自动修正：reportgen lint {source} --fix -o" in last
    assert "半角 ." in result.output and '半角 "' in result.output
    fixed = runner.invoke(cli, ["lint", "--no-pages", str(source), "--fix", "-o", str(out)])
    assert fixed.exit_code == 0, fixed.output
    assert "编号：第2段 去掉“一、”后的空格" in fixed.output and "可自动修正" not in fixed.output
    assert texts(out)[1:] == ["一、基本情况", "党员参学率达到95%。",
                              "推行“线上+线下”组织生活，覆盖率3.5个百分点的提高来自2026.7.10以后。"]


def test_fix_keeps_text_of_a_clean_draft(tmp_path, runner):
    clean, out = write_clean(tmp_path / "clean.docx"), tmp_path / "out.docx"
    result = runner.invoke(cli, ["lint", "--no-pages", str(clean), "--fix", "-o", str(out)])
    assert result.exit_code == 0 and "已修正" not in result.output
    assert texts(out) == texts(clean)


def test_fix_renumbers_and_leaves_unsafe_problems(tmp_path, runner):
    def change(doc):
        heading = next(p for p in doc.paragraphs if p.text.startswith("二、"))
        heading.runs[0].text = heading.runs[0].text.replace("二、", "四、")
        body = next(p for p in doc.paragraphs if p.text.startswith("部分社区"))
        body.runs[0].text = body.runs[0].text.rstrip("。")
    path, out = broken(tmp_path, "x", change), tmp_path / "out.docx"
    result = runner.invoke(cli, ["lint", "--no-pages", str(path), "--fix", "-o", str(out)])
    assert "四、 → 二、" in result.output and "仍有 1 处需人工处理" in result.output
    assert result.exit_code == 0  # what is left is a warning: the missing full stop
    assert "二、存在问题" in texts(out)


def test_fix_needs_a_new_output(tmp_path, runner):
    clean = write_clean(tmp_path / "clean.docx")
    before = clean.read_bytes()
    for args in (["--fix"], ["--fix", "-o", str(clean)]):
        result = runner.invoke(cli, ["lint", str(clean), *args])
        assert result.exit_code != 0 and result.output.count("\n") == 1
    assert clean.read_bytes() == before
    existing = tmp_path / "exists.docx"
    existing.write_bytes(b"keep")
    result = runner.invoke(cli, ["lint", str(clean), "--fix", "-o", str(existing)])
    assert result.exit_code == 1 and "--force" in result.output and existing.read_bytes() == b"keep"


def test_output_must_be_docx_and_only_with_fix(tmp_path, runner):
    clean = write_clean(tmp_path / "clean.docx")
    result = runner.invoke(cli, ["lint", "--no-pages", str(clean), "--fix", "-o", str(tmp_path / "fixed.txt")])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == f"错误：{tmp_path / 'fixed.txt'}: --fix 的输出文件应以 .docx 结尾\n"
    result = runner.invoke(cli, ["lint", "--no-pages", str(clean), "-o", str(tmp_path / "f3.docx")])
    assert result.exit_code == 2 and result.output.count("\n") == 1
    assert result.output.startswith("错误：命令用法有误：-o 只用于 --fix")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean.docx"]


def test_fix_keeps_the_signature_rules_of_the_writer(tmp_path, runner):
    clean = write_clean(tmp_path / "clean.docx")
    out = tmp_path / "fixed.docx"
    assert runner.invoke(cli, ["lint", str(clean), "--fix", "-o", str(out), "--no-pages"]).exit_code == 0
    for path in (clean, out):
        paras = Document(str(path)).paragraphs
        unit, date = paras[-2], paras[-1]
        assert paras[-3].paragraph_format.keep_with_next, path
        assert unit.paragraph_format.space_before is None and date.paragraph_format.space_before == 0, path


def test_fix_renumbers_the_heading_not_a_text_box_in_front_of_it(tmp_path, runner):
    from docx.oxml import parse_xml
    box = ('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:v="urn:schemas-microsoft-com:vml"><w:pict><v:shape><v:textbox><w:txbxContent>'
           '<w:p><w:r><w:t>四、图示</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')

    def change(doc):
        heading = next(p for p in doc.paragraphs if p.text.startswith("二、"))
        heading.runs[0].text = heading.runs[0].text.replace("二、", "四、")
        heading.runs[0]._r.addprevious(parse_xml(box))
    path, out = broken(tmp_path, "x", change), tmp_path / "out.docx"
    result = runner.invoke(cli, ["lint", "--no-pages", str(path), "--fix", "-o", str(out)])
    assert "四、 → 二、" in result.output
    assert "二、存在问题" in texts(out)
    assert "四、图示" in [t.text for t in Document(str(out)).element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]


def test_automatic_numbering_is_read_flagged_and_fixed_into_text(tmp_path, runner, soffice):
    from lintdocs import auto_numbered

    from conftest import pdf_pages, to_pdf

    source = auto_numbered(tmp_path / "自动编号.docx")
    result = runner.invoke(cli, ["lint", "--json", str(source)])
    found = json.loads(result.output)
    auto = [(d["paragraph"], d["seen"]) for d in found if d["rule"] == "自动编号"]
    assert auto == [(3, "Word 自动编号“一、”"), (5, "Word 自动编号“二、”"), (6, "Word 自动编号“（一）”"),
                    (8, "Word 自动编号“（二）”"), (10, "Word 自动编号“三、”"), (12, "Word 自动编号“四、”")]
    # read as headings: checked against the heading styles (黑体, 楷体), not the body's
    fonts = {d["paragraph"]: d["expected"] for d in found if d["rule"] == "字体"}
    assert fonts[3] == "黑体" and fonts[6] == "楷体_GB2312" and fonts[4] == "仿宋_GB2312"
    fixed = tmp_path / "改.docx"
    result = runner.invoke(cli, ["lint", "--fix", str(source), "-o", str(fixed)])
    assert result.exit_code == 0, result.output
    assert "编号：第3段 自动编号“一、”改为文字" in result.output
    doc = Document(str(fixed))
    heads = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert heads == [("Heading 1", "一、基本情况"), ("Heading 1", "二、主要做法"), ("Heading 2", "（一）强化组织建设"),
                     ("Heading 2", "（二）创新服务方式"), ("Heading 1", "三、存在问题"), ("Heading 1", "四、下一步工作")]
    assert lint_rules(runner, fixed) == (0, set())
    # a reader shows each number once: the list numbering is off
    text = "".join(pdf_pages(to_pdf(soffice, fixed, tmp_path)))    # laid out as on the page
    assert "一、基本情况" in text and "（一）强化组织建设" in text
    # … and indents the headings as the body (LibreOffice drops a style's indent where numId 0 stands)
    indent = {line.strip()[:6]: len(line) - len(line.lstrip()) for line in text.splitlines() if line.strip()}
    assert indent["一、基本情况"] == indent["（一）强化组"] == indent["今年共整顿软"] > 0, indent
    assert "一、一、" not in text and "（一）（一）" not in text


def test_fix_writes_automatic_numbers_before_the_first_text_in_links_insertions_and_controls(tmp_path, runner):
    from lintdocs import auto_numbered, numbered

    r = lambda text: f"<w:r><w:t>{text}</w:t></w:r>"
    ppr = f"<w:pPr>{numbered(0)}</w:pPr>"
    xml = [f'<w:p>{ppr}<w:ins w:id="1" w:author="甲" w:date="2026-01-01T00:00:00Z">{r("基本")}</w:ins>{r("情况")}</w:p>',
           f'<w:p>{ppr}<w:hyperlink w:anchor="x">{r("主要做法")}</w:hyperlink></w:p>',
           f"<w:p>{ppr}</w:p>",
           f"<w:sdt><w:sdtPr/><w:sdtContent><w:p>{ppr}{r('存在问题')}</w:p></w:sdtContent></w:sdt>",
           f"<w:p>{r('某单位')}</w:p>", f"<w:p>{r('2026年11月24日')}</w:p>"]
    source = auto_numbered(tmp_path / "稿.docx", [("某单位工作报告", None), ("现将有关情况报告如下。", None)], xml=xml)
    fixed = tmp_path / "改.docx"
    result = runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)])
    assert result.exit_code == 0, result.output
    assert "编号：第5段 空段落上的自动编号“三、”已去掉" in result.output
    from generator.corpus.reading import read_document
    assert [p.text for p in read_document(fixed)] == [
        "某单位工作报告", "现将有关情况报告如下。", "一、基本情况", "二、主要做法", "", "三、存在问题", "某单位", "2026年11月24日"]
    doc = Document(str(fixed))
    assert not doc.element.body.xpath(".//w:numId[@w:val='90']")          # every list number turned off
    # the author's empty line stays, and so does the tracked insertion (--fix accepts no change)
    assert lint_rules(runner, fixed, "--no-pages") == (0, {"空段落", "修订"})


@pytest.mark.parametrize("one_run", [False, True])
def test_fix_sets_the_text_a_heading_runs_into_as_body_text(tmp_path, runner, one_run):
    source, fixed = broken(tmp_path, "run-in", run_in(one_run=one_run)), tmp_path / "改.docx"
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)]).exit_code == 0
    heading = next(p for p in Document(str(fixed)).paragraphs if p.text.startswith("（一）"))
    assert heading.style.name == "Heading 2" and heading.text == "（一）队伍建设。今年新建服务站12个，覆盖全部社区。"
    fonts = [(r.text, r._r.rPr.rFonts.get(qn("w:eastAsia")) if r._r.rPr is not None and r._r.rPr.rFonts is not None
              else None) for r in heading.runs]
    assert fonts[-1] == ("今年新建服务站12个，覆盖全部社区。", "仿宋_GB2312")
    assert all(font is None for _, font in fonts[:-1])           # the heading keeps its style's 楷体
    assert lint_rules(runner, fixed, "--no-pages") == (0, set())


def test_spaces_typed_before_paragraphs_are_found_and_taken_out(tmp_path, runner):
    def change(doc):
        for start, spaces in (("为掌握", "\u3000\u3000"), ("（一）", "\t"), ("东湖街道党工委", " " * 30)):
            run = next(p for p in doc.paragraphs if p.text.startswith(start)).runs[0]
            run.text = spaces + run.text
    source, fixed = broken(tmp_path, "spaces", change), tmp_path / "改.docx"
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(source)]).output)
    assert [(d["rule"], d["seen"]) for d in data] == [("段首空格", "段首有 2 个空格或制表符"),
                                                      ("段首空格", "段首有 1 个空格或制表符"),
                                                      ("段首空格", "段首有 30 个空格或制表符")]
    result = runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)])
    assert "空格：第3段 去掉段首的 2 个空格或制表符" in result.output, result.output
    texts = [p.text for p in Document(str(fixed)).paragraphs]
    assert any(t.startswith("为掌握志愿服务队伍现状") for t in texts)
    assert "（一）队伍建设" in texts and "东湖街道党工委" in texts          # the tab, and only it, is gone
    assert lint_rules(runner, fixed, "--no-pages") == (0, set())


def test_a_closing_date_in_chinese_numerals_is_found_and_written_in_figures(tmp_path, runner):
    def change(doc):
        next(p for p in doc.paragraphs if p.text == "2026年10月15日").runs[0].text = "二〇二六年十月十五日"
    source, fixed = broken(tmp_path, "date", change), tmp_path / "改.docx"
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(source)]).output)
    assert [(d["rule"], d["expected"], d["seen"]) for d in data] == [("成文日期", "2026年10月15日", "二〇二六年十月十五日")]
    result = runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)])
    assert "成文日期：第" in result.output and "二〇二六年十月十五日 → 2026年10月15日" in result.output
    assert [p.text for p in Document(str(fixed)).paragraphs][-1] == "2026年10月15日"
    assert lint_rules(runner, fixed, "--no-pages") == (0, set())


def test_fix_renumbers_headings_typed_out_of_order_without_making_twins(tmp_path, runner):
    # （一）（三）（二）: the last is a heading whose number is wrong, not body text
    doc = Document()
    for text in ("关于加强社区“两新”组织党建工作的调研报告", "为了解情况，街道党工委组织专题调研。", "一、对策建议",
                 "（一）扩大覆盖", "推行联合建等方式。", "（三）配强力量", "选派党建指导员。", "（二）强化保障",
                 "落实党建工作经费。", "金桥街道党工委", "2026年7月16日"):
        doc.add_paragraph(text)
    source, fixed = tmp_path / "稿.docx", tmp_path / "改.docx"
    doc.save(source)
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(source)]).output)
    assert [(d["expected"], d["seen"]) for d in data if d["rule"] == "编号"] == [
        ("（二）", "（三）（不连续）"), ("（三）", "（二）（不连续）")]
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)]).exit_code == 0
    heads = [(p.style.name, p.text) for p in Document(str(fixed)).paragraphs if p.style.name.startswith("Heading")]
    assert heads == [("Heading 1", "一、对策建议"), ("Heading 2", "（一）扩大覆盖"), ("Heading 2", "（二）配强力量"),
                     ("Heading 2", "（三）强化保障")]
    assert lint_rules(runner, fixed, "--no-pages") == (0, set())


def test_fix_keeps_a_running_header_on_every_page(tmp_path, runner):
    import io

    from conftest import png

    def change(doc):
        doc.sections[0].header.is_linked_to_previous = False
        doc.sections[0].header.paragraphs[0].text = "内部资料 注意保存"
        doc.sections[0].header.paragraphs[0].add_run().add_picture(io.BytesIO(png(20, 10)))      # a logo
        doc.settings.odd_and_even_pages_header_footer = False
    source, fixed = broken(tmp_path, "header", change), tmp_path / "改.docx"
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)]).exit_code == 0
    section = Document(str(fixed)).sections[0]
    # odd and even pages now differ (for the page numbers): the even ones get the header too
    assert [p.text for p in section.header.paragraphs] == [p.text for p in section.even_page_header.paragraphs] == [
        "内部资料 注意保存"]
    even = section.even_page_header
    (embed,) = even._element.xpath(".//a:blip/@r:embed")
    assert even.part.related_parts[embed].blob == png(20, 10)           # the logo, with a relationship of its own


def test_a_long_title_left_to_wrap_is_broken_between_words(tmp_path, runner):
    from generator.word.style import load_style
    from generator.word.writer import title_lines
    title = "关于东湖街道志愿服务工作与社区治理深度融合情况的调研报告"

    def change(doc):
        doc.paragraphs[0].runs[0].text = title            # one run, no line break: Word wraps it anywhere
        for run in doc.paragraphs[0].runs[1:]:
            run._r.getparent().remove(run._r)
    source, fixed = broken(tmp_path, "title", change), tmp_path / "改.docx"
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(source)]).output)
    assert [(d["rule"], d["level"]) for d in data] == [("标题断行", "提醒")]
    result = runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)])
    assert "标题断行：第1段" in result.output, result.output
    assert Document(str(fixed)).paragraphs[0].text == title_lines(title, load_style()) != title
    assert lint_rules(runner, fixed, "--no-pages") == (0, set())


def test_bold_lines_are_headings_to_lint_as_to_format(tmp_path, runner):
    doc = Document()
    for text, bold in (("松林社区上半年党建工作总结", False), ("上半年社区党委较好完成了各项工作，现总结如下。", False),
                       ("主要工作成效", True), ("坚持党建引领，社区治理更加有序", True),
                       ("推行吹哨报到机制，协调解决问题26件。", False), ("聚焦民生需求，服务群众更加精准", True),
                       ("新开设老年助餐点1个。", False), ("存在的问题", True), ("部分党员参加活动积极性不高。", False),
                       ("中共松林社区委员会", False), ("2026年7月6日", False)):
        doc.add_paragraph().add_run(text).bold = bold
    source, fixed, formatted = tmp_path / "稿.docx", tmp_path / "改.docx", tmp_path / "排版.docx"
    doc.save(source)
    data = json.loads(runner.invoke(cli, ["lint", "--no-pages", "--json", str(source)]).output)
    fonts = {d["excerpt"]: d["expected"] for d in data if d["rule"] == "字体"}
    assert fonts["主要工作成效"] == fonts["存在的问题"] == "黑体" and fonts["坚持党建引领，社区治理更…"] == "楷体_GB2312"
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)]).exit_code == 0
    assert runner.invoke(cli, ["format", str(source), "-o", str(formatted)]).exit_code == 0
    heads = lambda path: [(p.style.name, strip_number(p.text)) for p in Document(str(path)).paragraphs
                          if p.style.name.startswith("Heading")]
    assert heads(fixed) == heads(formatted) == [("Heading 1", "主要工作成效"), ("Heading 2", "坚持党建引领，社区治理更加有序"),
                                               ("Heading 2", "聚焦民生需求，服务群众更加精准"), ("Heading 1", "存在的问题")]


@pytest.mark.parametrize("between", ["\t", "\n"])
def test_a_run_in_heading_with_a_tab_or_break_in_its_run_is_cut_where_its_text_starts(tmp_path, runner, between):
    def change(doc):
        heading = next(p for p in doc.paragraphs if p.text.startswith("（一）"))
        heading.runs[-1].text += "。" + between + "今年新建服务站12个。"    # one run: a tab or break inside it
    source, fixed = broken(tmp_path, "cut", change), tmp_path / "改.docx"
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)]).exit_code == 0
    heading = next(p for p in Document(str(fixed)).paragraphs if p.text.startswith("（一）"))
    assert heading.text == "（一）队伍建设。" + between + "今年新建服务站12个。"       # nothing moved or doubled
    fonts = [(r.text, r._r.rPr.rFonts.get(qn("w:eastAsia")) if r._r.rPr is not None and r._r.rPr.rFonts is not None
              else None) for r in heading.runs]
    assert fonts[-1] == ("今年新建服务站12个。", "仿宋_GB2312") and fonts[-2] == ("队伍建设。" + between, None)
    assert lint_rules(runner, fixed, "--no-pages") == (0, set())


def test_fix_keeps_page_breaks_dates_in_controls_and_its_own_punctuation_in_titles(tmp_path, runner):
    from docx.oxml import OxmlElement, parse_xml

    def change(doc):
        heading = next(p for p in doc.paragraphs if p.text == "二、存在问题")
        heading.runs[0].text = "\u3000\u3000" + heading.runs[0].text
        page = OxmlElement("w:r")                                  # a page break, then the spaces, then the text
        page.append(OxmlElement("w:br"))
        page[0].set(qn("w:type"), "page")
        heading.runs[0]._r.addprevious(page)
        date = doc.paragraphs[-1]                                  # the date in a date picker (a content control)
        for run in date.runs:
            run._r.getparent().remove(run._r)
        date._p.append(parse_xml('<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                                 "<w:sdtPr/><w:sdtContent><w:r><w:t>二〇二六年十月十五日</w:t></w:r></w:sdtContent></w:sdt>"))
        doc.paragraphs[0].runs[0].text = "关于东湖街道志愿服务(红色物业)工作与社区治理深度融合情况的调研报告"
        for run in doc.paragraphs[0].runs[1:]:
            run._r.getparent().remove(run._r)
    source, fixed = broken(tmp_path, "keep", change), tmp_path / "改.docx"
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)]).exit_code == 0
    doc = Document(str(fixed))
    heading = next(p for p in doc.paragraphs if p.text.endswith("存在问题"))
    assert heading.text == "二、存在问题" and heading._p.xpath(".//w:br[@w:type='page']")   # the spaces go, the break stays
    assert doc.element.body.xpath(".//w:sdt//w:t/text()") == ["2026年10月15日"]
    assert "(" not in doc.paragraphs[0].text and "\n" in doc.paragraphs[0].text   # punctuation fixed, then broken
    assert lint_rules(runner, fixed, "--no-pages") == (0, set())


def test_a_closing_date_in_a_smart_tag_is_rewritten_once(tmp_path, runner):
    from docx.oxml import parse_xml

    def change(doc):
        date = doc.paragraphs[-1]
        for run in date.runs:
            run._r.getparent().remove(run._r)
        date._p.append(parse_xml('<w:smartTag xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                                 'w:element="chsdate"><w:r><w:t>2026年07月10日</w:t></w:r></w:smartTag>'))
        date.add_run("    ")                                   # and spaces after it, in a run of their own
    source, fixed = broken(tmp_path, "tag", change), tmp_path / "改.docx"
    result = runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)])
    assert "成文日期：第" in result.output and "2026年07月10日 → 2026年7月10日" in result.output
    from generator.corpus.reading import paragraph_text
    assert paragraph_text(Document(str(fixed)).paragraphs[-1]._p).strip() == "2026年7月10日"     # once, in place


def test_fix_keeps_a_page_break_in_the_titles_run_and_a_header_that_is_only_a_rule(tmp_path, runner):
    from docx.enum.text import WD_BREAK
    from docx.oxml import parse_xml

    def change(doc):
        title = doc.paragraphs[0]
        title.runs[0].text = "关于东湖街道志愿服务工作与社区治理深度融合情况的调研报告"
        for run in title.runs[1:]:
            run._r.getparent().remove(run._r)
        title.runs[0].add_break(WD_BREAK.PAGE)                   # in the title's own run
        header = doc.sections[0].header
        header.is_linked_to_previous = False
        header.paragraphs[0]._p.get_or_add_pPr().append(parse_xml(   # a red rule under an empty line
            '<w:pBdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            '<w:bottom w:val="single" w:sz="12" w:space="1" w:color="FF0000"/></w:pBdr>'))
        doc.settings.odd_and_even_pages_header_footer = False
    source, fixed = broken(tmp_path, "rule", change), tmp_path / "改.docx"
    assert runner.invoke(cli, ["lint", "--fix", "--no-pages", str(source), "-o", str(fixed)]).exit_code == 0
    doc = Document(str(fixed))
    assert doc.paragraphs[0]._p.xpath(".//w:br[@w:type='page']")
    assert doc.sections[0].even_page_header._element.xpath(".//w:pBdr/w:bottom[@w:color='FF0000']")
