"""Outline a report: its title, headings with levels, and a category for every section.

The title is the file's Title paragraph, or the first title-shaped line above the text
(site lines are gone by then, see cleaning); a later line that repeats it is its exact
form, a collection's page title (锦集3篇) gives way to the first report's, and what sites
add to a title ((全文N字), 第1篇, 范文(一), 标题：, 第三节, a trailing 2, a column's name before it) is
cut; a breadcrumb (首页 > …) or a line with no Chinese words (a nickname) is no title, nor is a
section's short name (工作背景) on the first line. A title may run into the text after a space,
or with none when it names its genre in so many words (……工作情况的总结学校党支部……). A flattened page's first
paragraph may open with the title and a space when the title names its genre (……交流材料).
No such line: no title ("").

Headings are found, in this order of trust:

1. levels the file marks itself (Word heading styles, Markdown ``#``);
2. typed numbers 一、 一␣ （一） 1、 1. （1） 第一， 第一步，, and 一是 or a bullet ● on a line of its own —
   levels as ``numbering.read_levels`` reads them (the reading ``lint`` shares): the order
   in which styles nest, numbers counting up with one gap allowed, a number typed in another
   style going on with its level (1、 二. 三、), a number typed twice (二、二、) once; a heading
   ends at its first short sentence, or, run straight into its text, before a sentence opener
   (……素质一年来，) or the first space, or at a colon after a short name (抓好一个格局：以……。);
   ?? is a lost character and stays; lines naming the parts of a paper (引言：, 主体：) head
   the numbered sections;
3. in a document without numbers, short bare lines such as 着眼发展，突出重点 or 抓理论重学习 武装思想强党性
   (not a line above the text, unless it names a section or a place), label lines
   ending on : or — (创建背景：), or a place's name heading its part of a compilation (one line
   only when it reads as a heading);
4. paragraphs whose short first sentence is the heading (发挥……优势，强化……作用。……) or that
   open with an action and a colon (紧盯一个目标：……; a field such as 党员人数： is body),
   when most paragraphs of that stretch are shaped so (or one short action lead under a
   heading, or a paragraph led by a heading and its first sub-heading), a heading between
   dashes (——抓班子——) or a counted label and its name (一张网——……平台。), and one a
   flattened page ran onto the end of the paragraph before.

Every section gets one of CATEGORIES from cue words in its heading; a child keeps
its parent's category unless its heading is itself a section name (存在问题, 取得成效:
short, a category word, not an action such as 坚持问题导向); a heading worded as a result
(组织建设持续深化) or a state (党员自然结构) counts toward 成效 or 概述. A top-level
section without cues that comes before any problem/reflection/next-step section is
taken for work done (做法), the usual body of a Chinese report.
"""
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from generator.corpus.cleaning import clean, width
from generator.corpus.reading import Para, read_document
from generator.normalize import CLOSING_DATE, SIGNER
from generator.numbering import (DECIMAL_STYLES, DECIMALS, PART_NUMBER, UNNUMBERED, Levels, after_lead_in, cn_value,
                                 counted_between, decimal_labels, figure_label, label_style, lead_in_lists, leads_in,
                                 read_levels, starts_again)

CATEGORIES = ("概述", "做法", "成效", "问题", "原因", "思考", "下一步", "其他")

# cue words: a heading that contains a LABEL names its category outright
LABELS = {
    "概述": ("基本情况", "根本情况", "基本概况", "总体情况", "概况", "概述", "现状", "背景", "调研情况",
           "必要性", "重要性", "重要意义", "特点", "特征", "趋势", "介绍", "简介", "新变化", "机遇和挑战", "机遇与挑战",
           "主要发现", "调研结果", "价值与意义", "价值和意义", "意义与价值", "意义和价值", "重要价值", "时代价值"),
    "做法": ("做法", "经验", "模式", "举措", "主要措施", "工作措施", "具体措施", "主要工作", "工作开展情况", "履职情况",
           "主要实践"),
    "成效": ("成效", "成绩", "总体评价", "主要亮点", "工作亮点", "特色亮点", "荣誉", "收获"),
    "问题": ("问题", "存在问题", "存在的不足", "存在不足", "问题和不足", "难点", "难题"),
    "原因": ("原因", "根源", "症结", "成因"),
    "思考": ("思考", "建议", "对策", "启示", "体会", "几点认识"),
    "下一步": ("下一步", "今后", "打算", "工作计划", "工作安排", "展望", "明年"),
    "其他": ("调研方法", "研究方法", "调查方法", "调研方式", "调查方式", "调研目的", "调查情况", "调查对象", "调研对象",
           "问卷对象", "调研基本情况", "调研的基本情况", "调查基本情况", "调查的基本情况", "研究现状", "文献综述",
           "问题的提出", "前言", "引言", "选题", "结语", "结束语"),
}
CUES = {
    "做法": ("措施",),
    "成效": ("实效", "成果", "成就", "效果", "显著", "明显提升", "持续扩大", "凸显", "持续改善"),
    "问题": ("不足", "短板", "差距", "薄弱", "困难", "瓶颈", "挑战", "弱项", "偏差", "滞后", "不够", "不强", "不深", "不高",
           "有待", "亟待", "欠缺", "缺乏", "不平衡", "不到位", "不明显", "不充分", "偏弱"),
}
ACTIONS = (
    "加强", "强化", "推进", "推动", "推行", "实施", "开展", "建立", "健全", "完善", "创新", "构建",
    "发挥", "统一", "明确", "确立", "制定", "结合", "深入", "广泛", "精心", "狠抓", "抓好", "抓实",
    "聚焦", "坚持", "注重", "着眼", "贴近", "突出", "落实", "打造", "深化", "拓展", "规范", "优化",
    "整合", "夯实", "筑牢", "激发", "凝聚", "丰富", "动员", "部署", "加大", "完成", "围绕", "立足",
    "创建", "搭建", "培育", "选优", "配强", "采取", "提升", "严格", "探索", "建强", "用好", "抓牢",
    "着力", "解决", "破解", "聚力", "紧盯", "促进", "调整",
)
# weak cues: work done is told by its action, a problem's state by 存在 (学深悟透存在温差)
WEIGHTS = ((LABELS, 4), (CUES, 2), ({"做法": ACTIONS, "问题": ("存在",)}, 1))
PARTS = ("主体", "正文", "附件", "附录")   # a part of the paper, not of the work
LATER = ("问题", "原因", "思考", "下一步")     # sections that follow the account of the work

CN = "一二三四五六七八九十"
# number styles at the start of a paragraph: (style, regex); group 1 is the number
STYLES = (
    ("一、", re.compile(rf"^\s*([{CN}]+)(?:\s*[、.．]|\s+(?=[\u4e00-\u9fff])(?![年个是项次名位条天月日批届]))\s*")),
    ("（一）", re.compile(rf"^\s*[（(]\s*([{CN}]+)\s*[)）]\s*[、.．]?\s*")),
    ("1、", re.compile(r"^\s*(\d{1,2}|[Xx])\s*、(?!\s*\d)\s*")),     # 1、2月份 is a count
    *DECIMALS,                                                      # 2.1 ……, 2.1.1 ……
    ("1.", re.compile(r"^\s*(\d{1,2}|[Xx])\s*(?:．|\.(?!\d))\s*")),
    ("（1）", re.compile(r"^\s*[（(]\s*(\d{1,2})\s*[)）]\s*[、.．]?\s*")),
    ("第一，", re.compile(rf"^\s*第\s*([{CN}]+)\s*(?:步|条|点)?\s*[，,、：:]\s*")),
    ("一是", re.compile(rf"^\s*([{CN}]+)是\s*[，,：:]?\s*")),
    ("●", re.compile(r"^\s*([●■◆▲◎])\s*")),
)
BULLETS = "●■◆▲◎"       # a bullet heads a line of its own with text below (●政治引领 坚定信念), not a list item
BRACKETED = ("（一）", "（1）")
LEAD_ONLY = ("第一，", "一是")        # styles that are headings only as lead-in sentences
NO_FAMILY = (*LEAD_ONLY, "1", *DECIMAL_STYLES)    # styles that never go on counting another's level
ANY = Levels.ANY                     # the value of a placeholder number (X.资源开发模式)
# a sentence's end; ?? is a character lost in the page's encoding, not a question
_SENTENCE = re.compile(r"^(.*?(?:[。！？!]|(?<!\?)\?(?!\?)))")
_LOST = re.compile(r"(?<=[\u4e00-\u9fff])\?{2,}$")
_CLAUSES = re.compile(r"[，,、；;]")
_ENDS = "。！？!?；;：:，,"
_STRIP_END = "。！？!?；;：:，, \u3000"


@dataclass
class Section:
    heading: str                 # the heading as shown: no number, no closing punctuation
    level: int
    category: str = "其他"
    number: str = ""             # the number typed in the source (一、 （二） 1、 …)
    raw: str = ""                # the heading exactly as typed, after the number (a part's: the whole line)
    body: list = field(default_factory=list)   # paragraphs until the next heading
    part: bool = False           # a part of the text (第一部分 ……): its headings are a level below it
    again: bool = False          # its numbers start again here (一、 under a lead-in after 二、: _started_again)

    def to_dict(self):
        return {"heading": self.heading, "level": self.level, "category": self.category}


@dataclass
class Outline:
    file: str
    title: str
    lead: list                   # paragraphs before the first heading
    sections: list
    kind: str = ""               # genre guessed from the title (调研报告, 工作总结, 经验交流材料)

    def to_dict(self):
        return {"file": self.file, "title": self.title,
                "sections": [s.to_dict() for s in self.sections]}


_MARK_FIRST = frozenset(CN + "（(Xx第" + BULLETS)     # what every style's number starts with, or a digit


