"""Cleaning web-scraped reports: each step is a small function on a list of Paras.

    to_simplified       Traditional → Simplified (OpenCC's t2s tables), pinyin 關(guān) removed
    part_lines          a .docx paragraph run over manual line breaks parted at sentence ends
    join_pages          a previewed document's pages (1、… 2、…) joined back
    strip_boilerplate   site headers, banners, URLs, breadcrumbs, notices, footers, link lists, "猜你喜欢" tails
    drop_contents       a table of contents, or a site's outline preview, above the text
    drop_repeats        a report pasted twice into the same file
    join_wrapped        hard line-wraps in the middle of sentences
    split_flattened     paragraphs that a PDF or a page ran together, parted again (一、主要做法（一）… too)

``clean`` runs them all in that order. Paras that a file marked as title or
heading (``level`` set) are never dropped or joined.
"""
import itertools
import re
from collections import Counter
from functools import lru_cache

from generator.corpus.reading import Para
from generator.normalize import CLOSING_DATE, PAGE_NUMBER, SIGNER
from generator.numbering import strip_number

# a line that is entirely site furniture
_BOILER_LINE = re.compile(
    r"^\s*(?:"
    r"(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*)?"                 # a field, after the page's date or not
    r"(?:发布时间|发布日期|更新时间|更新日期|上传时间|时间|日期|点击数|点击|浏览次数|阅读|作者|来源|推荐人|责任编辑|编辑|"
    r"关键词|关键字|导语|摘要来源|文章来源|信息来源|所属栏目|栏目|发布于|人气|热搜|指导老师|指导教师|网站客服|大小|页数|格式|ID)"
    r"\s*[:：].*"
    r"|(?:网站|移动端)\s*[:：][^，。,；]{0,40}(?:\|.*)?"
    r"|(?:当前位置|您的位置|你的位置)|[^。>]{1,20}(?:\s*>\s*[^>。]{1,12}){2,}\s*>?"
    r"|(?:首页|主页|网站首页)\s*[>›»].*|(?:首页|主页)[^。，,！!：:]{2,40}"
    r"|(?:您好|你好)?\s*[,，!！]?\s*欢迎(?:访问|来到|光临|您访问).{0,30}"
    r"|【[^【】]*(?:www\.|https?://|\.com|\.cn|\.net|\.org)[^【】]*】|(?:https?://|www\.)\S+"
    r"|\d+\s*(?:阅读|浏览|人阅读)|分享|(?!经验|心得|体会|交流|成果|资源|信息|知识|学习)[\u4e00-\u9fff]{2,4}分享"
    r"|栏目|收藏|打印|下载文档|编\s*者\s*按|文\s*[/／]\s*\S{2,12}"
    r"|.{0,8}(?:部分内容阅读|全文阅读|在线阅读)|[\u4e00-\u9fff]{2,4}(?<!报告|总结|小结|材料|讲话|发言)范文"
    r"|[\u4e00-\u9fff]{1,6}(?:范文站|公文网|写作网)"
    r"|\S{2,10}\s+首页"
    r"|[^。，,；;！!？?]{0,20}?(?:[a-z0-9-]+\.)+(?:com|cn|net|org)[^\s。，,；;！!？?]*|(?:索引号|组配分类|主题分类|发文机关|成文日期)\s*\S.*|[^。，,]{2,30}(?:路|街|道|号院)\d+号[^。，,]{0,20}"
    r"|(?:作者简介|中图分类号|文献标识码|文章编号|基金项目|资料图片|图片来源)\s*[:：。.].*"
    r"|[-–—•·]?\s*\d{1,2}\s*[、.．]\s*.*(?:文档|下载|VIP|版权|上传|会员|付费).*"
    r"|[?？·•\s]+|■\s*[^\s。，,]{0,16}(?:课题组|调研组|记者|通讯员|报道组)(?:\s*\S{2,4})?"
    r"|[^\s。，,]{0,12}(?:记者|通讯员)(?:\s*[:：]\s*|\s+)[\u4e00-\u9fff·]{2,4}(?:\s+[\u4e00-\u9fff·]{2,6}){0,4}?"
    r"\s*(?:报道|电|讯|摄)|(?:记者|通讯员)\s*[:：]\s*(?!您|你|谢谢|请问)[\u4e00-\u9fff·]{2,4}"   # a byline: ……通讯员 李某 青岚报道, 记者：王某
    r"|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*\d{1,2}:\d{2}(?::\d{2})?.*"
    r"|.{0,12}\s*\d{4}\s*年\s*\d{1,2}\s*期"
    r"|.{0,20}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,12}第\s*\d{1,3}\s*版.*"
    r"|.{2,60}——\s*《[^》]{1,20}》"
    r"|[(（][^()（）]{0,20}(?:供稿|来源|稿)[)）]|[\u4e00-\u9fff]{2,6}(?:作文网|资料网)"
    r"|[\u4e00-\u9fff]{0,4}(?:文秘|秘书|公文|文书|文档|写作|材料|文章|文摘|百科|知识|学习)网"   # ……范文网/文库: _BOILER_WORDS
    r"|【(?:关键词|关键字)】.*|(?:正文|全文|一键)复制|复制(?:全文|正文|本文)"          # a page's buttons
    r"|(?:【[^【】]{1,12}】\s*){2,}"                                                  # 【字体：大 中 小】【打印】【关闭】
    r"|[(（]\s*下?转\s*第?\s*[一二三四五六七八九十\d]{1,3}\s*版\s*[)）]"                # a newspaper's (下转第四版)
    r"|[^。，,；;！!？?|｜]{0,20}(?:官方网站|门户网站)|[^。，,；;！!？?|｜]{1,20}\s[-–—]\s[^。，,；;！!？?|｜]{1,30}网站"  # a site's name
    # (but 述职报告 | 某县门户网站 is a title beside the site's name)
    r")\s*$")
