"""Chinese numerals and the heading numbering 一、（一）1.（1）.

Numbering is literal text, added by the writer from the style sheet's
``编号`` patterns (``{中文}`` → 一, ``{数字}`` → 1), so it survives copy-paste.
"""
import re

DIGITS = "零一二三四五六七八九"
UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def cn_number(n):
    """3 → 三, 12 → 十二, 105 → 一百零五, 20000 → 二万 (integers below 10^8)."""
    n = int(n)
    if n < 0:
        return "负" + cn_number(-n)
    if n >= 10000:
        high, low = divmod(n, 10000)
        if low == 0:
            return cn_number(high) + "万"
        return cn_number(high) + "万" + ("零" if low < 1000 else "") + _below_10000(low, True)
    return _below_10000(n, False) if n else DIGITS[0]


def _below_10000(n, inner):
    out, zero = "", False
    for value, unit in UNITS:
        digit, n = divmod(n, value)
        if digit:
            if zero:
                out += "零"
            # 十二 rather than 一十二, except inside a larger number (一百一十二)
            out += ("" if digit == 1 and value == 10 and not out and not inner else DIGITS[digit]) + unit
            zero = False
        elif out:
            zero = True
    if n:
        out += ("零" if zero else "") + DIGITS[n]
    return out


def label(pattern, n):
    """Fill a numbering pattern from the style sheet: ``"（{中文}）"`` with 2 → （二）."""
    return pattern.replace("{中文}", cn_number(n)).replace("{数字}", str(n))


class Numberer:
    """Hand out heading labels level by level; a heading resets every deeper level."""

    def __init__(self, patterns):
        self.patterns = list(patterns)
        self.counts = [0] * len(self.patterns)

    def next(self, level, again=False):
        """The label of the next heading at ``level``; ``again``: its numbers start again there
        (一、 under a lead-in after 二、: ``read_levels``)."""
        index = level - 1
        self.counts[index] = 1 if again else self.counts[index] + 1
        for deeper in range(index + 1, len(self.counts)):
            self.counts[deeper] = 0
        return label(self.patterns[index], self.counts[index])


CN = "零〇一二三四五六七八九十百千"
# a heading label in any common form: optional bracket, Chinese or Arabic number, separator
# (one \s* per gap: "\s*(open)?\s*" would split a long run of spaces every way, quadratically);
# a figure after it is text after a Chinese number (一、2023年), a decimal or a count after an
# Arabic one (3.5万户, 1、2月份)
LABEL = re.compile(rf"^\s*(?:(?P<open>[（(])\s*)?(?P<num>[{CN}]+|\d+)\s*(?(open)[)）]\s*[、.．]?|(?:(?<=[{CN}])、|[、.．](?!\d)))")


# 第一部分 2026年工作总结, 第二部分：……, 第三部分——……: a part of the text, above its 一、 headings,
# which start again in each (outline.text_parts says which such lines part a text; format writes
# them as typed, as a 部分标题)
PART_NUMBER = re.compile(rf"^\s*第\s*(?P<num>[{CN}]+|\d{{1,2}})\s*部分(?:\s*(?:[:：、.．]|—+|-{{1,2}})\s*|\s+|$)")


# 2.1 党组织设置, 2.1.3 …: a decimal number, its style by depth (1.1, 1.1.1), its value the last
# figure (1 to 29: 6.65 in a table is a value); a space or 、 after it, or nothing (the label
# alone), or a heading glued to it (1.1问题, 1.2严肃党内政治生活，提高……: a first sentence of 40
# characters at most, no count, 3.5万户, 2.5小时, no day's name, 8.1建军节); never a date's words
# (7.1 前夕, 7.1凌晨). A text needs two such lines for them to number it, one a first; glued ones,
# a 1.1 and runs that count on (numbering.decimal_labels)
_COUNTED = "万 亿 千 百 元 个 倍 米 吨 亩 户 次 名 件 场 批 辆 座 篇 份 秒 克 斤 升 度 岁 天 周 小时 公里 公顷 平方 余".split()
_WHEN = "前夕|前后|期间|当天|当日|以来|起|至|左右|前|后"          # 7.1 前夕 (and glued, 7.1凌晨 too)
_DAYS = ("建党|建军|国庆|国际|全民|全国|青年节|妇女节|劳动节|儿童节|护士节|教师节|记者节|植树节|宪法日|消防日|学雷锋|"
         "消费者|小长假|黄金周|党的生日|南昌起义|事变|运动|阅兵|汶川|来临|之际|[年月日](?![常轻度])")   # (2.1年度目标: a word)