def marker(text):
    """``(style, number, typed, rest)`` for a paragraph that starts with a heading number."""
    first = text.lstrip()[:1]
    if first not in _MARK_FIRST and not first.isdecimal():      # most paragraphs: no style tried
        return None
    for style, regex in STYLES:
        match = regex.match(text)
        if match:
            value = ANY if match[1] in "Xx" + BULLETS else cn_value(match[1])
            if value or match[1] in "Xx" + BULLETS:
                end = match.end()
                again = regex.match(text[end:])      # a number typed twice (二、二、) counts once
                if again and again[1] == match[1]:
                    end += again.end()
                return style, value, text[:match.end()].strip(), text[end:]
    return None


# words that open a report's sentence: a heading run straight into its text ends before one
_OPENER = re.compile(r"(?<=[\u4e00-\u9fff”）)])(?:随着|近年来|一年来|今年以来|多年来|几年来|从总体上看|总体上看|"
                     r"总的来看|截至|截止|目前)")


# or, after a section's name, a sentence on the place itself, its first point or its source:
# 基本情况我县现有……, 存在的问题一是底数难摸清。 主要问题从调查情况看，…… 突出问题及表现在调研过程中，……
_OWN_OPENER = re.compile(r"(?<=情况|问题|做法|成效|经验|措施|原因|建议|对策|思考|打算|背景|现状"
                         r"|不足|举措|计划|短板|困难|体会|启示|成绩|表现)"
                         r"(?:我县|我市|我区|我镇|我乡|我局|我校|我们|全县|全市|全区|全镇|一是"
                         r"|从[^，,。；;]{1,10}(?:看|来看)[，,]|在(?:调研|调查)(?:过程)?中[，,]|据(?:调研|调查|统计)[，,])")


# a list's item, not a heading: it runs on into the next (……；二是…… ……；（二）……)
_LISTED = re.compile(rf"[；;]\s*(?:[{CN}]+是|[（(][{CN}\d]+[)）]|\d+[、.．]|[{CN}]+、)")


def split_heading(rest, inline_max=40, standalone_max=60):
    """``(heading, body)`` of a numbered paragraph, or None when it is not heading-shaped."""
    rest = rest.strip()
    if not rest:
        return None
    run = run_in(rest, inline_max)
    if run:
        return run
    sentence = _SENTENCE.match(rest)
    label = _NAMED_LEAD.match(rest)      # a label and its text: 抓好一个格局：以社区党工委为核心，……。 “摸”：……
    claim = sentence[1][label.end():] if label and sentence else ""
    if label and len(rest) - label.end() >= (20 if sentence else 30) and not (
            claim and len(claim) <= 13 and not re.search(r"\d", claim) and not _CLAUSES.search(claim)):
        # (思想之困：“为什么融”认识不到位。…… is one heading, a name and its short claim; 理论学习：
        # 全年开展集中学习12次。 is a name and its text)
        return label[1], rest[label.end():]
    if sentence is None or sentence.end() >= len(rest.rstrip()):
        # one sentence, or no full stop at all: the whole line is the heading
        if _LISTED.search(rest):        # 加强学习：一是……；二是……: the name heads its list
            return (label[1], rest[label.end():]) if label else None
        if len(rest) <= standalone_max and "。" not in rest.rstrip("。"):
            return rest, ""
    elif len(sentence[1]) <= inline_max:
        return sentence[1], rest[sentence.end():].strip()
    return None


def sentence_item(rest, longest=100):
    """Whether a numbered line's text (``rest``, after its number), which does not head by its
    shape (``split_heading``), is one sentence short enough to head a run it counts in
    (numbering.counted_between): 2.村党支部坚持每月开展主题党日活动，……，群众满意度明显提升。"""
    rest = rest.strip()
    if not 0 < len(rest) <= longest or rest.endswith(("；", ";", "：", ":", "，", ",")):
        return False
    sentence = _SENTENCE.match(rest)
    return (sentence is None or sentence.end() >= len(rest)) and not _LISTED.search(rest)


# a short name and a colon opening a paragraph: 抓好一个格局：…, “摸”：…
_NAMED_LEAD = re.compile(r"^([^，,。；;：:\s]{2,20})[：:]\s*")


def run_in(rest, limit=40):
    """A heading run into its text without punctuation: 加强思想教育一年来，我支部…, or
    parted from it by a space only (a flattened page): 坚持理论武装 2004年，机关……"""
    found = [m for m in (_OPENER.search(rest, 4, limit + 1), _OWN_OPENER.search(rest, 4, limit + 1)) if m]
    opener = min(found, key=lambda m: m.start()) if found else None
    if opener and "。" not in rest[:opener.start()] and len(rest) - opener.start() >= 20:
        return rest[:opener.start()], rest[opener.start():]
    # the first space after which a sentence starts (a flattened page has more spaces inside its
    # text; a heading's parallel phrases, 强基固本 筑牢堡垒, are parted by spaces too)
    for space in (m.start() for m in re.finditer(r"\s", rest[:limit + 1]) if m.start() >= 4):
        head, body = rest[:space], rest[space:].strip()
        word = body.split()[0] if body else ""
        if ("。" not in head and len(body) >= 30 and re.search(r"[。！？]", body[:200])
                and (len(word) >= 12 or re.search(r"[，,。；、]", word))):
            return head, body
    return None


# a sentence that opens on time or sequence is the text, not a heading: 今年以来，…… 与此同时，……
_TIME_LEAD = re.compile(r"^(?:[^，,]{0,6}(?:以来|年来)|与此同时|同时|此外|另外|目前|当前|近期|为此|因此|总之|首先|其次|最后)[，,]")


_SPACE_LEAD = re.compile(r"^([\u4e00-\u9fff“”]{4,8})[ \u3000]+(?=[\u4e00-\u9fff“])")


def lead_shape(text, limit=32):
    """The first sentence when it reads like a heading: short, and made of short clauses (the
    last may be longer: 紧扣中心，深度融合，探索将党建品牌建设融入中心工作的多种模式。)."""
    spaced = _SPACE_LEAD.match(text)         # 融合共建 市委政法委……: a flattened page's sub-heading
    if spaced and len(text) - spaced.end() >= 30 and not _TIME_LEAD.match(spaced[1] + "，"):
        return spaced[1], text[spaced.end():]
    label = _NAMED_LEAD.match(text)          # 紧盯一个目标：全力打造……, not a field such as 党员人数：
    if (label and 5 <= len(label[1]) <= 12 and label[1].startswith(ACTIONS) and not label[1].endswith("情况")
            and not re.search(r"[\d“”]", label[1]) and len(text) - label.end() >= 30):
        return label[0].strip(), text[label.end():]
    sentence = _SENTENCE.match(text)
    if sentence is None:
        return None
    head = sentence[1]
    rest = text[sentence.end():].strip()
    core = head.rstrip(_STRIP_END)
    if len(core) > limit or len(rest) < 30 or re.search(r"\d", core) or _TIME_LEAD.match(core):
        return None
    parts = [c.replace("“", "").replace("”", "") for c in _CLAUSES.split(core) if c]
    if not parts:                    # a sentence of punctuation alone (。)
        return None
    clauses = [len(c) for c in parts]
    # a clause of three characters only before an action, and no adverbial (一方面，实践中，事实上，):
    # 强组织，提升党建引领力。
    short = [n == 3 and parts[k + 1].startswith(ACTIONS) and parts[k][-1] not in "上中下面里内外讲说看来时后前"
             for k, n in enumerate(clauses[:-1])]
    if (clauses == [3, 3, 3] and not re.search("[“”\"]", head + rest[:1])
            and not any(c[-1] in "上中下面里内外讲说看来时后前" for c in parts)):
        return head, rest            # three parallel phrases of three: 抓规范、定标准，强堡垒。 (not a quoted motto)
    if (len(clauses) > 3 or any(not (4 <= n <= 14 or ok) for n, ok in zip(clauses, short))
            or not 4 <= clauses[-1] <= 20 or (sum(clauses) > 25 and len(clauses) < 3)):   # its words: no quotes, no commas
        return None
    return head, rest


def lead_split(rest, style="第一，"):
    """A 第一，paragraph as (heading, body): a short lead sentence, or a short line on its own.
    一是 heads only a line of its own: run into a paragraph it is the paragraph's first point."""
    rest = rest.strip()
    if bare_shape(rest):
        return rest, ""
    if style == "一是":
        return _whole_line(rest, 30)
    return lead_shape(rest)


_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:省|市|州|盟|县|旗|区|镇|乡|村|街道|社区)$")


# a picture's caption, a note or a source under a table or a picture: never a heading
_CAPTION_LINE = re.compile(r"^\s*(?:图为|图片|照片|图\s*\d|表\s*\d|注\s*[:：]|备注|(?:数据|资料|信息)?来源\s*[:：])")


def bare_shape(text):
    """A short line with no closing punctuation and no spaces: 着眼发展，突出重点, “产业怎么发展？”
    (not “……关键看头羊。”, nor a caption or a note: 图为……, 注：……, 数据来源：……); or a place's name
    heading its part of a compilation (青岚县)."""
    text = text.strip()
    return bool(_PLACE.match(text) or _parallel(text)) or (
        4 <= len(text) <= 25 and text[-1] not in _ENDS and not re.search(r"[。；;][”’\"']+$", text)
        and not re.search(r"\s", text) and not re.search(r"\d{4}", text) and not _CAPTION_LINE.match(text))


# two or three parallel phrases parted by spaces: 抓理论重学习 武装思想强党性
_PARALLEL = re.compile(r"^[\u4e00-\u9fff“”]{4,16}(?:\s+[\u4e00-\u9fff“”]{4,16}){1,2}$")


def _parallel(text):
    """Parallel phrases of up to 12 characters, or up to 16 when the line opens with an action
    (坚持工作创新 保障“五好”创建顺利开展; a picture's caption of two long phrases does not)."""
    return bool(_PARALLEL.match(text)) and (text.startswith(ACTIONS) or max(map(len, text.split())) <= 12)


