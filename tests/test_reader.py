"""Drafts opened in a real reader (LibreOffice), as a user would see them."""
import pytest
from conftest import EXAMPLES, pdf_pages, to_pdf


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_example_opens_and_lays_out(example_pdfs, example):
    pages = pdf_pages(example_pdfs[example.stem][1])
    assert len(pages) >= 2
    if example.stem == "调研报告":
        assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        # "— 1 —" at the foot, odd pages on the right, even on the left
        foot = [line for line in page.splitlines() if line.strip()][-1]
        assert foot.replace(" ", "") == f"—{number}—", foot
        indent = len(foot) - len(foot.lstrip())
        assert (indent > 20) if number % 2 else (indent < 6), foot


def test_grid_22_lines_of_28_characters(soffice, tmp_path):
    from generator.markup import parse
    from generator.word.style import load_style
    from generator.word.writer import Writer
    sentence = "党建工作要与业务工作同谋划同部署同推进同考核，"    # 24 characters
    markup = "# 版心测试\n\n" + "\n\n".join(sentence * 7 + "。" for _ in range(12)) + "\n"
    docx = tmp_path / "grid.docx"
    Writer(load_style()).write(parse(markup), str(docx))
    page = pdf_pages(to_pdf(soffice, docx, tmp_path))[1]
    lines = [line.strip() for line in page.splitlines() if line.strip()][:-1]   # minus the page number
    assert len(lines) == 22
    assert max(len(line) for line in lines) == 28
