import pytest

from generator.numbering import (
    Levels,
    Numberer,
    after_lead_in,
    counted_between,
    cn_number,
    cn_value,
    decimal_labels,
    label,
    label_style,
    lead_in_lists,
    parse_label,
    read_levels,
    renumber,
    strip_number,
)


@pytest.mark.parametrize("n, text", [
    (0, "零"), (3, "三"), (10, "十"), (12, "十二"), (20, "二十"), (105, "一百零五"),
    (112, "一百一十二"), (1010, "一千零一十"), (10010, "一万零一十"), (123456, "十二万三千四百五十六"),
])
def test_cn_number(n, text):
    assert cn_number(n) == text


def test_numberer_resets_deeper_levels():
    numberer = Numberer(["{中文}、", "（{中文}）", "{数字}.", "（{数字}）"])
    got = [numberer.next(level) for level in (1, 2, 2, 3, 4, 4, 1, 2, 3)]
    assert got == ["一、", "（一）", "（二）", "1.", "（1）", "（2）", "二、", "（一）", "1."]


def test_renumber_and_read_levels_start_a_chinese_run_again_under_a_lead_in_only():
    seen = [(1, "一、"), (1, "二、"), (1, "一、"), (2, "（一）"), (2, "（一）"), (1, "二、")]
    assert renumber(seen, PATTERNS, after_leads={2, 4}) == [       # (a （一） under its parent's is mistyped)
        ("一、", None), ("二、", None), ("一、", None), ("（一）", None), ("（二）", "重复"), ("二、", None)]
    assert renumber(seen, PATTERNS)[2] == ("三、", "不连续")
    assert renumber([(3, "1."), (3, "1.")], PATTERNS, after_leads={1})[1] == ("2.", "重复")     # figures do not
    lines = ["一、政治建设", "二、组织建设", "我再提三点要求：", "一、要提高站位", "二、要夯实基础", "三、要锤炼作风"]
    labels = [label_style(t)[:3] if label_style(t) else None for t in lines]
    assert read_levels(labels, after_leads=after_lead_in(labels, lines)) == [1, 1, None, 1, 1, 1]
    assert read_levels(labels) == [1, 1, None, None, None, 1]


def test_a_long_item_counting_between_headings_of_its_style_is_one():
    labels = [("一、", 1, ""), ("1.", 1, ""), None, ("1.", 3, ""), None, ("1.", 5, ""), ("（1）", 1, "（")]
    assert counted_between(labels, {2: ("1.", 2, ""), 4: ("1.", 4, "")}) == {2, 4}
    assert counted_between(labels, {2: ("1.", 3, "")}) == set()                      # not the number between
    assert counted_between(labels, {4: ("（1）", 4, "（")}) == set()                   # nor its style
    assert counted_between([None, ("1.", 2, ""), ("1.", 3, "")], {0: ("1.", 1, "")}) == {0}    # a run's first
    run = [("1.", 1, ""), None, None, None, ("1.", 5, "")]                            # one read lets the next be
    assert counted_between(run, {k: ("1.", k + 1, "") for k in (1, 2, 3)}) == {1, 2, 3}
    listed = [("1.", 1, ""), ("1.", 2, ""), None, None, None, ("1.", 3, "")]     # a list of them under 2.: their
    assert counted_between(listed, {k: ("1.", k - 1, "") for k in (2, 3, 4)}) == set()   # neighbours say otherwise
    parted = [("一、", 1, ""), ("1.", 1, ""), ("1.", 2, ""), ("一、", 2, ""), None, ("1.", 2, "")]
    assert counted_between(parted, {4: ("1.", 1, "")}) == {4}           # a heading of another style ends the run


def test_label_fills_both_forms():
    assert label("第{中文}部分（{数字}）", 3) == "第三部分（3）"


@pytest.mark.parametrize("typed, bare", [
    ("一、基本情况", "基本情况"), ("（二）加强领导", "加强领导"), ("(3)细化", "细化"),
    ("3. 做法", "做法"), ("十二、其他", "其他"),
    ("2026年工作", "2026年工作"), ("1.5倍增长", "1.5倍增长"), ("一是摸底", "一是摸底"),
    ("第一部分 2026年工作总结", "2026年工作总结"), ("第 2 部分：工作打算", "工作打算"),
    ("第一部分为受访者基本信息", "第一部分为受访者基本信息"),
    ("2.1 党组织设置", "党组织设置"), ("2.1.3、学习形式", "学习形式"), ("3.5万户", "3.5万户"),
    ("1)组织集中学习", "1)组织集中学习"),
])
def test_strip_number(typed, bare):
    assert strip_number(typed) == bare