# what makes a one-line text site furniture wherever it stands in it: searched, which finds the
# same lines as ^\s*.*(?:…).*\s*$ in the pattern above would, in two thirds of the time
_BOILER_WORDS = re.compile(
    r"(?:当前位置|您的位置|你的位置)\s*[:：]|\d{3,4}-\d{3,4}-\d{4}|(?:立即了解|立即下载|点击下载|免费下载|点击查看)\s*$"
    r"|预览加载中|预览结束|喜欢就下载|购物车|在线投稿|设为首页|加入收藏|杂志订阅|热词搜索|热门搜索|相关搜索"
    r"|点击此处|给我们留言|老年版|无障碍浏览|长者模式|我要投稿|投诉建议|上一版|下一版"
    r"|小编|本站|网友为您|范文网|文库|为大家整理|为您整理|为大家精心|为你精心|供大家参考|供您参考|"
    r"有所帮助|欢迎大家参考|参考查阅|欢迎咨询|由会员分享|可在线阅读|页珍藏版|下载本文|分享赚钱|温馨提示"
    r"|版权所有|^\s*版权(?:说明|声明)\s*[:：]|若内容存在侵权|如有侵权[，,]?请?(?:(?:联系|告知)(?:本站|管理员|我们删除)|删除)|备案号|ICP|举报电话|监督电话|联系电话|办公区|主办\s*[|｜]|不承担任何|"
    r"请相关权利人|转载文章|真实性、准确性|文档评论|扫一扫|分享到|上一篇|下一篇|返回顶部")
_SENTENCE_MARK = re.compile(r"[，,。！!]")


def _site_line(text):
    """A line that is entirely site furniture: a line of the kinds above, or one line (a
    paragraph with no line break) holding a site's words, or 范文 in a sentence."""
    return bool(_BOILER_LINE.match(text) or "\n" not in text.strip() and (
        _BOILER_WORDS.search(text) or "范文" in text and _SENTENCE_MARK.search(text)))


_SOURCE_NOTE = re.compile(r"[(（]\s*(?:信息)?来源[:：\s][^()（）]{1,30}[)）]\s*$")
# a site's note inside a paragraph: ……(某某网省略685字,正式会员可完整阅读)……, ---此处隐藏513字---,
# a document site's 精品WORD文档下载可编缉使用
_INLINE_NOISE = re.compile("|".join((
    r"(?:(?<!…)…+\s*)?[(（][^()（）]{0,40}(?:省略|隐藏)\d+字[^()（）]{0,40}[)）](?:\s*…+)?\s*",
    r"(?<!-)-{2,}\s*此处隐藏\d+字.*?-{2,}",     # (?<!…), (?<!-): tried once a run, not at each of its characters
    r"[(（][^()（）]{0,30}(?:先登录|正式会员)[^()（）]{0,30}[)）]",
    r"(?:精品\s*)?(?i:word)\s*文档下载[^。，,]{0,6}使用")))
_TAIL = re.compile(r"^\s*(?:猜你喜欢|相关阅读|相关推荐|相关文章|推荐阅读|热门文章)\s*$")
_LIST_SEP = re.compile(r"\s*[|｜_]\s*")


