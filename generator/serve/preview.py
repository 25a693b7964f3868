"""The draft as it will read, in HTML: title, numbered headings, bold lead-ins, tables and
the yellow 【待补充】 placeholders, numbered as the writer numbers them."""
from markupsafe import Markup, escape

from generator.markup import PLACEHOLDER
from generator.numbering import Numberer
from generator.word.style import HEADING_KINDS, RESTARTS, heading_patterns

_TAGS = {"标题": "h1"}
_CLASSES = {"标题": "title", "署名": "author", "关键词": "keywords", "正文": "body", "表题": "caption",
            "落款": "signature", "主送": "addressee", "附件标识": "attachment", "部分标题": "part"}


def to_html(blocks, sheet):
    numberer, out = Numberer(heading_patterns(sheet)), []
    for block in blocks:
        if block.kind == "表格":
            out.append(_table(block.rows))
        elif block.kind in RESTARTS:      # an attachment, a part: its headings number afresh, as the writer does
            numberer = Numberer(heading_patterns(sheet))
            out.append(f'<p class="{_CLASSES[block.kind]}">{_runs(block.runs)}</p>')
        elif block.kind in HEADING_KINDS:
            level = HEADING_KINDS.index(block.kind) + 1
            label = numberer.next(level, block.again)
            out.append(f'<h{level + 1} class="h{level}">{escape(label)}{_runs(block.runs)}</h{level + 1}>')
        else:
            tag = _TAGS.get(block.kind, "p")
            out.append(f'<{tag} class="{_CLASSES.get(block.kind, "body")}">{_runs(block.runs)}</{tag}>')
    return Markup("\n".join(out))


def _runs(runs):
    return "".join(f"<b>{_text(text)}</b>" if bold else _text(text) for text, bold in runs)


def _text(text):
    out, pos = [], 0
    for match in PLACEHOLDER.finditer(text):
        out += [str(escape(text[pos:match.start()])), f'<mark>{escape(match.group())}</mark>']
        pos = match.end()
    out.append(str(escape(text[pos:])))
    return "".join(out)


def _table(rows):
    if not rows:
        return ""
    head = "".join(f"<th>{_text(c)}</th>" for c in rows[0])
    body = "".join("<tr>" + "".join(f"<td>{_text(c)}</td>" for c in row) + "</tr>" for row in rows[1:])
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
