import subprocess
import zipfile

import pytest
from conftest import png, pictured_docx, reviewed_docx
from docx import Document

from generator.corpus.reading import ReadError, Table, decode, read_document, review_marks

TEXT = "关于柳湾镇党建工作的调查\n一、基本情况\n全镇共有行政村十八个。"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"])
def test_txt_encodings(tmp_path, encoding):
    path = tmp_path / "报告.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert [p.text for p in read_document(path)] == TEXT.split("\n")


def test_docx_heading_styles_and_outline_levels(tmp_path):
    doc = Document()
    doc.add_paragraph("柳湾镇工作总结", style="Title")
    doc.add_paragraph("一、主要做法", style="Heading 1")
    para = doc.add_paragraph("（一）强化领导")
    ppr = para._p.get_or_add_pPr()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), "1")
    ppr.append(lvl)
    doc.add_paragraph("正文一段。")
    path = tmp_path / "总结.docx"
    doc.save(path)
    assert [(p.text, p.level) for p in read_document(path)] == [
        ("柳湾镇工作总结", 0), ("一、主要做法", 1), ("（一）强化领导", 2), ("正文一段。", None)]


def test_markdown_headings(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# 标题\n\n## 一、做法\n正文。\n", encoding="utf-8")
    assert [(p.text, p.level) for p in read_document(path) if p.text] == [
        ("标题", 0), ("一、做法", 1), ("正文。", None)]


def test_markdown_emphasis_lists_quotes_and_tables_are_read_as_text(tmp_path):
    from generator.corpus.reading import markdown_parts
    text = ("# 标题\n\n> 区委组织部调研组\n\n收入**4200元**，见[附表](x.html)。\n第二行\n\n## 一、做法\n\n"
            "| 类别 | 人数 |\n|---|---|\n| 农民 | 186 |\n\n1. 拓宽渠道\n2. 提高待遇\n\n- **严把入口关**：落实纪实制度。\n")
    paras, tables = markdown_parts(text)
    assert [(p.text, p.level) for p in paras] == [
        ("标题", 0), ("区委组织部调研组", None), ("收入4200元，见附表。", None), ("第二行", None), ("一、做法", 1),
        ("1.拓宽渠道", None), ("2.提高待遇", None), ("严把入口关：落实纪实制度。", None)]
    assert tables == [Table("一、做法", 1, [["类别", "人数"], ["农民", "186"]])]


def test_binary_and_unknown_files_are_reported(tmp_path):
    binary = tmp_path / "x.txt"
    binary.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ReadError, match="二进制"):
        read_document(binary)
    broken = tmp_path / "x.docx"
    broken.write_bytes(b"not a zip")
    damaged = tmp_path / "y.docx"
    with zipfile.ZipFile(damaged, "w") as archive:
        archive.writestr("[Content_Types].xml", "x")
        archive.writestr("word/document.xml", "x")
    for path in (broken, damaged):
        with pytest.raises(ReadError) as error:
            read_document(path)
        assert str(error.value) == f"{path}: 不是有效的 .docx 文件（已损坏，或不是 Word 文档）"
    with pytest.raises(ReadError, match="不支持"):
        read_document(tmp_path / "x.pdf")


def test_decode_detects_gbk_without_hint():
    assert decode("党组织覆盖率达到百分之八十，比上年提高五个百分点。".encode("gbk")).startswith("党组织")


def _bomb(tmp_path, megabytes):
    """A real .docx whose document.xml holds one paragraph of ``megabytes`` MB of spaces."""
    from lintdocs import write_clean
    clean = write_clean(tmp_path / "clean.docx")
    bomb = tmp_path / "炸弹.docx"
    with zipfile.ZipFile(clean) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename != "word/document.xml":
                out.writestr(item, source.read(item))
                continue
            xml = source.read(item)
            head, tail = xml.split(b"</w:body>")
            with out.open("word/document.xml", "w", force_zip64=True) as stream:
                stream.write(head + b"<w:p><w:r><w:t xml:space=\"preserve\">")
                for _ in range(megabytes):
                    stream.write(b" " * 2**20)
                stream.write(b"</w:t></w:r></w:p></w:body>" + tail)
    return bomb