def _is_link_list(text):
    """A run of short items separated by | or _ (keyword spam, county lists, menus), or a menu
    of five or more short words parted by spaces (网站首页 实用文 书信 面试 …)."""
    if "|" not in text and "_" not in text and "｜" not in text:
        words = text.split()
        return len(words) >= 5 and all(len(w) <= 5 for w in words)
    parts = [p for p in _LIST_SEP.split(text) if p.strip()]
    return len(parts) >= 5 and sum(len(p) for p in parts) / len(parts) <= 16


_CRUMB_END = re.compile(r"[>›»]\s*([^>›»]{1,12}?)\s*[>›»]?\s*$")     # a breadcrumb's last part
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]{0,200})?/?>")
_LEFT_NUMBER = re.compile(r"^\s*\d{1,3}\s*[.、]")       # what a tag line leaves: 1. <dl id="…"></dl>
# a line standing for a picture: its file name (会场.jpg), or a page's image name (……_fororder_15)
_IMAGE = re.compile(r"^\s*(?:[^\s。，,；;！？]+\.(?:jpe?g|png|gif)|\S.*_fororder_\S*)\s*$", re.I)
# a numbered or bulleted line is a heading, never a picture's caption
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[●■◆▲◎•]"
                       r"|第\s*[一二三四五六七八九十\d]+\s*部分)")


def strip_boilerplate(paras):
    out, column, caption = [], None, False
    for para in paras:
        if para.level is not None:
            out.append(para)
            continue
        text = para.text
        if _TAIL.match(text):
            break                      # everything after "猜你喜欢" is links
        if "<" in text:       # a page's HTML left in the text
            text = _TAG.sub("", text)
            if not _LEFT_NUMBER.sub("", text).strip():
                continue
        if len(text) <= 300 and _IMAGE.match(text):
            caption = True             # the next short line, under the picture, is its caption
            continue
        if caption and text.strip():
            caption = False
            if len(text.strip()) <= 30 and not re.search(r"[。！？]", text) and not _NUMBERED.match(text):
                continue
        if len(text) <= 300 and (_site_line(text) or _is_link_list(text)):
            crumb = _CRUMB_END.search(text)      # 首页 > 党建专栏 > 退休园地: the column's name may follow
            column = (crumb[1].strip(), len(out) + 2) if crumb and len(crumb[1].strip()) <= 6 else column
            if column and out and out[-1].text.strip() == column[0] and len(out) <= 2:
                out.pop()                        # … or come just above it, at the top of the page
            continue            # site furniture is never a long paragraph
        if column and len(out) < column[1] and text.strip() == column[0]:
            continue
        if text[:1] in "?？":
            text = re.sub(r"^[?？\s]+(?=\S)", "", text)      # a lost non-breaking space before a heading
        if "字" in text or "登录" in text or "会员" in text or "文档下载" in text:
            text = _INLINE_NOISE.sub(" ", text).strip()
            if not text:
                continue
        note = _SOURCE_NOTE.search(text)
        if note:
            text = text[:note.start()].rstrip()
        out.append(Para(text, para.level, para.bold) if text != para.text else para)
    return out


# a document preview: 《名称.docx》由会员分享,可在线阅读…, then its pages as 1、… 2、… 3、…
_PREVIEW = re.compile(r"《([^《》]{2,80})\.(?:docx?|pdf|wps|txt)》.*(?:由会员分享|在线阅读|珍藏版)")
_PAGE = re.compile(r"^\s*(\d{1,3})、")


def join_pages(paras):
    """The pages of a previewed document (1、… 2、… cut mid-sentence) joined back into one text,
    with the document's name, when the text opens with it, as a line of its own; the site's
    banner above them goes."""
    for at, para in enumerate(paras[:5]):
        match = _PREVIEW.search(para.text)
        if match:
            break
    else:
        return paras
    name, pages, end = match[1].strip(), [], at + 1
    for para in paras[at + 1:]:
        page = _PAGE.match(para.text)
        if not para.text.strip() and pages:
            end += 1
            continue
        if page is None or int(page[1]) != len(pages) + 1:
            break
        pages.append(para.text[page.end():].strip())
        end += 1
    if len(pages) < 2:
        return paras
    text = "".join(pages)
    head = [Para(name), Para(text[len(name):])] if text.startswith(name) else [Para(text)]
    return paras[:at] + head + paras[end:]


