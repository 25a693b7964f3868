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
])
def test_bad_values_name_key_and_line(tmp_path, old, new, message):
    assert old in SHEET
    path = tmp_path / "house.yaml"
    path.write_text(SHEET.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ReportgenError) as err:
        load_style(path)
    assert message in str(err.value) and str(err.value).startswith(f"{path}:")