# what a site adds to a title: (2), (全文4610字), 【三篇】, [图], (12篇), 第1篇, 第一篇, 篇一, 篇1, 7篇, 三篇, 1300字, 范文, .docx
_GENRES = "(?:报告|总结|小结|思考|材料|发言|讲话|汇报|体会|调查|研究|对策|建议|探索|实践|纪实)"    # how a title names its genre
_GENRE_LAST = "告结料言话稿迹查究考会"     # the last character of a genre's name (报告, 总结, 材料, 事迹 …)
_SITE_ADD = re.compile("|".join((
    rf"[(（]\s*(?:\d+|[{CN}]{{1,2}}|(?:全文)?\d+字|全文完整|完整版|精选文档|精选|材料|(?:精选|通用|优选)?\s*\d+\s*篇)\s*[)）]",
    r"【[^【】]{0,6}】", r"【[^【】]{0,30}】$", r"^【[\d.\-/年月]{4,12}】",                # 【三篇】, 【title】, 【2018.06】
    r"^\d{1,2}\s+(?=\d{4}\s*年)", r"^\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\s+",               # a page marker, a date
    r"_第\d+页$", r"[\[【(（]此文共\d+字[\]】)）]", r"(?<=[\u4e00-\u9fff])论文$", r"怎么写.*$",
    rf"(?<=[^\s_]{{8}})_(?![\u4e00-\u9fff]*{_GENRES}$)[\u4e00-\u9fff]{{2,20}}$",       # ……共赢_某某辖区: a tag
    rf"^第\s*[\d{CN}]+\s*篇(?!章)\s*[:：]?\s*", rf"^篇\s*[\d{CN}]+(?:\s+|\s*[:：]\s*)",         # 第1篇, 篇一:
    rf"^原标题\s*[:：]\s*(?:【[^【】]{{1,10}}】)?",
    rf"(?<=[{_GENRE_LAST}])\d{{2,5}}字$", rf"(?<=[{_GENRE_LAST}])[{CN}]+篇$",                 # 1300字, 三篇
    rf"(?<=[{_GENRE_LAST}])(?:\d+\s*篇|例\s*\d+|篇[{CN}]{{1,2}})$", r"篇\s*\d+$",           # 7篇, 例1, 篇1, 篇一
    r"\[(?:组?图|视频|图文)\]$",                                                     # a news page's [图]
    r"范文$", r"范文\s*[(（][一二三四五六七八九十\d]{1,2}[)）]$", r"(?<=[告结料言话])文稿$", r"\.(?:docx?|pdf|wps|txt)$")))
# how a report's title ends: the genre it names
_GENRE_END = re.compile(rf"{_GENRES}(?:[(（](?:初稿|草稿|讨论稿|征求意见稿|修改稿)[)）])?$")
# a site's column or channel name printed before the title on its line: 品牌创建与推广 某县……的思考
_COLUMN = re.compile(r"^[\u4e00-\u9fff]{2,10}\s+(?=\S{8,}$)")
# a page that gathers several reports: its title is not a report's own (高校党建调研报告锦集3篇)
_COLLECTION = re.compile(rf"(?<!\d)\d+\s*篇|(?<![{CN}])[{CN}]+篇(?!文章|章)|多篇$|锦集|合集|汇总|大全|精选")
# a site's motto of set phrases: 荟聚奇文、博采众长、见贤思齐
_IDIOMS = re.compile(r"^(?:[\u4e00-\u9fff]{4}[、，,\s]+){2,}[\u4e00-\u9fff]{4}$")
_TITLE_LEAD = re.compile(rf"^(?:\|\s*)?(?:(?:文章)?标题\s*[:：]\s*)?(?:[{CN}]\s*[:：]\s*)?(?:第\s*[{CN}\d]+\s*[章节]\s+)?")


def title_core(text):
    """A title line without what a site adds: a table's | borders, 标题：(文章标题：), a collection's
    number (一 : , 第1篇, 【篇1】), (全文N字), 范文; a title doubled as X-X or XX counts once."""
    text = one_line(text).strip(" |\u3000")
    sides = [side.strip() for side in re.split(r"[|｜]", text) if side.strip()]
    if len(sides) > 1:     # a title and a site's words parted by |: the side that names its genre, else the first;
        # a short side is a column's name, unless the long one is a site's or a unit's (述职报告 | 某县门户网站)
        sides = [side for side in sides if len(side) >= 8 and not _UNIT.search(side)
                 and not side.endswith(("网站", "网", "平台"))] or sides
        text = next((side for side in sides if _GENRE_END.search(_SITE_ADD.sub("", side))), sides[0])
    text = _TITLE_LEAD.sub("", text)
    before = None
    while before != text:
        before, text = text, _SITE_ADD.sub("", text).strip(" |\u3000")
    column = _COLUMN.match(text)
    if (column and _GENRE_END.search(text) and not _GENRE_END.search(column[0].strip())
            and not column[0].startswith(ACTIONS)       # 坚持党建引领 推动……的思考: a phrase, not a column's name
            and len(re.split(r"——|\s", text[column.end():])[0]) != len(column[0].strip())):   # nor a couplet's half
        text = text[column.end():]
    tag = re.match(rf"^(.{{4,}}?)\s+[-－_]\s*({_GENRES}|范文)$", text)      # ……工作总结 -总结: the site's tag
    if tag and _GENRE_END.search(tag[1]):
        text = tag[1]
    aside = re.match(r"^(.{8,}?)\s*[(（]([^()（）]{8,})[)）]$", text)
    if aside and _unspaced(aside[1]) == _unspaced(aside[2]):
        text = aside[1]          # ……的调研报告(……的调研报告): a page's copy (a unit, a scope or a note stays)
    half, dash, rest = text.partition("-")
    if dash and half.strip() == rest.strip():
        text = half.strip()
    middle = len(text) // 2
    if len(text) >= 8 and text[:middle] == text[middle:]:       # or glued to itself: X调研报告X调研报告
        text = text[:middle]
    return re.sub(r"(?<=[\u4e00-\u9fff])\s*\d$", "", text)     # 调研报告1: the first of a collection


def heading_as_title(text, alone):
    """Whether a document's first line, set in a heading style (Word's 标题 1 typed for the
    title), is its title: a title's shape and no section's name, and it names its genre, opens
    on 关于 or is the only line in its style (``alone``)."""
    return (_title_shaped(text) and not label_of(text)
            and (bool(_GENRE_END.search(title_core(text))) or text.startswith("关于") or alone))


def _title_shaped(text):
    """A line that can be a title: short, no sentence end, not a number, a breadcrumb (首页 > …)
    or a byline without Chinese words (a nickname such as Kris)."""
    return (0 < width(text) <= 100 and text[-1] not in "。；;：:，,!！" and not marker(text) and ">" not in text
            and len(re.findall(r"[\u4e00-\u9fff]", text)) >= 4
            and not text.startswith(("——", "—", "-", "－", "•", "·", "▪", *BULLETS)) and not re.search(r"[。！？]", text))


def _body_start(text):
    """A paragraph that begins the report's text: a sentence, or a numbered heading."""
    if marker(text):
        return split_heading(marker(text)[3]) is not None or len(text) >= 40
    if PART_NUMBER.match(text):       # 第一部分 ……: the text has begun
        return True
    return len(text) >= 40 and bool(re.search(r"[。！？；]", text) or len(text) >= 120)


def _same(a, b):
    return _inside(a, b) or _inside(b, a)


def _ends(a, b):
    """Whether ``a`` is half of ``b`` or more, or opens or ends it (a site's additions around
    it), white space aside."""
    a, b = _unspaced(a), _unspaced(b)
    return len(a) * 2 > len(b) or b.startswith(a) or b.endswith(a)


def _opens(a, b):
    """Whether ``b`` opens on ``a``, white space aside."""
    return _unspaced(b).startswith(_unspaced(a))


def _inside(a, b):
    """Whether ``a`` stands in ``b``, white space aside."""
    a, b = _unspaced(a), _unspaced(b)
    return bool(a) and a in b


def _unspaced(text):
    return re.sub(r"\s", "", text)


# a title glued to the text that follows it: 中学党支部工作情况的总结学校党支部自从建立以来，……
# (or a paper's: 浅议……的问题及对策研究近年来，……)
_GLUED = re.compile(r"^[^\s，,。；;：:！？“”]{4,36}?(?:的总结|工作总结|工作小结|调研报告|调查报告|工作报告|述职报告|"
                    r"交流材料|经验材料|情况汇报)(?=[\u4e00-\u9fff])"
                    r"|^(?:浅议|浅谈|浅析|试论|略论|关于)[^\s，,。；;：:！？“”]{2,36}?问题[及与和]对策"
                    r"(?:研究|思考|分析|探析|探究|建议)?(?=[\u4e00-\u9fff])")


_TEXT_VERB = re.compile("|".join(("现将", "根据", "按照", "开展", "认真", "做好", "进行", *ACTIONS)))


def _run_on_title(text):
    """A flattened page's first paragraph that opens with its title and a space:
    某某……工作交流材料 某党委聚焦……。 The title must name its genre; with no space between,
    it must name it in so many words (……工作情况的总结) and hold no verb of the text (开展)."""
    first, space, rest = text.partition(" ")
    core = title_core(first) if space and len(rest) >= 40 and _title_shaped(first) else ""
    if core and _GENRE_END.search(core):
        return core
    glued = _GLUED.match(text)
    if glued and len(text) - glued.end() >= 40 and not _TEXT_VERB.search(glued[0]):
        return glued[0]
    return ""