@pytest.mark.parametrize("megabytes, reason", [(300, "解压后有 300 MB，超过上限 200 MB"),
                                               (30, "超过上限 100 倍")])
@pytest.mark.parametrize("command", [["outline"], ["lint", "--no-pages"], ["format", "-o", "x.docx"],
                                     ["mine", "-o", "m.yaml"]])
def test_zip_bombs_are_refused_before_they_are_read(tmp_path, runner, megabytes, reason, command):
    import json
    import subprocess
    import sys
    bomb = _bomb(tmp_path, megabytes)
    assert bomb.stat().st_size < 2 * 2**20
    # run through a small parent that reports the peak memory of its one child
    measure = ("import json, resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, "
               "text=True); print(json.dumps([r.returncode, r.stderr, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))")
    code, stderr, peak_kb = json.loads(subprocess.run(
        [sys.executable, "-c", measure, sys.executable, "-m", "generator.cli", command[0], str(bomb),
         *command[1:]], cwd=tmp_path, capture_output=True, text=True, timeout=60).stdout)
    assert code == 1 and "Traceback" not in stderr
    assert f"{bomb}: 文档中的“word/document.xml”" in stderr and reason in stderr
    assert peak_kb < 250 * 1024      # the part was never expanded
    assert not (tmp_path / "x.docx").exists() and not (tmp_path / "m.yaml").exists()


