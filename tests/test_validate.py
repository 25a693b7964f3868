import pytest

from generator.errors import DataError
from generator.templates import Catalog
from generator.validate import validate
from generator.yamlio import load_yaml


@pytest.fixture
def template():
    return Catalog().get("调研报告")


def check(tmp_path, template, text, strict=False):
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    data, lines = load_yaml(path)
    return path, validate(data, template, path, lines, strict)


def test_wrong_type_names_file_line_and_field_path(tmp_path, template):
    text = "模板: 调研报告\n标题: t\n主要做法:\n  - 标题: a\n    要点: 不是列表\n"
    with pytest.raises(DataError) as err:
        check(tmp_path, template, text)
    assert str(err.value) == f"{tmp_path / 'd.yaml'}:5: 字段“主要做法[1].要点”应是列表（每项一行，以“- ”开头）"


def test_stats_must_be_numbers(tmp_path, template):
    text = "标题: t\n统计数据:\n  企业: {值: 很多}\n"
    with pytest.raises(DataError, match=r":3: 字段“统计数据.企业”应是数字，这里是“很多”"):
        check(tmp_path, template, text)


def test_table_rows_match_header(tmp_path, template):
    text = "基本情况表:\n  表题: x\n  表头: [a, b]\n  行:\n    - [1, 2]\n    - [1]\n"
    with pytest.raises(DataError, match=r":6: 字段“基本情况表.行\[2\]”有 1 格，表头有 2 列"):
        check(tmp_path, template, text)


def test_missing_required_is_warning_or_strict_error(tmp_path, template):
    path, (values, warnings) = check(tmp_path, template, "标题: t\n")
    assert values == {"标题": "t"}
    assert any("缺少必填字段“导语”" in w for w in warnings)
    with pytest.raises(DataError, match="缺少必填字段“导语”"):
        check(tmp_path, template, "标题: t\n", strict=True)


def test_unknown_field_warns_and_numbers_become_text(tmp_path, template):
    _, (values, warnings) = check(tmp_path, template, "标题: 2026\n别的: 1\n")
    assert values["标题"] == "2026"
    assert any("模板没有字段“别的”" in w and ":2:" in w for w in warnings)


def test_top_level_must_be_mapping(tmp_path, template):
    with pytest.raises(DataError, match=":1: 数据文件的顶层应是"):
        check(tmp_path, template, "- a\n- b\n")
