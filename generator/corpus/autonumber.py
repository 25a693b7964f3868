"""Word's automatic numbering as the text Word shows: a paragraph in a numbered list (its own
w:numPr, or its style's) carries no number in its runs; Word draws 一、 or （二） or 3. from
numbering.xml. Reading, ``format`` and ``lint`` need that label as text, since it is what the
reader sees and what tells a heading from body text.

Counters follow Word's rules as far as drafts use them: one counter set per abstract list
(numbers sharing it continue each other), a level counting on restarts every deeper level
(``w:lvlRestart`` 0 keeps it), ``w:startOverride`` restarts a list the first time its number is
used, ``w:isLgl`` writes the levels in Arabic figures. Bullets have no label.
"""
from generator.numbering import cn_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LEVELS = 9
_LEGAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
_LEGAL_TRADITIONAL = str.maketrans("一二三四五六七八九十百千万", "壹貳參肆伍陸柒捌玖拾佰仟萬")
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


def _roman(n):
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def _series(chars, n):
    return chars[n - 1] if 1 <= n <= len(chars) else str(n)


def _enclosed(first, n):
    return chr(first + n - 1) if 1 <= n <= 20 else str(n)


def _legal(n, table):
    """壹, 壹拾, 壹拾壹: the upper-case figures of contracts write the 一 before 十 too."""
    text = cn_number(n)
    return ("一" + text if text.startswith("十") else text).translate(table)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "decimalFullWidth": lambda n: str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")),
    "decimalEnclosedCircle": lambda n: _enclosed(0x2460, n),
    "decimalEnclosedCircleChinese": lambda n: _enclosed(0x2460, n),
    "decimalEnclosedParen": lambda n: _enclosed(0x2474, n),
    "decimalEnclosedFullstop": lambda n: _enclosed(0x2488, n),
    "chineseCounting": cn_number,
    "chineseCountingThousand": cn_number,
    "japaneseCounting": cn_number,
    "taiwaneseCounting": cn_number,
    "taiwaneseCountingThousand": cn_number,
    "ideographDigital": lambda n: "".join("〇一二三四五六七八九"[int(d)] for d in str(n)),
    "chineseLegalSimplified": lambda n: _legal(n, _LEGAL),
    "ideographLegalTraditional": lambda n: _legal(n, _LEGAL_TRADITIONAL),
    "ideographTraditional": lambda n: _series(_STEMS, n),
    "ideographZodiac": lambda n: _series(_BRANCHES, n),
    "lowerLetter": lambda n: chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1),
    "upperLetter": lambda n: chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


def _val(el, tag, default=None):
    found = el.find(W + tag) if el is not None else None
    value = found.get(W + "val") if found is not None else None
    return default if value is None else value


def switched_on(el):
    """An on/off property element (w:b, w:isLgl …): on when present, unless its value says off."""
    return el is not None and el.get(W + "val", "on") not in ("0", "false", "off")


def based_on(sid, base, value_of, depth=0):
    """A style's property as Word resolves it: its own (``value_of(sid)`` not None), else its
    ``basedOn`` style's (``base``: styleId → the style it is based on), and so on up the chain."""
    value = value_of(sid)
    if value is None and sid in base and depth < 20:
        return based_on(base[sid], base, value_of, depth + 1)
    return value


def _int(value, default):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _level(lvl):
    """(start, format, text, restart, legal, suffix) of a w:lvl."""
    return (_int(_val(lvl, "start"), 1), _val(lvl, "numFmt", "decimal"), _val(lvl, "lvlText", ""),
            _int(_val(lvl, "lvlRestart"), None), switched_on(lvl.find(W + "isLgl")),
            _val(lvl, "suff", "tab"))


def _levels(parent):
    return {_int(lvl.get(W + "ilvl"), -1): _level(lvl) for lvl in parent.iterchildren(W + "lvl")}


def _shown(fmt, n):
    """Counter ``n`` in number format ``fmt``; figures beyond any real list (a crafted start of
    10^20 would make a…z or Roman numerals endless) in Arabic figures."""
    if fmt == "none":
        return ""
    return _FORMATS.get(fmt, str)(n) if 0 <= n < 10000 else str(n)


def style_numbers(styles):
    """``{styleId: (numId, ilvl)}`` for the paragraph styles of a styles.xml root that number
    their paragraphs, through ``basedOn``."""
    own, base = {}, {}
    for style in styles.iterchildren(W + "style") if styles is not None else ():
        sid = style.get(W + "styleId")
        numpr = style.find(f"{W}pPr/{W}numPr")
        if numpr is not None:
            own[sid] = (_val(numpr, "numId"), _val(numpr, "ilvl"))
        based = style.find(W + "basedOn")
        if based is not None:
            base[sid] = based.get(W + "val")

    found = {sid: tuple(based_on(sid, base, lambda s: own.get(s, (None, None))[slot]) for slot in (0, 1))
             for sid in set(own) | set(base)}       # the list and the level each inherit on their own
    return {sid: pair for sid, pair in found.items() if pair[0] is not None}


