"""Style sheets: the layout numbers (page, grid, fonts per paragraph kind) as data.

A style sheet is a YAML file; ``gbt9704`` ships with the package. Both the
writer and the checker read the same sheet, so a unit changes its house
layout by editing data, never code.
"""
import re
from pathlib import Path

from generator.errors import ReportgenError
from generator.normalize import is_ideograph
from generator.yamlio import load_config

BUILTIN_DIR = Path(__file__).parent / "styles"
DEFAULT = "gbt9704"

# paragraph kinds every sheet must define; the writer and lint rely on them
KINDS = ("标题", "署名", "关键词", "一级标题", "二级标题", "三级标题", "四级标题",
         "正文", "表题", "表格", "落款", "页码")
HEADING_KINDS = ("一级标题", "二级标题", "三级标题", "四级标题")
# kinds a sheet may leave out: (the kind whose look it then takes, what changes)
OPTIONAL_KINDS = {"主送": ("正文", {"首行缩进_字": 0}),
                  "附件标识": ("一级标题", {"首行缩进_字": 0, "对齐": "左", "段前分页": True}),
                  "部分标题": ("一级标题", {"首行缩进_字": 0, "对齐": "居中"})}
# kinds after which the heading numbers start again from 一、: an attachment, a part (第二部分 ……)
RESTARTS = ("附件标识", "部分标题")
PAGE_KEYS = ("宽_mm", "高_mm", "上边距_mm", "下边距_mm", "左边距_mm", "右边距_mm", "页脚距离_mm")
GRID_KEYS = ("行距_pt", "字距_pt")


PAGE_NUMBER = "— {页码} —"   # the page-number format when a sheet gives none


def heading_patterns(sheet):
    """The numbering pattern of each heading level, 一、（一）1.（1） in GB/T 9704."""
    return [sheet["段落"][kind].get("编号", "") for kind in HEADING_KINDS]


def page_number_format(sheet):
    return sheet["段落"]["页码"].get("格式", PAGE_NUMBER)


def latin_font(sheet, spec):
    """The font for digits and Latin letters of a paragraph kind."""
    return spec["字体"] if spec.get("西文同中文") else (sheet.get("西文字体") or spec["字体"])


def char_spacing(sheet, spec):
    """Points of character spacing for a kind: the grid's, for text of the body's size."""
    same_size = spec["字号"] == sheet["段落"]["正文"]["字号"]
    return sheet["网格"]["字距_pt"] if same_size else 0


FONT_CLASSES = ("宋体", "仿宋", "楷体", "黑体", "小标宋", "生僻字")
FONT_FAMILIES = ("roman", "swiss", "modern", "script", "decorative", "auto")
FONT_REPERTOIRES = ("GB2312", "GBK")
# the kinds whose fonts `reportgen fonts` and render's warning speak of
FONT_ROLES = ("标题", "一级标题", "二级标题", "正文", "页码")


def font_info(sheet, name):
    """What the sheet's 字体 section says of font ``name`` (empty when a sheet names fonts only
    in its 段落, as older sheets do)."""
    return (sheet.get("字体") or {}).get(name) or {}


def fallbacks(sheet, name):
    """The stand-ins of font ``name``, in the order a machine without it should try them."""
    return list(font_info(sheet, name).get("备选") or [])


def font_roles(sheet):
    """Every Chinese font the sheet uses, each with the paragraph kinds that use it, in the
    order of KINDS; the 生僻字 font last."""
    roles = {}
    for kind in KINDS:
        roles.setdefault(sheet["段落"][kind]["字体"], []).append(kind)
    rare = sheet.get("生僻字字体")
    if rare:
        roles.setdefault(rare, []).append("生僻字")
    return roles


def wide_font(sheet, name):
    """The font for ideographs outside GB2312 in text of font ``name``: its first stand-in when
    the sheet says the font has only GB2312's characters (仿宋_GB2312 has no 堃 or 珺), else None."""
    if font_info(sheet, name).get("字库") == "GB2312":
        return next(iter(fallbacks(sheet, name)), None)
    return None




