from generator.corpus.cleaning import (
    clean,
    drop_contents,
    drop_repeats,
    is_traditional,
    join_broken_heads,
    join_numbers,
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


def test_site_banners_urls_and_breadcrumbs():
    got = strip_boilerplate(paras("【www.example.com--调研报告】", "https://www.example.cn/a/1.html", "首页 > 工作计划",
                                  "【中心组发言】抓好三件事", "正文。"))
    assert texts(got) == ["【中心组发言】抓好三件事", "正文。"]
    names = strip_boilerplate(paras("青岚文档 - 专业公文写作范文资料分享网站", "青岚新时代官方网站", "青岚县人民政府门户网站",
                                    "党建工作总结", "我们开通了党建网站", "党建网站建设情况", "正文。"))
    assert texts(names) == ["党建工作总结", "我们开通了党建网站", "党建网站建设情况", "正文。"]


def test_short_heading_run_into_the_first_number_below():
    lead, body = "今年以来，全镇各项工作有序推进，成效明显。" * 3, "（一）抓学习。全年组织学习十二次，覆盖全体党员和入党积极分子。"
    assert texts(clean(paras(lead + "一、主要做法" + body))) == [lead, "一、主要做法", body]
    assert texts(clean(paras(lead + "一、主要做法，抓好（一）类问题整改。" + body))) == [lead, "一、主要做法，抓好（一）类问题整改。" + body]


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


def test_a_numbered_heading_line_in_wrapped_text_stays_apart():
    para1 = "为了加强基层党组织建设，某县采取“三个一”工作法，不断创新工作机制，推动党建工作提档升级，取得良好成效。"
    para2 = "组织体系建设是基层党建的基础，全县对所有村和社区党组织逐一排查问题，逐项销号整改，确保问题不反弹。"
    heading = "一、基层党组织体系建设的基本情况分析"        # short of a full line, long enough to be joined
    above = [para1[i:i + 20] for i in range(0, len(para1), 20)]
    below = [para2[i:i + 20] for i in range(0, len(para2), 20)]
    assert texts(join_wrapped(paras(*above, heading, *below))) == [para1, heading, para2]
    run_in = "一、建立一套台账，全县对所有村和社"             # a numbered paragraph's first line is joined
    assert texts(join_wrapped(paras(*above, run_in, *below))) == [para1, run_in + para2]
    full = "1.深入学习贯彻党的二十大精神推动理论武装"       # a full line: its paragraph goes on below
    assert texts(join_wrapped(paras(*above, full, *below))) == [para1, full + para2]


def test_short_lines_between_paragraphs_of_one_length_are_not_joined():
    body = "镇党委坚持每月集中学习一次，全年共组织学习十二次，覆盖党员四百余人次，学习质量明显提升，党员的理论素养进一步增强，"
    lines = ["题目", body + "成效明显。", "织密组织网络", body + "群众满意。", "整合服务资源", body + "效果良好。",
             "完善工作机制", body + "机制健全。"]
    assert texts(join_wrapped(paras(*lines))) == lines


def test_numbered_lines_under_a_contents_line_are_dropped():
    body = ["目录/提纲：……", "一、研究内容", "二、调查方法", "一、形式主义", "二、官僚主义", "……", "某县调查报告",
            "一、研究内容", "本次调查的重点内容是基层党组织建设的基本情况。", "二、调查方法", "调查采取问卷与访谈相结合的方法。"]
    assert texts(drop_contents(paras(*body))) == body[5:]
    heads = ["一、基本情况", "二、主要做法", "三、存在问题", "四、对策建议"]
    text = ["目录：", *heads, *heads[:2], "某镇现有农村党支部十八个，党员六百余名。"]
    assert texts(drop_contents(paras(*text))) == text[5:]      # up to the text's first heading
    paged = ["目  录", *(f"{h}\t{n}" for n, h in enumerate(heads, 1)), *heads[:2], text[-1]]
    assert texts(drop_contents(paras(*paged))) == paged[5:]    # its page numbers aside
    dotted = ["目录", *(f"{h}……………………{n}" for n, h in enumerate(heads, 1)), *heads[:2], text[-1]]
    assert texts(drop_contents(paras(*dotted))) == dotted[5:]  # and leaders of dots
    reworded = ["目录", *heads, "一、全县农村集体经济基本情况", "（一）总体规模", "全县共有行政村一百八十六个，集体经济稳步增长。"]
    assert texts(drop_contents(paras(*reworded))) == reworded[5:]   # the text's first headings, worded otherwise
    stack = ["一、存在的问题", "（一）政治建设方面", "1.理论学习方面", "（1）学习不够系统", "学习计划执行不到位。"]
    assert texts(drop_contents(paras(*stack))) == stack        # a heading stack without 目录 stays


def test_an_outline_above_the_title_is_dropped_with_long_entries():
    top = ["一、背景动因", "（一）作为革命老区县", "（二）打赢乡村振兴战役农村基层一线信心足、勇担当", "二、主要做法",
           "（一）聚焦一个核心", "（二）建强两个平台"]
    body = ["青岚县村党组织领办合作社调研报告", "2020年以来，青岚县以村党组织领办合作社为着力点，创新党委领导联合社模式，蹚出了一条乡村振兴之路。",
            "一、背景动因", "青岚县是革命老区县，也是果品强县，发展特色产业基础较好。"]
    assert texts(drop_contents(paras(*top, *body))) == body


def test_a_contents_line_is_not_joined_onto_a_wrapped_title():
    dots = "……………………………………"               # entries as wide as the title: the text looks wrapped
    lines = ["关于全县农村集体经济发展情况的调研报告", "目录", *(f"{h}{dots}{n}" for n, h in enumerate(
        ["一、基本情况", "二、主要做法", "三、存在问题", "四、对策建议"], 1)), "一、基本情况", "全县共有行政村一百八十六个。"]
    assert texts(join_wrapped(paras(*lines)))[:2] == lines[:2]


def test_a_heading_number_on_a_line_of_its_own_is_joined_to_the_line_below():
    got = join_numbers(paras("一、基本情况", "全村共有党员四十二名。", "二、", "", "存在问题", "三、", "（一）参选率",
                             "（二）", "3.5", "万元"))
    assert texts(got) == ["一、基本情况", "全村共有党员四十二名。", "二、存在问题", "三、", "（一）参选率", "（二）", "3.5", "万元"]


def test_paragraphs_of_roughly_one_length_are_not_wrapped_lines():
    sizes = (52, 61, 63, 69, 71, 76)             # a line per paragraph, 104 to 152 wide: no wrap
    lines = paras(*("学" * (n - 1) + "。" for n in sizes))
    assert join_wrapped(lines) == lines


def test_headings_broken_after_their_comma_are_joined_where_two_are():
    body = "参加述职的各党组织书记围绕主题教育、组织建设和党建质量作了重点发言。"
    lines = paras(body, "聚焦重点内容，", "强化原因分析。", body, "聚焦工作创新，", "强化述职效果。", body)
    assert texts(join_broken_heads(lines)) == [body, "聚焦重点内容，强化原因分析。", body, "聚焦工作创新，强化述职效果。", body]
    verse = paras(body, "不忘初心，", "牢记使命。", body)              # one pair: a slogan of its own
    assert join_broken_heads(verse) == verse
    listed = paras(body, "带头学习理论，", "带头遵规守纪，", "带头攻坚克难，", "带头服务群众。", body,     # lists
                   "带头学习理论，", "带头遵规守纪，", "带头攻坚克难，", "带头服务群众。", body)
    assert join_broken_heads(listed) == listed
    stacked = paras(body, "坚持党建引领，", "推动乡村全面振兴", "强化组织建设，", "筑牢基层战斗堡垒", body,
                    "发展特色产业，", "促进群众持续增收", "1.做强茶叶产业", body)           # one over another, over 1.
    quoted = paras(body, "全体党员在入党誓词前齐声高呼，表达了坚定的信念和决心：", "不忘初心，", "牢记使命。", "二、服务群众",
                   "社区门口挂着一副由老党员亲笔书写、寓意深远的对联：", "党建引领聚人心，", "共建共享展新颜", "三、下一步打算")
    assert join_broken_heads(quoted) == quoted                     # quotations under a line ending on a colon
    assert texts(join_broken_heads(stacked)) == [body, "坚持党建引领，推动乡村全面振兴", "强化组织建设，筑牢基层战斗堡垒", body,
                                                 "发展特色产业，促进群众持续增收", "1.做强茶叶产业", body]


def test_a_short_line_broken_after_a_dash_goes_on_below():
    body = "青岚县从县直单位选派40名优秀干部到村任第一书记，覆盖全部重点村。"
    lines = paras(body, "选优派强——", "精兵强将沉一线", body, "一、基本情况——", "二、主要做法", body,
                  "访民情——", "解民忧——", "暖民心", body)
    assert texts(join_broken_heads(lines)) == [body, "选优派强——精兵强将沉一线", body, "一、基本情况——", "二、主要做法", body,
                                              "访民情——解民忧——", "暖民心", body]     # not onto a number; one join a line
    kept = paras(body, "一、选优派强——", "全县调整村党组织书记36名。", "问题集中在三个方面——", "党员队伍老化问题突出；",
                 "归纳起来有三条——", "强化政治引领", "主要做法——", "强化政治引领", "————————", "强化组织引领",
                 "扎根基层写忠诚——", "——记青岚村党支部书记张某", "做到“三个带头”——", "带头学习理论，")
    assert join_broken_heads(kept) == kept          # a sentence, a list's item, a ——subtitle: not a heading's end
    bold = [Para("选优派强——", None, True, (("选优派强——", True),)), Para("精兵强将沉一线")]
    assert join_broken_heads(bold) == bold          # a bold heading over plain text


def test_unwrapped_text_untouched():
    lines = paras("短标题", "这是一段很长的正文，" * 10, "另一段正文。" * 3, "结尾。")
    assert join_wrapped(lines) == lines


def test_traditional_and_pinyin():
    assert strip_pinyin("關(guān)於我區(qū)黨建(jiàn)(一)") == "關於我區黨建(一)"
    got = to_simplified(paras("關(guān)於我區(qū)非公企業(yè)黨建工作的調(diào)查與思考，這個組織們"))
    assert texts(got) == ["关于我区非公企业党建工作的调查与思考，这个组织们"]
    assert texts(to_simplified(paras("简体文字，不需转换（一）。"))) == ["简体文字，不需转换（一）。"]
    assert t2s("我們不瞭解這個問題，一目瞭然") == "我们不了解这个问题，一目了然"      # phrases, then characters


def test_readings_without_tones_go_only_where_a_page_prints_many():
    page = "項(xiang)目黨組(zu)織建(jian)設情況，黨(dang)員(yuan)5名(ming)。"
    assert texts(to_simplified(paras(page))) == ["项目党组织建设情况，党员5名。"]
    own = "方案(a)和方案(b)：组织(一)，党建(er)。"                 # a text's own brackets, too few to be readings
    assert texts(to_simplified(paras(own))) == [own]
    terms = "人工智能(ai)应用。" * 6                              # many, but of one syllable: the text's own
    assert texts(to_simplified(paras(terms))) == [terms]
    options = "每题设选项(a)至(e)，选(a)的占52%，选(e)的占30%，选(a)或(e)的共82%。"
    assert texts(to_simplified(paras(options))) == [options]
    simplified = "项(xiang)目党组(zu)织建(jian)设情况，党(dang)员(yuan)5名(ming)。"      # a text of ours: not a page's
    assert texts(to_simplified(paras(simplified))) == [simplified]


def test_traditional_found_when_some_of_its_characters_are_in_gb2312():
    # 於 後 夥 are Traditional-only yet in GB 2312; with 們 這 個 they make the six needed
    assert is_traditional("於是後來夥同他們這個") and not is_traditional("于是后来伙同他们这个")
    assert not is_traditional("於是後來夥同他們")          # five


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


def test_site_lines_of_scraped_pages_are_dropped():
    from generator.corpus.cleaning import strip_boilerplate
    lines = ["当前位置：首页 > 工作总结 > 党建", "酷猫写作 > 范文大全 > 工作报告", "61阅读", "分享", "编 者按", "文/李某某",
             "下面是小编为大家整理的党建工作总结，供大家参考。", "本站为你精心整理了工作总结范文，欢迎咨询。",
             "青岚日报 2026年7月10日 第3版", "指导老师：张某", "首页范文工作报告调查报告", "您好,欢迎访问某某文档",
             "灵感范文站", "作者简介。张某(1980-),女,政工师。", "中图分类号:D267", "资料图片:志愿者发放月饼。 供图/某厅",
             "当前位置", "高中作文网", "【关键词】学校党建工作现状对策研究",
             "一、主要做法"]
    assert [p.text for p in strip_boilerplate([Para(t) for t in lines])] == ["一、主要做法"]
    noted = strip_boilerplate([Para("第一段。……(某网省略685字,正式会员可完整阅读)…… 第二段。"), Para("---此处隐藏513字,下载后查看---"),
                               Para("第三段。精品WORD文档下载可编缉使用(二)第四段。")])
    assert [p.text for p in noted] == ["第一段。 第二段。", "第三段。 (二)第四段。"]


def test_site_words_anywhere_in_one_line_make_it_a_site_line():
    from generator.corpus.cleaning import strip_boilerplate
    lines = ["版权所有 © 青岚县委组织部", "  咨询电话 0531-888-12345 ", "如有侵权请联系本站删除", "点击下载 ",
             "版权声明：本文由用户上传，若内容存在侵权，请联系删除", "青岚日报记者 张某 通讯员 李某 报道", "记者：王某某",
             "您的位置：首页", "这篇范文写得好，值得学习", "全镇党员参加学习。\n本站整理", "一、主要做法",
             "点击下载后可以编辑本文档使用"]
    ours = ["加强通讯员队伍建设", "支部书记当好通讯员，及时报道支部动态。", "（二）组织记者 深入一线",   # a report's own
            "优秀通讯员：张建国、李红梅、王志强", "十佳记者 刘洋 陈静 赵磊", "（一）部分企业存在侵权风险",
            "对存在侵权风险的企业开展上门指导，如有侵权行为依法处理。", "版权保护宣传周活动覆盖全县。",
            "企业如有侵权纠纷可第一时间联系维权援助中心。", "发现商家如有侵权，我们第一时间下架处理。", "记者：您好"]
    kept = [p.text for p in strip_boilerplate([Para(t) for t in lines + ours])]
    assert kept == ["全镇党员参加学习。\n本站整理", "一、主要做法", "点击下载后可以编辑本文档使用", *ours]


def test_join_pages_of_a_previewed_document():
    from generator.corpus.cleaning import join_pages
    paras = [Para("《柳湾镇工作总结.docx》由会员分享,可在线阅读"), Para("1、柳湾镇工作总结今年以来，我们抓"),
             Para("2、学习，成效明显。"), Para("3、最后一页")]
    assert [p.text for p in join_pages(paras)] == ["柳湾镇工作总结", "今年以来，我们抓学习，成效明显。最后一页"]
    plain = [Para("1、第一点"), Para("2、第二点")]
    assert join_pages(plain) == plain               # numbered lines without a preview banner stay


def test_split_flattened_parts_run_together_paragraphs():
    from generator.corpus.cleaning import split_flattened
    flat = Para("总体情况良好，各项工作有序推进，取得了阶段性成效。   一、主要做法   全年组织学习十二次，覆盖全体党员。"
                "二、存在问题 部分党员学习主动性不强，需要在今后的工作中加以改进和提高。 1、加强学习。继续抓好理论武装。")
    assert [p.text for p in split_flattened([flat])] == [
        "总体情况良好，各项工作有序推进，取得了阶段性成效。", "一、主要做法", "全年组织学习十二次，覆盖全体党员。",
        "二、存在问题 部分党员学习主动性不强，需要在今后的工作中加以改进和提高。", "1、加强学习。继续抓好理论武装。"]
    short = Para("一、主要做法 二、存在问题")
    assert split_flattened([short]) == [short]      # a short line is not a flattened page


def test_long_runs_of_noise_characters_are_cleaned_quickly():
    # regexes tried at every character of a run once took seconds (cubic on 2,000 spaces before 字)
    import time
    from generator.corpus.cleaning import strip_boilerplate
    start = time.process_time()
    for text in (" " * 20000 + "字", "…" * 20000 + " " * 20000 + "字", " " * 20000 + "文档下载", "-" * 20000 + "此处隐藏1字"):
        assert strip_boilerplate([Para(text)])[0].text.strip()
    assert time.process_time() - start < 2


def test_page_numbers_and_running_heads_of_a_copied_pdf_go_and_its_lines_join():
    from generator.corpus.cleaning import drop_page_marks, join_wrapped
    one = ("全县196个行政村党组织书记中，男性171人，女性25人，平均年龄48.6岁，近三年共选拔优秀人才63名，"
           "大专及以上学历的89人，占全部书记的百分之四十五，村级后备干部302人，平均每村1.5人，结构逐步优化。")
    two = "后备力量储备不足，部分村后继乏人，个别书记思想观念陈旧，带领群众致富能力不强，需要下大力气解决。"
    wrap = lambda text: [text[i:i + 24] for i in range(0, len(text), 24)]
    page_one, rest = wrap(one)[:3], wrap(one)[3:]
    lines = (["关于某县村级带头人队伍建设的调查与思考", "为全面掌握全县村级带头人队伍建设情况，", "课题组开展了专题调研。",
              "一、基本情况"] + page_one + ["- 1 -", "村级带头人队伍建设调研报告"] + rest + ["二、存在问题"] + wrap(two)
             + ["— 2 —", "村级带头人队伍建设调研报告", "某县委组织部课题组", "2026年6月10日", "第3页 共3页"])
    got = [p.text for p in join_wrapped(drop_page_marks([Para(line) for line in lines]))]
    assert got == [lines[0], "为全面掌握全县村级带头人队伍建设情况，课题组开展了专题调研。", "一、基本情况", one, "二、存在问题", two,
                   "某县委组织部课题组", "2026年6月10日"]
    # a line that only looks like a page's head once is the author's
    once = [Para("- 1 -"), Para("村级带头人队伍建设调研报告"), Para("正文。")]
    assert [p.text for p in drop_page_marks(once)] == ["村级带头人队伍建设调研报告", "正文。"]


def test_manual_line_breaks_part_where_a_sentence_or_heading_ends_and_join_mid_sentence():
    from generator.corpus.cleaning import part_lines
    got = part_lines(paras("关于东岭社区开展积分制管理\n的调研报告",                       # a title wrapped by hand
                           "（一）科学设置积分项目\n设置三类共18项指标。",                # a heading over its text
                           "对质量评价不够；流动党员积分\n获取渠道少，积分普遍偏低。",      # a break mid-sentence
                           "1.优化积分指标。增加权重。\n\t2.开通线上通道。\n3.强化结果运用。",  # items
                           "东岭社区党委\n2026年5月20日"))                                 # a 落款
    assert texts(got) == ["关于东岭社区开展积分制管理的调研报告", "（一）科学设置积分项目", "设置三类共18项指标。",
                          "对质量评价不够；流动党员积分获取渠道少，积分普遍偏低。", "1.优化积分指标。增加权重。",
                          "2.开通线上通道。", "3.强化结果运用。", "东岭社区党委", "2026年5月20日"]


def test_paragraphs_typed_one_to_a_line_are_not_taken_for_wrapped_lines():
    # four paragraphs of much the same length, each a whole sentence (Notepad, one per line)
    lines = ["全镇23个基层党组织、1186名党员参加冬训，参训率96.5%，比去年提高2.1个百分点。",
             "镇党委书记带头讲专题党课，班子成员到联系村讲党课23场次，覆盖全部行政村党员。",
             "组织“田间课堂”“院坝党课”等特色课堂41场，邀请致富带头人现身说法12人次。",
             "对年老体弱、行动不便的党员，由支部委员送学上门，共送学137人次，确保不漏一人。"]
    assert texts(join_wrapped(paras("一、冬训开展情况", *lines, "二、下一步打算"))) == ["一、冬训开展情况", *lines, "二、下一步打算"]
    # the same sentences wrapped at a width are joined again
    wrapped = "".join(lines)
    cut = [wrapped[i:i + 32] for i in range(0, len(wrapped), 32)]
    assert texts(join_wrapped(paras("一、冬训开展情况", *cut, "二、下一步打算"))) == ["一、冬训开展情况", wrapped, "二、下一步打算"]


def test_manual_line_breaks_in_a_wrapped_heading_a_title_or_a_quote_are_joined():
    from generator.corpus.cleaning import part_lines
    from generator.corpus.reading import Para
    assert [p.text for p in part_lines([Para("如何破解基层党建难题？\n——关于某县的调研报告")])] == [
        "如何破解基层党建难题？——关于某县的调研报告"]                        # a title and its subtitle
    got = part_lines([Para("关于某某\n的报告", 0), Para("主要工作：\n——抓学习，全年学习12次。\n——抓队伍。"),
                      Para("一、坚持党建引领，\n推动乡村振兴取得新成效"), Para("（一）加强学习\n全年组织学习12次，覆盖全体党员。", 2),
                      Para("（二）\n强化监督", 2), Para("开展“两学一做”\n学习教育，党员（含预备党员）\n共计248名。"),
                      Para("中共某某镇委员会\n某某镇人民政府\n2026年7月10日")])
    assert [(p.text, p.level) for p in got] == [
        ("关于某某的报告", 0), ("主要工作：", None), ("——抓学习，全年学习12次。", None), ("——抓队伍。", None),
        ("一、坚持党建引领，推动乡村振兴取得新成效", None),
        ("（一）加强学习", 2), ("全年组织学习12次，覆盖全体党员。", None),     # the text below a heading is body text
        ("（二）强化监督", 2), ("开展“两学一做”学习教育，党员（含预备党员）共计248名。", None),
        ("中共某某镇委员会", None), ("某某镇人民政府", None), ("2026年7月10日", None)]