_GLUED = (r"(?=[\u4e00-\u9fff“][^。！？!?；;：:]{0,39}(?:[。！？!?]|\s*$))(?!" + "|".join(_COUNTED) + "|" + _DAYS
          + "|凌晨|早上|上午|中午|下午|傍晚|晚上|夜)")
DECIMALS = tuple((style, re.compile(rf"^\s*\d{{1,2}}(?:[.．]\d{{1,2}}){{{style.count('.') - 1}}}[.．]([1-9]|[12]\d)(?!\d)"
                                    r"(?:\s*、\s*(?=\S)|\s+(?=\S)|\s*、?\s*$|" + _GLUED + ")(?!" + _WHEN + ")"))
                 for style in ("1.1.1", "1.1"))


DECIMAL_STYLES = tuple(style for style, _ in DECIMALS)
# 1 基本情况: a figure and a space, the top level above decimal numbers (1 …, 1.1 …), in a text
# that has them (elsewhere 3 个支部 is a count); or a figure glued to a short bare line that
# counts nothing (1基本情况; not 3位老党员……。, 5条措施)
_FIGURE = re.compile(r"^\s*(\d{1,2})(?:[ \u3000]+|(?=[\u4e00-\u9fff“][^，,；;：:。！？!?]{0,19}\s*$)(?!\d|"
                     + "|".join(_COUNTED + "年 月 日 位 支 条 所 种 类 轮 成 号 级 届 套 张 本 把 只 间 栋 处 块 期 家 项 台 人 多 分".split())
                     + r"))(?=[\u4e00-\u9fff“])")


def decimal_labels(labels, figure, texts):
    """``labels`` (one per line of ``texts``, None for none) as a text numbered with decimals
    reads them: with two decimal numbers or more, one of them a first (2.1), and, where one is
    glued to its text (1.1问题), a 1.1 and runs that count on (``_counting``), lines that
    ``figure`` (a line's label from a figure, 1 基本情况) finds head the levels above them; else
    a decimal number is none (7.1 …, a date; 7.1召开… 7.2组织…, 2.1… 3.5…, lists of dates; 10.11,
    16.22, a table's values). ``figure(i)`` gives line ``i``'s figure label or None."""
    at = [i for i, label in enumerate(labels) if label and label[0] in DECIMAL_STYLES]
    numbers = {i: _decimal(texts[i])[2] for i in at}
    glued = {i for i in at if re.match(r"\s*[\d.．]+([\u4e00-\u9fff“])", texts[i])}     # 1.1问题, not 1.1 问题 or 1.1、问题
    spaced = [numbers[i] for i in at if i not in glued]
    joined = [numbers[i] for i in at if i in glued]    # read on their own: a date glued to text spoils no spaced number
    drop = set()
    if not _firsts(spaced):
        drop |= set(at) - glued
    if not (_firsts(joined) and _counting(joined) and any(re.fullmatch(r"1[.．]1、?", n) for n in joined)):
        drop |= glued
    kept = len(drop) < len(at)                        # (figures head only decimals that are read)
    return [(None if i in drop else label) or (figure(i) if kept else None) for i, label in enumerate(labels)]


def _firsts(numbers):
    """Two decimal numbers or more, one of them a first (x.1)."""
    return len(numbers) >= 2 and any(n.rstrip("、").endswith((".1", "．1")) for n in numbers)


def _counting(numbers):
    """Whether decimal numbers (2.1, 2.1.3 …, in order) count on as a text's numbering does:
    each one a first (x.1, also where a part or an attachment starts again) or one more than the
    one before under its number (a number skipped, GAP, allowed), the first run aside (an
    excerpt may open inside it)."""
    last = {}
    for n, number in enumerate(numbers):
        *head, value = (int(x) for x in re.split(r"[.．]", number.rstrip("、")))
        head = tuple(head)
        if value != 1 and n and not (head in last and 0 < value - last[head] <= GAP):
            return False
        last[head] = value
    return True


