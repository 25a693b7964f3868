"""Text normalisers shared by the writer, ``format`` and ``lint``."""
import functools
import re

from generator.numbering import cn_value, digit_by_digit

# characters that XML 1.0 (and so a .docx) cannot hold; \t \n \r stay
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean_text(text):
    """Drop control characters pasted from other programs (\\x0b from Word, \\x00 …)."""
    return _ILLEGAL.sub("", text)


# invisible characters that reorder or hide text: bidi embeddings, overrides and isolates,
# zero-width spaces and joiners, the word joiner and a stray byte-order mark
INVISIBLE = {"\u200b": "零宽空格", "\u200c": "零宽不连字", "\u200d": "零宽连字", "\u200e": "从左到右标记",
             "\u200f": "从右到左标记", "\u202a": "从左到右嵌入", "\u202b": "从右到左嵌入",
             "\u202c": "方向格式结束", "\u202d": "从左到右强制", "\u202e": "从右到左强制",
             "\u2060": "词连接符", "\u2066": "从左到右隔离", "\u2067": "从右到左隔离",
             "\u2068": "方向隔离", "\u2069": "方向隔离结束", "\ufeff": "零宽不换行空格"}
_DROP_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def strip_invisible(text):
    """``text`` without INVISIBLE characters, and a Chinese note naming those removed (or "")."""
    kept = text.translate(_DROP_INVISIBLE)
    if len(kept) == len(text):
        return text, ""
    found = [ch for ch in text if ch in INVISIBLE]
    kinds = "、".join(f"U+{ord(ch):04X}（{INVISIBLE[ch]}）" for ch in dict.fromkeys(found))
    return kept, f"删除了 {len(found)} 个不可见字符 {kinds}，它们会打乱或藏起文字"


def map_strings(value, func):
    """Apply ``func`` to every string (keys included) in nested dicts and lists."""
    if isinstance(value, str):
        return func(value)
    if isinstance(value, dict):
        return {map_strings(k, func): map_strings(v, func) for k, v in value.items()}
    if isinstance(value, list):
        return [map_strings(v, func) for v in value]
    return value


# CJK ideographs and full-width punctuation: the neighbours that make a mark "Chinese"
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’—…"
_HALF = ",;:?!()"
_TO_FULL = str.maketrans(dict(zip(_HALF, "，；：？！（）")))
_PAIR = re.compile(r"\(([^()]*)\)")


@functools.lru_cache(maxsize=None)
def _cjk_rules():
    """Compiled on first need: classes this wide take milliseconds to compile, and most
    Chinese text has no half-width mark at all."""
    mark = re.compile(rf"(?<=[{_CJK}])\s*[{re.escape(_HALF)}]|[{re.escape(_HALF)}]\s*(?=[{_CJK}])")
    return mark, re.compile(f"[{_CJK}]")


def is_ideograph(ch):
    """CJK ideographs: the basic block, Extension A, compatibility ideographs, Extension B on
    (by code point: a character class this wide costs milliseconds to compile)."""
    code = ord(ch)
    return 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF \
        or 0x20000 <= code <= 0x3FFFF


def _is_cjk(ch):
    """A character of _CJK, without compiling its class (a "." or a quote is in most texts)."""
    code = ord(ch)
    return (0x3000 <= code <= 0x303F or 0x3400 <= code <= 0x4DBF or 0x4E00 <= code <= 0x9FFF
            or 0xFF00 <= code <= 0xFFEF or ch in "“”‘’—…")


@functools.lru_cache(maxsize=None)
def _quoted():
    return re.compile(r"([\"'])([^\"'\n]{1,200}?)\1")


def punctuation_width(text):
    """Half-width punctuation in Chinese text → full width, keeping the length: , ; : ? ! ( )
    next to Chinese; a full stop "." that ends a Chinese sentence (after a character or %,
    before Chinese, a space or the end; after a digit only at the very end) → 。; straight
    quotes "…" '…' around Chinese → “…” ‘…’.

    A pair of brackets changes together, so 領(lǐng) becomes 領（lǐng）, never 領（lǐng).
    A "." between digits (3.5, 2026.7.10) or after a heading number (1.抓学习) stays.
    """
    if any(mark in text for mark in _HALF):
        half_width_mark, cjk_char = _cjk_rules()

        def pair(match):
            start, end = match.span()
            near = text[:start].rstrip()[-1:] + match.group(1) + text[end:].lstrip()[:1]
            return f"（{match.group(1)}）" if cjk_char.search(near) else match.group()

        text = _PAIR.sub(pair, text)
        text = half_width_mark.sub(lambda m: m.group().translate(_TO_FULL), text)
    if "." in text:
        text = _full_stops(text)
    if ('"' in text or "'" in text) and any(map(_is_cjk, text)):
        text = _quoted().sub(_curly, text)
    return text