def drop_page_marks(paras):
    """Page numbers of a text copied from a PDF or a printout (normalize.PAGE_NUMBER) go, and so
    does the running head or foot printed beside them (a short line that is the next one above or
    below a page number at two places or more: a page holding one line keeps it); the text a page
    break cut then joins again as wrapped text."""
    marks = [i for i, p in enumerate(paras) if len(p.text) <= 24 and PAGE_NUMBER.match(p.text)]
    if not marks:
        return paras
    beside = set()              # the nearest line with text above and below each page number
    for i in marks:
        beside.add(next((j for j in range(i - 1, -1, -1) if paras[j].text.strip()), None))
        beside.add(next((j for j in range(i + 1, len(paras)) if paras[j].text.strip()), None))
    beside.discard(None)
    seen = Counter(paras[j].text.strip() for j in beside)          # lines, not sightings
    heads = {text for text, n in seen.items() if n >= 2 and len(text) <= 40 and not PAGE_NUMBER.match(text)}
    drop = set(marks) | {j for j in beside if paras[j].text.strip() in heads}
    return [p for i, p in enumerate(paras) if i not in drop]


# text flattened from a PDF or a page: paragraphs run together, parted by wide spaces, or a
# numbered heading after a sentence's end or a colon (。一、…, 。 二、…, 主要做法是：一、…)
_FLAT = re.compile(r"\s{3,}|(?<=[。！？；：:])\s*(?=[一二三四五六七八九十]{1,2}、)"
                   r"|(?<=[。！？；])\s+(?=(?:\d{1,2}[、．]|[（(][一二三四五六七八九十\d]{1,2}[)）]))"
                   r"|(?<=[。！？；])(?=\d{1,2}[、．.](?!\d)[\u4e00-\u9fff“])"
                   r"|(?<=[\u4e00-\u9fff”）)])\s+(?=[一二三四五六七八九十]{1,2}(?:、|是))")


# what every split point of _FLAT (_SPACED) holds: found by a scan that skips ordinary characters,
# where the lookbehinds above are tried at every one
_FLAT_HINT = re.compile(r"\s|[。！？；：:][一二三四五六七八九十]{1,2}、|[。！？；]\d")
_SPACED_HINT = re.compile(r"[。！？]\s")


# a short numbered heading run straight (or after a space) into the first number of the level below:
# 一、主要做法（一）实施……
_RUN_INTO_SUB = re.compile(r"^\s*([一二三四五六七八九十]{1,2}、[^，,。；;：:（(\s]{2,15})\s*(?=[（(]一[)）]\S)")


# on a long flattened line, paragraphs parted by one space after a sentence: ……知校情。 老有所学。……
_SPACED = re.compile(r"(?<=\S{20}[。！？])\s+(?=[\u4e00-\u9fff“])")


def split_flattened(paras):
    out = []
    for para in paras:
        if para.level is not None:
            out.append(para)
            continue
        text = para.text.strip()
        flat = len(text) > 80 and _FLAT_HINT.search(text) and _FLAT.search(text)
        parts = [part for part in _FLAT.split(text) if part.strip()] if flat else [para.text]
        if len(text) > 400 and _SPACED_HINT.search(text):
            parts = [piece for part in parts for piece in _SPACED.split(part)]
        for part in parts:
            sub = _RUN_INTO_SUB.match(part)
            out.extend([Para(sub[1]), Para(part[sub.end():])] if sub else [para if part is para.text else Para(part)])
    return out


_CONTENTS_HEAD = re.compile(r"^\s*(?:目\s*录|提\s*纲|目录\s*[/／]\s*提纲)\s*[:：]?\s*[.…。]*\s*$")


def _entry(text):
    """A contents line without its page number and spaces: 一、 基本情况……3 → 一、基本情况."""
    return re.sub(r"\s", "", re.sub(r"[\s.…·．]*\d+$", "", text.strip()))


ENTRY_MAX = 30      # the longest line a table of contents (or a site's outline preview) lists


def contents(texts, least=4, size=ENTRY_MAX):
    """``(start, end)`` of a table of contents under a line 目录： in ``texts``: that line and
    ``least`` or more numbered lines of up to ``size`` characters (page numbers aside) below it,
    up to its first line again (its number aside); or up to the last line that numbers as its first does, when the
    text's sentences follow a few lines after that (the text's first headings, worded otherwise
    than in the contents). None when there is none."""
    for head, text in enumerate(texts):
        if not _CONTENTS_HEAD.match(text):
            continue
        entries = []
        for line in texts[head + 1:]:
            entry = _entry(line)
            if len(entry) > size or not _NUMBERED.match(line):
                break
            entries.append(entry)
        if len(entries) < least:
            continue
        end = head + 1 + len(entries)
        # the first line again, numbered as the contents number it or not (第一部分 …… is 一、…… in a formatted draft)
        names = [_entry(strip_number(line)) for line in texts[head + 1:head + 1 + len(entries)]]
        again = next((k for k, name in enumerate(names[1:], 1) if name == names[0]), None)
        if again:
            return head, head + 1 + again
        number = _NUMBERED.match(entries[0]).group()
        restart = max((k for k, entry in enumerate(entries[1:], 1) if entry.startswith(number)), default=None)
        if restart and len(entries) - restart <= 3 and end < len(texts) and re.search(r"[，,。；;]", texts[end]):
            return head, head + 1 + restart
        return head, end
    return None