def figure_label(text):
    """``(style, value, family, label)`` of a figure opening ``text`` (1 基本情况, 1基本情况; see
    ``_FIGURE``), for a text numbered with decimals (see ``DECIMALS``), else None."""
    match = _FIGURE.match(text)
    return ("1", int(match[1]), None, match.group().strip()) if match and int(match[1]) else None


def _decimal_match(text):
    """``(style, match)`` of a decimal number opening ``text`` (2.1 ……), else ``(None, None)``."""
    return next(((style, match) for style, regex in DECIMALS if (match := regex.match(text))), (None, None))


def _decimal(text):
    """``(style, value, typed)`` of a decimal number (2.1 ……), else None."""
    style, match = _decimal_match(text)
    return (style, int(match[1]), match.group().strip()) if match and int(match[1]) else None


def strip_number(text):
    """Remove a typed heading number so the writer's own numbering is the only one."""
    match = PART_NUMBER.match(text) or _decimal_match(text)[1] or LABEL.match(text)
    return (text[match.end():] if match else text).lstrip()


_CN_VALUES = {c: i for i, c in enumerate(DIGITS)} | {"〇": 0}


def digit_by_digit(text):
    """Chinese digits read one by one, as a year is written: 二〇二六 → 2026 (figures stay)."""
    return "".join(str(_CN_VALUES.get(c, c)) for c in text)


def cn_value(text):
    """三 → 3, 十二 → 12, 一百零五 → 105, "12" → 12 (the inverse of cn_number below 10^4);
    0 for text that is not such a number."""
    if text.isdigit():
        return int(text)
    units = {"十": 10, "百": 100, "千": 1000}
    total, digit = 0, 0
    for char in text:
        if char in _CN_VALUES:
            if digit:          # two digits in a row (一二) is not a number here
                return 0
            digit = _CN_VALUES[char]
        elif char in units:
            total += (digit or 1) * units[char]
            digit = 0
        else:
            return 0
    return total + digit


def parse_label(text, patterns):
    """``(level, number, label)`` for a heading that starts with a number, else None.

    The level is the pattern (一、 （一） 1. （1） by default) the label has once brackets
    and separators are made canonical, so 1、 and (1) still count as levels 3 and 4; a
    decimal number's is its depth (2.1: 2), and a figure's alone (1 基本情况, over decimal
    numbers) and a part's (第二部分) are 1.
    """
    part = PART_NUMBER.match(text)
    if part:
        return 1, cn_value(part["num"]), part.group().strip()
    decimal = _decimal(text)
    if decimal:
        return decimal[0].count(".") + 1, decimal[1], decimal[2]
    figure = re.fullmatch(r"\s*(\d{1,2})\s*", text) or _FIGURE.match(text)     # 1 (基本情况) over decimals
    if figure:
        return 1, int(figure[1]), figure.group().strip()
    match = LABEL.match(text)
    if not match:
        return None
    chinese = not match["num"].isdigit()
    number = cn_value(match["num"]) if chinese else int(match["num"])
    for level, pattern in enumerate(patterns, 1):
        if ("{中文}" in pattern) == chinese and bool(match["open"]) == pattern.startswith("（"):
            return level, number, match.group().strip()
    return None


def renumber(headings, patterns, after_leads=()):
    """For ``[(level, label)]`` in document order, the label each heading should have and
    what is wrong with the one it has: ``[(expected, problem or None)]``.

    A problem is judged against the heading's own predecessor, so one gap is one problem; a
    heading typed with no number ("") lacks the one it should have. Indexes in ``after_leads``
    are headings right under a lead-in: there a top-level 一、 starts the numbers again.
    """
    numberer = Numberer(patterns)
    seen_counts = [0] * len(patterns)
    out, previous = [], 0
    for k, (level, seen) in enumerate(headings):
        again = level == 1 and k in after_leads and bool(seen) and starts_again(label_style(seen))
        expected = numberer.next(level, again)
        number = parse_label(seen, patterns)[1] if seen else numberer.counts[level - 1]
        last = 0 if again else seen_counts[level - 1]
        seen_counts[level - 1:] = [number] + [0] * (len(patterns) - level)
        if level > previous + 1:
            problem = "跳级"
        elif not seen:
            problem = "无编号"
        elif number == last:
            problem = "重复"
        elif number != last + 1:
            problem = "不连续"
        elif seen != label(patterns[level - 1], number):
            problem = "格式"
        else:
            problem = None
        out.append((expected, problem))
        previous = level
    return out