class ListLabels:
    """The labels of a document's numbered paragraphs, asked for in document order."""

    def __init__(self, numbering, style_numbers=None):
        self.styles = style_numbers or {}
        self.abstract, self.nums, self.shared, self.bound = {}, {}, {}, {}
        links = {}
        for el in numbering.iterchildren(W + "abstractNum") if numbering is not None else ():
            aid = el.get(W + "abstractNumId")
            self.abstract[aid] = _levels(el)
            # a level bound to a paragraph style (Heading 2 ↔ level 2) gives that style its level
            self.bound[aid] = {_val(lvl, "pStyle"): _int(lvl.get(W + "ilvl"), -1)
                               for lvl in el.iterchildren(W + "lvl") if _val(lvl, "pStyle")}
            if _val(el, "numStyleLink"):
                links[aid] = _val(el, "numStyleLink")
        for el in numbering.iterchildren(W + "num") if numbering is not None else ():
            overrides = {}
            for over in el.iterchildren(W + "lvlOverride"):
                ilvl = _int(over.get(W + "ilvl"), -1)
                lvl = over.find(W + "lvl")
                overrides[ilvl] = (_int(_val(over, "startOverride"), None),
                                   _level(lvl) if lvl is not None else None)
            self.nums[el.get(W + "numId")] = (_val(el, "abstractNumId"), overrides)
        for aid, style in links.items():      # a list defined by a numbering style: one list with it
            linked = self.nums.get((self.styles.get(style) or (None,))[0])
            if linked and linked[0] in self.abstract and linked[0] != aid:
                self.abstract[aid], self.shared[aid] = self.abstract[linked[0]], linked[0]
        self.counters, self.started = {}, set()

    def label(self, p):
        """The label Word shows before paragraph ``p`` (a w:p), with the space Word puts after
        it when it ends in a figure or letter; "" when it has none. Every numbered paragraph
        counts, so ask for each in document order, those in tables and empty ones too."""
        ppr = p.find(W + "pPr")
        numpr = ppr.find(W + "numPr") if ppr is not None else None
        style_id = _val(ppr, "pStyle")
        style = self.styles.get(style_id, (None, None))
        num_id = _val(numpr, "numId") or style[0]
        if num_id in (None, "0") or num_id not in self.nums:
            return ""
        aid, overrides = self.nums[num_id]
        ilvl = _int(_val(numpr, "ilvl") or style[1], self.bound.get(aid, {}).get(style_id, 0))
        levels = dict(self.abstract.get(aid, {}))
        levels.update({i: lvl for i, (_, lvl) in overrides.items() if lvl})
        if ilvl not in levels or not 0 <= ilvl < LEVELS:
            return ""
        starts = {i: lvl[0] if overrides.get(i, (None,))[0] is None else overrides[i][0]
                  for i, lvl in levels.items()}
        counts = self.counters.setdefault(self.shared.get(aid, aid), [None] * LEVELS)
        if overrides.get(ilvl, (None,))[0] is not None and (num_id, ilvl) not in self.started:
            self.started.add((num_id, ilvl))         # a start override restarts the level once
            counts[ilvl] = None
        _, kind, text, _, legal, suffix = levels[ilvl]
        counts[ilvl] = (starts[ilvl] - 1 if counts[ilvl] is None else counts[ilvl]) + 1
        for deeper in range(ilvl + 1, LEVELS):
            restart = levels[deeper][3] if deeper in levels else None
            if restart is None or restart > ilvl:
                counts[deeper] = None
        if kind == "bullet":
            return ""
        for i in range(LEVELS, 0, -1):          # %10 is no placeholder; %1 after %9 …
            if f"%{i}" in text:
                fmt = levels[i - 1][1] if i - 1 in levels else "decimal"
                n = counts[i - 1] if counts[i - 1] is not None else starts.get(i - 1, 1)
                text = text.replace(f"%{i}", _shown("decimal" if legal and fmt != "none" else fmt, max(n, 0)))
        if text and suffix != "nothing" and text[-1].isalnum():
            text += " "
        return text


def label_map(body, numbering, style_numbers=None):
    """``{w:p: label}`` for every paragraph of ``body`` that Word numbers, counted in document
    order (tables, content controls and empty paragraphs count too)."""
    labels = ListLabels(numbering, style_numbers)
    return {p: label for p in body.iter(W + "p") if (label := labels.label(p))}
