import zipfile

import pytest
from docx import Document

from generator.corpus.reading import ReadError, decode, read_document

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