def _title(paras):
    """``(title, indexes of the lines that state it)``: the file's Title paragraph, or the
    first title-shaped line above the text; a later line that repeats it (a site prints its
    page title, then the report's own) is the exact form and wins, and so does the line just
    above the text when it names its genre and shares a good part of the first's words (a
    site's name for the item, then the report's own)."""
    for i, p in enumerate(paras):
        if p.level == 0:
            return one_line(p.text), {i}
    first = next((i for i, p in enumerate(paras) if p.text.strip()), None)
    if first is not None and paras[first].level and heading_as_title(
            paras[first].text.strip(), sum(p.level == paras[first].level for p in paras) == 1):
        return one_line(paras[first].text), {first}
    if first is not None and _CONTINUED.match(paras[first].text.strip()):
        # a title there names its genre; else the page opens on a heading of the continued text
        title, at = _title([Para("") if i == first else p for i, p in enumerate(paras)])
        return (title, at | {first}) if _GENRE_END.search(title) else ("", {first})
    found, head = [], []
    for i, p in enumerate(paras):
        text = p.text.strip()
        if p.level or _body_start(text):
            run_on = "" if found or p.level else _run_on_title(text)
            if run_on:
                return run_on, set()        # the paragraph stays: outline() cuts its title off
            break
        head.append(text)
        core = title_core(text) if _title_shaped(text) and not _ORG.match(text) and not _PART_LEAD.match(text) else ""
        if core and not (len(core) <= 6 and label_of(core) in ("概述", "其他")):     # 工作背景 heads a section
            found.append((i, core))
    # a title's words one to a line (2023 / 基层 / 党建 …) are a page's keyword column
    found = [(i, core) for i, core in found if len(core) > 4
             or not any(len(t) <= 4 for t in head if t != paras[i].text.strip())]
    every = found
    while len(found) > 1 and (_COLLECTION.search(paras[found[0][0]].text)
                              or (_IDIOMS.match(found[0][1]) and _GENRE_END.search(found[1][1]))):
        found = found[1:]       # the page's title names a collection, or is its motto: the report's is next
    if len(found) > 1 and len(found[0][1]) <= 6 and not _GENRE_END.search(found[0][1]):
        # a column's name (党建调研) above a title that names its genre: that title, not a name line between
        found = [f for f in found[1:] if len(f[1]) >= 8 and _GENRE_END.search(f[1].partition("——")[0])][:1] or found
    if len(found) == 1 and _COLLECTION.search(paras[found[0][0]].text):
        found = _first_piece(paras, found[0][0]) or found
    if not found:
        return "", set()
    printed = Counter(_unspaced(core) for _, core in found)
    # the report's own title carries its ——subtitle (an organisation's name may come between), and
    # a collection's first piece is marked so (篇一 …, 【第1篇】…)
    found = ([f for f in found if _subtitled(paras, f[0])][:1]
             or [f for f in found if _PIECE.match(paras[f[0]].text.strip())][:1]
             # (or, after a line that does not name its genre, the one that does with its ——subtitle: a
             # forum thread's name, then the report's headline)
             or [f for f in found[1:] if "——" in f[1] and _GENRE_END.search(f[1])
                 and not _GENRE_END.search(found[0][1])][:1]
             # (or a line printed twice, as a page's title and the report's own, under a unit's name
             # printed once: a research centre's site)
             or [f for f in found[1:] if _GENRE_END.search(f[1]) and _UNIT.search(found[0][1])
                 and printed[_unspaced(f[1])] >= 2 and printed[_unspaced(found[0][1])] == 1][:1] or found)
    title, picked = found[0][1], {found[0][0]}
    # the report's own title broken over two lines, found whole in the page's title above it
    broken = next(((i, j, first + second, re.search(re.escape(first) + r"\s*" + re.escape(second), title))
                   for (i, first), (j, second) in zip(every, every[1:])
                   if i not in picked and not any(p.text.strip() for p in paras[i + 1:j])
                   and _inside(first + second, title) and len(first + second) >= len(title) * 0.6), None)
    for i, core in every:
        # (a unit's name under a title that names its genre or opens on it is its byline: 某某县纪委
        # 监委; a line less than half the title, standing inside it, is a part it names: 2026年工作总结)
        if _same(core, title) and not (broken and i in broken[:2]) and (
                _GENRE_END.search(core) or not (_GENRE_END.search(title) or _opens(core, title))) and _ends(core, title):
            title = core
            picked.add(i)
    if broken:      # spaced as the page's title spaces it: a main title and its subtitle
        i, j, joined, spaced = broken
        title = spaced[0] if spaced else joined
        picked |= {i, j}
    last, core = every[-1]
    if (last > max(picked) and _GENRE_END.search(core) and len(core) >= 8 and not _same(core, title)
            and _shared(core, title) >= 6 and core not in title):      # (not a part the title names: 2026年工作总结)
        return core, picked | {last}     # a site's name for the item first, the report's own just above the text
    return title, picked


_PIECE_END = re.compile(rf"(?<=[{_GENRE_LAST}])\s*(?:篇\s*[\d{CN}]{{1,2}}|[(（]?[{CN}]{{1,2}}[)）]?)$")
_PIECE = re.compile(rf"^(?:第\s*[\d{CN}]+\s*篇|篇\s*[\d{CN}]+\s|【第?\s*[\d{CN}]+\s*篇】|【篇\s*[\d{CN}]+】)")


def _first_piece(paras, at):
    """``[(index, title)]`` of the first piece's line (……调研报告篇一) a few lines under a
    collection's title at ``at``, past the site's blurb; [] when there is none."""
    for j in range(at + 1, min(at + 12, len(paras))):
        text = paras[j].text.strip()
        if _PIECE_END.search(text) and _title_shaped(text) and (core := title_core(text)):
            return [(j, core)]
    return []


def _subtitled(paras, i):
    """Whether a ——subtitle follows line ``i``, an organisation's name between them or not."""
    for p in paras[i + 1:i + 3]:
        text = p.text.strip()
        if text.startswith(("——", "—")):
            return True
        if not _ORG.match(text):
            return False
    return False


def _shared(a, b):
    """The length of the longest text that ``a`` and ``b`` share."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def one_line(text):
    """A title broken over lines (as the writer breaks long titles) joined back into one."""
    text = re.sub(r"(?<=[A-Za-z0-9])\s*\n\s*(?=[A-Za-z0-9])", " ", text.strip())
    return re.sub(r"\s*\n\s*", "", text)


# a newspaper's continued page, (上接第一版): its headline is on the page it continues
_CONTINUED = re.compile(rf"^[(（]\s*上?接\s*第?\s*(?:[{CN}]{{1,3}}|[A-Za-z]?\d{{1,3}})\s*版\s*[)）]$")


def _mend_title(paras):
    """The first lines with a title broken inside or before its genre's name (……调研报 / 告,
    ……的调 / 研报告, ……党委 / 工作总结), or after a 关于 that cannot end it, joined back; a
    .docx's title typed as two bold lines too."""
    first = next((i for i, p in enumerate(paras) if p.text.strip()), None)
    if first is not None and first + 1 < len(paras) and _two_line_title(paras[first], paras[first + 1]):
        return [*paras[:first], Para(paras[first].text.strip() + paras[first + 1].text.strip()), *paras[first + 2:]]
    for i, p in enumerate(paras[:8]):
        after = paras[i + 1].text.strip() if i + 1 < len(paras) else ""
        text = p.text.strip()
        tail = re.fullmatch(r"[\u4e00-\u9fff]{1,4}", after) or (     # 关于……基层党组织 / 建设情况的调研报告
            text.startswith("关于") and len(text + after) <= 50 and _title_shaped(after))
        if (tail and p.level is None and paras[i + 1].level is None and _title_shaped(text)
                and _GENRE_END.search(text + after) and not _GENRE_END.search(title_core(text))):
            return [*paras[:i], Para(text + after), *paras[i + 2:]]
    return paras


# the name a .docx title ends on, reports and the papers sent with them
_DOCUMENT_END = re.compile(rf"(?:{_GENRES}|通知|意见|方案|请示|计划|要点|函|决定|通报|纪要|办法|规定|细则)$")


def _two_line_title(top, below):
    """A title a .docx shows as two bold lines: the first names the issuer or opens on 关于 and
    cannot end it (中共某某区委组织部, 关于开展……党组织), the second names the paper or opens
    on 关于; a slogan over a title, or a ——subtitle, is no part of it. In plain text, the issuer
    over 关于……的总结 (the paper's name in full) is one too."""
    a, b = top.text.strip(), below.text.strip()
    plain = not top.bold and not below.bold and SIGNER.match(a) and b.startswith("关于") and _DOCUMENT_END.search(b)
    return ((top.bold and below.bold or plain) and top.level is None and below.level is None
            and all(len(t) <= 40 and not re.search(r"[。！？；，,\s]", t) and not marker(t) for t in (a, b))
            and (a.startswith("关于") or SIGNER.match(a)) and not _DOCUMENT_END.search(a)
            and not b.startswith(("——", "—")) and (_DOCUMENT_END.search(b) or b.startswith("关于")))


def outline(paras, file=""):
    """Outline cleaned paragraphs."""
    paras = _mend_title(paras)
    title, title_at = _title(paras)
    body = [p for i, p in enumerate(paras) if i not in title_at]
    if title and body and body[0].level is None and len(body[0].text.strip()) > len(title) \
            and body[0].text.strip().startswith(title):
        # a page that runs the title into the text (once or more), and what a site adds to it (文稿 …)
        text = body[0].text.strip()
        while text.startswith(title):
            text = text[len(title):].lstrip()
        body[0] = Para(re.sub(r"^\S{0,4}\s+", "", text))
    items = _explicit(body) if any(p.level for p in body) else _in_parts(body)
    sections, lead, current = [], [], None
    for item in items:
        if isinstance(item, Section):
            sections.append(item)
            current = item
        elif current is None:
            lead.append(item)
        else:
            current.body.append(item)
    classify(sections)
    _started_again(lead, sections)
    return Outline(file, title, lead, sections, genre(title))


