import pytest

from generator.numbering import Numberer, cn_number, label, strip_number


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


def test_label_fills_both_forms():
    assert label("第{中文}部分（{数字}）", 3) == "第三部分（3）"


@pytest.mark.parametrize("typed, bare", [
    ("一、基本情况", "基本情况"), ("（二）加强领导", "加强领导"), ("(3)细化", "细化"),
    ("3. 做法", "做法"), ("十二、其他", "其他"),
    ("2026年工作", "2026年工作"), ("1.5倍增长", "1.5倍增长"), ("一是摸底", "一是摸底"),
])
def test_strip_number(typed, bare):
    assert strip_number(typed) == bare