PATTERNS = ["{中文}、", "（{中文}）", "{数字}.", "（{数字}）"]


@pytest.mark.parametrize("text, parsed", [
    ("一、基本情况", (1, 1, "一、")), ("（十二）加强", (2, 12, "（十二）")), ("3. 做法", (3, 3, "3.")),
    ("1、做法", (3, 1, "1、")), ("(2)细化", (4, 2, "(2)")), ("一．其他", (1, 1, "一．")),
    ("2026年工作", None), ("1.5倍增长", None), ("一是摸底", None),
    ("第二部分：工作打算", (1, 2, "第二部分：")), ("第一部分为受访者基本信息", None),
    ("2.1 党组织设置", (2, 1, "2.1")), ("2.1.3、学习形式", (3, 3, "2.1.3、")), ("2.1", (2, 1, "2.1")),
    ("3.5万户", None), ("2026.7.10 召开", None),
    ("2.1党组织设置", (2, 1, "2.1")), ("2.5小时", None), ("1.2公里", None), ("6.65", None),   # glued; counts
    ("1.2人才队伍", (2, 2, "1.2")), ("3.2日常监督", (2, 2, "3.2")), ("1.1加强学习。全年学习12次。", (2, 1, "1.1")),
    ("7.1来临之际，院党委组织学习。", None), ("6.1国际儿童节", None), ("5.12国际护士节当天，", None), ("7.1日召开", None),
    ("1.2 国际交流合作中的党建工作", (2, 2, "1.2")), ("2.1万常住人口全部纳入网格管理。", None),
    ("1.2严肃党内政治生活，提高组织生活质量", (2, 2, "1.2")),
])
def test_parse_label(text, parsed):
    assert parse_label(text, PATTERNS) == parsed


@pytest.mark.parametrize("n", [1, 9, 10, 12, 20, 99, 105, 1010])
def test_cn_value_inverts_cn_number(n):
    assert cn_value(cn_number(n)) == n


def test_renumber_names_one_problem_per_defect():
    seen = [(1, "一、"), (2, "（一）"), (2, "（一）"), (3, "1、"), (3, "3."), (1, "三、"), (1, "四、"),
            (3, "1.")]
    assert renumber(seen, PATTERNS) == [
        ("一、", None), ("（一）", None), ("（二）", "重复"), ("1.", "格式"), ("2.", "不连续"),
        ("二、", "不连续"), ("三、", None), ("1.", "跳级")]


@pytest.mark.parametrize("lines, read", [
    (["1.1 强化学习", "1.2 规范管理", "1.2 建强队伍", "2.1 激发活力"], True),      # spaced: a number typed twice
    (["2.1 强化学习", "2.2 规范管理", "1.1 附件一", "1.2 附件二"], True),            # starting again
    (["1.1强化学习", "1.2规范管理", "2.1建强队伍", "2.2激发活力"], True),            # glued, counting on
    (["1.10开展学习", "2.1召开组织生活会", "3.5开展志愿服务"], False),                  # glued dates
    (["7.1召开支部大会", "7.2组织学习", "7.3开展志愿服务"], False),                    # glued, no 1.1
])
def test_decimal_labels_read_glued_numbers_only_where_they_count_on(lines, read):
    labels = decimal_labels([label_style(t) for t in lines], lambda i: None, lines)
    assert all(labels) if read else not any(labels)


def test_a_date_glued_to_text_spoils_no_spaced_decimal_number():
    lines = ["1.1 组织设置", "1.2 党员队伍", "7.15召开专题组织生活会。", "7.1召开庆祝建党大会。", "2.1 建强队伍", "2.2 夜校教育覆盖不足"]
    labels = decimal_labels([label_style(t) for t in lines], lambda i: None, lines)
    assert [bool(label) for label in labels] == [True, True, False, False, True, True]