GAP = 2          # a number may skip one (a page or a draft left a part out): 一、 三、


class Levels:
    """Heading levels from typed numbers, in document order: the one reading of a draft's
    numbering that ``format`` (through the outliner) and ``lint``/``lint --fix`` share.

    A level is the set of number styles used at that depth and the last number it reached.
    A number counts its level up (one may be skipped: 一、 三、); a new style starting at 1
    opens a level one deeper; a number typed in another style that goes on counting a level
    of the same family (1、 二. 三、, or 3、 among 一、二、四、) is that level's. ``family`` is
    None for styles that never stand for another (一是, 第一，). ``ANY`` (a placeholder
    number, X.) fits wherever its style does.
    """
    ANY = 0

    def __init__(self, resume=False, start=()):
        self.levels = [list(level) for level in start]     # [styles, families, last number]
        self.resume = resume       # the first heading may go on from a number before the text (a page 2)
        self.refused = set()       # levels that refused a number of their style since their last one

    def add(self, style, value, family="", again=False):
        """The 1-based level of a heading numbered ``value`` in ``style``, or None when the
        number does not fit (then nothing changes). ``again``: a 一、 of the top level under a
        lead-in starts its numbers again (我再提三点要求： / 一、……)."""
        index = 0 if again and starts_again((style, value)) and self.depth_of(style) == 1 else None
        index = self._place(style, value, family) if index is None else index
        if index is None:
            return None
        self._close_below(index)
        if again and index < len(self.levels):
            self.levels[index][2] = 1
        elif index == len(self.levels):
            self.levels.append([{style}, {family}, value or 1])
        else:
            styles, families, last = self.levels[index]
            styles.add(style)
            families.add(family)
            self.levels[index][2] = last + 1 if value == last else value or last + 1
        return index + 1

    def fill(self, style, value, family, following):
        """The 1-based level of a heading typed in a deeper level's style whose number is the
        one missing from the Chinese numbers above, the next heading going on from it (二、 …
        3、存在问题 四、); that level counts on without taking the style. None otherwise."""
        own = self.depth_of(style)
        for index, (styles, families, last) in enumerate(self.levels[:(own or 1) - 1]):
            if (value == last + 1 and family in families and following and following[0] in styles
                    and following[1] == value + 1 and any("一" in s for s in styles)):
                self._close_below(index)
                self.levels[index][2] = value
                return index + 1
        return None

    def _close_below(self, index):
        """A heading at level ``index`` ends the levels below it."""
        del self.levels[index + 1:]
        self.refused = {i for i in self.refused if i < index}

    def depth_of(self, style):
        """The 1-based level that ``style`` numbers now, or None."""
        return next((i + 1 for i, (styles, _, _) in enumerate(self.levels) if style in styles), None)

    def _place(self, style, value, family):
        for index, (styles, _, last) in enumerate(self.levels):
            if style in styles:
                # a Chinese number typed twice (二、 … 二、) is the next one mistyped, unless a list
                # in between has used that style (一、…。二、…。 under 二、); figures repeat in lists
                if (value == self.ANY or last < value <= last + GAP or (value == 1 and index > 0)
                        or value == last > 1 and "一" in style and index not in self.refused):
                    return index
                self.refused.add(index)
                return None
        if value in (1, self.ANY) or (self.resume and not self.levels and "一" in style and value <= 9):
            return len(self.levels)
        if family is None:
            return None
        for index in reversed(range(len(self.levels))):
            _, families, last = self.levels[index]
            if value == last + 1 and None not in families and family in families:
                return index
        return None


