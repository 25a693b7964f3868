import pytest

from generator.errors import DataError
from generator.yamlio import load_yaml


def load(tmp_path, text):
    path = tmp_path / "数据.yaml"
    path.write_text(text, encoding="utf-8")
    return path, load_yaml(path)


@pytest.mark.parametrize("text, written, line", [
    ("模板: 工作总结\n统计数据:\n  党员总数: {值: 28,654, 上年: 28190, 单位: 名}\n", "28,654", 3),
    ("统计数据:\n  a: {值: 1, 上年: 1,234,567}\n", "1,234,567", 2),
    ("x:\n  - {值: 12,500.5}\n", "12,500.5", 2),
])
def test_comma_in_a_flow_mapping_is_an_error(tmp_path, text, written, line):
    with pytest.raises(DataError) as err:
        load(tmp_path, text)
    digits = written.replace(",", "")
    assert str(err.value) == (f"{tmp_path / '数据.yaml'}:{line}: “{written}”里的逗号被当成了分隔符："
                              f"请去掉逗号写成 {digits}，或加引号写成 \"{written}\"")


@pytest.mark.parametrize("text", [
    "a: {值: \"28,654\"}\n", "a: {值: 28654, 上年: 3}\n", "a: [28,654]\n", "a: {1: x, 2: y}\n",
    "a: {值: 28, 654: 1}\n", "a:\n  值: 28\n  654:\n",
])
def test_other_flow_mappings_are_not_the_comma_trap(tmp_path, text):
    try:   # numeric keys are refused on their own (字段名应是文字), never as the comma trap
        load(tmp_path, text)
    except DataError as err:
        assert "逗号" not in str(err) and "字段名应是文字" in str(err)
