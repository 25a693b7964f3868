from generator.corpus.cleaning import (
    clean,
    drop_repeats,
    join_wrapped,
    strip_boilerplate,
    strip_pinyin,
    t2s,
    to_simplified,
)
from generator.corpus.reading import Para, read_document


def paras(*lines):
    return [Para(line) for line in lines]


def texts(ps):
    return [p.text for p in ps]


def test_boilerplate_lines_and_link_tails():
    got = strip_boilerplate(paras(
        "首页_新闻_图片_视频_专题_下载_论坛", "发布时间:2026/01/05", "点击数:", "?",
        "关于某镇工作的总结", "全镇工作有序推进。（信息来源 某某网）",
        "（某镇党委供稿）", "本站 版权所有 2026", "猜你喜欢", "某篇文章"))
    assert texts(got) == ["关于某镇工作的总结", "全镇工作有序推进。"]


def test_document_notice_lines():
    got = strip_boilerplate(paras("- 1、本文档共2页，可阅读全部内容。", "- 5、该文档为VIP文档，下载免费。", "正文。"))
    assert texts(got) == ["正文。"]


def test_repeated_report_dropped_short_repeats_kept():
    body = ["标题", "抓好学习", "镇党委坚持每月集中学习一次，全年共组织学习十二次，覆盖党员四百余人次。" * 2,
            "强化服务", "推行网格化服务，设立党员服务岗六十个，办理群众事项一千余件。" * 2]
    got = drop_repeats(paras(*body, *body[1:], "好"))
    assert texts(got) == body + ["好"]
    assert texts(drop_repeats(paras("一是", "二是", "一是"))) == ["一是", "二是", "一是"]


def test_hard_wraps_rejoined_paragraph_ends_kept():
    para1 = "为了加强基层党组织建设，某县采取“三个一”工作法，不断创新工作机制，推动党建工作提档升级，取得良好成效。"
    para2 = "建立一套台账。全县对所有村和社区党组织建立工作台账，逐一排查问题，逐项销号整改，确保问题不反弹，成效可检验。"
    lines = [para1[i:i + 20] for i in range(0, len(para1), 20)] + [para2[i:i + 20] for i in range(0, len(para2), 20)]
    got = join_wrapped(paras(*lines))
    assert texts(got) == [para1, para2]


def test_unwrapped_text_untouched():
    lines = paras("短标题", "这是一段很长的正文，" * 10, "另一段正文。" * 3, "结尾。")
    assert join_wrapped(lines) == lines


def test_traditional_and_pinyin():
    assert strip_pinyin("關(guān)於我區(qū)黨建(jiàn)(一)") == "關於我區黨建(一)"
    got = to_simplified(paras("關(guān)於我區(qū)非公企業(yè)黨建工作的調(diào)查與思考，這個組織們"))
    assert texts(got) == ["关于我区非公企业党建工作的调查与思考，这个组织们"]
    assert texts(to_simplified(paras("简体文字，不需转换（一）。"))) == ["简体文字，不需转换（一）。"]
    assert t2s("我們不瞭解這個問題，一目瞭然") == "我们不了解这个问题，一目了然"      # phrases, then characters


# ---- the reference corpus ------------------------------------------------------
def seed(seeds, prefix):
    return clean(read_document(next(seeds.glob(prefix + "_*.txt"))))


def test_seed_spam_and_county_list_removed(seeds):
    got = texts(seed(seeds, "001"))
    assert got[0].startswith("关于我区")           # spam header gone, title first
    assert not any("|" in t or "av" in t for t in got)
    assert "关键词" not in "".join(got) and "猜你喜欢" not in got
    assert "(guān)" not in "".join(got)


def test_seed_book118_notice_and_footer_removed(seeds):
    assert not any("VIP" in t or "文档" in t[:12] for t in texts(seed(seeds, "004")))
    footer = texts(seed(seeds, "003"))
    assert not any("版权所有" in t or "联系电话" in t or "供稿" in t for t in footer)


def test_seed_duplicate_report_dropped(seeds):
    got = texts(seed(seeds, "000"))
    assert len(got) == len(set(got))
    raw = texts(read_document(next(seeds.glob("000_*.txt"))))
    assert len(got) < len(raw) - 5


def test_seed_hard_wrap_rejoined(seeds):
    got = texts(seed(seeds, "004"))
    long = [t for t in got if len(t) > 60]
    assert len(long) >= 5 and all(t.startswith(("为了", "构建", "实施", "创新", "完成")) for t in long)