def read_levels(labels, strays=(), resume=False, named=(), after_leads=()):
    """The level of each heading label of a document, in order: ``labels`` holds
    ``(style, value, family)`` or None (not a heading) per paragraph; the answer holds a level
    or None. A number typed in another style does not take a level's next place when a
    Chinese number later in the text claims that place (1、主要工作 2.党员教育 二.存在问题:
    二. is the second part, 2. is not). Indexes in ``strays`` (lines that should have been
    headings) keep the level their style numbers even when their number does not fit, so
    that the numbering check sees them. Indexes in ``named`` are headings that name a part of
    a report (存在问题, 下一步打算): typed in a deeper level's style, one that fills the gap in
    the Chinese numbers above is that part (二、 1、 2、 3、存在问题 四、: 3、 is 三、 mistyped).
    ``resume``: the text may begin inside a document, so its first heading may be numbered
    三、 or （三） (an excerpt of a page; ``lint`` checks a whole draft). Indexes in
    ``after_leads`` are lines right under a lead-in (``after_lead_in``): a top-level 一、 there
    starts the numbers again (我再提三点要求： / 一、……)."""
    levels, out = Levels(resume, _cut_parent(labels) if resume else ()), []
    for i, found in enumerate(labels):
        if found is None:
            out.append(None)
            continue
        style, value, family = found
        if family is not None and "1" in style and _claimed(labels, i):
            family = None
        following = next((label for label in labels[i + 1:] if label), None) if i in named else None
        level = ((following and levels.fill(style, value, family, following))
                 or levels.add(style, value, family, i in after_leads))
        out.append(level if level or i not in strays else levels.depth_of(style))
    return out


def counted_between(labels, numbers):
    """Indexes of numbered lines that no heading's shape marks (``numbers``: ``{index: (style,
    value, family)}``; a single sentence too long for a heading, 2.村党支部坚持每月开展……。)
    but that count between the headings of their style (``labels``: ``(style, value, family)``
    or None per line): the nearest number of their style on each side of one (up to a heading
    of another style), where there is one, is the number before its own and the number after,
    and one of them a heading's or one so read (a list of such sentences under 2.夯实基层组织。
    ……： is a list: 1.…… 2.…… 3.…… / 3.深化为民服务). They head their place in the run, so that
    its numbers go on (（一） （二） （三）, not （一） 2.…… （二）); ``format`` and ``lint`` read
    them so."""
    out, grown = set(), True
    while grown:                     # (1. / 2.…… / 3.…… / 4.: one read lets the next be)
        grown = False
        for i, (style, value, _) in numbers.items():
            sides = []               # (number, whether a heading's) nearest before it and after it
            for lines in (range(i - 1, -1, -1), range(i + 1, len(labels))):
                side = None
                for j in lines:
                    found = labels[j] or numbers.get(j)
                    if found and found[0] == style:
                        side = (found[1], labels[j] is not None or j in out)
                        break
                    if labels[j]:    # a heading of another style: the run ends there
                        break
                sides.append(side)
            before, after = sides
            if (i not in out and (not before or before[0] == value - 1) and (not after or after[0] == value + 1)
                    and (before and before[1] or after and after[1])):
                out.add(i)
                grown = True
    return out


def starts_again(found):
    """Whether a top-level label (``(style, value, …)``) right under a lead-in starts the numbers
    again: a Chinese 一 does (我再提三点要求： / 一、要提高政治站位 / 各级……); a run of items
    one under the other there is a list (``lead_in_lists``), figures a list's items or a
    parent's, and a （一） under its parent's （二） a number mistyped."""
    return bool(found) and found[1] == 1 and "一" in found[0]


# the label of a heading that a file's style marks and no number (## 存在问题): it ends the run above
UNNUMBERED = ("", 0, None)


def leads_in(text):
    """Whether a line ends in a colon, as a lead-in does (我再提三点要求：)."""
    return ("：" in text or ":" in text) and text.rstrip().endswith(("：", ":"))     # (most lines: no colon)


def after_lead_in(labels, texts, run_ins=()):
    """Indexes of the lines right under a lead-in: a line that ends in a colon (通过学习，取得了
    以下成效：, 我再提三点要求：) with no number, or a heading's text run into it (二、明年工作
    要求。对于明年的工作，我再提三点要求：; ``run_ins``: whether a heading runs into each line's
    text); empty lines are passed over."""
    out = set()
    for lead, text in enumerate(texts):
        if leads_in(text) and (labels[lead] is None or run_ins and run_ins[lead]):
            below = next((i for i in range(lead + 1, len(texts)) if texts[i].strip()), None)
            if below is not None:
                out.add(below)
    return out


