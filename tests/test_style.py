import pytest
from conftest import ROOT

from generator.errors import ReportgenError
from generator.word.style import load_style

SHEET = (ROOT / "generator" / "word" / "styles" / "gbt9704.yaml").read_text(encoding="utf-8")


def test_builtin_sheet_loads_by_name():
    sheet = load_style()
    assert sheet["页面"]["上边距_mm"] == 37 and sheet["段落"]["正文"]["字号"] == 16


@pytest.mark.parametrize("old, new, message", [
    ("正文:   {字体: 仿宋_GB2312, 字号: 16", "正文:   {字体: 仿宋_GB2312, 字号: 0", "“段落.正文.字号”应在 4 到 96 之间"),
    ("西文字体: Times New Roman", "西文字体: [a]", "“西文字体”应是文字"),
    ("宽_mm: 210", "宽_mm: -210", "“页面.宽_mm”应在 1 到 1000 之间"),
    ("左边距_mm: 28", "左边距_mm: 300", "的页边距比纸还大"),
    ('编号: "{中文}、"', '编号: "{不存在}、"', "只能用 {中文} 或 {数字}"),
    ('编号: "{中文}、"', '编号: "{中文、"', "只能用 {中文} 或 {数字}"),
    ("对齐: 居中, 行距_pt: 36", "对齐: 歪, 行距_pt: 36", "应是 居中、右、左、两端 之一"),
    ("高亮: yellow", "高亮: 紫色", "应是 Word 的高亮色之一"),
    ("加粗: true", "加粗: \"是\"", "应是 true 或 false"),
    ('格式: "— {页码} —"', '格式: "— {页码 —"', "应含且只含一个 {页码}"),
    ("行距_pt: 28.95 ", "行距_pt: 0 ", "“网格.行距_pt”应在 1 到 200 之间"),
    ("    类别: 仿宋\n", "    类别: 魏碑\n", "“字体.仿宋_GB2312.类别”应是 宋体、仿宋、楷体、黑体、小标宋、生僻字 之一"),
    ("    字族: modern\n", "    字族: fancy\n", "“字体.仿宋_GB2312.字族”应是 roman"),
    ('    PANOSE: "02010609030101010101"', '    PANOSE: "0201"', "“字体.仿宋_GB2312.PANOSE”应是 20 位十六进制数字"),
    ("    备选: [仿宋, FangSong,", "    备选: [[仿宋], FangSong,", "“字体.仿宋_GB2312.备选”应是字体名的列表"),
    ("    字库: GB2312\n", "    字库: BIG5\n", "“字体.方正小标宋简体.字库”应是 GB2312、GBK 之一"),
    ("    字族: auto\n", "    字体: auto\n", "“字体.宋体.字体”不认识"),
])
def test_bad_values_name_key_and_line(tmp_path, old, new, message):
    assert old in SHEET
    path = tmp_path / "house.yaml"
    path.write_text(SHEET.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReportgenError) as err:
        load_style(path)
    assert message in str(err.value) and str(err.value).startswith(f"{path}:")


def test_a_sheet_naming_one_font_per_kind_still_works(tmp_path):
    """Older sheets have no 字体 section: fonts come from 段落 alone, with no stand-ins."""
    from generator.word.style import fallbacks, font_roles, wide_font
    head, _, rest = SHEET.partition("字体:\n  方正小标宋简体:")
    path = tmp_path / "old.yaml"
    path.write_text(head + rest[rest.index("# 各段落类型"):], encoding="utf-8")
    sheet = load_style(path)
    assert "字体" not in sheet and "仿宋_GB2312" in font_roles(sheet)
    assert fallbacks(sheet, "仿宋_GB2312") == [] and wide_font(sheet, "仿宋_GB2312") is None


def test_font_pieces_give_rare_ideographs_a_font_that_has_them():
    from generator.word.style import font_pieces
    assert font_pieces("张𠮷和王堃来了", "仿宋", "SimSun-ExtB") == [
        ("张", None), ("𠮷", "SimSun-ExtB"), ("和王", None), ("堃", "仿宋"), ("来了", None)]
    assert font_pieces("全部在 GB2312 里。", "仿宋", "SimSun-ExtB") == [("全部在 GB2312 里。", None)]
    assert font_pieces("王堃", None, None) == [("王堃", None)]


def test_a_sheet_without_the_addressee_and_attachment_kinds_gets_them(tmp_path):
    """主送 and 附件标识 are optional: an older sheet takes them from its 正文 and 一级标题."""
    assert "  主送:" in SHEET and "  附件标识:" in SHEET
    path = tmp_path / "old.yaml"
    path.write_text("\n".join(line for line in SHEET.splitlines()
                              if not line.startswith(("  主送:", "  附件标识:"))), encoding="utf-8")
    kinds = load_style(path)["段落"]
    assert kinds["主送"] == dict(kinds["正文"], 首行缩进_字=0)
    assert kinds["附件标识"] == {"字体": "黑体", "字号": 16, "首行缩进_字": 0, "对齐": "左", "段前分页": True}
    bad = tmp_path / "bad.yaml"
    bad.write_text(SHEET.replace("段前分页: true", "段前分页: 是"), encoding="utf-8")
    with pytest.raises(ReportgenError, match="段落.附件标识.段前分页"):
        load_style(bad)