def test_docx_read_as_python_docx_reads_it_without_loading_it(tmp_path):
    import subprocess
    import sys

    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_BREAK
    doc = Document()
    based = doc.styles.add_style("我的小标题", WD_STYLE_TYPE.PARAGRAPH)
    based.base_style = doc.styles["Heading 2"]          # a level inherited through basedOn
    doc.add_paragraph("一、主要做法", style="Heading 1")
    doc.add_paragraph("（一）强化领导", style="我的小标题")
    para = doc.add_paragraph("第一行")
    para.add_run().add_break(WD_BREAK.LINE)
    para.add_run("第二行\t制表")
    para._p.get_or_add_pPr()
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    style = OxmlElement("w:pStyle")
    style.set(qn("w:val"), "NoSuchStyle")            # an unknown style is the default one
    para._p.pPr.insert(0, style)
    path = tmp_path / "a.docx"
    doc.save(path)
    want = [p.text for p in Document(str(path)).paragraphs]
    got = [(p.text, p.level) for p in read_document(path)]
    assert [t for t, _ in got] == want == ["一、主要做法", "（一）强化领导", "第一行\n第二行\t制表"]
    assert [lv for _, lv in got] == [1, 2, None]
    code = f"import sys; from generator.corpus.reading import read_document; read_document({str(path)!r}); print('docx' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def controlled_docx(path):
    """A draft with a number in a content control, a date in a simple field, a paragraph in a
    content control of its own and a table, as Word writes them."""
    from docx.oxml import parse_xml
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    doc = Document()
    doc.add_paragraph("关于某事的报告")
    para = doc.add_paragraph("我镇共有党员")
    para._p.append(parse_xml(f'<w:sdt {ns}><w:sdtContent><w:r><w:t>1200</w:t></w:r></w:sdtContent></w:sdt>'))
    para.add_run("名。")
    para = doc.add_paragraph("截至")
    para._p.append(parse_xml(f'<w:fldSimple {ns} w:instr=" DATE "><w:r><w:t>2024年3月15日</w:t></w:r></w:fldSimple>'))
    para.add_run("，全部完成。")
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(
        f'<w:sdt {ns}><w:sdtContent><w:p><w:r><w:t>内容控件里的一段话。</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    doc.add_paragraph("表1  发展党员情况")
    table = doc.add_table(rows=2, cols=2)
    for cell, text in zip(table._cells, ["村", "人数", "XX村", "5"]):
        cell.text = text
    doc.add_paragraph("特此报告。")
    doc.save(path)
    return path


def test_docx_text_in_content_controls_fields_and_tables(tmp_path):
    from generator.corpus.reading import docx_objects
    path = controlled_docx(tmp_path / "控件.docx")
    assert [p.text for p in read_document(path)] == ["关于某事的报告", "我镇共有党员1200名。", "截至2024年3月15日，全部完成。",
                                                     "内容控件里的一段话。", "表1  发展党员情况", "特此报告。"]
    assert docx_objects(path.read_bytes(), path) == [Table("表1  发展党员情况", 1, [["村", "人数"], ["XX村", "5"]])]


def test_docx_nested_controls_and_a_table_in_a_control(tmp_path):
    from docx.oxml import parse_xml
    from generator.corpus.reading import docx_objects
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    row = '<w:tr><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>'
    doc = Document()
    doc.add_paragraph("关于某事的报告")
    body = doc.element.body
    body.insert(len(body) - 1, parse_xml(f'<w:sdt {ns}><w:sdtContent><w:sdt><w:sdtContent><w:p><w:r><w:t>全年完成投资'
                                         '12亿元。</w:t></w:r></w:p></w:sdtContent></w:sdt></w:sdtContent></w:sdt>'))
    body.insert(len(body) - 1, parse_xml(f'<w:sdt {ns}><w:sdtContent><w:tbl>{row.format("项目", "数量")}<w:sdt><w:sdtContent>'
                                         f'{row.format("甲", "1")}</w:sdtContent></w:sdt></w:tbl></w:sdtContent></w:sdt>'))
    path = tmp_path / "嵌套.docx"
    doc.save(path)
    assert [p.text for p in read_document(path)] == ["关于某事的报告", "全年完成投资12亿元。"]
    assert docx_objects(path.read_bytes(), path) == [Table("全年完成投资12亿元。", 1, [["项目", "数量"], ["甲", "1"]])]


@pytest.mark.parametrize("span, row", [("2", ["甲", "", "乙"]), ("x", ["甲", "乙"]), ("100000", ["甲", *[""] * 62, "乙"])])
def test_docx_table_cells_keep_their_columns_and_bad_spans_are_one(tmp_path, span, row):
    from docx.oxml import parse_xml
    from generator.corpus.reading import docx_objects
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "甲", "乙"
    table.cell(0, 0)._tc.get_or_add_tcPr().append(parse_xml(
        f'<w:gridSpan xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:val="{span}"/>'))
    path = tmp_path / "表.docx"
    doc.save(path)
    spanned = ((0, 0, 1, len(row) - 1),) if len(row) > 2 else ()
    assert docx_objects(path.read_bytes(), path) == [Table("", 0, [row], spanned)]


def test_docx_table_merges_are_read_as_areas(tmp_path):
    from generator.corpus.reading import docx_objects
    doc = Document()
    table = doc.add_table(rows=4, cols=4)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "村名"        # two rows high
    table.cell(0, 1).merge(table.cell(0, 2)).text = "2025年"      # two columns wide
    table.cell(0, 3).merge(table.cell(2, 3)).text = "备注"        # three rows high
    table.cell(1, 1).text, table.cell(1, 2).text = "计划", "完成"
    table.cell(2, 0).merge(table.cell(3, 1)).text = "合计"        # two by two
    path = tmp_path / "合并.docx"
    doc.save(path)
    (found,) = docx_objects(path.read_bytes(), path)
    assert found.rows == [["村名", "2025年", "", "备注"], ["", "计划", "完成", ""], ["合计", "", "", ""], ["", "", "", ""]]
    assert sorted(found.merges) == [(0, 0, 2, 1), (0, 1, 1, 2), (0, 3, 3, 1), (2, 0, 2, 2)]


def test_utf16_cut_short_is_one_line(tmp_path, runner):
    from generator.cli import cli
    bad = tmp_path / "半截.txt"
    bad.write_bytes(b"\xff\xfe\xfd")
    result = runner.invoke(cli, ["outline", str(bad)])
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit)
    assert result.output == f"错误：{bad}: 文件开头标明是 UTF-16 编码，但内容不完整或不是 UTF-16 文本（已跳过）\n"