def test_renumber_gives_a_heading_typed_with_no_number_the_one_it_lacks():
    seen = [(1, ""), (2, "1."), (2, "2."), (1, ""), (2, "（一）"), (1, "三、")]
    assert renumber(seen, PATTERNS) == [("一、", "无编号"), ("（一）", "格式"), ("（二）", "格式"), ("二、", "无编号"),
                                        ("（一）", None), ("三、", None)]


def test_cn_value_reads_digits_and_refuses_non_numbers():
    assert [cn_value(t) for t in ("12", "二十", "一百零五", "一二", "甲")] == [12, 20, 105, 0, 0]


def test_labels_after_long_runs_of_spaces_are_found_in_linear_time():
    import time
    start = time.monotonic()
    assert strip_number(" " * 100_000 + "拓宽渠道") == "拓宽渠道"
    assert strip_number("\u3000" * 100_000 + "（一）拓宽") == "拓宽"
    assert time.monotonic() - start < 2


def levels_of(labels):
    levels = Levels()
    return [levels.add(*label_style(text)[:3]) for text in labels]


def test_levels_read_mixed_styles_gaps_and_nesting():
    assert levels_of(["1、", "1.", "2.", "二.", "三、"]) == [1, 2, 2, 1, 1]        # 1、 二. 三、 one level
    assert levels_of(["一、", "二、", "3、", "四、", "五、"]) == [1, 1, 1, 1, 1]     # a number typed in another style
    assert levels_of(["一、", "三、", "（一）", "（三）", "1.", "（1）"]) == [1, 1, 2, 2, 3, 4]   # one skipped is a gap
    assert levels_of(["一、", "二、", "五、"]) == [1, 1, None]                       # three is not
    assert levels_of(["3."]) == [None]                                               # numbers start at 1
    assert levels_of(["一、", "（一）", "（二）", "3、"]) == [1, 2, 2, None]        # bracketed and bare differ


def test_label_style():
    assert label_style("（二）强化领导") == ("（一、", 2, "（", "（二）")
    assert label_style("12、创新")[:3] == ("1、", 12, "")
    assert label_style("3.5万户") is None
    assert label_style("一、2023年工作总结")[:3] == ("一、", 1, "")      # a year after 、 is no decimal
    assert label_style("1.2023年") is None and label_style("3．5万户") is None
    assert label_style("1、2月份召开支委会") is None and label_style("3、4季度要抓好项目建设") is None   # counts
    assert label_style("2)开展专题培训") is None          # a list's number (numbering.Levels never reads it)


def test_read_levels_gives_a_slot_to_the_chinese_number_that_claims_it():
    styles = [label_style(t)[:3] for t in ("1、", "2.", "二.", "三、")]
    assert read_levels(styles) == [1, None, 1, 1]             # 2. under 主要工作 is not its sibling
    assert read_levels([label_style(t)[:3] for t in ("一、", "二、", "3、", "四、")]) == [1, 1, 1, 1]
    gone = [label_style(t)[:3] for t in ("一、", "二、", "五、")]
    assert read_levels(gone) == [1, 1, None] and read_levels(gone, strays={2}) == [1, 1, 1]


def test_a_part_named_in_a_list_style_fills_the_gap_above():
    # 二、 1、 2、 3、存在问题 四、: the 3、 that names a part is 三、 mistyped; one that does not name
    # a part (3、强化监督) is the third item, and 四、 a gap of one
    labels = [label_style(t)[:3] for t in ("一、", "二.", "1、", "2、", "3、", "四、", "1、")]
    assert read_levels(labels, named={4}) == [1, 1, 2, 2, 1, 1, 2]
    assert read_levels(labels) == [1, 1, 2, 2, 2, 1, 2]
    # only the missing number, and only when the next heading goes on from it
    assert read_levels([label_style(t)[:3] for t in ("一、", "二、", "1、", "2、", "3、", "五、")], named={4})[4] == 2
    assert read_levels([label_style(t)[:3] for t in ("一、", "二、", "1、", "2、", "3、", "4、")], named={4})[4] == 2
    bracketed = [label_style(t)[:3] for t in ("（一）", "（二）", "（1）", "（2）", "（3）", "（四）")]
    assert read_levels(bracketed, named={4}) == [1, 1, 2, 2, 1, 1]