def _started_again(lead, sections):
    """Mark each top-level heading typed 一、 right under a lead-in (我再提三点要求：): its numbers
    start again there (numbering.starts_again), as the level reader took them, whatever marks the
    headings (typed numbers, a file's heading styles, Markdown)."""
    above = lead[-1] if lead else ""
    for s in sections:
        s.again = (s.level == 1 and not s.part and bool(s.number) and leads_in(above)
                   and starts_again(label_style(s.number)))
        above = s.body[-1] if s.body else ""         # (a heading ending in a colon is no lead-in)


def _part_heading(paras, i):
    """The part (``Section``) that line ``i`` opens, and the lines its heading takes, when it names
    one (第一部分 ……, numbering.PART_NUMBER): a heading on the line (no sentence or list item:
    第一部分：受访者基本信息，共8题； is a questionnaire's), or on the next line when the number
    stands alone; else None. Its ``raw`` is the line as typed (the two joined by a space)."""
    match = PART_NUMBER.match(paras[i].text)
    if not match:
        return None
    number, rest, taken = match.group().strip().rstrip(":：、.．—- "), paras[i].text[match.end():].strip(), 1
    if not rest and i + 1 < len(paras) and not marker(paras[i + 1].text) and not PART_NUMBER.match(paras[i + 1].text):
        rest, taken = paras[i + 1].text.strip(), 2
    if 2 <= len(rest) <= 40 and not re.search(r"[，,。；;！？!?：:]", rest):
        raw = paras[i].text.strip() + (" " + rest if taken == 2 else "")
        return Section(rest.rstrip(_STRIP_END), 1, number=number, raw=raw, part=True), taken
    return None


def text_parts(paras):
    """How a text typed in parts (第一部分 ……, 第二部分 ……) is parted: ``[(line, the part's Section,
    lines its heading takes, the part's items)]``, the headings in each found on their own, their
    numbers starting again, and a level below the part's; [] for a text that is not: no line names
    a part, or a Chinese-numbered heading stands above the first (the parts are then a list in the
    text, or cited)."""
    found = [(i, *part) for i in range(len(paras)) if (part := _part_heading(paras, i))]
    if not found or any((m := marker(p.text)) and m[0] == "一、" and split_heading(m[3])
                        for p in paras[:found[0][0]]) or any(
            i + taken == j for (i, _, taken), (j, _, _) in zip(found, found[1:])):
        return []                # (parts one under the other, with nothing in them, are a list too)
    # 前言 and 结束语 (a line of its own) stand beside the parts, as parts do
    found = sorted(found + [(i, Section(p.text.strip().rstrip("：: "), 1, raw=p.text.strip(), part=True), 1)
                            for i, p in enumerate(paras) if (line := _PART_LINE.match(p.text.strip())) and line[1] in _ASIDES])
    parts = []
    for (start, part, taken), end in zip(found, [f[0] for f in found[1:]] + [len(paras)]):
        items = _headings(paras[start + taken:end], in_part=True)
        for item in items:
            if isinstance(item, Section):
                item.level += 1
        parts.append((start, part, taken, items))
    return parts


def _in_parts(paras):
    """The headings of a text typed in parts (``text_parts``), the numbers starting again in each;
    the whole text's otherwise."""
    parts = text_parts(paras)
    items = _headings(paras[:parts[0][0]] if parts else paras)
    for _, part, _, inner in parts:
        items += [part] + inner
    return items


def _headings(paras, in_part=False):
    """Headings found in paragraphs no file style marks: by typed numbers, else as short bare
    or bold lines, else a first 一是 alone; lead-in sentences (_lead_sentences) too."""
    tops = bare_parents([p.text.strip() for p in paras])
    items = _under_parents(paras, tops) if tops else _paper_parts(_numbered(paras))
    if not any(isinstance(i, Section) for i in items):
        items = _bare(items, in_part)
    items = _bold(items, paras)
    if not any(isinstance(i, Section) for i in items):    # no heading else: a first 一是 alone
        items = _paper_parts(_numbered(paras, lone=True))
    return _lead_sentences(items)


def bare_parents(texts):
    """Where a text's numbers start again under bare lines (强化组织建设，筑牢战斗堡垒 / 1.规范
    组织生活。…… / 2.…… / 发展特色产业，促进群众增收 / 1.……): the indexes of the lines that head
    its level-1 parts, each run a level below, where runs (not of 一是 leads, nor a list's items
    ending on ；) so start under a heading's shape (an action, parallel phrases, a section's name
    or a short name and a colon; no lead-in, 下面从三个方面汇报, no table's or list's name, 参考资料)
    and no number but 一是 leads stands above the first; a short section name met once, first in
    the text or after a paragraph, and outside a run (基本情况, 存在问题; not a genre's name under
    the title) heads one too. Two runs, or one beside such a name. Nothing after a 落款's date. []
    for a text not so typed. ``format`` (through the outliner) and ``lint`` read it so."""
    # (most texts: no line that no number opens over one that a first number may, 1. 一、 （一）)
    if sum(1 for a, b in zip(texts, texts[1:]) if b[:1] in "1１一（(" and a[:1] not in _MARK_FIRST
           and not a[:1].isdecimal()) < 2:
        return []
    texts = texts[:closing_at(texts)]
    marks = [marker(t) for t in texts]
    # the line of the first item under each line: the next, or the one after a lead-in (具体做法是：,
    # 主要采取了以下措施：), not after a name that may head a part itself (主要举措：)
    first = [i + 2 if i + 2 < len(texts) and not marks[i + 1] and leads_in(texts[i + 1]) and (
             _names_a_list(texts[i + 1]) or not (bare_shape(texts[i + 1]) or _COLON_LABEL.match(texts[i + 1])))
             else i + 1 for i in range(len(texts))]
    heads = [i for i in range(len(texts) - 1) if not marks[i] and (m := marks[first[i]]) and m[1] == 1
             and m[0] not in (*LEAD_ONLY, "●") and split_heading(m[3])
             and not m[3].rstrip().endswith(("；", ";"))    # (not a list's)
             and (bare_shape(texts[i]) or _COLON_LABEL.match(texts[i])) and not _names_a_list(texts[i])]
    # every such line of a heading's shape over a first item whose heading is short enough for
    # lint to read as one (HEADING_MAX), or none: a draft is not numbered in part
    if not all(_parent_shaped(texts[i]) and len(split_heading(marks[first[i]][3])[0]) <= 60 for i in heads):
        return []
    if not heads or len({marks[first[i]][0] for i in heads}) > 1 or len({texts[i] for i in heads}) < len(heads) or any(
            m and m[0] not in LEAD_ONLY for m in marks[:heads[0]]):     # (一是 leads above are text)
        return []
    run = marks[first[heads[0]]][0]                   # the runs' style: no decimal (figures head those:
    if run in DECIMAL_STYLES or any(                  # 1 基本情况 / 1.1 ……), none above it (一、 above 1.)
            m and m[0] in _ORDER and _ORDER.index(m[0]) < _ORDER.index(run) for m in marks):
        return []
    after, below = [None] * len(texts), None          # the number below each line, if any
    for i in range(len(texts) - 1, -1, -1):
        after[i], below = below, marks[i] or below
    seen = Counter(texts)
    names = [i for i in range(len(texts) - 1) if not marks[i] and i not in heads and len(texts[i]) <= 8
             and bare_shape(texts[i]) and names_section(texts[i]) and seen[texts[i]] == 1
             and not texts[i].startswith(("—", "-", "（", "(")) and not _GENRE_END.search(texts[i])
             and not _names_a_list(texts[i])
             and (i == 0 or not re.search(r"如下|下表|见表|如表", texts[i - 1])    # (a table's name under ……如下表所示。)
                  and not bare_shape(texts[i - 1]))                             # (the text's first line: under the title)
             and not bare_shape(texts[i + 1]) and (after[i] is None or after[i][1] == 1)]
    # two runs that start again, or one beside a section's name (主要做法 / 一是…… / 存在问题 / 1.……)
    return sorted(heads + names) if len(heads) > 1 or names else []


_ORDER = [style for style, _ in STYLES]               # the number styles, 一、 above （一） above 1. …
_NOT_PARENT = re.compile(r"如下|以下|下面|包括|主要有|分别|汇报|介绍|步骤|[一二三四五六七八九十两几]\s*(?:个方面|件事|项)"
                         r"|参考|文献|成员|名单|附|注释|[表图单册]$|统计$|指标$")


# a short name alone on its line before a colon, no sentence's end in it (品牌效应：, not 主要表现在：),
# nor what someone said (会议指出：, 书记强调：, 会议提出：; but 工作要求：)
_COLON_LABEL = re.compile(r"^(?![\u4e00-\u9fff“”]*(?:指出|强调|认为|表示|说|讲|指示|批示|号召|决定|通报|传达)[：:])"
                          r"(?!(?:会议|会上|[\u4e00-\u9fff]{0,6}(?:书记|同志|领导|部长|主任|局长|组长|部|委))"
                          r"(?:要求|提出|明确|部署|研究|审议|听取)[：:])"
                          r"(?![我你](?!们)|.*们[：:]|.*(?:提|讲|谈|说|强调)[^：:]{0,2}[一二两三四五六七八九十几]\s*(?:点|个|条|项|方面))"
                          r"[\u4e00-\u9fff“”]{2,11}[^\W是的了在于和与及对把将为有如][：:]$")   # (同志们：, 我再提三点要求：)


def _names_a_list(text):
    """A lead-in, a table's or a list's name or a caption: a line that heads no part."""
    return bool(_NOT_PARENT.search(text) or _CAPTION_LINE.match(text))