def test_docx_automatic_numbers_are_read_as_the_text_word_shows(tmp_path, soffice):
    from lintdocs import AUTO_NUMBERED, auto_numbered

    path = auto_numbered(tmp_path / "自动编号.docx")
    got = [p.text for p in read_document(path)]
    assert got[:6] == [AUTO_NUMBERED[0][0], AUTO_NUMBERED[1][0], "一、基本情况", AUTO_NUMBERED[3][0],
                       "二、主要做法", "（一）强化组织建设"]
    assert got[7:13:2] == ["（二）创新服务方式", "三、存在问题", "四、下一步工作"]
    assert got[-2:] == ["某街道党工委", "2026年11月24日"]
    # the same document saved again by a real editor (LibreOffice writes its own list definitions)
    out = tmp_path / "lo"
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    assert [p.text for p in read_document(out / path.name)] == got


def test_docx_automatic_numbers_in_tables_and_empty_paragraphs(tmp_path):
    from lintdocs import auto_numbered, numbered

    from generator.corpus.reading import docx_objects

    cell = lambda text, level=None: (f'<w:tc><w:p>{"<w:pPr>" + numbered(level) + "</w:pPr>" if level is not None else ""}'
                                     f'<w:r><w:t>{text}</w:t></w:r></w:p></w:tc>')
    table = ("<w:tbl><w:tr>" + cell("序号") + cell("项目") + "</w:tr>"
             + "".join(f"<w:tr>{cell('', 2)}{cell(name)}</w:tr>" for name in ("道路硬化", "路灯安装")) + "</w:tbl>")
    items = [("某村工作报告", None), ("项目进展", 0), ("", 0), ("今年实施项目两个。", None), ("下一步打算", 0)]
    path = auto_numbered(tmp_path / "表.docx", items, xml=[table, f"<w:p><w:pPr>{numbered(2)}</w:pPr>"
                                                          "<w:r><w:t>抓紧收尾。</w:t></w:r></w:p>"])
    texts = [p.text for p in read_document(path)]
    # the empty numbered paragraph shows 二、 in Word but holds no text: no lone number
    assert texts == ["某村工作报告", "一、项目进展", "", "今年实施项目两个。", "三、下一步打算", "3.抓紧收尾。"]
    # the 序号 column is all automatic numbers (1. 2.), counted before the paragraph after it
    assert docx_objects(path.read_bytes(), path)[0][2] == [["序号", "项目"], ["1.", "道路硬化"], ["2.", "路灯安装"]]


def test_a_table_all_in_bold_keeps_no_bold_when_word_numbers_its_first_column(tmp_path):
    from lintdocs import auto_numbered, numbered

    from generator.corpus.reading import docx_objects

    def cell(text, level=None, bold=True):
        numbers = "<w:pPr>" + numbered(level) + "</w:pPr>" if level is not None else ""
        run = f'<w:r>{"<w:rPr><w:b/></w:rPr>" if bold else ""}<w:t>{text}</w:t></w:r>' if text else ""
        return f"<w:tc><w:p>{numbers}{run}</w:p></w:tc>"

    def table(bold):
        return ("<w:tbl><w:tr>" + cell("序号", bold=bold) + cell("项目") + "</w:tr>"
                + "".join(f"<w:tr>{cell('', 2)}{cell(name)}</w:tr>" for name in ("道路硬化", "路灯安装")) + "</w:tbl>")

    items = [("某村工作报告", None), ("今年实施项目两个。", None)]
    # every cell with text of its own in bold: typed all in bold, the numbers Word adds aside
    path = auto_numbered(tmp_path / "全粗.docx", items, xml=[table(True)])
    got = docx_objects(path.read_bytes(), path)[0]
    assert got.rows == [["序号", "项目"], ["1.", "道路硬化"], ["2.", "路灯安装"]] and got.bold == frozenset()
    # a plain 序号 head: the other cells stand out in bold
    path = auto_numbered(tmp_path / "部分.docx", items, xml=[table(False)])
    assert docx_objects(path.read_bytes(), path)[0].bold == {(0, 1), (1, 1), (2, 1)}


def test_docx_numbering_part_found_by_its_relationship(tmp_path):
    from lintdocs import auto_numbered

    path = auto_numbered(tmp_path / "原.docx")
    renamed = tmp_path / "改名.docx"
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(renamed, "w") as out:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b'Target="numbering.xml"', b'Target="lists/list1.xml"')
            out.writestr("word/lists/list1.xml" if info.filename == "word/numbering.xml" else info.filename, data)
    assert [p.text for p in read_document(renamed)] == [p.text for p in read_document(path)]
    assert "一、基本情况" in [p.text for p in read_document(renamed)]