def _full_stops(text):
    chars, last = None, len(text.rstrip())
    at = text.find(".")
    while at != -1:
        before, after = text[at - 1:at], text[at + 1:at + 2]
        ends = not after or after.isspace() or _is_cjk(after)
        if (before and (_is_cjk(before) or before in "%％") and ends) or (
                before.isdigit() and at + 1 >= last and any(map(_is_cjk, text))):
            chars = chars or list(text)
            chars[at] = "。"
        at = text.find(".", at + 1)
    return "".join(chars) if chars else text


def _curly(match):
    inner = match.group(2)
    if not any(map(_is_cjk, inner)):
        return match.group()
    return f"“{inner}”" if match.group(1) == '"' else f"‘{inner}’"


def changed_marks(text):
    """The half-width marks ``punctuation_width`` would change, in order."""
    return [a for a, b in zip(text, punctuation_width(text)) if a != b]


def map_pieces(pieces, func):
    """Apply a length-preserving ``func`` to the joined text of ``pieces`` (runs of one
    paragraph, so a mark between two runs sees both neighbours) and split it back."""
    joined = func("".join(pieces))
    out, pos = [], 0
    for piece in pieces:
        out.append(joined[pos:pos + len(piece)])
        pos += len(piece)
    return out


# a closing date in Arabic or Chinese digits: 2026年11月24日, 2026 年 11 月 24 日, 二〇二六年十一月二十四日
_CN = "〇零一二三四五六七八九十"
# (or typed in figures only: 2026.7.10, 2026-07-10, 2026/7/10)
CLOSING_DATE = re.compile(rf"^\s*(?:(\d{{4}}|[{_CN}]{{4}})\s*年\s*[\d{_CN}]{{1,2}}\s*月\s*[\d{_CN}]{{1,3}}\s*日"
                          r"|\d{4}\s*([.．/-])\s*\d{1,2}\s*\2\s*\d{1,2})\s*$")
_FIGURES = re.compile(r"^\s*(\d{4})\s*[.．/-]\s*(\d{1,2})\s*[.．/-]\s*(\d{1,2})\s*$")


_WRITTEN = re.compile(rf"^\s*([\d{_CN}]{{4}})\s*年\s*([\d{_CN}]{{1,2}})\s*月\s*([\d{_CN}]{{1,3}})\s*日\s*$")


def written_date(text):
    """A closing date as GB/T 9704 7.3.5 writes it, in Arabic figures without a leading zero:
    2026.7.10, 2026年07月10日 and 二〇二六年七月十日 → 2026年7月10日 (others unchanged)."""
    import datetime

    match = _FIGURES.match(text) or _WRITTEN.match(text)
    if not match:
        return text
    try:             # figures of any width (２０２６), and a day the calendar has (not 2月30日)
        day = datetime.date(int(digit_by_digit(match[1])), cn_value(match[2]), cn_value(match[3]))
    except ValueError:
        return text
    return f"{day.year}年{day.month}月{day.day}日"


_SENTENCE = re.compile(r"[。！？!?…；;：:，,]")
# who signs above a closing date: a unit (joint issuers sign one under the other), or 述职人：王某
SIGNER = re.compile(r"^\s*(?:[^\s。！？，,、；;：:]{2,30}(?:委员会|党委|党工委|党组|总支|支部|部|局|办公室|政府|中心|公司|"
                    r"集团|学校|院|所|组)|(?:述职人|汇报人|报告人|发言人|申请人|执笔人?)\s*[:：]\s*[^\s，,。]{2,10})\s*$")


# a 落款 typed on one line or parted by a manual line break: unit, spaces (two, or a full-width
# one, or a tab) or the break, then the date
_SIGNED = re.compile(r"^\s*(\S.*?)(?:\s*\n\s*|[ \t]{2,}|\t|\u3000\s*)(\S[^\n]*?)\s*$")


