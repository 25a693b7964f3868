"""Style sheets: the layout numbers (page, grid, fonts per paragraph kind) as data.

A style sheet is a YAML file; ``gbt9704`` ships with the package. Both the
writer and the checker read the same sheet, so a unit changes its house
layout by editing data, never code.
"""
from pathlib import Path

from .errors import ReportgenError
from .yamlio import load_yaml

BUILTIN_DIR = Path(__file__).parent / "styles"
DEFAULT = "gbt9704"

# paragraph kinds every sheet must define; the writer and lint rely on them
KINDS = ("标题", "署名", "关键词", "一级标题", "二级标题", "三级标题", "四级标题",
         "正文", "表题", "表格", "落款", "页码")
HEADING_KINDS = ("一级标题", "二级标题", "三级标题", "四级标题")
PAGE_KEYS = ("宽_mm", "高_mm", "上边距_mm", "下边距_mm", "左边距_mm", "右边距_mm", "页脚距离_mm")
GRID_KEYS = ("行距_pt", "字距_pt")


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
    sheet, lines = load_yaml(path)
    _check(sheet, lines, path)
    return sheet


def _check(sheet, lines, path):
    def need(keys, kind=(int, float)):
        value = sheet
        for key in keys:
            value = value.get(key) if isinstance(value, dict) else None
        if not isinstance(value, kind) or isinstance(value, bool):
            wanted = {dict: "映射", str: "文字"}.get(kind, "数字")
            where = ".".join(keys)
            line = lines.get(keys) or lines.get(keys[:-1])
            raise ReportgenError(f"版式表缺少“{where}”或它不是{wanted}", path, line)

    for key in PAGE_KEYS:
        need(("页面", key))
    for key in GRID_KEYS:
        need(("网格", key))
    for kind in KINDS:
        need(("段落", kind), dict)
        need(("段落", kind, "字体"), str)
        need(("段落", kind, "字号"))