def font_pieces(text, wide=None, rare=None):
    """``text`` cut where its font must change: ``[(piece, font or None)]``. Ideographs of CJK
    Extension B and later (生僻字 such as 𠮷 𪚥) get ``rare``, other ideographs outside
    GB2312 get ``wide``; everything else keeps the paragraph's font (None)."""
    if not (wide or rare) or text.isascii():
        return [(text, None)]
    try:
        text.encode("gb2312")
        return [(text, None)]
    except UnicodeEncodeError:
        pass
    out = []
    for ch in text:
        font = None
        if is_ideograph(ch):
            font = rare if ord(ch) >= 0x20000 else wide if not _in_gb2312(ch) else None
        if out and out[-1][1] == font:
            out[-1][0].append(ch)
        else:
            out.append(([ch], font))
    return [("".join(chars), font) for chars, font in out]


def _in_gb2312(ch):
    try:
        ch.encode("gb2312")
        return True
    except UnicodeEncodeError:
        return False


def builtin_styles():
    return sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml"))


def load_style(name_or_path=None):
    """Load a style sheet by built-in name or by file path and check its shape."""
    name_or_path = name_or_path or DEFAULT
    path = Path(name_or_path)
    if not path.suffix and not path.exists():
        path = BUILTIN_DIR / f"{name_or_path}.yaml"
        if not path.exists():
            raise ReportgenError(
                f"没有名为“{name_or_path}”的版式表；内置的有：{'、'.join(builtin_styles())}")
    sheet, lines = load_config(path)
    _check(sheet, lines, path)
    for kind, (like, changes) in OPTIONAL_KINDS.items():
        if kind not in sheet["段落"]:
            spec = {k: v for k, v in sheet["段落"][like].items() if k not in ("编号", "大纲级别")}
            sheet["段落"][kind] = spec | changes
    return sheet


NUMBER, TEXT, FLAG = (int, float), str, bool
# key → (type, lowest, highest); numbers outside the range are typing mistakes
PAGE_RULES = {k: (NUMBER, 1, 1000) for k in PAGE_KEYS}
GRID_RULES = {"行距_pt": (NUMBER, 1, 200), "字距_pt": (NUMBER, -10, 10),
              "每页行数": (NUMBER, 1, 100), "每行字数": (NUMBER, 1, 100)}
PARAGRAPH_RULES = {
    "字体": (TEXT, None, None), "字号": (NUMBER, 4, 96), "加粗": (FLAG, None, None),
    "对齐": (TEXT, None, None), "行距_pt": (NUMBER, 1, 200), "段前_pt": (NUMBER, 0, 500),
    "段后_pt": (NUMBER, 0, 500), "首行缩进_字": (NUMBER, 0, 20), "右缩进_字": (NUMBER, 0, 20),
    "外侧空_字": (NUMBER, 0, 20), "大纲级别": (NUMBER, 1, 9), "编号": (TEXT, None, None),
    "格式": (TEXT, None, None), "西文同中文": (FLAG, None, None), "段前分页": (FLAG, None, None),
}
ALIGNMENTS = ("居中", "右", "左", "两端")
HIGHLIGHTS = ("yellow", "green", "cyan", "magenta", "blue", "red", "darkBlue", "darkCyan",
              "darkGreen", "darkMagenta", "darkRed", "darkYellow", "darkGray", "lightGray", "black")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")