def signed_date(text):
    """``[unit, date]`` of a 落款 typed as one paragraph (中共某镇委员会　　2026.7.10), else None."""
    match = _SIGNED.match(text)
    if match and CLOSING_DATE.match(match[2]) and "\n" not in match[1] and (
            SIGNER.match(match[1]) or short_line(match[1], 20) and _UNIT_END.search(match[1])):
        return [match[1].strip(), match[2].strip()]
    return None


def signed_line(texts):
    """``(index, [unit, date])`` of a 落款 typed as one paragraph where a 落款 stands: the last
    line of ``texts`` but for notes, 版记 lines and a list of attachments below it; else None."""
    last = next((i for i in range(len(texts) - 1, -1, -1) if texts[i].strip() and not (
        NOTE.match(texts[i]) or RECORD.match(texts[i]) or ATTACHMENT_NOTE.match(texts[i]))), None)
    parted = signed_date(texts[last]) if last is not None else None
    return (last, parted) if parted else None


# how a unit's name ends, beyond SIGNER's: 组织办, 办事处, 工作队 … (not 会议时间, 报送截止时间)
_UNIT_END = re.compile(r"(?:办|处|科|室|队|站|社|团|委员会|工会|协会|学会|商会|联合会|所|院|局|部|委|组|中心|公司|学校|支部|小组)\s*$")


def closing_lines(texts):
    """How many of the last ``texts`` are the 落款: a closing date, the line that signs above it
    (the seals' line （盖章） between them too) and, when that is a unit, one more unit above it
    (two issuers, one under the other or side by side); 0 without a date."""
    if not texts or not CLOSING_DATE.match(texts[-1]):
        return 0
    seals = bool(len(texts) > 1 and _SEALS.match(texts[-2]))
    count = 1 + seals
    if len(texts) > count and (short_line(texts[-1 - count]) and not _ITEM.match(texts[-1 - count])
                               or _signs(texts[-1 - count])):      # 2.参会回执 is no signer
        count += 1
        while len(texts) > count and count < 3 + seals and _signs(texts[-1 - count]) and _signs(texts[-count]):
            count += 1
    return count


_SEALS = re.compile(r"^\s*(?:[（(]\s*(?:盖章|印章|公章)\s*[)）]\s*)+$")


def _signs(text):
    """A unit that signs, or units side by side parted by spaces (a joint 落款)."""
    return bool(SIGNER.match(text)) or all(SIGNER.match(part) for part in re.split(r"[ \t\u3000]{2,}|\u3000", text.strip()))


# a line of the 版记 at a paper's end (GB/T 9704 7.4): 抄送：…… or 某某办公室  2026年7月9日印发
RECORD = re.compile(r"^\s*(?:抄\s*送|抄\s*报)\s*[:：]\s*\S.*$|^\s*\S.{1,30}\s+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发\s*$")


# a page's number in a text copied from a PDF or a printout: - 3 -, — 3 —, 第3页 共5页
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?)\s*$")


# a note under the closing date: in brackets (GB/T 9704 附注: （此件公开发布）), or a footnote
# of a .docx read as 注：……
NOTE = re.compile(r"^\s*(?:[（(][^（）()]{2,40}[）)]|注[:：].*)\s*$")


def short_line(text, size=30):
    """A line that is not a sentence: short and without sentence punctuation
    (a unit name, an author line, a table caption)."""
    return len(text.strip()) <= size and not _SENTENCE.search(text)


# 附件1 / 附件 alone on a line: an attachment's label (GB/T 9704 附件标识), above its title
ATTACHMENT_LABEL = re.compile(r"^\s*附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})?\s*$")
# 附件1：某某表 — a label with the attachment's title on its line
ATTACHMENT_HEAD = re.compile(r"^\s*(附\s*件\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))\s*[:：]\s*(\S.*?)\s*$")
# 附件：1.党员名册 (or 附件： alone over 1. 2. lines) — the list of attachments (附件说明)
ATTACHMENT_NOTE = re.compile(r"^\s*附\s*件\s*[:：]\s*(?P<rest>.*?)\s*$")
_ITEM = re.compile(r"^\s*(\d{1,2})\s*[.．、]")