def drop_contents(paras, least=4):
    """A table of contents (or a site's outline preview): a run of ``least`` or more short numbered
    lines with no text between them, two or more of which open a later paragraph of the text (the
    rest may be cut off with the page); or, when the run opens the page above the report's title
    (a short line, then the text), one that comes again below; or one under a line 目录： ."""
    found = contents([p.text for p in paras], least)
    if found:
        paras = paras[:found[0]] + paras[found[1]:]
    out, i = [], 0
    while i < len(paras):
        j = i
        while j < len(paras) and paras[j].level is None and len(paras[j].text.strip()) <= ENTRY_MAX \
                and _NUMBERED.match(paras[j].text):
            j += 1
        if j - i >= least:
            later = [p.text.strip() for p in paras[j:]]
            entries = [p.text.strip() for p in paras[i:j][:30]]       # enough to tell, and bounded
            opening = sum(1 for e in entries if any(t.startswith(e) and t != e for t in later))
            if opening >= 2 or (_above_a_title(paras, i, j) and any(t.startswith(e) for e in entries for t in later)):
                i = j
                continue
        out.extend(paras[i:max(j, i + 1)])
        i = max(j, i + 1)
    return out


def _above_a_title(paras, i, j):
    """Whether the run ``i:j`` opens the page and a title follows it: a short line without a
    sentence's end or a number, then a paragraph."""
    rest = [p.text.strip() for p in paras[j:j + 4] if p.text.strip()]
    return (not any(p.text.strip() for p in paras[:i]) and len(rest) >= 2 and len(rest[0]) <= 60
            and not re.search(r"[。！？]", rest[0]) and not _NUMBERED.match(rest[0]) and len(rest[1]) >= 40)


def drop_repeats(paras, min_chars=100):
    """Drop a later run of paragraphs that repeats an earlier run of at least ``min_chars``."""
    first = {}
    out, i = [], 0
    while i < len(paras):
        text = paras[i].text.strip()
        j = first.get(text) if text else None
        if j is not None:
            run, chars = 0, 0
            while (i + run < len(paras) and j + run < i
                   and paras[i + run].text.strip() == paras[j + run].text.strip()):
                chars += len(paras[i + run].text.strip())
                run += 1
            if chars >= min_chars:
                i += run
                continue
        if text and text not in first:
            first[text] = len(out)
        out.append(paras[i])
        i += 1
    return out


def width(text):
    """Display width: Chinese characters and full-width punctuation count two (their GB18030 size)."""
    return len(text.encode("gb18030", "replace"))


_TERMINAL = "。！？!?；;：:"
_HEADING_START = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十]+[，,、])")
_PUNCTUATION = re.compile(r"[，,。；;！？!?：:]")
_FIRST_SENTENCE = re.compile(r"^[^。！？!?]{1,20}[。！？!?]")


def _short_line(text):
    """A short line with no punctuation: after a sentence's end it is a heading, not the rest of a
    paragraph (paragraphs of much the same length can pass for wrapped lines)."""
    return len(text) <= 25 and not _PUNCTUATION.search(text)


_BREAK = re.compile(r"[ \t\u3000]*\n[ \t\u3000]*")
# a sentence's end (and the quote or bracket closing after it), or a colon leading into what follows
_ENDED = re.compile(r"(?:[。！？；!?;…]|[：:])[”’）)」』]*$")