def test_docx_bold_lines_are_marked(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    doc.add_paragraph().add_run("强化政治引领").bold = True
    mixed = doc.add_paragraph()
    mixed.add_run("一是").bold = True
    mixed.add_run("加强学习。")
    doc.styles.add_style("强调标题", WD_STYLE_TYPE.PARAGRAPH).font.bold = True
    doc.add_paragraph("加强组织建设", "强调标题")                   # bold by its style
    doc.add_paragraph("", "强调标题").add_run("提升服务水平").bold = False   # its own w:b="0" wins
    doc.add_paragraph().add_run("这是一段很长的加粗强调文字，" * 4).bold = True
    doc.add_paragraph("正文。")
    doc.save(str(tmp_path / "粗.docx"))
    assert [p.bold for p in read_document(tmp_path / "粗.docx")] == [True, False, True, False, False, False]


def _with_parts(path, body_xml, footnotes=None):
    """A .docx of ``body_xml`` paragraphs (raw WordprocessingML, namespaces declared here) and,
    given ``footnotes`` ({id: text}), a footnotes part as Word writes one."""
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"')
    Document().save(str(path))
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    parts["word/document.xml"] = f'<w:document {ns}><w:body>{body_xml}<w:sectPr/></w:body></w:document>'.encode()
    if footnotes:
        notes = "".join(f'<w:footnote w:id="{k}"><w:p><w:r><w:t>{v}</w:t></w:r></w:p></w:footnote>'
                        for k, v in footnotes.items())
        parts["word/footnotes.xml"] = f'<w:footnotes {ns}>{notes}</w:footnotes>'.encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
            '<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'footnotes" Target="footnotes.xml"/></Relationships>')).encode()
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_docx_text_boxes_and_footnotes_are_read_not_lost(tmp_path):
    r = lambda text: f"<w:r><w:t>{text}</w:t></w:r>"
    box = lambda text: f"<w:txbxContent><w:p>{r(text)}</w:p></w:txbxContent>"
    body = (f"<w:p>{r('标题')}</w:p>"
            f'<w:p>{r("正文一。")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
            # Word writes a box twice: the shape, and a VML copy for old readers
            f"<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><wps:txbx>{box('小贴士：每天走访。')}</wps:txbx>"
            f"</mc:Choice><mc:Fallback><v:textbox>{box('小贴士：每天走访。')}</v:textbox></mc:Fallback>"
            f"</mc:AlternateContent></w:r></w:p>"
            f"<w:p>{r('正文二。')}</w:p>")
    path = _with_parts(tmp_path / "框.docx", body, {"-1": "", "0": "", "1": "详见2024年15号文件。"})
    # boxes after their paragraph (one above the title waits for it), notes after the text
    assert [p.text for p in read_document(path) if p.text] == [
        "标题", "正文一。", "小贴士：每天走访。", "正文二。", "注：详见2024年15号文件。"]


def test_markdown_html_blocks_reference_lines_and_underlined_sentences_stay_text():
    from generator.corpus.reading import markdown_parts
    text = ("# 报告\n\n为做好有关工作，现通知如下：\n-----\n\n零售额12.6亿元[1]。\n\n[1]: 某县商务局《发展报告》\n\n"
            '<div align="right">某某镇人民政府<br>2024年12月20日</div>\n')
    assert [(p.text, p.level) for p in markdown_parts(text)[0]] == [
        ("报告", 0), ("为做好有关工作，现通知如下：", None), ("零售额12.6亿元[1]。", None), ("[1]: 某县商务局《发展报告》", None),
        ("某某镇人民政府", None), ("2024年12月20日", None)]


def test_docx_under_review_reads_as_accepted_and_counts_its_marks(tmp_path):
    path = reviewed_docx(tmp_path / "修订.docx")
    texts = [p.text for p in read_document(path)]
    assert texts[2] == "全镇组织学习十二次。新增的句子。"          # the deletion and the text moved away are out
    assert texts[3] == "移走的句子。"                               # the text moved here is in (was lost)
    assert review_marks(Document(str(path)).element.body) == (4, 1)


def test_docx_pictures_are_read_with_their_place_and_size(tmp_path):
    from generator.corpus.reading import Figure, docx_objects
    path = pictured_docx(tmp_path / "图.docx")
    found = docx_objects(path.read_bytes(), path)
    assert [type(obj).__name__ for obj in found] == ["Figure", "Table"]
    figure = found[0]
    assert figure.before == "组织参观红色教育基地2次。" and figure.nth == 1
    assert (figure.data, figure.ext) == (png(40, 20), "png")
    assert figure.cx == 12 * 360000 and figure.cy == 6 * 360000          # 12 cm wide, as placed
    assert found[1].rows == [["合影", ""]]                               # the cell's picture is not (see format)


def test_drawings_that_show_a_picture_or_a_chart():
    from lxml import etree

    from generator.corpus.reading import _frames
    ns = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
          'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
          'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
          'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"')
    picture = '<wp:inline><wp:extent cx="1" cy="1"/><a:graphic><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline>'
    chart = '<wp:inline><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/></a:graphic></wp:inline>'
    line = '<wp:anchor><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"/></a:graphic></wp:anchor>'
    boxed = f'<wp:anchor><a:graphic><a:graphicData><w:txbxContent><w:p><w:r><w:drawing>{picture}</w:drawing></w:r></w:p></w:txbxContent></a:graphicData></a:graphic></wp:anchor>'
    body = etree.fromstring(f"<w:body {ns}>" + "".join(f"<w:p><w:r><w:drawing>{d}</w:drawing></w:r></w:p>"
                                                        for d in (picture, chart, line, boxed)) + "</w:body>")
    tags = lambda found: [etree.QName(f).localname for f in found]
    assert tags(_frames(body)) == ["inline", "inline"]                 # the picture and the chart
    assert tags(_frames(body, boxed=True)) == ["inline", "inline", "inline"]   # and the picture in the box, once


