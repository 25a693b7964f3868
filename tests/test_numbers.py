import pytest

from generator.draft.numbers import against_target, amount, compared, parse, plan


@pytest.mark.parametrize("text, expected", [
    ("1,234", (1234, None)), ("1，234", (1234, None)), ("１２３４", (1234, None)),
    ("1.2万", (12000, None)), ("3亿", (300000000, None)), ("85%", (85, "%")), ("85％", (85, "%")),
    ("3.5个百分点", (3.5, "个百分点")), ("-2.5", (-2.5, None)), (" 28,654 ", (28654, None)),
    ("1,234,567.5", (1234567.5, None)), (12, (12, None)), (4.5, (4.5, None)),
])
def test_numbers_as_people_write_them(text, expected):
    value, unit = parse(text)
    assert (value, unit) == expected and type(value) is type(expected[0])


@pytest.mark.parametrize("text", ["约三百", "28,65", "1,2345", "85%%", "", "12名", True, None, "1.2.3"])
def test_anything_else_is_not_a_number(text):
    with pytest.raises(ValueError):
        parse(text)


@pytest.mark.parametrize("say, value, other, unit, phrase", [
    (compared, 28190, 28190, "名", "与上年持平"),
    (compared, 1386, 1274, "家", "比上年增长8.8%"),
    (compared, 950, 1000, "名", "比上年下降5%"),
    (compared, 88.6, 83.1, "%", "比上年提高5.5个百分点"),
    (compared, 80.0, 83.1, "%", "比上年下降3.1个百分点"),
    (compared, 83.12, 83.1, "%", "与上年持平"),
    (compared, 148, 121, "个", "比上年增加27个"),
    (compared, 30, 36, "名", "比上年减少6名"),
    (compared, 1500, 1420, "万元", "比上年增长5.6%"),   # money is not a count
    (compared, 5, 0, "个", "比上年增加5个"),
    (against_target, 412, 380, "名", "完成目标的108.4%，超额完成32名"),
    (against_target, 285, 300, "名", "完成目标的95%，距目标还差15名"),
    (against_target, 300, 300, "名", "完成目标的100%"),
    (against_target, 93.1, 95, "%", "距目标还差1.9个百分点"),
    (against_target, 96.5, 95, "%", "超过目标1.5个百分点"),
    (against_target, 95, 95, "%", "达到目标"),
])
def test_phrases_against_last_year_and_target(say, value, other, unit, phrase):
    assert say(value, other, unit) == phrase


def test_compared_can_be_told_how():
    assert compared(412, 376, "名") == "比上年增长9.6%"
    assert compared(412, 376, "名", by="count") == "比上年增加36名"
    assert compared(148, 121, "个", by="percent") == "比上年增长22.3%"


@pytest.mark.parametrize("goal, deadline, sentence", [
    ("党支部达标率达到95%以上", "2027年6月底前", "力争到2027年6月底前党支部达标率达到95%以上。"),
    ("力争党支部达标率达到95%以上", "到2027年底", "力争到2027年底党支部达标率达到95%以上。"),
    ("党支部达标率达到95%以上", None, "力争党支部达标率达到95%以上。"),
    (None, "2027年6月底前", "力争于2027年6月底前完成。"),
    ("覆盖率保持在98%以上", "长期坚持", "力争覆盖率保持在98%以上，长期坚持。"),
    (None, None, ""),
])
def test_plan_weaves_goal_and_deadline(goal, deadline, sentence):
    assert plan(goal, deadline) == sentence


@pytest.mark.parametrize("value, unit, said", [
    (125000000, "元", "1.25亿"), (98000000, "元", "9800万"), (15000, "元", "1.5万"),
    (12345, "元", "12345"),              # not exact to two decimals of 万: the figure as it is
    (12000, "名", "12000"),              # counts keep their digits below 亿
    (300000000, "人次", "3亿"), (88.6, "%", "88.6"), (1500, "万元", "1500"),
])
def test_amounts_are_said_with_their_magnitude(value, unit, said):
    assert amount(value, unit) == said


def test_a_large_sum_reads_as_a_report_writes_it_and_still_verifies(tmp_path, runner):
    from generator.cli import cli
    data = tmp_path / "钱.yaml"
    data.write_text("模板: 工作总结\n标题: 某县2026年党建工作总结\n统计数据:\n"
                    "  资金: {值: 1.25亿, 上年: 9800万, 单位: 元}\n", encoding="utf-8")
    assert "资金1.25亿元，比上年增长27.6%" in runner.invoke(cli, ["preview", str(data)]).output
    draft = tmp_path / "钱.docx"
    assert runner.invoke(cli, ["render", str(data), "-o", str(draft)]).exit_code == 0
    checked = runner.invoke(cli, ["verify", str(draft), str(data), "--no-pages"])
    assert checked.exit_code == 0 and "0 个数字在数据里找不到来源" in checked.output
