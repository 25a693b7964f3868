import pytest

from generator.errors import DataError
from generator.draft.catalog import Catalog
from generator.draft.validate import validate
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
    with pytest.raises(DataError, match=r":3: 字段“统计数据.企业.值”应是数字，这里是“很多”"):
        check(tmp_path, template, text)


def test_table_rows_match_header(tmp_path, template):
    text = "基本情况表:\n  表题: x\n  表头: [a, b]\n  行:\n    - [1, 2]\n    - [1]\n"
    with pytest.raises(DataError, match=r":6: 字段“基本情况表.行\[2\]”有 1 格，表头有 2 列"):
        check(tmp_path, template, text)


def test_missing_required_is_warning_or_strict_error(tmp_path, template):
    path, (values, warnings) = check(tmp_path, template, "标题: t\n")
    assert values["标题"] == "t" and values["导语"] == "【待补充：开篇一段：调研的背景、方式和总体判断】"
    assert "主要做法" not in values       # lists stay missing: the template's for-else shows them
    notice = next(w for w in warnings if w.field == "导语")
    assert "缺少必填字段“导语”" in notice.message and notice.file == path
    with pytest.raises(DataError, match="缺少必填字段“导语”"):
        check(tmp_path, template, "标题: t\n", strict=True)


def test_unknown_field_warns_and_numbers_become_text(tmp_path, template):
    _, (values, warnings) = check(tmp_path, template, "标题: 2026\n别的: 1\n")
    assert values["标题"] == "2026"
    notice = next(w for w in warnings if w.field == "别的")
    assert "模板没有字段“别的”" in notice.message and notice.line == 2 and ":2: " in str(notice)


@pytest.mark.parametrize("text, message", [
    ("日期: \"2026-13-45\"\n", ":1: 字段“日期”不是有效的日期"),
    ("日期: 2026年2月30日\n", ":1: 字段“日期”不是有效的日期"),
    ("日期: 0000-01-01\n", ":1: 不是有效的日期：0000-01-01"),
    ("日期: \"1800-01\"\n", ":1: 字段“日期”不是有效的日期"),
    ("统计数据:\n  企业: {值: 5, 目标: 0}\n", ":2: 字段“统计数据.企业.目标”应大于 0"),
    ("统计数据:\n  企业: .inf\n", ":2: 字段“统计数据.企业”的数字“inf”不合理"),
    ("统计数据:\n  \"\": 3\n", ":1: 字段“统计数据”里有一项没有名称"),
    ("标题: !!binary aGVsbG8=\n", ":1: 字段“标题”应是文字，这里是bytes"),
    ("基本情况表:\n  表头: [a]\n  行:\n    - [true]\n", ":4: 字段“基本情况表.行[1]”应是文字，这里是是/否"),
])
def test_impossible_values_are_errors(tmp_path, template, text, message):
    with pytest.raises(DataError) as err:
        check(tmp_path, template, text)
    assert message in str(err.value)


def test_nested_placeholder_uses_its_own_description(tmp_path, template):
    _, (values, warnings) = check(tmp_path, template, "标题: 总标题\n存在问题:\n  - 内容: x\n")
    assert values["存在问题"] == [{"标题": "【待补充：小标题】", "内容": "x"}]
    assert values["标题"] == "总标题"


def test_blank_items_are_skipped_with_a_warning(tmp_path, template):
    _, (values, warnings) = check(tmp_path, template, "下一步工作: [\"\", \"  \", 做好总结]\n")
    assert values["下一步工作"] == ["做好总结"]
    assert [(w.field, w.message) for w in warnings if w.field.startswith("下一步工作")] == [
        ("下一步工作[1]", "“下一步工作[1]”是空的，已略过"), ("下一步工作[2]", "“下一步工作[2]”是空的，已略过")]


def test_one_line_fields_lose_line_breaks_not_words(tmp_path, template):
    _, (values, _) = check(tmp_path, template, "标题: \"第一行\\n第二行\"\n基本情况表:\n  行: [[null, 3]]\n")
    assert values["标题"] == "第一行第二行"
    assert values["基本情况表"]["行"] == [["", "3"]]


def test_numbers_as_people_write_them_are_read(tmp_path, template):
    text = ("统计数据:\n  党员总数: {值: \"28,654\", 上年: 28，190, 单位: 名}\n  覆盖率: 85％\n"
            "  人数: {值: 1.2万, 单位: 人}\n  提升: {值: 3.5个百分点}\n")
    _, (values, warnings) = check(tmp_path, template, text)
    assert values["统计数据"] == {"党员总数": {"值": 28654, "上年": 28190, "单位": "名"},
                                  "覆盖率": {"值": 85, "单位": "%"}, "人数": {"值": 12000, "单位": "人"},
                                  "提升": {"值": 3.5, "单位": "个百分点"}}


def test_units_must_agree(tmp_path, template):
    with pytest.raises(DataError, match=r":2: 字段“统计数据.率”的单位前后不一致（%、名）"):
        check(tmp_path, template, "统计数据:\n  率: {值: 85%, 单位: 名}\n")


def test_a_count_without_unit_is_a_warning_naming_the_field(tmp_path, template):
    _, (_, warnings) = check(tmp_path, template, "标题: t\n统计数据:\n  基层党组织: 1236\n")
    notice = next(w for w in warnings if w.field == "统计数据.基层党组织")
    assert notice.line == 3 and notice.message == (
        "统计项“统计数据.基层党组织”没有单位（如 个、名、家、%），草稿里会写成“基层党组织1236”")


def test_leftovers_warn_and_strict_makes_them_errors(tmp_path, template):
    text = "标题: 关于××区党建工作的调查\n单位: 中共××区委组织部\n导语: 为摸清全区“两新”组织党建工作底数，课题组采取座谈走访、问卷调查等方式开展专题调研。\n"
    _, (_, warnings) = check(tmp_path, template, text)
    said = {w.field: w.message for w in warnings}
    assert said["标题"] == "字段“标题”里还有占位的“××”，请换成实际内容"
    assert said["导语"] == "字段“导语”这里还是示例内容，请换成本单位的实际情况"
    with pytest.raises(DataError, match=r":1: 字段“标题”里还有占位的“××”，请换成实际内容（--strict）"):
        check(tmp_path, template, text, strict=True)
    _, (_, warnings) = check(tmp_path, template, "时间段: 2026年1月至10月\n标题: XXL号\n")
    assert not [w for w in warnings if w.field in ("时间段", "标题")]   # by chance, or not a placeholder


@pytest.mark.parametrize("text, message", [
    ("统计数据:\n  率: {值: 85%, 单位: ％}\n", None),
    ("统计数据:\n  企业: {值: , 上年: 3}\n", ":2: 字段“统计数据.企业”缺少“值”"),
    ("统计数据:\n  企业: {值: 1.5, 单位: 家}\n", None),
    ("统计数据:\n  企业: {值: 1,5}\n", ":2: “1,5”里的逗号被当成了分隔符"),
])
def test_stat_edge_cases(tmp_path, template, text, message):
    if message is None:
        check(tmp_path, template, text)
        return
    with pytest.raises(DataError) as err:
        check(tmp_path, template, text)
    assert message in str(err.value)
