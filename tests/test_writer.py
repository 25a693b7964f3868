import io
import os
import zipfile
from dataclasses import replace

from docx import Document
from lxml import etree
from reference_writer import reference_document

from generator.draft import Engine
from generator.markup import Block
from generator.style import load_style
from generator.writer import BODY, CORE, Writer, load_base

from conftest import EXAMPLES, pdf_pages, to_pdf

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
    blocks = engine.prepare(EXAMPLES[0]).blocks
    doc = _compare(tmp_path, blocks)
    assert len(doc.paragraphs) > 40 and len(doc.tables) == 1


def test_odd_blocks_equal_python_docx_layout(tmp_path):
    doc = _compare(tmp_path, ODD)
    texts = [p.text for p in doc.paragraphs]
    assert "（一）粗体\t制表\n换行\n回车" in texts
    assert "二、重新编号" in texts and "1.跳级" in texts
    assert "控制字符去掉" in texts[texts.index("**一是**【待补充：数字】开头，中间【待补充：单位】\u3000") + 1]


def test_house_sheet_is_followed(tmp_path):
    sheet = (EXAMPLES[0].parent.parent / "generator" / "styles" / "gbt9704.yaml").read_text("utf-8")
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
    files = list((tmp_path / "cache").iterdir())
    assert len(files) == 1
    assert load_base(sheet) == built
    files[0].write_text("{broken", "utf-8")
    rebuilt = load_base(sheet)
    assert replace(rebuilt, parts=b"") == replace(built, parts=b"")   # zip times may differ
    assert _unzipped(rebuilt.parts) == _unzipped(built.parts)
    other = dict(sheet, 网格=dict(sheet["网格"], 行距_pt=30))
    assert load_base(other) != built and len(list((tmp_path / "cache").iterdir())) == 2


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
    engine.write(engine.prepare(EXAMPLES[0]), out)
    pages = pdf_pages(to_pdf(soffice, out, tmp_path))
    text = ["".join(page.split()) for page in pages]
    assert len(pages) >= 4
    assert "调查与思考" in text[0] and text[0].endswith("—1—") and text[1].endswith("—2—")
