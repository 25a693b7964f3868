import pytest

from generator.normalize import map_pieces, punctuation_width


@pytest.mark.parametrize("text, fixed", [
    ("我们,他们", "我们，他们"), ("达88.6%,比上年", "达88.6%，比上年"), ("真的吗?", "真的吗？"),
    ("GDP(国内生产总值)", "GDP（国内生产总值）"), ("时间:2026年", "时间：2026年"),
    ("1,000", "1,000"), ("a,b; c", "a,b; c"), ("3:00", "3:00"), ("已经完成!", "已经完成！"),
])
def test_punctuation_width(text, fixed):
    assert punctuation_width(text) == fixed
    assert len(punctuation_width(text)) == len(text)


def test_map_pieces_sees_across_runs():
    assert map_pieces(["我们", ",", "他们"], punctuation_width) == ["我们", "，", "他们"]


@pytest.mark.parametrize("text, fixed", [
    ("領(lǐng)導", "領（lǐng）導"), ("中 (x)", "中 （x）"), ("f(x) = 1", "f(x) = 1"),
    ("单位(2026年)", "单位（2026年）"),
])
def test_brackets_change_in_pairs(text, fixed):
    assert punctuation_width(text) == fixed


def test_closing_dates_in_every_common_form():
    from generator.normalize import CLOSING_DATE, short_line
    from generator.normalize import written_date
    for text in ("2026年11月24日", "2026 年 11 月 24 日", "二〇二六年十一月二十四日", "2026.7.10", "2026-07-10", "2026/7/10"):
        assert CLOSING_DATE.match(text), text
    assert not CLOSING_DATE.match("2026年11月24日召开会议")
    assert not CLOSING_DATE.match("2026.7-10") and not CLOSING_DATE.match("3.5")
    assert [written_date(t) for t in ("2026.7.10", "2026-07-10", "2026年7月10日")] == ["2026年7月10日"] * 3
    # GB/T 9704 7.3.5: Arabic figures, no leading zero
    assert [written_date(t) for t in ("二〇二六年七月十日", "二零二六年七月十日", "2026年07月10日", "2026 年 7 月 10 日")] == \
        ["2026年7月10日"] * 4
    assert written_date("二〇二六年十二月三十一日") == "2026年12月31日" and written_date("2026年13月1日") == "2026年13月1日"
    assert written_date("２０２６年７月１０日") == "2026年7月10日" and written_date("2026年2月30日") == "2026年2月30日"
    assert short_line("中共某某区委组织部") and not short_line("我们开会，研究了工作")


def test_a_joint_closing_with_its_seals_line():
    from generator.normalize import closing_lines
    joint = ["正文。", "中共长宁社区委员会      区税务局机关党委", "（盖章）                （盖章）", "2026年07月08日"]
    assert closing_lines(joint) == 3 and closing_lines(["正文。", "某某党委", "（盖章）", "2026年7月8日"]) == 3
    assert closing_lines(["正文。", "甲镇党委", "乙镇党委", "2026年7月8日"]) == 3
    assert closing_lines(["我们做了大量工作，取得了成效。", "2026年7月8日"]) == 1


def test_a_closing_typed_in_one_paragraph_is_parted():
    from generator.normalize import signed_date
    assert signed_date("中共云溪镇委员会组织办\u3000\u30002026.7.10") == ["中共云溪镇委员会组织办", "2026.7.10"]
    assert signed_date("东岭社区党委\n2026年5月20日") == ["东岭社区党委", "2026年5月20日"]
    assert signed_date("某某支部  二〇二六年七月十日") == ["某某支部", "二〇二六年七月十日"]
    for text in ("全年开展活动\u3000\u300012次", "经研究，会议定于  2026年7月10日", "东岭社区党委 2026年5月20日",
                 "甲\n乙\n2026年5月20日"):
        assert signed_date(text) is None, text


def test_addressee_lines_and_attachment_lines():
    from generator.normalize import ATTACHMENT_HEAD, ATTACHMENT_LABEL, addressee, attachment_list, attachment_note
    for text in ("区委组织部：", "尊敬的各位领导：", "县委、县政府:", "同志们：", "各有关单位：", "各村（社区）党组织：",
                 "各乡镇党委，县直各单位党组织：", "尊敬的各位领导、各位来宾，同志们：", "女士们、先生们："):
        assert addressee(text), text
    for text in ("现将有关情况报告如下：", "一、主要做法：", "我们主要抓了三件事：", "主要做法", "：", "存在的不足之处：",
                 "具体措施："):
        assert not addressee(text), text
    assert all(ATTACHMENT_LABEL.match(t) for t in ("附件1", "附件 2", "附件", "附件十二"))
    assert not any(ATTACHMENT_LABEL.match(t) for t in ("附件：", "附件：1.党员名册", "附件1：党员名册", "附件已报送"))
    assert ATTACHMENT_HEAD.match("附件1：党员名册").groups() == ("附件1", "党员名册")
    # a list: names numbered on from the first; 四、 or an unnumbered line ends it
    assert attachment_list(["附件：1.名册", "2.记录", "3. 回执", "四、联系方式"], 0) == 3
    assert attachment_list(["附件：", "1.名册", "2.记录", "县委"], 0) == 3
    assert attachment_list(["附件：活动安排表", "2.记录"], 0) == 1
    assert attachment_list(["附件：", "县纪委办公室"], 0) is None and attachment_list(["附件已报送。"], 0) is None
    assert attachment_note(["附件: 1. 会议议程", "2.回执"]) == ["附件：1.会议议程", "\u3000\u3000\u30002.回执"]
    assert attachment_note(["附件：", "1.名册", "2.记录"]) == ["附件：1.名册", "\u3000\u3000\u30002.记录"]