def test_only_an_excerpt_may_begin_inside_the_numbering():
    from generator.numbering import read_levels
    labels = [("一、", 3, ""), ("（一）", 1, "（"), ("一、", 4, "")]
    assert read_levels(labels) == [None, 1, None]                 # a draft that starts at 三、: not read on
    assert read_levels(labels, resume=True) == [1, 2, 1]          # a page's excerpt: the outliner reads on
    assert read_levels([("1.", 3, "")], resume=True) == [None]    # only a Chinese number resumes
    cut = [("（一）", 2, "（"), ("（一）", 3, "（"), ("一、", 2, ""), ("（一）", 1, "（")]
    assert read_levels(cut, resume=True) == [2, 2, 1, 2]         # opens at （二） under a cut 一、
    assert read_levels(cut) == [None, None, None, 1]
    ranged = [("（一）", 1, "（"), ("（一）", 2, "（"), ("一、", 2, ""), ("（一）", 3, "（")]   # 二、三季度以来，……
    assert read_levels(ranged, resume=True) == [1, 1, None, 1]
    assert read_levels([*cut[1:3], ("（一）", 4, "（")], resume=True) == [1, None, 1]


def test_a_number_typed_twice_is_the_next_one_mistyped():
    labels = [label_style(t)[:3] for t in ("一、甲", "二、乙", "（一）子", "（二）丑", "（二）寅", "二、丙", "三、丁")]
    assert read_levels(labels) == [1, 1, 2, 2, 2, 1, 1]
    assert renumber([(1, "一、"), (1, "二、"), (1, "二、"), (1, "三、")], ["{中文}、"]) == [
        ("一、", None), ("二、", None), ("三、", "重复"), ("四、", None)]     # one defect, one problem


def test_a_repeat_after_a_list_in_that_style_is_no_heading():
    # 三、存在问题 over a list 一、…二、…三、… : the list's 三、 repeats the heading's number, but
    # the list's 一、 and 二、 were refused first, so it is a list item; 四、 goes on
    texts = ["一、主要做法", "二、取得成效", "三、存在问题", "一、形式主义", "二、官僚主义", "三、享乐主义", "四、下一步打算"]
    assert read_levels([label_style(t)[:3] for t in texts]) == [1, 1, 1, None, None, None, 1]


def test_a_figure_typed_twice_is_no_heading():
    # 2、 goes on counting 一、 as the second part; a second 2、 is a list's, not a third part
    assert read_levels([label_style(t)[:3] for t in ("一、甲", "2、乙", "2、丙")]) == [1, 1, None]


def test_a_list_under_a_lead_in_is_told_from_headings():
    lines = ["1.加强组织建设。", "2.深化为民服务。", "取得了以下成效：", "1.满意度提升", "2.治理更加有效", "3.推进阵地建设。"]
    labels = [label_style(t)[:3] if label_style(t) else None for t in lines]
    run_ins = [False, False, False, False, False, True]
    assert lead_in_lists(labels, lines, run_ins) == {3, 4}            # 3. goes on counting the headings, run in
    assert lead_in_lists(labels, lines, [False] * 6) == {3, 4, 5}     # as the list's items: the list's third
    assert lead_in_lists(labels[:4] + labels[5:], lines[:4] + lines[5:], run_ins[:4] + run_ins[5:]) == set()    # a run of one
    other = ["二、存在问题", "主要表现在：", "1.学用结合不紧", "2.调研不够深入"]   # a new parent's run is its own
    other_labels = [label_style(t)[:3] for t in other[:1]] + [None] + [label_style(t)[:3] for t in other[2:]]
    assert lead_in_lists(other_labels, other, [False] * 4) == set()
    assert lead_in_lists(other_labels, other, [False] * 4, above=False) == {2, 3}      # in a draft the writer made
    chinese = ["一、政治建设", "二、组织建设", "我再提三点要求：", "一、要提高站位", "二、要夯实基础"]
    chinese_labels = [label_style(t)[:3] if label_style(t) else None for t in chinese]
    assert lead_in_lists(chinese_labels, chinese, [False] * 5) == {3, 4}            # one under the other
    spoken = chinese[:4] + ["各级党组织要扛起责任。"] + chinese[4:] + ["持续推进支部建设。"]  # each with its text
    assert lead_in_lists(chinese_labels[:4] + [None] + chinese_labels[4:] + [None], spoken, [False] * 7) == set()