def _parent_shaped(text):
    """A bare line of a heading's shape: an action, parallel phrases, a section's name, or a
    short name and a colon (主要举措：)."""
    return text.startswith(ACTIONS) or _phrases(text) or bool(label_of(text) or _COLON_LABEL.match(text))


def _under_parents(paras, tops):
    """Items of a text whose level-1 headings are the bare lines at ``tops`` (``bare_parents``),
    the numbered headings under each a level below (none after a 落款's date)."""
    end = closing_at([p.text.strip() for p in paras])
    items = [p.text.strip() for p in paras[:tops[0]]]
    for top, stop in zip(tops, tops[1:] + [end]):
        items.append(_section(paras[top].text.strip(), 1))
        for item in _numbered(paras[top + 1:stop]):
            if isinstance(item, Section):
                item.level = min(item.level + 1, 4)
            items.append(item)
    return items + [p.text.strip() for p in paras[end:]]


def closing_at(texts):
    """The index of a text's 落款 date line (CLOSING_DATE), or its length."""
    return next((i for i, t in enumerate(texts) if CLOSING_DATE.match(t)), len(texts))


def _bold(items, paras):
    """Short lines a .docx shows in bold alone are headings when text of their own follows
    them, or a bold heading does (a part over its points). In a text with no other heading,
    a part is of the first level, a point under it of the second (unless it names a section:
    存在的问题), others of the first; else a bold line is one level under the heading it sits
    under when that has no numbered heading below it (一、主要做法 over bold 强化政治引领 …)."""
    heavy, parts = set(), set()
    for i in range(len(paras) - 1, -1, -1):
        text, after = paras[i].text.strip(), paras[i + 1] if i + 1 < len(paras) else None
        if paras[i].bold and after is not None and _bold_heading(text):
            if not after.bold:
                heavy.add(text)
            elif after.text.strip() in heavy:
                heavy.add(text)
                parts.add(text)
    if not heavy:
        return items
    # headings found otherwise that are bold lines too are read again with the rest
    alone = all(x.raw in heavy for x in items if isinstance(x, Section))
    out, base, under = [], 0 if alone else None, False
    for i, item in enumerate(items):
        text = item.raw if isinstance(item, Section) else item.strip()
        if isinstance(item, Section) and not alone:
            childless = not any(isinstance(later, Section) and later.level > item.level
                                for later in itertools.takewhile(
                                    lambda x: not isinstance(x, Section) or x.level > item.level, items[i + 1:]))
            base, under = item.level if childless else None, False
        elif text in heavy and base is not None:
            level = base + 2 if under and text not in parts and not label_of(text) else base + 1
            under = text in parts or (under and level == base + 2)
            out.append(_section(text, min(level, 4)))
            continue
        out.append(item)
    return out


def _bold_heading(text):
    """A bold line that may head: no sentence, no lead-in (特别需要指出的是), no 落款 line."""
    return (2 <= len(text) and text[-1] not in "。！？!?；;…：:，,是的了在于和与及对把将" and "。" not in text
            and not CLOSING_DATE.match(text) and not SIGNER.match(text))


def _explicit(paras):
    """Headings the file marks (Word's heading styles, Markdown's #; one run into its text
    keeps only its heading), and under them a short numbered line with no sentence in it: at
    the level its number style has among the marked ones, else one level down (a list
    1.拓宽选拔渠道 under ## 对策建议; not a list's under a lead-in, numbering.lead_in_lists). Parts
    (第一部分 ……) in a heading style are level 1, and the other marked headings a level below
    them when they share their style's level."""
    parts = {i: part for i, p in enumerate(paras) if p.level and (part := _part_heading(paras, i))}
    names = {i + 1 for i, (_, taken) in parts.items() if taken == 2}        # 第一部分 / its name on the next line
    top = min((paras[i].level for i in parts), default=0)
    shift = int(any(p.level and p.level <= top and i not in parts and i not in names for i, p in enumerate(paras)))
    items, last, styles = [], 0, {}
    marks = [marker(p.text) for p in paras]
    listed = _marked_lists(paras, marks)
    for i, p in enumerate(paras):
        if i in names:
            continue
        m = marks[i]
        typed, raw = (m[2], m[3]) if m else ("", p.text.strip())
        style = (label_style(p.text) or (None,))[0]
        if i in parts:
            items.append(parts[i][0])
            last = 1
        elif p.level:
            level = p.level + shift
            split = split_heading(raw)       # a heading run into its text in a heading style: the text is body
            items += [_section(split[0], level, typed), split[1]] if split and split[1] else [
                _section(raw, level, typed)]
            last, styles[style] = level, level
        elif m and last and len(raw) <= 30 and not re.search(r"[。！？；，,：:]", raw) and i not in listed:
            # 二、存在问题 left unstyled beside a styled 一、 is of 一、's level
            items.append(_section(raw, styles.get(style, min(last + 1, 4)), typed))
        else:
            items.append(p.text.strip())
    return items


def _marked_lists(paras, marks):
    """Lines of a text whose headings a file marks that are a list's items under a lead-in
    (numbering.lead_in_lists); none where only marked headings carry numbers."""
    if not any(m and not p.level for m, p in zip(marks, paras)):
        return set()
    labels = [(m[0], m[1], _family(m[0])) if m else UNNUMBERED if p.level else None for m, p in zip(marks, paras)]
    # whether a heading runs into a line matters only where a list may stand, and for a lead-in
    run_ins = [bool(m and (not p.level or leads_in(p.text)) and (split := split_heading(m[3])) and split[1])
               for m, p in zip(marks, paras)]
    return lead_in_lists(labels, [p.text for p in paras], run_ins)


def _section(raw, level, typed=""):
    raw = raw.strip()
    heading = raw if _LOST.search(raw) else raw.rstrip(_STRIP_END)      # 新格??: kept as typed
    return Section(heading, level, number=typed, raw=raw)


def _family(style):
    """The family of a number style for numbering.Levels: bracketed or not, or None for one that
    never stands for another (一是, 第一，)."""
    return None if style in NO_FAMILY else "（" if style in BRACKETED else ""


def _numbered(paras, lone=False):
    """Headings from typed numbers (levels as ``numbering.read_levels`` reads them); the rest
    stay paragraphs (strings). ``lone``: a first 一是 or 第一， may head a paragraph alone."""
    texts = [p.text.strip() for p in paras]
    marks = [marker(t) for t in texts]
    marks = decimal_labels(marks, lambda i: (f := figure_label(texts[i])) and (f[0], f[1], f[3], texts[i][len(f[3]):].lstrip()),
                           texts)
    lead_ok = _lead_sequences(marks, texts, lone)
    splits, labels = [], []
    for i, m in enumerate(marks):
        split = None
        if m and m[3].rstrip().endswith(("；", ";")) and i + 1 < len(marks) and marks[i + 1]:
            m = None                # an item of a list: 1、村干部基本报酬180万元； / 2、……
        if m:
            style, value, typed, rest = m
            if style in LEAD_ONLY:
                split = (lead_split(rest, style) or _whole_line(rest)) if i in lead_ok else None
            elif style == "●":
                split = _bullet_split(rest, texts[i + 1] if i + 1 < len(texts) else "")
            else:
                split = split_heading(rest)
        splits.append(split)
        labels.append((m[0], m[1], _family(m[0])) if split else None)
    numbers = {i: (m[0], m[1], _family(m[0])) for i, (m, split) in enumerate(zip(marks, splits))
               if m and split is None and m[0] not in LEAD_ONLY and m[0] != "●" and sentence_item(m[3])}
    for i in counted_between(labels, numbers):       # a long item counting between headings heads its place
        splits[i], labels[i] = (marks[i][3].strip(), ""), numbers[i]
    # a figure's heading that names a part of a report may be a mistyped Chinese number (numbering.read_levels)
    named = {i for i, (label, split) in enumerate(zip(labels, splits)) if label and "1" in label[0] and label_of(split[0])}
    run_ins = [bool(split and split[1]) for split in splits]
    for i in lead_in_lists(labels, texts, run_ins):
        labels[i] = None              # a list under a lead-in (取得了以下成效： / 1.…… / 2.……) stays text
    items = []
    levels = read_levels(labels, resume=True, named=named, after_leads=after_lead_in(labels, texts, run_ins))
    for text, m, split, level in zip(texts, marks, splits, levels):
        if level:
            items.append(_section(split[0], level, m[2]))
            if split[1]:
                items.append(split[1])
        else:
            items.append(text)
    return items


_PART_LEAD = re.compile(r"^(?:引言|前言|摘要|结语)\s*[:：]")      # 引言：党建工作的时代背景: a section, no title
# a line naming a part of the paper: 引言：, 主体：, 结语; of those, 前言 and 结束语 of a text in
# parts (第一部分 ……) stand beside its parts
_PART_LINE = re.compile(r"^(引言|前言|主体|正文|结语|结束语|结论|附件|附录)\s*[:：]?$")
_ASIDES = ("引言", "前言", "结语", "结束语")


def _paper_parts(items):
    """Lines naming the parts of a paper (引言：, 主体：) above numbered headings, as level-1
    headings; the numbered headings after 主体 or 正文 go one level down, under it."""
    if not any(isinstance(i, Section) for i in items):
        return items
    out, shift = [], 0
    for item in items:
        part = _PART_LINE.match(item) if isinstance(item, str) else None
        if part:
            item, shift = _section(part[1], 1), int(part[1] in PARTS)
        elif isinstance(item, Section):
            item.level = min(item.level + shift, 4)
        out.append(item)
    return out


def _bullet_split(rest, after):
    """A bullet's line as ``(heading, "")``: short, no number or sentence, with text below it
    (``after``); a bullet list's items stay body."""
    rest = rest.strip()
    if (2 <= len(rest) <= 30 and not re.search(r"[\d。！？；]", rest) and not _ORG.match(rest)
            and len(after) >= 40 and not marker(after)):
        return rest, ""
    return None


