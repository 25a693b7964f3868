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

    def next(self, level):
        index = level - 1
        self.counts[index] += 1
        for deeper in range(index + 1, len(self.counts)):
            self.counts[deeper] = 0
        return label(self.patterns[index], self.counts[index])


CN = "零〇一二三四五六七八九十百千"
# a number someone typed at the start of a heading, in any of the common forms
TYPED_NUMBER = re.compile(
    rf"^\s*(?:[{CN}]+\s*[、.．]|[（(]\s*[{CN}]+\s*[)）]\s*[、.．]?|\d+\s*[、.．](?!\d)|[（(]\s*\d+\s*[)）]\s*[、.．]?)\s*"
)


def strip_number(text):
    """Remove a typed heading number so the writer's own numbering is the only one."""
    return TYPED_NUMBER.sub("", text, count=1)
