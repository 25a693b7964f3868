"""The web form ↔ data: numbers as typed, stats rows, tables, wrong shapes named by field."""
import pytest
from conftest import EXAMPLES

from generator.draft import numbers
from generator.draft.catalog import Catalog
from generator.draft.engine import Engine
from generator.serve import forms
from generator.yamlio import load_yaml


@pytest.fixture(scope="module")
def summary():
    return Catalog().get("工作总结")


def test_schema_lists_every_field_with_its_description_and_example(summary):
    schema = forms.schema(summary)
    fields = {f["name"]: f for f in schema["fields"]}
    assert list(fields) == list(summary.fields)
    assert fields["标题"]["required"] and fields["标题"]["example"] == "中共××县委组织部2026年基层党建工作总结"
    items = fields["主要做法"]["items"]
    assert items["type"] == "object" and [f["name"] for f in items["fields"]] == ["标题", "要点", "成效"]
    assert fields["主要做法"]["items"]["fields"][1]["example"] == "开展村党组织书记集中轮训；整顿转化软弱涣散村党组织"
    assert fields["主要指标表"]["example"].startswith("{表题: 2026年主要指标完成情况")


@pytest.mark.parametrize("typed, number", [("1,234", 1234), ("1.2万", 12000), ("３２６", 326), (" 98.5 ", 98.5),
                                           ("2亿", 200_000_000), ("-3", -3), ("1，000", 1000)])
def test_numbers_as_office_users_type_them(typed, number):
    assert forms.parse_number(typed, "值") == number


def test_a_percentage_is_read_as_a_data_file_reads_it():
    """85% in a form means what it means in YAML: the value 85 with the unit %."""
    assert forms.parse_number("85%", "统计数据.覆盖率.值") == "85%"
    assert numbers.parse(forms.parse_number("3.5个百分点", "值")) == (3.5, "个百分点")


@pytest.mark.parametrize("typed", ["abc", "1.2千", "1..2", "85%%"])
def test_a_number_that_is_not_one_names_its_field(typed):
    with pytest.raises(forms.FormError) as info:
        forms.parse_number(typed, "统计数据.党员.值")
    assert info.value.field == "统计数据.党员.值"
    assert info.value.message == f"字段“统计数据.党员.值”应是数字（如 1,234 或 1.2万），这里是“{typed}”"


def test_integer_fields_refuse_fractions():
    with pytest.raises(forms.FormError, match="应是整数"):
        forms.parse_number("1.5", "人数", integer=True)


def test_form_to_data(summary):
    form = {"标题": "总结", "作者": "  ", "统计数据": [{"名称": "发展党员", "值": "1,326", "上年": "1200",
                                               "目标": "", "单位": "名"}, {"名称": "", "值": ""}],
            "主要做法": [{"标题": "甲", "要点": ["一", "", "二"]}, {"标题": "", "要点": []}],
            "主要指标表": {"表题": "", "表头": ["指标", "完成", ""], "行": [["党员", "326"], ["", "", ""]]}}
    assert forms.to_data(summary, form) == {
        "模板": "工作总结", "标题": "总结",
        "统计数据": {"发展党员": {"值": 1326, "上年": 1200, "单位": "名"}},
        "主要做法": [{"标题": "甲", "要点": ["一", "二"]}],
        "主要指标表": {"表头": ["指标", "完成", ""], "行": [["党员", "326", ""]]}}


@pytest.mark.parametrize("form, field, message", [
    ({"额外": "1"}, "额外", "模板没有字段“额外”"),
    ({"主要做法": [{"标题": "甲", "来源": "x"}]}, "主要做法[1].来源", "模板没有字段“主要做法[1].来源”"),
    ({"标题": ["列表"]}, "标题", "字段“标题”应是文字"),
    ({"主要做法": "一段话"}, "主要做法", "字段“主要做法”应是列表"),
    ({"统计数据": [{"名称": "党员", "单位": "名"}]}, "统计数据.党员", "字段“统计数据.党员”缺少“值”"),
    ({"统计数据": [{"值": "3"}]}, "统计数据", "字段“统计数据”第 1 行没有名称"),
    ({"统计数据": [{"名称": "a", "值": "1"}, {"名称": "a", "值": "2"}]}, "统计数据", "字段“统计数据”里“a”出现了两次"),
    ({"统计数据": [{"名称": "a", "颜色": "红"}]}, "统计数据", "字段“统计数据”第 1 行应有 名称、值、上年、目标、单位 几栏"),
    ({"主要指标表": {"行": "x"}}, "主要指标表", "字段“主要指标表”应是列表"),
    ("不是映射", None, "“表单”应是若干“字段: 值”"),
])
def test_wrong_shapes_are_one_message_at_their_field(summary, form, field, message):
    with pytest.raises(forms.FormError) as info:
        forms.to_data(summary, form)
    assert (info.value.field, info.value.message) == (field, message)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_goes_to_the_form_and_back_unchanged(example):
    data, _ = load_yaml(example)
    template = Catalog().get(data["模板"])
    back = forms.to_data(template, forms.to_form(template, data))
    engine = Engine()
    assert engine.prepare_data(back, example).markup == engine.prepare(example).markup


def test_example_data_renders_the_skeleton(summary):
    draft = Engine().prepare_data(forms.example_data(summary), summary.name)
    assert [b.text for b in draft.blocks if b.kind == "一级标题"] == ["主要工作及成效", "存在的问题和不足", "下一步工作打算"]


def test_error_field_is_the_one_the_validator_names(tmp_path):
    """Read from the error's own field (set where the validator raises), not from its wording."""
    from generator.errors import DataError
    data = tmp_path / "x.yaml"
    data.write_text("模板: 工作总结\n主要做法:\n  - 标题: 甲\n    要点: 一段话\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        Engine().prepare(data)
    assert forms.error_field(info.value) == "主要做法[1].要点"
    assert forms.error_field(info.value.at("别处.yaml", 3)) == "主要做法[1].要点"   # kept when located
    assert forms.error_field(DataError("字段“甲”应是列表")) is None   # wording alone says nothing
