"""Drafts opened in a real reader (LibreOffice), as a user would see them."""
import pytest

from conftest import EXAMPLES, pdf_pages, to_pdf
from generator.draft import Engine


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.stem for e in EXAMPLES])
def test_example_opens_and_lays_out(soffice, tmp_path, example):
    engine = Engine()
    docx = tmp_path / f"{example.stem}.docx"
    engine.write(engine.prepare(example), docx)
    pages = pdf_pages(to_pdf(soffice, docx, tmp_path))
    assert len(pages) >= 2
    if example.stem == "调研报告":
        assert len(pages) >= 3
    for number, page in enumerate(pages, 1):
        # "— 1 —" at the foot, odd pages on the right, even on the left
        foot = [line for line in page.splitlines() if line.strip()][-1]
        assert foot.replace(" ", "") == f"—{number}—", foot
        indent = len(foot) - len(foot.lstrip())
        assert (indent > 20) if number % 2 else (indent < 6), foot
    body_lines = [line for line in pages[1].splitlines() if line.strip()][:-1]
    assert 18 <= len(body_lines) <= 22        # the 22-line grid, less headings kept with their text