def test_markdown_bold_is_read_as_a_docx_bold_is():
    from generator.corpus.reading import markdown_parts
    paras, _ = markdown_parts("# 某支部工作总结\n\n**主要做法**\n\n**一是抓学习。**全年集中学习12次。\n\n"
                              "1. **学习不够深入。**个别党员学用脱节。\n2. **活动单一**\n")
    got = [(p.text, p.bold, p.weights) for p in paras[1:]]
    assert got == [("主要做法", True, (("主要做法", True),)),
                   ("一是抓学习。全年集中学习12次。", False, (("一是抓学习。", True), ("全年集中学习12次。", False))),
                   ("1.学习不够深入。个别党员学用脱节。", False,     # (the number as typed, plain)
                    (("1.", False), ("学习不够深入。", True), ("个别党员学用脱节。", False))),
                   ("2.活动单一", True, (("2.活动单一", True),))]
    # code, a code span and a table's cells keep their asterisks
    paras, tables = markdown_parts("正文\n\n```\n代码 **不加粗** 2**3\n```\n\n行内 `a**b**c` 和 **粗**。\n\n"
                                   "| 项目 | 算式 | 算式2 |\n|---|---|---|\n| 面积 | 3**2 | 4**2 |\n")
    assert [(p.text, p.weights) for p in paras] == [
        ("正文", ()), ("代码 **不加粗** 2**3", ()), ("行内 a**b**c 和 粗。", (("行内 a**b**c 和 ", False), ("粗", True), ("。", False)))]
    assert tables[0].rows[1] == ["面积", "3**2", "4**2"]
    # a paragraph indented four spaces (a code block to Markdown) is a paragraph of a draft
    paras, _ = markdown_parts("正文\n\n    **一是抓学习。**全年学习12次。\n")
    assert paras[1].weights == (("一是抓学习。", True), ("全年学习12次。", False))
    # a draft typed all in bold keeps none, as a .docx does
    paras, _ = markdown_parts("**甲**\n\n**乙。**\n")
    assert [(p.text, p.bold, p.weights) for p in paras] == [("甲", True, ()), ("乙。", False, ())]
