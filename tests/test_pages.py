from lintdocs import write_clean

from generator.lint.pages import compact, locate, page_texts


def test_compact_keeps_only_words():
    assert compact("一、 基本\n情况“8 个”— 1 —") == "一基本情况8个1"


def test_locate_finds_pages_in_order():
    pages = ["关于报告一基本情况正文甲", "正文乙二存在问题", ""]
    assert locate(["关于报告", "正文乙", "二、存在问题", "不存在的段落"], pages) == [1, 2, 2, None]


def test_page_texts_drop_page_numbers(tmp_path, soffice):
    pages = page_texts(write_clean(tmp_path / "clean.docx"))
    assert len(pages) == 2
    assert pages[0].startswith("关于东湖街道志愿服务工作的调研报告")
    assert pages[-1].endswith("东湖街道党工委2026年10月15日")  # no trailing "— 2 —"