def part_lines(paras):
    """A .docx paragraph that manual line breaks (Shift+Enter) run over: parted where a
    sentence or a numbered heading ends before the break, or a numbered line or a date follows
    it ((一)做法 / 正文, 1.…… / 2.……, 单位 / 2026年5月20日), joined where the break falls
    mid-sentence or mid-heading (a line the author wrapped: ……，/ 推动……), or after a heading's
    number alone; a title's breaks, and one before a ——subtitle in the first paragraph, are
    only its layout. Only the first part keeps the paragraph's level: the text below a heading
    is body text."""
    if not any("\n" in p.text for p in paras):
        return paras
    out = []
    for para in paras:
        if "\n" not in para.text.strip():
            out.append(para)
            continue
        lines = _BREAK.split(para.text.strip())
        if para.level == 0:
            out.append(Para("".join(lines), 0, para.bold))
            continue
        titled = not any(p.text.strip() for p in out)          # the first paragraph may be the title
        parts, spans = [lines[0]], [[0]]                       # each part's lines (their indexes)
        for k, line in enumerate(lines[1:], 1):
            before = parts[-1]
            number = _NUMBERED.match(before)
            if number and not before[number.end():].strip():
                parts[-1] += line                              # a heading's number alone on its line
                spans[-1].append(k)
            elif not (titled and line.startswith("—")) and (   # a title's ——subtitle goes on it
                    _ENDED.search(before) or _NUMBERED.match(line) or CLOSING_DATE.match(line)
                    or SIGNER.match(before) and SIGNER.match(line)            # two issuers, one under the other
                    or number and len(before) <= 40 and before[-1] not in "，、,；;（(“‘《"):
                parts.append(line)
                spans.append([k])
            else:
                parts[-1] += line
                spans[-1].append(k)
        weights = _line_weights(para)
        weighed = [_joined(weights[k] for k in span) if weights else () for span in spans]
        out += [Para(parts[0], para.level, para.bold, weighed[0])] + [
            Para(part, None, False, w) for part, w in zip(parts[1:], weighed[1:]) if part]
    return out


def _line_weights(para):
    """The runs' weights of each line of a paragraph Shift+Enter parts, as _BREAK parts its text
    (none when its weights do not spell its text)."""
    if not para.weights or "".join(text for text, _ in para.weights) != para.text:
        return []
    marks = [bold for text, bold in para.weights for _ in text]
    start = len(para.text) - len(para.text.lstrip())
    text = para.text.strip()
    bounds = [0] + [at for m in _BREAK.finditer(text) for at in (m.start(), m.end())] + [len(text)]
    return [[(text[at], marks[start + at]) for at in range(begin, end)] for begin, end in zip(bounds[::2], bounds[1::2])]


def _joined(lines):
    """``((text, bold), …)`` of the characters of some lines, runs of one weight joined; () when none is bold."""
    runs = []
    for char, bold in itertools.chain.from_iterable(lines):
        if runs and runs[-1][1] == bold:
            runs[-1][0] += char
        else:
            runs.append([char, bold])
    return tuple(map(tuple, runs)) if any(bold for text, bold in runs if text.strip()) else ()


def join_numbers(paras):
    """A heading number left on a line of its own (三、 / 存在问题: a PDF's or a page's copy)
    is joined to the next line with text, unless that starts with a number of its own."""
    out, number = [], None
    for para in paras:
        text = para.text.strip()
        if number is not None and not text:
            continue                           # a blank line between them
        if number is not None and not _NUMBERED.match(text):
            out[number] = Para(out[number].text.strip() + text, para.level)
            number = None
            continue
        out.append(para)
        start = _HEADING_START.match(text) if para.level is None else None
        number = len(out) - 1 if start and not text[start.end():].strip() else None
    return out


