"""The draft markup: a small Markdown dialect that templates emit and the writer lays out.

    # 标题                      document title
    ::: 署名 / ::: 落款 / ::: 关键词   author line, signature block, keywords (closed by :::)
    ::: 主送 / ::: 附件标识     addressee under the title; 附件1 opening an attachment's page
    ## 一级  ### 二级  #### 三级  ##### 四级   headings, numbering added by the writer
    **一是**……                  bold lead-in inside a paragraph
    ::: 表格 表题               a GFM pipe table, with its caption after the marker
    【待补充：……】              a placeholder, highlighted in the draft

Parsing is done by mistune with every rule off except those above, so
indentation, list markers or HTML in user data cannot change the structure.
"""
import itertools
import re
from dataclasses import dataclass, field

from mistune import BlockParser, InlineParser, Markdown
from mistune.plugins.table import table

from generator.normalize import clean_text
from generator.numbering import strip_number

CONTAINERS = ("署名", "落款", "关键词", "表格", "主送", "附件标识")
PLACEHOLDER = re.compile(r"【待补充[：:][^【】]*】")   # not across a 【: many unclosed ones stay linear


@dataclass
class Block:
    """One paragraph or table of the draft, in the order the writer lays them out."""

    kind: str                      # 标题 署名 主送 关键词 正文 表题 表格 图片 落款 附件标识, or 一级标题 … 四级标题
    runs: list = field(default_factory=list)   # [(text, bold)]
    rows: list = None              # tables: list of rows of cell text
    merges: tuple = ()             # tables: merged areas as (row, column, rows, columns)
    bold: frozenset = frozenset()  # tables: (row, column) of each cell in bold throughout
    image: tuple = None            # pictures: (bytes, extension, width, height in EMU)
    again: bool = False            # headings: the level's numbers start again here (under a lead-in)

    @property
    def text(self):
        return "".join(text for text, _ in self.runs)


HEADINGS = {1: "标题", 2: "一级标题", 3: "二级标题", 4: "三级标题", 5: "四级标题"}

# ::: 名称 [说明] … ::: ; the first line of colons alone closes it (or the end of the text)
# (any other ::: line is an ordinary paragraph line)
_OPEN = (r"^ {0,3}(?P<container_mark>:{3,})[ \t]*(?P<container_name>" + "|".join(CONTAINERS)
         + r")(?: (?P<container_caption>[^\n]*))?$")


def _container(block, m, state):
    start = state.find_line_end()
    marks = len(m.group("container_mark"))
    close = re.compile(r"^ {0,3}:{" + str(marks) + r",}[ \t]*$", re.MULTILINE)
    end = close.search(state.src, start)
    child = state.child_state(state.src[start:end.start() if end else state.cursor_max])
    block.parse(child, _BLOCK_RULES)
    caption = (m.group("container_caption") or "").strip()
    state.append_token({"type": "container", "attrs": {"name": m.group("container_name"), "caption": caption},
                        "children": child.tokens})
    return state.find_line_end_at(end.start()) if end else state.cursor_max


_md = Markdown(block=BlockParser(), inline=InlineParser(), plugins=[table])
_md.block.register("container", _OPEN, _container)
_BLOCK_RULES = ["atx_heading", "table", "blank_line"]   # inside a container: no nesting
_md.block.rules = ["container"] + _BLOCK_RULES
_md.inline.rules = ["escape", "emphasis", "linebreak", "softbreak"]

# CommonMark reads ** beside CJK punctuation by Western rules: in **一是抓学习。**全年…… the
# second ** follows a punctuation mark and comes before a letter, so it cannot close, and in
# 有**“引号”** the first cannot open; the asterisks would stay in the text. So ** pairs are
# read before mistune, left to right within a line, as the CJK-friendly amendment to CommonMark
# reads them: each pair becomes two noncharacters (Unicode keeps them for a program's own use)
# that mistune passes through as text, and ``held_bold`` turns them back into bold.
BOLD_ON, BOLD_OFF = "\ufdd0", "\ufdd1"
_STRONG = re.compile(r"(?<![\\*])\*\*(?=[^\s*])([^|]+?)(?<=[^\s*\\])\*\*(?!\*)")   # (not across a table's cells)
_HELD = re.compile(f"([{BOLD_ON}{BOLD_OFF}])")
_CODE_SPAN = re.compile(r"(`+).*?(?<!`)\1(?!`)")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def hold_strong(text):
    """``text`` with each pair of ** in a line held as BOLD_ON … BOLD_OFF; not in code (a
    fenced block, a `span`), whose asterisks are its own."""
    lines, fence = text.split("\n"), None
    for k, line in enumerate(lines):
        opened = _FENCE.match(line)
        if fence:
            fence = None if opened and opened[1][0] == fence[0] and len(opened[1]) >= len(fence) else fence
        elif opened:
            fence = opened[1]
        elif "**" in line:
            spans = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(line)] + [(len(line), len(line))]
            out, at = [], 0
            for start, end in spans:
                out += [_STRONG.sub(BOLD_ON + r"\1" + BOLD_OFF, line[at:start]), line[start:end]]
                at = end
            lines[k] = "".join(out)
    return "\n".join(lines)