def lead_in_lists(labels, texts, run_ins, above=True):
    """Indexes of numbered lines that are the items of a list under a lead-in, not headings:
    numbers (1. 1、 （1）, or 一、 （一）) starting again at 1 right under a lead-in
    (``after_lead_in``: 通过学习，取得了以下成效：), each item on the line after the one before
    and counting on (one number may be skipped); a run of one is no list. ``labels``: ``(style,
    value, family)``, ``UNNUMBERED`` for a heading a file's style marks, or None per line;
    ``texts`` each line's text (empty lines are passed over); ``run_ins`` whether a heading runs
    into its text. ``above``: the last number before the lead-in must be of the same style (a
    run under a new parent, 二、 / 主要表现在： / 1.……, is that parent's own); a draft the
    writer made numbers its headings itself, so there any run qualifies. A heading's shape is
    no list's: an item with a heading run into it (1.推进阵地建设。新建……) starts none
    and ends one, and so does one that counts on the headings above with text or numbers of
    another style below it (3.推进阵地建设 / 新建……), unless its number comes again later (a
    list's last item over a summary, then 3.推进阵地建设). ``format`` (through the outliner) and
    ``lint`` read such a list as the text it is."""
    after = after_lead_in(labels, texts, run_ins)
    if not after:
        return set()
    lines = [i for i, text in enumerate(texts) if text.strip()]
    # what heads a part of its own: text or other numbers below it, unless its number comes again later
    below = {i: not labels[j] or labels[j][0] != labels[i][0] for i, j in zip(lines, lines[1:]) if labels[i]}
    again = lambda i: any(labels[j] and labels[j][:2] == labels[i][:2] for j in lines if j > i)
    out, last, k = set(), None, 0
    while k < len(lines):
        i = lines[k]
        if labels[i] is None:
            k += 1
            continue
        style, value = labels[i][:2]
        if (value == 1 and i in after and not run_ins[i]
                and (not above or last and last[0] == style)):
            run = [i]
            for j in lines[k + 1:]:
                found = labels[j]
                if (not found or found[0] != style or not 0 < found[1] - labels[run[-1]][1] <= GAP or run_ins[j]
                        or last and found[1] == last[1] + 1 and below.get(j) and not again(j)):
                    break
                run.append(j)
            if len(run) > 1:
                out.update(run)
                k += len(run)
                continue
        last = (style, value)
        k += 1
    return out


def _cut_parent(labels):
    """The levels an excerpt resumes when it opens under a cut 一、: its first heading is a
    bracketed Chinese number after （一） (（二）) and an unbracketed one after 一、 follows (二、),
    with the bracketed numbers starting again below it, if at all: that is the level above, as
    一、 is above （一） in every report. [一、 at one before that number, （一） at one before the
    first]; none otherwise."""
    found = [label for label in labels if label]
    first = found[0] if found else None
    if not first or first[2] != "（" or "一" not in first[0] or first[1] < 2:
        return []
    at = next((k for k, label in enumerate(found) if label[2] == "" and "一" in label[0]), None)
    if at is None or found[at][1] < 2:
        return []
    below = next((label for label in found[at + 1:] if label[0] == first[0]), None)
    if below and below[1] != 1:          # （三） going on after 二、三季度……: not a part above them
        return []
    return [[{found[at][0]}, {""}, found[at][1] - 1], [{first[0]}, {"（"}, first[1] - 1]]


def _claimed(labels, i, reach=40):
    style, value, family = labels[i]
    for later in labels[i + 1:i + 1 + reach]:
        if later is None:
            continue
        if later[0] == style:
            return False
        if later[1] == value and later[2] == family and "一" in later[0]:
            return True
    return False


def label_style(text):
    """``(style, value, family, label)`` of a typed heading label (一、 （二） 3. （4）), for
    ``Levels``: the style is its shape (brackets, Chinese or Arabic, 、 or .), the family
    whether it is bracketed; None when the text does not start with one. A decimal number (2.1,
    2.1.1) has a style of its own and no family: it never goes on counting another style's
    level. A part's number (第一部分) is none: whether a line parts the text is the outliner's
    call (outline.text_parts)."""
    decimal = _decimal(text)
    if decimal:
        return decimal[0], decimal[1], None, decimal[2]
    match = LABEL.match(text)
    if not match:
        return None
    chinese = not match["num"].isdigit()
    value = cn_value(match["num"]) if chinese else int(match["num"])
    if not value:
        return None
    typed = match.group().strip()
    family = "（" if match["open"] else ""
    separator = "、" if typed.endswith("、") or chinese else "."
    return family + ("一" if chinese else "1") + separator, value, family, typed
