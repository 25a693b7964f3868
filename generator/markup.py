"""The draft markup: a small Markdown dialect that templates emit and the writer lays out.

    # 标题                      document title
    ::: 署名 / ::: 落款 / ::: 关键词   author line, signature block, keywords (closed by :::)
    ## 一级  ### 二级  #### 三级  ##### 四级   headings, numbering added by the writer
    **一是**……                  bold lead-in inside a paragraph
    ::: 表格 表题               a GFM pipe table, with its caption after the marker
    【待补充：……】              a placeholder, highlighted in the draft

Parsing is done by markdown-it-py with every rule off except those above, so
indentation, list markers or HTML in user data cannot change the structure.
"""
import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from mdit_py_plugins.container import container_plugin

from .normalize import clean_text
from .numbering import strip_number

CONTAINERS = ("署名", "落款", "关键词", "表格")
PLACEHOLDER = re.compile(r"【待补充[：:][^】]*】")


@dataclass
class Block:
    kind: str                      # 标题 署名 关键词 正文 表题 表格 落款, or 一级标题 … 四级标题
    runs: list = field(default_factory=list)   # [(text, bold)]
    rows: list = None              # tables: list of rows of cell text
    line: int = 0                  # 1-based line in the markup

    @property
    def text(self):
        return "".join(text for text, _ in self.runs)


HEADINGS = {"h1": "标题", "h2": "一级标题", "h3": "二级标题", "h4": "三级标题", "h5": "四级标题"}

_md = MarkdownIt("zero").enable(["heading", "table", "emphasis", "escape", "newline"])
for _name in CONTAINERS:
    _md.use(container_plugin, name=_name)

_ESCAPE = re.compile(r"([\\*_|])")
_LINE_START = re.compile(r"^(\s*)([#:])", re.M)


def escape(text):
    """Make user text literal inside the markup."""
    return _LINE_START.sub(r"\1\\\2", _ESCAPE.sub(r"\\\1", text))


def parse(markup):
    """Turn markup into a flat list of Blocks."""
    blocks, container, table, row = [], None, None, None
    tokens = _md.parse(clean_text(markup))
    for index, tok in enumerate(tokens):
        line = tok.map[0] + 1 if tok.map else 0
        if tok.type.startswith("container_") and tok.type.endswith("_open"):
            container = tok.type[len("container_"):-len("_open")]
            if container == "表格":
                caption = tok.info.strip()[len("表格"):].strip()
                if caption:
                    blocks.append(Block("表题", [(caption, False)], line=line))
        elif tok.type.startswith("container_") and tok.type.endswith("_close"):
            container = None
        elif tok.type == "table_open":
            table = Block("表格", rows=[], line=line)
            blocks.append(table)
        elif tok.type == "tr_open":
            row = []
            table.rows.append(row)
        elif tok.type == "inline":
            runs = _runs(tok, keep_lines=container in ("署名", "落款"))
            parent = tokens[index - 1].type
            if parent == "heading_open":
                kind = HEADINGS.get(tokens[index - 1].tag, "四级标题")
                if kind != "标题":
                    runs = _strip_number(runs)
                blocks.append(Block(kind, runs, line=line))
            elif parent in ("th_open", "td_open"):
                row.append("".join(text for text, _ in runs))
            elif container in ("署名", "落款"):
                for text in "".join(t for t, _ in runs).split("\n"):
                    if text.strip():
                        blocks.append(Block(container, [(text.strip(), False)], line=line))
            elif container == "关键词":
                blocks.append(Block("关键词", runs, line=line))
            else:
                blocks.append(Block("正文", runs, line=line))
    return blocks


def _runs(inline, keep_lines=False):
    """Inline tokens → [(text, bold)]; line breaks are joined (Chinese needs no space)
    unless ``keep_lines`` (signature lines)."""
    runs, bold = [], False
    for child in inline.children or ():
        if child.type == "strong_open":
            bold = True
        elif child.type == "strong_close":
            bold = False
        elif child.type == "text":
            _add(runs, child.content, bold)
        elif child.type in ("softbreak", "hardbreak"):
            _add(runs, "\n" if keep_lines else "", bold)
    return runs


def _add(runs, text, bold):
    if not text:
        return
    if runs and runs[-1][1] == bold:
        runs[-1] = (runs[-1][0] + text, bold)
    else:
        runs.append((text, bold))


def _strip_number(runs):
    if not runs:
        return runs
    first = strip_number(runs[0][0])
    return ([(first, runs[0][1])] if first else []) + runs[1:]