def _whole_line(rest, limit=40):
    """``(rest, "")`` when a numbered paragraph is one short sentence, a line of its own."""
    rest = rest.strip()
    sentence = _SENTENCE.match(rest)
    return (rest, "") if sentence and sentence.end() == len(rest) <= limit and not _LISTED.search(rest) else None


_SIBLING = {"一是": "二是", "第一，": "第二|其次"}


def _lead_sequences(marks, texts, lone=False):
    """Indexes of 一是/第一， paragraphs that have a sibling counting on from them, and (``lone``)
    of a first one that is a sentence on a line of its own over a paragraph, with no 二是 or
    第二 anywhere below it (the page cut its siblings off)."""
    def heads(k):
        """A lead that heads text: its own paragraph's, or (a line of its own) the next one's,
        unless the text is cut off there; not one of a list of short lines (一是…。 二是…。)."""
        split = lead_split(marks[k][3], marks[k][0])
        return split and (split[1] or k + 1 == len(texts) or not marks[k + 1] and texts[k + 1].strip())

    ok = set()
    for i, m in enumerate(marks):
        if (lone and m and m[0] in LEAD_ONLY and m[1] == 1 and i + 1 < len(texts) and _whole_line(m[3])
                and len(texts[i + 1]) >= 40 and not marks[i + 1]
                and not re.search(_SIBLING[m[0]], "".join(texts[i + 1:]))):
            ok.add(i)
        if not m or m[0] not in LEAD_ONLY or not heads(i):
            continue
        for j in range(i + 1, len(marks)):
            n = marks[j]
            if n and n[0] == m[0] and n[1] == m[1] + 1 and heads(j):
                ok.update((i, j))
                break
            if n and n[0] not in LEAD_ONLY:
                break
    return ok


# the end of a unit's name: 中共桐溪镇委员会, 某县委组织部, 某集团党委, 调研组
_UNIT = re.compile(r"(委员会|党?[工总]?委|党组|支部|部|办公室|局|厅|院|所|中心|公司|集团|学校|大学|组)$")
# an organisation's name printed as a banner or byline: 某县卫生健康委员会, 市委组织部课题组
_ORG = re.compile(r"^[^\s—]{2,14}(?:委员会|党委|党工委|党总支|党支部|党组|组织部|宣传部|统战部|办公室|人民政府|"
                  r"课题组|调研组|有限公司|集团)$")


def _bare(items, in_part=False):
    """Short bare lines as level-1 headings, when there are at least two of them, or one that
    reads as a heading (names a section, or two short parallel clauses). A unit's name among
    the short lines above the first paragraph (under a ——subtitle) is not one; in a part
    (第一部分 ……) nothing is above its first paragraph but its headings."""
    top = 0 if in_part else next((i for i, t in enumerate(items) if len(t) >= 40), len(items))
    names = [_label_line(t) or t for t in items]
    # a label line may head a few fields (名称： … 释义： …) before its text
    # (or a line that announces a list: ……完成了以下工作：)
    announces = [len(t) >= 10 and t.endswith(("：", ":")) for t in items]
    text_after = [len(items[i + 1]) >= 40 or ((names[i] != t or announces[i + 1] or _lead_in(items, i + 1))
                                              and any(len(n) >= 40 for n in items[i + 1:i + 5]))
                  for i, t in enumerate(items[:-1])]
    cut_short = [_cut_short(items, i) for i in range(len(items) - 1)]
    picks = [i for i, t in enumerate(names[:-1]) if (bare_shape(t) or _sentence_line(t))
             and not t.startswith(("——", "—", "--"))          # a subtitle or an attribution
             and (text_after[i] or cut_short[i])
             and (cut_short[i] or not bare_shape(items[i + 1])) and not (i < top and (_UNIT.search(t) or not (label_of(t) or _PLACE.match(t) or _headline(t))))]
    if all(cut_short[i] for i in picks):
        picks = []                     # a heading the page cuts short only stands beside others
    # one bare line is a heading when it reads as one, or sits short between two paragraphs and
    # opens with an action or names something in quotes (筑牢根基, “老大”当上了街区书记)
    one = names[picks[0]] if len(picks) == 1 else ""
    single = bool(one) and (_headline(one) or (
        len(items[picks[0] - 1]) >= 40 and len(one) <= 16 and not re.search(r"\d", one)
        and (one.startswith(ACTIONS) or "“" in one)))
    if len(picks) < 2 and not single:
        return items
    # a "name: phrase" line right over another, after a paragraph, heads it and those after it
    # (党建引领：… / 班子建设：… / 正文), where the text has two or more such (a caption or a
    # closing line over a heading does not: it names nothing)
    parents = {i for i in range(max(top, 1), len(items) - 1) if i not in picks and i + 1 in picks
               and bare_shape(items[i]) and len(items[i - 1]) >= 40
               and _NAMED_LEAD.match(items[i]) and _NAMED_LEAD.match(items[i + 1])}
    parents = parents if len(parents) >= 2 else set()
    return [_section(names[i], 1 if i in parents or not any(p < i for p in parents) else 2)
            if i in picks or i in parents else t for i, t in enumerate(items)]


def _cut_short(items, i):
    """Whether bare line ``i`` may be a heading whose text the page cuts short: it follows a
    paragraph, and below it are at most a whole sentence and the start of one that breaks off
    at the end of the page (……支队坚持应); no field (组长：…), credit or list of short lines."""
    end, line = items[-1], items[i]
    return (0 < i and len(items) - i <= 3 and len(items[i - 1]) >= 40 and not _UNIT.search(line)
            and not re.search(r"[：:()（）]", line) and end[-1] not in _ENDS + "”\"）)"
            and all(len(n) < 40 and _CLAUSES.search(n) and not re.search(r"[：:()（）]", n) for n in items[i + 1:])
            and all(n.endswith("。") for n in items[i + 1:-1]))


def _lead_in(items, k):
    """Whether item ``k`` is a short sentence leading into run-in paragraphs, two or more of them
    (组织融合是…“红色引擎” / 农商银行应推进……有效衔接。 / 推进组织覆盖有形有效。…… / 夯实基层战斗堡垒。……);
    not a dateline, a picture's credit, a salutation or a field (同志们：, 参会人员：……。)."""
    return (k + 2 < len(items) and items[k].endswith("。") and not re.search(r"[:：]", items[k])
            and bool(lead_shape(items[k + 1])) and bool(lead_shape(items[k + 2])))


def _label_line(text):
    """The name of a label line that ends on a colon or a dash (创建背景与动因：, 品牌介绍 —);
    a field's short name (名称：) is not one."""
    name = re.sub(r"\s*(?:[:：]|[—－-]+)$", "", text)
    # a sentence that announces a list (……主要完成了以下工作：) is not a name
    return name if (name != text and len(name) >= 4 and bare_shape(name) and not _CLAUSES.search(name)
                    and not re.search("以下|如下", name)) else None


def _sentence_line(text):
    """A heading typed as one short sentence on its own line: 实施“联开工程”，整合各项资源。, also
    when a category's name is its object (聚焦重点内容，强化原因分析。), but not a regulation's
    article (第一条  为加强支部建设，制定本制度。)."""
    return (text.endswith("。") and len(text) <= 32 and text.count("。") == 1 and _headline(text)
            and (not label_of(text) or text.startswith(ACTIONS) and _phrases(text)) and not _ARTICLE.match(text))


_ARTICLE = re.compile(rf"^第\s*[{CN}百\d]+\s*条")


def _headline(text):
    return bool(label_of(text)) or _phrases(text)


def _phrases(text):
    """Two or three short parallel phrases: 聚焦重点内容，强化原因分析。"""
    clauses = [c for c in _CLAUSES.split(text.rstrip("。")) if c]
    return 2 <= len(clauses) <= 3 and all(4 <= len(c) <= 14 for c in clauses)


# a heading set between dashes at the start of its paragraph: ——抓班子队伍强核心——几年来，…
_DASHED = re.compile(r"^——([^—。，,]{2,20})——(?=\S)")
# or a counted label and its name parted by a dash, as the paragraph's first sentence: 一张网——……平台。……
_LABELLED = re.compile(rf"^([{CN}两]+[个张本幅条套批支面把片份项台道][^—。，,；;\s]{{0,4}}——[^—。，,；;]{{2,20}})。(?=\S)")


def _tail_heading(text):
    """``(body, heading)`` when a paragraph ends on a heading-shaped sentence that a flattened
    page ran into it: ……具体行动措施。创新方式方法，实现学习教育“多样化”。"""
    if not text.endswith(("。", "！", "？")):
        return None
    sentences = re.findall(r"[^。！？]*[。！？]", text)
    if len(sentences) < 2:
        return None
    last = sentences[-1]
    core = last.rstrip(_STRIP_END)
    clauses = [c for c in _CLAUSES.split(core) if c]
    if (len(clauses) == 2 and len(core) <= 25 and not re.search(r"\d", core)
            and all(4 <= len(c.replace("“", "").replace("”", "")) <= 14 for c in clauses)
            and text.endswith(last)):
        return text[:-len(last)], last
    return None


# a short name on a line of its own, ending on a colon: 组织建设：, 成效： (not 具体如下：)
_NAME_LINE = re.compile(r"^(?!.*(?:如下|以下|包括|主要有|分别))([\u4e00-\u9fff“”]{2,10})\s*[:：]$")