def _check(sheet, lines, path):
    """Every key the writer and lint read, with its type and a sane range."""
    def fail(keys, message):
        raise ReportgenError(f"版式表“{'.'.join(keys)}”{message}", path,
                             lines.get(keys) or lines.get(keys[:-1]) or lines.get(keys[:1]))

    def value(keys, rule, required=True):
        node = sheet
        for key in keys:
            node = node.get(key) if isinstance(node, dict) else None
        kind, low, high = rule
        if node is None:
            if required:
                fail(keys, "缺少")
            return None
        if not isinstance(node, kind) or (kind is NUMBER and isinstance(node, bool)):
            fail(keys, "应是" + {TEXT: "文字", FLAG: " true 或 false"}.get(kind, "数字"))
        if low is not None and not low <= node <= high:
            fail(keys, f"应在 {low} 到 {high} 之间，这里是 {node}")
        return node

    if not isinstance(sheet, dict):
        raise ReportgenError("版式表的顶层应是映射（页面、网格、段落……）", path, 1)
    for top in ("页面", "网格", "段落"):
        if not isinstance(sheet.get(top), dict):
            fail((top,), "缺少或不是映射")
    page = {k: value(("页面", k), rule) for k, rule in PAGE_RULES.items()}
    if page["左边距_mm"] + page["右边距_mm"] >= page["宽_mm"] or \
            page["上边距_mm"] + page["下边距_mm"] >= page["高_mm"]:
        fail(("页面",), "的页边距比纸还大")
    for key, rule in GRID_RULES.items():
        value(("网格", key), rule, required=key in GRID_KEYS)
    value(("西文字体",), (TEXT, None, None), required=False)
    value(("生僻字字体",), (TEXT, None, None), required=False)
    _check_fonts(sheet, fail, value)
    mark = value(("待补充", "高亮"), (TEXT, None, None), required=False)
    if mark is not None and mark not in HIGHLIGHTS:
        fail(("待补充", "高亮"), f"应是 Word 的高亮色之一：{'、'.join(HIGHLIGHTS)}")
    for kind in KINDS + tuple(k for k in OPTIONAL_KINDS if k in (sheet.get("段落") or {})):
        spec = sheet["段落"].get(kind)
        if not isinstance(spec, dict):
            fail(("段落", kind), "缺少或不是映射")
        for key in spec:
            if key not in PARAGRAPH_RULES:
                fail(("段落", kind, key), f"不认识；可用的键：{'、'.join(PARAGRAPH_RULES)}")
        for key, rule in PARAGRAPH_RULES.items():
            value(("段落", kind, key), rule, required=key in ("字体", "字号"))
        if spec.get("对齐") is not None and spec["对齐"] not in ALIGNMENTS:
            fail(("段落", kind, "对齐"), f"应是 {'、'.join(ALIGNMENTS)} 之一")
        if "编号" in spec and set(_PLACEHOLDER.findall(spec["编号"])) - {"{中文}", "{数字}"} \
                or "编号" in spec and spec["编号"].count("{") != spec["编号"].count("}"):
            fail(("段落", kind, "编号"), "只能用 {中文} 或 {数字} 代表序号，如“（{中文}）”")
        if "格式" in spec and _PLACEHOLDER.findall(spec["格式"]) != ["{页码}"]:
            fail(("段落", kind, "格式"), "应含且只含一个 {页码}，如“— {页码} —”")


FONT_RULES = {"类别": FONT_CLASSES, "字库": FONT_REPERTOIRES, "字族": FONT_FAMILIES}


def _check_fonts(sheet, fail, value):
    """The optional 字体 section: for each font, its class, stand-ins and font-table facts."""
    fonts = sheet.get("字体")
    if fonts is None:
        return
    if not isinstance(fonts, dict):
        fail(("字体",), "应是映射：字体名 → {类别, 备选, …}")
    for name, info in fonts.items():
        if not isinstance(info, dict):
            fail(("字体", name), "应是映射，如 {类别: 仿宋, 备选: [仿宋, FangSong]}")
        for key in info:
            if key not in (*FONT_RULES, "备选", "PANOSE"):
                fail(("字体", name, key), "不认识；可用的键：类别、备选、字库、字族、PANOSE")
        for key, allowed in FONT_RULES.items():
            if value(("字体", name, key), (TEXT, None, None), required=False) not in (None, *allowed):
                fail(("字体", name, key), f"应是 {'、'.join(allowed)} 之一")
        alternates = info.get("备选", [])
        if not isinstance(alternates, list) or not all(isinstance(a, str) and a for a in alternates):
            fail(("字体", name, "备选"), "应是字体名的列表，如 [仿宋, FangSong]")
        panose = value(("字体", name, "PANOSE"), (TEXT, None, None), required=False)
        if panose is not None and not re.fullmatch(r"[0-9A-Fa-f]{20}", panose):
            fail(("字体", name, "PANOSE"), "应是 20 位十六进制数字，如 \"02010609030101010101\"")