def unhold(text):
    """``text`` with the marks of held pairs taken out (code, raw HTML)."""
    return _HELD.sub("", text)


def held_bold(pieces):
    """``(text, bold)`` pieces with the held pairs' text set bold and their marks taken out."""
    held = False
    for text, bold in pieces:
        for part in _HELD.split(text):
            if part in (BOLD_ON, BOLD_OFF):
                held = part == BOLD_ON
            elif part:
                yield part, bold or held


_ESCAPE = re.compile(r"([\\*_|#])")
_LINE_START = re.compile(r"^([^\S\n]*):", re.MULTILINE)   # within a line: \s* crossed lines, quadratically
_INDENT = re.compile(r"^[ \t\u3000]+", re.MULTILINE)   # the dialect has no indented blocks
_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")                # a pipe no backslash escapes


def escape(text):
    """Make user text literal inside the markup."""
    text = _lines(text)
    return _LINE_START.sub(r"\1\\:", _ESCAPE.sub(r"\\\1", text))


def _lines(text):
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _even_rows(text):
    """Rows of a pipe table padded or cut to the header's width, as GFM does (mistune would
    drop the whole table instead)."""
    lines, width = text.split("\n"), None
    for i, line in enumerate(lines):
        pipes = list(_PIPE.finditer(line))
        if not (len(pipes) >= 2 and line.startswith("|") and pipes[-1].end() == len(line.rstrip())):
            width = None                     # not a table row: the next row starts a table
        elif width is None:
            width = len(pipes)
        elif len(pipes) > width:
            lines[i] = line[:pipes[width - 1].end()]
        else:
            lines[i] = line.rstrip() + " |" * (width - len(pipes))
    return "\n".join(lines)


def parse(markup):
    """Turn markup into a flat list of Blocks."""
    tokens, _ = _md.parse(hold_strong(_even_rows(_INDENT.sub("", _lines(clean_text(markup))))))
    blocks = []
    for tok in tokens:
        if tok["type"] == "container":
            _container_blocks(tok["attrs"], tok["children"], blocks)
        else:
            _block(tok, blocks)
    return blocks


def _container_blocks(attrs, children, blocks):
    name = attrs["name"]
    if name == "表格":
        caption = _plain(_md.inline(attrs["caption"], {}))
        if caption:
            blocks.append(Block("表题", [(caption, False)]))
    for tok in children:
        if tok["type"] != "paragraph" or name == "表格":
            _block(tok, blocks)
        elif name == "关键词":
            blocks.append(Block("关键词", _runs(tok["children"])))
        else:                               # 署名, 落款, 主送, 附件标识: a block per line
            text = "".join(t for t, _ in _runs(tok["children"], keep_lines=True))
            blocks += [Block(name, [(line.strip(), False)]) for line in text.split("\n") if line.strip()]


def _block(tok, blocks):
    if tok["type"] == "heading":
        kind = HEADINGS.get(tok["attrs"]["level"], "四级标题")
        runs = _runs(tok["children"])
        blocks.append(Block(kind, runs if kind == "标题" else _strip_number(runs)))
    elif tok["type"] == "paragraph":
        blocks.append(Block("正文", _runs(tok["children"])))
    elif tok["type"] == "table":
        head, body = tok["children"]
        rows = [head["children"]] + [row["children"] for row in body["children"]]
        blocks.append(Block("表格", rows=[[_plain(cell["children"]) for cell in row] for row in rows]))


def _plain(children):
    return "".join(text for text, _ in _runs(children))


def _runs(children, keep_lines=False):
    """Inline tokens → [(text, bold)]; line breaks are joined (Chinese needs no space)
    unless ``keep_lines`` (signature lines)."""
    pieces = list(inline_pieces(children, keep_lines))
    return [("".join(text for text, _ in group), bold)
            for bold, group in itertools.groupby(pieces, key=lambda piece: piece[1])]


BREAK = re.compile(r"<br\s*/?>", re.I)


def inline_pieces(tokens, keep_lines=True):
    """``(text, bold)`` pieces of mistune's inline tokens, the held ** pairs (``hold_strong``)
    read as bold: line breaks (and <br>) as \n, or as nothing unless ``keep_lines``; a
    picture by its alternative text."""
    return held_bold(_pieces(tokens, "\n" if keep_lines else "", False))


def _pieces(tokens, newline, bold):
    for tok in tokens:
        kind = tok["type"]
        if kind in ("softbreak", "linebreak"):
            yield newline, bold
        elif "children" in tok:              # strong, emphasis, links
            yield from _pieces(tok["children"], newline, bold or kind == "strong")
        elif kind == "inline_html":
            yield (newline if BREAK.match(tok["raw"]) else ""), bold
        else:
            yield tok.get("raw") or (tok.get("attrs") or {}).get("alt", "") or "", bold


def _strip_number(runs):
    if not runs:
        return runs
    first = strip_number(runs[0][0])
    return ([(first, runs[0][1])] if first else []) + runs[1:]
