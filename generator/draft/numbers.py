"""Numbers as people write them, and the phrases a report states them in.

``parse`` reads every form a 党务 office types in YAML or a spreadsheet: ``1,234``,
``1，234``, full-width digits, ``1.2万``, ``85%`` / ``85％``, ``3.5个百分点``. The phrasing
helpers below turn a statistic into the words of a report: 与上年持平, 增长8.8%, 提高5.3个百分点,
增加27个, 完成目标的108.4%、超额完成32名 or 距目标还差15名.
"""
import re
import unicodedata

PERCENT, POINTS = "%", "个百分点"
_SCALES = {"万": 10_000, "亿": 100_000_000}
_FORM = re.compile(r"""^(?P<sign>[+-]?)
    (?P<digits>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?
    (?P<scale>[万亿])?(?P<unit>%|个百分点)?$""", re.X)

# units that count things: a change in a small count reads better as 增加27个 than as 增长22.3%
COUNT_UNITS = frozenset("个名人家户村次项处支条件所座套台本场期批位")
SMALL_COUNT = 200   # below this (last year's count), the change is said as a difference


def parse(value):
    """``(number, unit)`` for a number as written (``unit`` is ``%``, ``个百分点`` or None);
    an int stays an int (``1.2万`` → 12000). Raise ValueError for anything else."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, (int, float)):
        return value, None
    if not isinstance(value, str):
        raise ValueError(value)
    text = unicodedata.normalize("NFKC", value).replace(" ", "").replace("\u3000", "")
    match = _FORM.match(text)
    if not match:
        raise ValueError(value)
    # exact integer arithmetic (no floats until the end, no decimal module at start-up)
    fraction = (match["fraction"] or "")[1:]
    numerator = int(match["digits"].replace(",", "") + fraction) * _SCALES.get(match["scale"], 1)
    denominator = 10 ** len(fraction)
    if match["sign"] == "-":
        numerator = -numerator
    whole = numerator % denominator == 0 and (not fraction or match["scale"])
    try:
        return (numerator // denominator if whole else numerator / denominator), match["unit"]
    except OverflowError:
        raise ValueError(value) from None


def plain(x, digits=1):
    """1234 → 1234, 81.0 → 81, 9.44 → 9.4."""
    x = round(float(x), digits)
    return str(int(x)) if x == int(x) else f"{x:.{digits}f}".rstrip("0").rstrip(".")


def amount(x, unit="", digits=1):
    """A figure as a report writes it: 125000000元 → 1.25亿元, 98000000元 → 9800万元 (money from
    万 on, anything from 亿 on), when the shorter form is exact to two decimals; else ``plain``."""
    x = float(x)
    scales = ((100_000_000, "亿"), (10_000, "万")) if unit and "元" in unit and "万" not in unit \
        and "亿" not in unit else ((100_000_000, "亿"),)
    for scale, word in scales:
        if abs(x) >= scale and round(x / scale, 2) * scale == x:
            return plain(x / scale, 2) + word
    return plain(x, digits)


def is_rate(unit):
    return unit in (PERCENT, "％")


def is_count(unit, *values):
    return bool(unit) and unit in COUNT_UNITS and all(float(v).is_integer() for v in values)


def compared(value, previous, unit="", digits=1, by=None):
    """The change from last year as a phrase: 与上年持平, 比上年增长8.8% / 下降2.1%,
    比上年提高5.3个百分点 (a rate), 比上年增加27个 (a small count; ``by="count"`` or
    ``by="percent"`` chooses)."""
    delta = value - previous
    rate = is_rate(unit)
    if by is None:
        by = "count" if is_count(unit, value, previous) and (abs(previous) < SMALL_COUNT or not previous) \
            else "percent"
    if rate:
        size, suffix, words = abs(delta), POINTS, ("提高", "下降")
    elif by == "count" or not previous:
        size, suffix, words = abs(delta), unit or "", ("增加", "减少")
    else:
        size, suffix, words = abs(100.0 * delta / previous), PERCENT, ("增长", "下降")
    if round(size, digits) == 0:
        return "与上年持平"
    return "比上年" + (words[0] if delta > 0 else words[1]) + plain(size, digits) + suffix


def against_target(value, target, unit="", digits=1):
    """The value against its target: 完成目标的108.4%，超额完成32名 / 完成目标的95.3%，距目标还差15名;
    for a rate: 达到目标 / 超过目标1.5个百分点 / 距目标还差1.9个百分点."""
    gap = value - target
    if is_rate(unit):
        if round(gap, digits) == 0:
            return "达到目标"
        return f"超过目标{plain(gap, digits)}{POINTS}" if gap > 0 else f"距目标还差{plain(-gap, digits)}{POINTS}"
    share = f"完成目标的{plain(100.0 * value / target, digits)}{PERCENT}"
    if round(gap, digits) == 0:
        return share
    amount_said = amount(abs(gap), unit, digits) + (unit or "")
    return f"{share}，超额完成{amount_said}" if gap > 0 else f"{share}，距目标还差{amount_said}"


_TIME = re.compile(r"\d|[年月日季底]|[前内]$")
_LEADS = re.compile(r"^(?:力争|确保|争取)")
_BY = re.compile(r"^(?:到|在|于)")


def plan(goal=None, deadline=None):
    """A plan's 目标 and 时限 woven into one sentence: 力争到2027年6月底前党支部达标率达到95%以上。"""
    goal = _LEADS.sub("", goal or "").strip()
    deadline = _BY.sub("", deadline or "").strip()
    if not goal and not deadline:
        return ""
    if not goal:
        return f"力争于{deadline}完成。" if _TIME.search(deadline) else f"{deadline}。"
    if not deadline:
        return f"力争{goal}。"
    if _TIME.search(deadline):
        return f"力争到{deadline}{goal}。"
    return f"力争{goal}，{deadline}。"