def wrap_width(paras):
    """The width a hard-wrapped text was wrapped at, or None when lines are not wrapped."""
    lines = [p.text.strip() for p in paras if p.level is None and p.text.strip()]
    if not lines or sorted(map(len, lines))[len(lines) // 2] > 150:
        return None                # most lines are whole paragraphs: nothing was wrapped
    widths = [width(line) for line in lines]
    long = [w for w in widths if w >= 40]
    if len(long) < 4:
        return None
    long.sort()
    top = long[int(len(long) * 0.75)]
    slack = max(4, top // 25)
    near = [w for w in long if abs(w - top) <= slack]
    # most of those lines ending a sentence are paragraphs typed one to a line, not wrapped
    ends = sum(line[-1] in "。！？!?" for line, w in zip(lines, widths) if abs(w - top) <= slack)
    if len(near) >= max(3, len(long) // 2) and top <= 200 and ends * 2 < len(near):
        return top
    return None


def join_wrapped(paras):
    """Rejoin lines that a hard wrap cut in the middle of a paragraph."""
    wrap = wrap_width(paras)
    if not wrap:
        return paras
    full = wrap - max(6, wrap // 10)
    out = []
    joining = False
    for para in paras:
        text = para.text.strip()
        ended = out[-1].text.rstrip()[-1] in _TERMINAL if joining else False
        if (joining and text and para.level is None and not para.bold and not _HEADING_START.match(text)
                and not _CONTENTS_HEAD.match(text) and not (ended and (_FIRST_SENTENCE.match(text) or _short_line(text)))):
            prev = out[-1]
            out[-1] = Para(prev.text.rstrip() + text, None)
        else:
            out.append(para)
        last = out[-1]
        # a numbered line of its own, short of a full line, with no punctuation is a heading, not
        # a paragraph's first line (a line as wide as the wrap may go on below)
        heading = (last is para and width(text) < wrap - 2 and _HEADING_START.match(text)
                   and not _PUNCTUATION.search(text))
        # in wrapped text no paragraph ends on a comma: a short line ending on one goes on
        joining = (bool(text) and last.level is None and not last.bold and not heading
                   and (width(text) >= full or text[-1] in "，、"))
    return out


# a line that announces what follows (……如下——, ……有三条——, ……三个方面——) or names a section
# over its headings (主要做法——)
_ANNOUNCES = re.compile(r"如下|以下|下面|起来|[有是为]|[一二三四五六七八九十两几\d]+\s*[条点个项件方面种类]"
                        r"|做法|成效|问题|原因|经验|措施|建议|对策|情况|打算|思路|体会|启示")
# a heading broken after its comma, two short lines: 聚焦重点内容， / 强化原因分析。
_FIRST_HALF = re.compile(r"^[\u4e00-\u9fff“”]{4,14}[，,]$")
_SECOND_HALF = re.compile(r"^[\u4e00-\u9fff“”]{4,14}[。.]?$")


def join_broken_heads(paras):
    """Headings broken after their comma joined back, where a text has two or more so broken,
    each pair alone between paragraphs (one such pair may be a verse or a slogan of its own,
    and a list of such lines, 带头学习理论， / 带头遵规守纪， / ……, stays a list); and a short
    line broken after a dash."""
    ends = [i for i, p in enumerate(paras[:-2]) if p.text.rstrip().endswith(("，", ","))]     # (most texts: none)
    pairs = {i for i in ends if i and paras[i].level is None and paras[i + 1].level is None
             and _FIRST_HALF.match(paras[i].text.strip()) and _SECOND_HALF.match(paras[i + 1].text.strip())}

    def alone(i):        # a paragraph (or another such pair) above, and a paragraph, a pair or a numbered line below
        above, below = paras[i - 1].text.strip(), paras[i + 2].text.strip()
        return ((len(above) >= 30 and not above.endswith(("：", ":")) or i - 2 in pairs)    # (……高呼：, a quotation)
                and (len(below) >= 30 or i + 2 in pairs or bool(_NUMBERED.match(below))))
    found = {i for i in pairs if alone(i)}
    found = found if len(found) >= 2 else set()
    # a short line ending on a dash goes on in a short line of the same weight, with no stop or
    # comma: 选优派强—— / 精兵强将沉一线 (not a list's or a sentence's first line under ……三个方面——
    # or 归纳起来有三条——, nor a ——subtitle)
    for i in [i for i, p in enumerate(paras[:-1]) if p.text.rstrip().endswith("——")]:
        below = paras[i + 1].text.strip()
        if (paras[i].level is None and paras[i + 1].level is None and 2 < len(paras[i].text.strip()) <= 30
                and re.search(r"[\u4e00-\u9fff]", paras[i].text) and not _ANNOUNCES.search(paras[i].text)   # (not ————)
                and 0 < len(below) <= 20 and not _PUNCTUATION.search(below) and not below.startswith(("—", "-"))
                and not _NUMBERED.match(below)
                and paras[i].bold == paras[i + 1].bold and i - 1 not in found):
            found.add(i)
    if not found:
        return paras
    out, skip = [], set(i + 1 for i in found)
    for i, para in enumerate(paras):
        if i in skip:
            continue
        out.append(_join(para, paras[i + 1]) if i in found else para)
    return out


def _join(first, second):
    """Two lines as one paragraph, their runs' weights kept."""
    def chars(para):
        return [mark for line in _line_weights(para) for mark in line] or [(c, False) for c in para.text.strip()]
    weights = _joined([chars(first), chars(second)]) if first.weights or second.weights else ()
    return Para(first.text.strip() + second.text.strip(), None, first.bold and second.bold, weights)


# ---- Traditional → Simplified ------------------------------------------------
_PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])[(（]\s*[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*\s*[)）]")
_TONE = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]")      # what every pinyin reading above holds


# a reading without its tone, 組(zu): a syllable in brackets after a character; only a page in
# Traditional characters that prints many of them has them (one such bracket, 甲(a), is the text's own)
_BARE_PINYIN = re.compile(r"[(（](?<=[\u4e00-\u9fff][(（])(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"     # (bracket first: scanned fast)
                          r"(?:[aeo]|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|ia|ie|iao|iu|ian|in|iang|ing|iong|"
                          r"u|ua|uo|uai|ui|uan|un|uang|v|ve|ue|ü|üe|ng)[)）]")
BARE_READINGS = 5       # readings, of at least BARE_SYLLABLES syllables (人工智能(ai) six times is the text's)
BARE_SYLLABLES = 4


def strip_pinyin(text, bare=False):
    """關(guān) → 關: a pinyin reading with tone marks in brackets after a character; with
    ``bare``, one without tone marks too (組(zu) → 組)."""
    if "(" not in text and "（" not in text:
        return text
    text = _PINYIN.sub("", text)
    return _BARE_PINYIN.sub("", text) if bare else text


def _opencc_dict(name):
    """(key, first value) pairs of one of OpenCC's t2s dictionaries."""
    import os
    from importlib.util import find_spec

    # only its data files: found, not imported (its import costs more than reading them)
    path = os.path.join(find_spec("opencc").submodule_search_locations[0], "dictionary", name)
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            key, _, values = line.rstrip("\n").partition("\t")
            first = values.split(" ")[0]
            if key and first and first != key:
                yield key, first


@lru_cache(maxsize=1)
def _table():
    """OpenCC's Traditional → Simplified character table, as a str.translate map."""
    return {ord(k): v for k, v in _opencc_dict("TSCharacters.txt") if len(k) == 1}


@lru_cache(maxsize=1)
def _phrases():
    """OpenCC's t2s phrases (瞭解 → 了解), matched longest first before the character table."""
    table = dict(_opencc_dict("TSPhrases.txt"))
    regex = re.compile("|".join(sorted(map(re.escape, table), key=len, reverse=True)))
    return regex, table


def t2s(text):
    """Traditional → Simplified as OpenCC's t2s does it: phrases first, then characters."""
    regex, table = _phrases()
    out, pos = [], 0
    for match in regex.finditer(text):
        out += [text[pos:match.start()].translate(_table()), table[match.group()]]
        pos = match.end()
    out.append(text[pos:].translate(_table()))
    return "".join(out)


@lru_cache(maxsize=1)
def _traditional():
    """The characters that only Traditional text uses."""
    return frozenset(map(chr, _table()))


@lru_cache(maxsize=1)
def _traditional_in_gb2312():
    """The few Traditional-only characters that GB 2312 has (乾, 於, 後 …)."""
    return "".join(c for c in _traditional() if c.encode("gb2312", "replace") != b"?")


def is_traditional(text, sample=2000, threshold=6):
    """At least ``threshold`` different Traditional-only characters near the start."""
    text = text[:sample]
    # Nearly all of them are outside GB 2312, which the codec finds in C: a text with fewer
    # such characters (and of the few inside it) than the threshold is not Traditional
    outside = text.encode("gb2312", "replace").count(b"?") - text.count("?")
    if outside + sum(map(text.count, _traditional_in_gb2312())) < threshold:
        return False
    return len(_traditional().intersection(text)) >= threshold


def to_simplified(paras):
    """Convert the whole document when it is written in Traditional characters."""
    sample = "".join(p.text for p in paras[:200])
    convert = is_traditional(sample)
    whole = "\n".join(p.text for p in paras) if "(" in sample or "（" in sample else ""
    # (readings without tones come with a page machine-turned into Traditional characters)
    readings = _BARE_PINYIN.findall(whole) if convert and whole.count("(") + whole.count("（") >= BARE_READINGS else ()
    bare = len(readings) >= BARE_READINGS and len(set(readings)) >= BARE_SYLLABLES
    if not convert and not bare and not _TONE.search(whole):     # no reading in any paragraph
        return paras
    out = []
    for para in paras:
        text = strip_pinyin(para.text, bare)
        if convert:
            text = t2s(text)
        out.append(Para(text, para.level, para.bold))
    return out


def clean(paras):
    """All steps, in the order that lets each see what it expects."""
    paras = part_lines(to_simplified(paras))
    paras = drop_page_marks(join_pages(paras))
    paras = strip_boilerplate(paras)
    paras = drop_contents(paras)
    paras = drop_repeats(paras)
    paras = join_wrapped(join_broken_heads(join_numbers(paras)))
    paras = split_flattened(paras)
    return [p for p in paras if p.text.strip()]
