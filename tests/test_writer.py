import zipfile

from docx import Document
from docx.oxml.ns import qn
from lintdocs import write_clean


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
