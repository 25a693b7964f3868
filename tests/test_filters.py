import datetime

from jinja2 import Undefined

from generator.draft.filters import (
    change,
    clause,
    cn_date,
    cn_num,
    enumerate_cn,
    num,
    percent,
)


def test_cn_num_accepts_stat_mapping():
    assert cn_num(3) == "三" and cn_num({"值": 12}) == "十二"


def test_percent_of_whole_and_of_target():
    assert percent(4, 5) == "80.0%"
    assert percent({"值": 45, "目标": 60}) == "75.0%"
    assert percent(1, 3, digits=2) == "33.33%"
    assert percent(1, 0) == "—"


def test_change_against_last_year():
    assert change(1260, 1152) == "增长9.4%"
    assert change({"值": 90, "上年": 100}) == "下降10%"
    assert change(50.0, 52.1, points=True) == "下降2.1个百分点"
    assert change(7, 7) == "持平"
    assert change(5, 0) == "新增5"


def test_num_keeps_unit_and_trims_zeros():
    assert num({"值": 81.0, "单位": "%"}) == "81%"
    assert num({"值": 46.24, "单位": "岁"}) == "46.2岁"
    assert num(1234) == "1234"


def test_enumerate_cn_bold_and_plain():
    assert enumerate_cn(["摸清底数。", "分类施策；"]) == "**一是**摸清底数；**二是**分类施策。"
    assert enumerate_cn(["a", "b", "c"], bold=False) == "一是a；二是b；三是c。"
    assert enumerate_cn([]) == ""


def test_cn_date_forms():
    assert cn_date(datetime.date(2026, 11, 4)) == "2026年11月4日"
    assert cn_date("2026-11") == "2026年11月"
    assert cn_date("2026-03-09", day=False) == "2026年3月"
    assert cn_date("2026年11月") == "2026年11月"
    assert cn_date("明年") == "明年"


def test_missing_values_pass_through():
    missing = Undefined(name="上年")
    for result in (change(5, missing), percent(missing, 3), cn_num(missing), enumerate_cn(missing)):
        assert isinstance(result, Undefined)


def test_clause_drops_typed_end_punctuation():
    assert clause("目标达到95%。") == "目标达到95%"
    assert clause("年底前； ") == "年底前"
    assert isinstance(clause(Undefined()), Undefined)


def test_change_with_negative_base_and_new_items():
    assert change({"值": -5, "上年": -10}) == "增长50%"
    assert change({"值": 5, "上年": 0, "单位": "家"}) == "新增5家"


def test_enumerate_drops_a_lead_already_typed():
    assert enumerate_cn(["一是已经有一是", "二是好"], bold=False) == "一是已经有一是；二是好。"


def test_rates_rise_in_points_and_one_point_has_no_lead():
    assert change(52.1, 50.0, points=True) == "提高2.1个百分点"
    assert enumerate_cn(["只有一条。"]) == "只有一条。"


def test_yoy_says_the_whole_comparison():
    from generator.draft.filters import yoy
    assert yoy({"值": 28190, "上年": 28190, "单位": "名"}) == "与上年持平"
    assert yoy({"值": 1386, "上年": 1274, "单位": "家"}) == "比上年增长8.8%"
    assert yoy({"值": 88.6, "上年": 83.1, "单位": "%"}) == "比上年提高5.5个百分点"
    assert yoy({"值": 148, "上年": 121, "单位": "个"}) == "比上年增加27个"
    assert yoy({"值": 412, "上年": 376, "单位": "名"}, by="count") == "比上年增加36名"
    assert isinstance(yoy(3, Undefined(name="上年")), Undefined)


def test_vs_target_says_over_or_short():
    from generator.draft.filters import vs_target
    assert vs_target({"值": 412, "目标": 380, "单位": "名"}) == "完成目标的108.4%，超额完成32名"
    assert vs_target({"值": 286, "目标": 300, "单位": "名"}) == "完成目标的95.3%，距目标还差14名"
    assert vs_target({"值": 93.1, "目标": 95, "单位": "%"}) == "距目标还差1.9个百分点"


def test_goal_weaves_target_and_deadline():
    from generator.draft.filters import goal
    assert goal("党支部达标率达到95%以上。", "2027年6月底前") == "力争到2027年6月底前党支部达标率达到95%以上。"
    assert goal(Undefined(name="目标"), "2027年6月底前") == "力争于2027年6月底前完成。"
    assert goal(Undefined(name="目标"), Undefined(name="时限")) == ""


def test_total_is_computed_over_rows():
    from generator.draft.filters import total
    table = {"表头": ["支部", "党员数"], "行": [["一支部", "1,234"], ["二支部", "56"], ["合计栏", ""]]}
    assert total(table, "党员数") == "1290"
    assert total({"a": {"值": 1.5}, "b": {"值": 2}}) == "3.5"
    assert total([1, "2万"]) == "20001"
    import pytest
    with pytest.raises(ValueError, match="没有“人数”列"):
        total(table, "人数")