def _lead_sentences(items):
    """Turn stretches of paragraphs led by heading-like sentences into headings."""
    out, stretch, parent = [], [], 0

    def shape(text):
        m = marker(text)
        return None if m and m[0] == "一是" else lead_shape(text)

    def flush():
        named = [m if m and (len(m[1]) >= 4 or label_of(m[1])) else None     # not a field: 名称：
                 for m in map(_NAME_LINE.match, stretch)]
        if parent and sum(1 for m in named if m) >= 2:       # 组织建设： … 队伍建设： … under a heading
            out.extend(_section(m[1], min(parent + 1, 4)) if m else t for m, t in zip(named, stretch))
            stretch.clear()
            return
        shapes = [shape(t) for t in stretch]
        hits = sum(1 for s in shapes if s)
        room = sum(1 for t in stretch if len(t) >= 50)   # paragraphs long enough to carry one
        # one short lead under a heading, worded as an action: 明确责任传压力。按照……
        single = (hits == 1 and shapes and shapes[0] and parent and len(shapes[0][0]) <= 11
                  and not _CLAUSES.search(shapes[0][0]) and shapes[0][0].startswith(ACTIONS))
        # one paragraph led by two heading-shaped sentences: a heading and the first below it
        first = next((s for s in shapes if s), None)
        double = hits == 1 and not parent and not marker(first[1]) and lead_shape(first[1]) if first else None
        # most long paragraphs led so, or a third when the leads are slogans in quotes (小网格……大平台)
        quoted = all("“" in found[0] for found in shapes if found)
        if double:
            for text, found in zip(stretch, shapes):
                if found:
                    out.extend([_section(found[0], min(parent + 1, 4)), _section(double[0], min(parent + 2, 4))])
                    text = double[1]
                out.append(text)
        elif (hits >= 2 and (hits * 2 >= room or (quoted and hits * 3 >= room))) or single:
            for k, (text, found) in enumerate(zip(stretch, shapes)):
                tail = None
                if hits >= 2 and k + 1 < len(stretch) and not shapes[k + 1]:
                    tail = _tail_heading(found[1] if found else text)
                if found:
                    out.append(_section(found[0], min(parent + 1, 4)))
                    text = found[1]
                if tail:
                    out.append(tail[0])
                    out.append(_section(tail[1], min(parent + 1, 4)))
                else:
                    out.append(text)
        else:
            out.extend(stretch)
        stretch.clear()

    for item in items:
        if isinstance(item, Section):
            flush()
            out.append(item)
            parent = item.level
        elif (_DASHED.match(item) or _LABELLED.match(item)) and parent:
            flush()
            run = _DASHED.match(item) or _LABELLED.match(item)
            out.append(_section(run[1], min(parent + 1, 4)))
            out.append(item[run.end():])
        else:
            stretch.append(item)
    flush()
    return out


_CUE_OF = {}
for _table, _weight in WEIGHTS:
    for _category, _words in _table.items():
        for _word in _words:
            _CUE_OF.setdefault(_word, []).append((_category, _weight))
# every cue word, longest first; overlapping words (问题, 问题和不足) are each found by lookahead
_CUE_FROM = {}
for _word in sorted(_CUE_OF, key=len, reverse=True):
    _CUE_FROM.setdefault(_word[0], []).append(_word)
_CUE = re.compile("(?=(" + "|".join(sorted(map(re.escape, _CUE_OF), key=len, reverse=True)) + "))")
_LABEL_WORDS = {word for words in LABELS.values() for word in words}
_LABEL_ENDS = tuple(_LABEL_WORDS)


def cue_scores(text):
    """Category → (score, first position) from the cue words in ``text``; each word counts once."""
    scores, seen, cover = {}, set(), (0, 0)      # cover: the last label found, (start, end)
    for match in _CUE.finditer(text):
        at = match.start()
        for word in _CUE_FROM[text[at]]:         # longest first
            end = at + len(word)
            if word in seen or not text.startswith(word, at) or (
                    cover[0] <= at and end <= cover[1] and end - at < cover[1] - cover[0]):
                continue             # (a word inside a longer label is that label's: 基本情况 in 调查的基本情况)
            seen.add(word)
            if end > cover[1] and word in _LABEL_WORDS:
                cover = (at, end)
            for category, weight in _CUE_OF[word]:
                score, first = scores.get(category, (0, at))
                scores[category] = (score + weight, min(first, at))
    for category, shape in _SHAPES:
        match = shape.search(text)
        if match and not text.startswith(ACTIONS) and not _CLAUSES.split(text)[-1].startswith(ACTIONS):
            # 优化队伍结构, 聚焦……明显提升, 以……为重点，促进……全面提升: work done
            score, first = scores.get(category, (0, match.start()))
            scores[category] = (score + 2, min(first, match.start()))
    return scores


# how a heading that states a result or a state ends: 组织建设持续深化, 农村党员自然结构, 某村发展情况
_SHAPES = (("成效", re.compile(r"(?:持续|不断|明显|显著|稳步|全面|日益|逐步|大幅|进一步)"
                              r"(?:深化|加强|提升|提高|增强|扩大|改善|巩固|完善|规范|夯实|优化|增加|强化)$")),
           ("概述", re.compile(r"[\u4e00-\u9fff]{2}(?:结构|构成|(?<!落实|完成|开展|推进|实施|工程|工作|整改|执行|贯彻|办理|推动)[情状]况)$")),
           ("问题", re.compile(r"(?:问题|不足|软弱涣散[\u4e00-\u9fff]{0,8}?)的?(?:主要)?表现$")),
           ("概述", re.compile(r"(?:要义|内涵|意义)$")))      # 核心要义与时代内涵, 研究意义, but not 丰富内涵 (an action)


_COORD = re.compile(r"(?<![参给])(?:和|及|与)(?![时谐会早此])")     # 和, 及, 与 joining two things, not 及时, 参与


def _best(scores, text=""):
    """The strongest category. Between equals: the one named after a 的, since a noun phrase
    ends on its head (问题产生的原因 is about 原因); else not 概述, which is only the setting
    (基本情况和主要做法 is about 做法); else the one named first (主要工作及成效), unless the heading is
    one phrase that ends on the other's name after 工作, its head (上半年主要工作成效 is about 成效)."""
    if not scores:
        return None
    top = max(score for score, _ in scores.values())
    tied = sorted((at, c) for c, (score, at) in scores.items() if score == top)
    de = text.rfind("的")
    coord = _COORD.search(text, 0, max(de, 0))
    if coord and tied[0][0] < coord.start() < tied[-1][0]:
        de = -1           # 存在的问题和产生问题的原因: two things named, either side of 和, the first leads
    after_de = [(at, c) for at, c in tied if de >= 0 and at > de] or tied
    substantive = [(at, c) for at, c in after_de if c != "概述"] or after_de[:1]
    (first, _), (last, head) = substantive[0], substantive[-1]
    if (first < last and head in LABELS and text.endswith(LABELS[head]) and text[:last].endswith("工作")
            and not _COORD.search(text, first, last) and not _CLAUSES.search(text)):
        return head
    return substantive[0][1]


def names_section(text):
    """A line that is a section's name (基本情况, 主要做法, 原因分析), ending on the word that names
    it: no byline under a title (县委对策研究室, 问题整改专班), no ——subtitle."""
    text = text.strip()
    return (bool(label_of(text)) and not text.startswith(("—", "-"))
            and any(t.endswith(_LABEL_ENDS) for t in (text, re.sub(r"(?:分析|工作|情况|方面)$", "", text))))


def label_of(text, scores=None):
    """The category a heading names outright (存在问题, 下一步工作 …), or None."""
    scores = cue_scores(text) if scores is None else scores
    return _best({c: s for c, s in scores.items() if s[0] >= 4}, text)


# results named as an aim: 确保工作实效, 见实效, 求实效, 突显实效, 确保……取得实际成效
_PURPOSE = re.compile(r"(?:确保|见|求|突显|务求|力求)[^，,。；;\s]{0,10}(?:实效|成效)$")


def _objects_aside(heading, scores, later):
    """``scores`` without the categories an action heading names only as what it works on: its
    aim (重督导严考核，确保工作实效; but 基层党建工作见实效 states a result), or, before any problem
    section, a problem or a cause in parallel phrases (聚焦重点内容，强化原因分析; not 深入剖析问题根源
    of a 对照检查材料, nor 推进中存在的问题)."""
    acts, phrased = heading.startswith(ACTIONS), bool(_CLAUSES.search(heading))
    aside = set()
    if _PURPOSE.search(heading) and (acts or phrased):
        aside.add("成效")
    if acts and phrased and not later and not re.search("存在|的", heading):
        aside |= {"问题", "原因"}
    return {c: s for c, s in scores.items() if c not in aside} if aside & scores.keys() else scores


def classify(sections):
    """Set ``category`` on every section: own cues at the top, inherited below."""
    parents, later = [], False
    for s in sections:
        while parents and (parents[-1].level >= s.level or parents[-1].heading in PARTS):
            parents.pop()    # the sections of the paper's 主体 are read as top-level ones
        scores = _objects_aside(s.heading, cue_scores(s.heading), later)
        own = label_of(s.heading, scores)
        if parents:
            names = own and not s.heading.startswith(ACTIONS) and (
                len(s.heading) <= 12 or any(s.heading.endswith(w) for w in LABELS[own]))
            s.category = own if names else parents[-1].category
        elif s.heading in PARTS:
            s.category = "其他"
        else:
            s.category = own or _best(scores, s.heading) or ("其他" if later else "做法")
            later = later or s.category in LATER
        parents.append(s)
    return sections


GENRES = (("调研报告", ("调查", "调研", "思考", "研究")),
          ("工作总结", ("总结", "汇报", "报告", "情况")),
          ("经验交流材料", ()))


def genre(title):
    for name, words in GENRES:
        if any(w in title for w in words):
            return name
    return GENRES[-1][0]


def outline_file(path):
    """Read, clean and outline one file."""
    return outline(clean(read_document(path)), str(path))


def outline_text(text, file=""):
    return outline(clean([Para(line) for line in text.splitlines()]), file)