def attachment_list(texts, start):
    """The end (exclusive) of the list of attachments that begins at ``texts[start]`` (a line
    附件：……): the names under it numbered on from its own (附件：1.甲 / 2.乙 / 3.丙), or from 1
    under a bare 附件：; None when ``texts[start]`` opens no list."""
    match = ATTACHMENT_NOTE.match(texts[start]) if start < len(texts) else None
    if not match:
        return None
    item = _ITEM.match(match["rest"])
    if match["rest"] and not item:
        return start + 1                       # 附件：活动安排表, a single attachment
    number, end = int(item[1]) if item else 0, start + 1
    while end < len(texts) and (found := _ITEM.match(texts[end])) and int(found[1]) == number + 1:
        number, end = number + 1, end + 1
    return end if number else None


def attachment_note(texts):
    """The list's lines as GB/T 9704 writes them: 附件：1.甲 on one line (a bare 附件： joined to
    its first name), the later names lined up under the first with ideographic spaces."""
    first = ATTACHMENT_NOTE.match(texts[0])["rest"]
    names = ([first] if first else []) + [text.strip() for text in texts[1:]]
    names = [re.sub(r"^(\d{1,2})\s*([.．、])\s*", r"\1\2", name) for name in names]
    return ["附件：" + names[0]] + ["\u3000" * 3 + name for name in names[1:]]


def appended(texts):
    """Attachments after a text's 落款: ``(date, end, parts)`` with ``texts[date]`` the 落款's
    last line (its date, or the unit when it has none), ``texts[date + 1:end]`` a list
    附件：1.…… (GB/T 9704 puts it above the 落款) and ``parts`` one ``(label, at, start, title)``
    per attachment: its label (附件1 as typed, else as the list numbers it), the index where it
    begins and of its first line after a typed label, and the title to write when its text has
    none (the list's name).
    None when nothing of the kind follows the 落款, or something else does."""
    date = next((i for i in range(len(texts) - 1) if (CLOSING_DATE.match(texts[i]) or SIGNER.match(texts[i])) and (
        ATTACHMENT_NOTE.match(texts[i + 1]) or _opens(texts[i + 1]))), None)
    if date is None:
        return None
    end = attachment_list(texts, date + 1) if ATTACHMENT_NOTE.match(texts[date + 1]) else date + 1
    if end is None:
        return None
    if end == len(texts) or _opens(texts[end]):
        return date, end, [_typed_label(texts[i], i) for i in range(end, len(texts)) if _opens(texts[i])]
    names = [_ITEM.sub("", name.removeprefix("附件："), 1).strip() for name in attachment_note(texts[date + 1:end])]
    if len(names) == 1 and texts[end].strip() != names[0]:     # the one attachment, pasted without its name
        return date, end, [("附件", end, end, names[0])]
    starts, at = [], end
    for name in names:                                         # pasted under the names the list gives
        at = next((i for i in range(at, len(texts)) if texts[i].strip() == name), None)
        if at is None or not starts and at != end:
            return None
        starts.append(at)
    return date, end, [("附件" if len(names) == 1 else f"附件{n}", at, at, None) for n, at in enumerate(starts, 1)]


def _typed_label(text, at):
    head = ATTACHMENT_HEAD.match(text)
    return (head[1], at, at + 1, head[2]) if head else (text.strip(), at, at + 1, None)


def _opens(text):
    return bool(ATTACHMENT_LABEL.match(text) or ATTACHMENT_HEAD.match(text))


_NUMBERED = re.compile(r"^\s*[（(]?[一二三四五六七八九十\d]+\s*[)）、.．]")
# whom a text is for: units (区委组织部, 各有关单位, 各村（社区）党组织), or people addressed
# (各位领导、同志们); never a sentence that leads into a list (主要做法如下：, 存在的不足之处：)
_ADDRESSED = re.compile(r"^(?!.*(?:如下|现将|汇报))(?:尊敬的)?(?:(?!尊敬)[^\s。！？!?…；;：:的]){0,40}"
                        r"(?:委员会|委|党组|组织|部|局|办|办公室|政府|中心|公司|集团|学校|院|所|组|厅|处|科|室|会|"
                        r"单位|部门|领导|同志|同志们|朋友们|代表|嘉宾|来宾|先生们|女士们)\s*[:：]$")


def addressee(text):
    """A line that names whom the text is for, under its title: 区委组织部：, 尊敬的各位领导：
    (written 顶格), not a sentence that leads into a list (现将有关情况报告如下：)."""
    return bool(_ADDRESSED.match(text.strip())) and not _NUMBERED.match(text)
