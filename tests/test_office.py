"""LibreOffice conversions: one run per batch, fonts of each kind, every character kept,
and the ways a conversion goes wrong (missing, hanging, failing on one draft)."""
import difflib
import re
import subprocess
import time

import pytest
from docx import Document

from conftest import EXAMPLES
from generator.cli import cli
from generator.errors import ReportgenError
from generator.word import office


def body_text(docx):
    """Every w:t of the body, in order, without white space."""
    doc = Document(str(docx))
    return re.sub(r"\s", "", "".join(t.text or "" for t in doc.element.body.iter() if t.tag.endswith("}t")))


def pdf_text(pdf):
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s", "", out)


def lost_characters(docx, pdf):
    """Characters of the .docx body the PDF's text lacks (in order), with some context."""
    want, have = body_text(docx), pdf_text(pdf)
    matcher = difflib.SequenceMatcher(None, want, have, autojunk=False)
    return [want[max(0, a - 10):b + 2] for op, a, b, _, _ in matcher.get_opcodes() if op in ("delete", "replace")]


def font_families(pdf):
    """(family, embedded) of every font of a PDF, the subset tag and style suffix dropped."""
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = set()
    for line in out.splitlines()[2:]:
        name, embedded = line.split()[0], line.split()[-5]
        family = re.sub(r"^[A-Z]{6}\+", "", name)
        family = re.split(r"-|(?<=CJK)[a-z]{2}", family)[0]
        fonts.add((family, embedded == "yes"))
    return fonts


@pytest.fixture(scope="module")
def example_pdfs(tmp_path_factory):
    """Every example rendered with --pdf in one batch (one LibreOffice run)."""
    import shutil
    from click.testing import CliRunner
    if not (shutil.which("soffice") and shutil.which("pdftotext")):
        pytest.skip("本机没有 LibreOffice 或 poppler-utils")
    out = tmp_path_factory.mktemp("pdf")
    result = CliRunner().invoke(cli, ["render", *map(str, EXAMPLES), "-o", str(out), "--pdf"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_character_of_the_draft_is_in_the_pdf(example_pdfs, example, soffice):
    docx, pdf = example_pdfs / f"{example.stem}.docx", example_pdfs / f"{example.stem}.pdf"
    assert lost_characters(docx, pdf) == []


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_pdf_embeds_three_font_families_and_pages_agree_with_lint(example_pdfs, example, soffice):
    from pypdf import PdfReader

    from generator.lint.pages import page_texts
    pdf = example_pdfs / f"{example.stem}.pdf"
    fonts = font_families(pdf)
    assert all(embedded for _, embedded in fonts)
    assert len({family for family, _ in fonts}) >= 3, fonts   # title, headings, body differ
    assert len(PdfReader(str(pdf)).pages) == len(page_texts(example_pdfs / f"{example.stem}.docx"))


def test_hanging_line_end_mark_is_kept(tmp_path, soffice):
    """A full line followed by a full-width comma: LibreOffice used to hang the comma past the
    margin and drop it from the PDF (经验交流材料: “…以网格为基本单元，构建…”)."""
    from generator import markup
    from generator.word.style import load_style
    from generator.word.writer import Writer
    line = "党工委坚持把党的领导贯穿基层治理全过程，以网格为基本单元，构建四级组织链条。" * 3
    docx = tmp_path / "挂点.docx"
    Writer(load_style()).write(markup.parse(f"# 标题\n\n{line}\n"), docx)
    pdf = tmp_path / "挂点.pdf"
    assert office.to_pdf([(docx, pdf)]) == [None]
    assert lost_characters(docx, pdf) == []


def test_two_drafts_of_one_name_from_two_folders(tmp_path, soffice):
    from generator import markup
    from generator.word.style import load_style
    from generator.word.writer import Writer
    writer, pairs = Writer(load_style()), []
    for name in ("甲", "乙"):
        (tmp_path / name).mkdir()
        docx = tmp_path / name / "草稿.docx"
        writer.write(markup.parse(f"# {name}的标题\n\n正文。\n"), docx)
        pairs.append((docx, docx.with_suffix(".pdf")))
    assert office.to_pdf(pairs) == [None, None]
    assert [pdf_text(pdf)[:2] for _, pdf in pairs] == ["甲的", "乙的"]


def test_one_broken_draft_of_a_batch_is_reported_the_rest_written(tmp_path, soffice):
    from generator import markup
    from generator.word.style import load_style
    from generator.word.writer import Writer
    good, bad = tmp_path / "好.docx", tmp_path / "坏.docx"
    Writer(load_style()).write(markup.parse("# 标题\n\n正文。\n"), good)
    bad.write_bytes(b"PK\x03\x04 this is no docx")
    errors = office.to_pdf([(bad, tmp_path / "坏.pdf"), (good, tmp_path / "好.pdf")])
    assert errors[1] is None and (tmp_path / "好.pdf").read_bytes().startswith(b"%PDF")
    assert "LibreOffice 无法把这份草稿转成 PDF" in str(errors[0]) and not (tmp_path / "坏.pdf").exists()


def fake_soffice(tmp_path, body):
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o755)
    return str(script)


def test_hanging_libreoffice_is_killed_whole_at_the_limit(tmp_path, monkeypatch):
    # the script starts a child that would outlive it, as soffice starts soffice.bin
    pidfile = tmp_path / "child.pid"
    soffice = fake_soffice(tmp_path, f"sleep 300 & echo $! > {pidfile}\nwait")
    monkeypatch.setattr(office, "find_soffice", lambda: soffice)
    monkeypatch.setattr(office, "TIMEOUT", 1)
    (tmp_path / "a.docx").write_bytes(b"x")
    start = time.monotonic()
    errors = office.to_pdf([(tmp_path / "a.docx", tmp_path / "a.pdf")])
    assert time.monotonic() - start < 10
    assert str(errors[0]).endswith("LibreOffice 转换超过 1 秒未完成，已终止")
    child = int(pidfile.read_text())
    time.sleep(0.2)
    assert not (tmp_path / "a.pdf").exists()
    try:   # gone, or a zombie nobody has reaped yet: not running either way
        state = open(f"/proc/{child}/stat").read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        state = "gone"
    assert state in ("gone", "Z")


def test_libreoffice_gets_the_shipped_fontconfig(tmp_path, monkeypatch):
    seen = tmp_path / "env"
    monkeypatch.setattr(office, "find_soffice", lambda: fake_soffice(tmp_path, f"echo $FONTCONFIG_FILE > {seen}"))
    (tmp_path / "a.docx").write_bytes(b"x")
    office.to_pdf([(tmp_path / "a.docx", tmp_path / "a.pdf")])
    assert seen.read_text().strip() == str(office.FONTS_CONF) and office.FONTS_CONF.exists()


def test_missing_libreoffice_is_one_chinese_line(monkeypatch):
    monkeypatch.setattr(office, "find_soffice", lambda: None)
    with pytest.raises(ReportgenError, match="没有安装 LibreOffice"):
        office.require()


def test_fontconfig_prefers_the_free_faces_fonts_py_names():
    """fonts.conf and fonts.FREE name the same faces in the same order for each class."""
    from generator.word.fonts import FREE
    text = office.FONTS_CONF.read_text("utf-8")
    for name, cls in (("仿宋_GB2312", "仿宋"), ("宋体", "宋体"), ("楷体_GB2312", "楷体"), ("黑体", "黑体"),
                      ("方正小标宋简体", "小标宋"), ("SimSun-ExtB", "生僻字")):
        rule = re.search(rf"<family>{re.escape(name)}</family><prefer>(.*?)</prefer>", text).group(1)
        faces = re.findall(r"<family>([^<]*)</family>", rule)
        assert [f for f, _ in FREE[cls]] == [f for f in faces if f in dict(FREE[cls])], name
