"""Lay draft blocks out as a .docx in the layout a style sheet describes (GB/T 9704 by default).

The styled empty package (page, styles, page numbers) is laid out once per style
sheet by ``package.build`` with python-docx and cached on disk as a ``Base``; each
draft then only needs its body: every block becomes a paragraph of its kind's
style, written here as WordprocessingML text, and the zip reuses the base's
parts as they were compressed. Runs carry only what differs from their style:
bold lead-ins and the yellow highlight of placeholders. Heading numbers are
written as literal text.
"""
import base64
import datetime
import functools
import io
import json
import re
import zipfile
from pathlib import Path

from generator import cache
from generator.markup import PLACEHOLDER
from generator.normalize import clean_text as _clean_text
from generator.normalize import map_pieces, punctuation_width, strip_invisible
from generator.numbering import Numberer
from generator.word.parts import AUTHOR, BODY, CORE, NOW, PICTURES, STYLE_NAMES, TITLE, Base
from generator.word.style import HEADING_KINDS, RESTARTS, font_pieces, heading_patterns, wide_font

DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"      # python-docx's form of created/modified
_STAND_INS = re.compile("|".join(re.escape(s) for s in (TITLE, AUTHOR, NOW.strftime(DATE_FORMAT))))
PACKAGE_CODE = Path(__file__).with_name("package.py")

_SPECIAL = re.compile(r"([\t\r\n])")     # python-docx writes these as <w:tab/> and <w:br/>
_XML_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_XML_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def clean_text(text):
    """Text as a draft holds it: no characters XML refuses, none that reorder or hide text."""
    return strip_invisible(_clean_text(text))[0]


def load_base(sheet):
    """The Base of ``sheet``: from the cache when it is there, else built with python-docx and cached."""
    path = cache.cache_dir(f"base-{_key(sheet)}.json")
    try:
        data = json.loads(cache.load(path))   # None (a miss) is a TypeError
        data["parts"] = base64.b64decode(data["parts"])
        return Base(**data)
    except (ValueError, TypeError):
        pass
    from generator.word.package import build
    base = build(sheet)
    data = base.as_dict()
    data["parts"] = base64.b64encode(base.parts).decode("ascii")
    cache.store(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return base


def _key(sheet):
    """Changes with the sheet, with the layout code and with python-docx."""
    import importlib.util

    what = [sheet, STYLE_NAMES, TITLE, AUTHOR, str(NOW)]
    docx = importlib.util.find_spec("docx")     # its __init__ holds its version
    return cache.key(json.dumps(what, sort_keys=True, ensure_ascii=False, default=str).encode(),
               PACKAGE_CODE.read_bytes(),
               Path(docx.origin).read_bytes() if docx and docx.origin else b"")


class Writer:
    """Loads the base package once; ``write`` lays out one draft on it."""

    def __init__(self, sheet, base=None):
        self.sheet = sheet
        self.numbering = heading_patterns(sheet)
        self.base = base or load_base(sheet)
        colour = sheet.get("待补充", {}).get("高亮", "yellow")
        self._highlight = f'<w:highlight w:val="{str(colour).translate(_XML_ATTR)}"/>'
        # per kind: the fonts for ideographs its own font lacks (outside GB2312, Extension B on)
        rare = sheet.get("生僻字字体")
        self._stand_ins = {kind: (wide_font(sheet, spec["字体"]), rare if rare != spec["字体"] else None)
                           for kind, spec in sheet["段落"].items()}

    def write(self, blocks, target, title=None, author=None):
        """Write ``blocks`` to ``target`` (a path or a binary stream). The document's title and
        author properties come from the 标题 and 署名 blocks unless given."""
        if title is None:
            title = next((b.text for b in blocks if b.kind == "标题"), "")
        if author is None:   # the unit: the first line of the 落款, else the 署名 line
            author = next((b.text.strip().split("\n")[0] for b in blocks if b.kind == "落款"), None) or \
                next((b.text for b in blocks if b.kind == "署名"), "")
        base, numberer, body, pictures = self.base, Numberer(self.numbering), [], []
        kinds = [block.kind for block in blocks]
        for index, block in enumerate(blocks):
            keep, tight = closing_rules(kinds, index)
            if block.kind == "表格":
                body.append(self._table(block, keep))
                continue
            if block.kind == "图片":
                pictures.append(block.image)
                body.append(self._picture(block.image, len(pictures), keep or kinds[index + 1:index + 2] == ["表题"]))
                continue
            # the same normaliser as lint --fix, so a draft always lints clean
            texts = map_pieces([clean_text(text) for text, _ in block.runs], punctuation_width)
            runs = [(text, bold) for text, (_, bold) in zip(texts, block.runs)]
            if block.kind == "标题" and len(runs) == 1:
                runs = [(title_lines(runs[0][0], self.sheet), runs[0][1])]
            if block.kind in RESTARTS:         # an attachment, a part: its headings number afresh
                numberer = Numberer(self.numbering)
            if block.kind in HEADING_KINDS:
                level = HEADING_KINDS.index(block.kind) + 1
                runs = [(numberer.next(level, block.again), runs[0][1] if runs else False)] + runs
            opening = base.openings[block.kind]
            body.append(_with(opening, KEEP_NEXT) if keep else _with(opening, NO_SPACE_BEFORE) if tight
                        else opening)
            body.extend(self._runs(text, bold, block.kind) for text, bold in runs)
            body.append("</w:p>")
        # Word keeps at most 255 characters in a document property
        values = {TITLE: clean_text(title)[:255].translate(_XML_TEXT),
                  AUTHOR: clean_text(author)[:255].translate(_XML_TEXT),
                  NOW.strftime(DATE_FORMAT): datetime.datetime.now().strftime(DATE_FORMAT)}
        core = _STAND_INS.sub(lambda m: values[m.group()], base.core)
        package = io.BytesIO(_with_pictures(base.parts, pictures) if pictures else base.parts)
        with zipfile.ZipFile(package, "a", zipfile.ZIP_DEFLATED) as out:   # the parts stay compressed
            out.writestr(BODY, base.head + "".join(body) + base.tail)
            out.writestr(CORE, core)
        if hasattr(target, "write"):
            target.write(package.getbuffer())
        else:
            Path(target).write_bytes(package.getbuffer())

    def _runs(self, text, bold, kind):
        """One cleaned text as runs: placeholders highlighted, tabs and line breaks as Word writes
        them, ideographs the kind's font lacks in a font that has them."""
        out, pos = [], 0
        wide, rare = self._stand_ins[kind]
        for match in PLACEHOLDER.finditer(text):
            out.extend(_run(p, bold, font=f) for p, f in font_pieces(text[pos:match.start()], wide, rare))
            out.append(_run(match.group(), bold, self._highlight))
            pos = match.end()
        out.extend(_run(p, bold, font=f) for p, f in font_pieces(text[pos:], wide, rare))
        return "".join(out)

    def _picture(self, image, n, keep):
        """Picture ``n`` of the draft, in line, centred on a line of its own, no wider than the
        text nor taller than the page's text area (its proportions kept)."""
        _, ext, cx, cy = image
        scale = min(1, self.base.text_width / cx, self.base.text_width * 1.44 / cy)   # 156 × 225 mm
        cx, cy = int(cx * scale), int(cy * scale)
        props = ((KEEP_NEXT if keep else "") + '<w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>'
                 '<w:ind w:firstLine="0" w:firstLineChars="0"/><w:jc w:val="center"/>')
        return (_with(self.base.openings["正文"], props) + f'<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" '
                f'distR="0"><wp:extent cx="{cx}" cy="{cy}"/><wp:docPr id="{n}" name="图片 {n}"/><a:graphic '
                f'xmlns:a="{_DRAWINGML}"><a:graphicData uri="{_PICTURE}"><pic:pic xmlns:pic="{_PICTURE}">'
                f'<pic:nvPicPr><pic:cNvPr id="{n}" name="image{n}.{ext}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill>'
                f'<a:blip r:embed="rIdPicture{n}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr>'
                f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
                f'</a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>')

    def _table(self, block, keep_last_row=False):
        rows = [r for r in block.rows if r]
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        columns = column_widths(rows, width, round(self.base.text_width / 635))   # EMU → twips
        # explicit widths everywhere (table, grid, every cell) and a fixed layout: Word and WPS
        # then draw the same columns instead of each fitting them its own way
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.base.table_style}"/>'
               f'<w:tblW w:type="dxa" w:w="{sum(columns)}"/><w:jc w:val="center"/>'
               '<w:tblLayout w:type="fixed"/><w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0"'
               ' w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>',
               "".join(f'<w:gridCol w:w="{w}"/>' for w in columns), "</w:tblGrid>"]
        shapes = _merged_cells(block.merges, len(rows), width)
        head = max([1] + [down for top, _, down, _ in block.merges if top == 0])   # a header of merged rows,
        head = head if head < len(rows) else 1                                      # not a column merged down
        for r, row in enumerate(rows):
            opening = self.base.openings["表格"]
            if keep_last_row and r == len(rows) - 1:
                opening = _with(opening, KEEP_NEXT)
            out.append("<w:tr>")
            for c in range(width):
                span, merge = shapes.get((r, c), (1, ""))
                if not span:
                    continue                     # inside a merged cell, left of it or above it
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{sum(columns[c:c + span])}"/>'
                           + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + merge + "</w:tcPr>")
                if c < len(row) and merge != _GO_ON:
                    out += [opening, self._runs(punctuation_width(clean_text(row[c])), r < head or (r, c) in block.bold,
                                                "表格"), "</w:p></w:tc>"]
                else:
                    out.append("<w:p/></w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)


# a vertical merge's first cell, its text centred in the height, and a cell under it
_START, _GO_ON = '<w:vMerge w:val="restart"/><w:vAlign w:val="center"/>', "<w:vMerge/>"


def _merged_cells(merges, height, width):
    """``{(row, column): (columns spanned, vMerge mark)}`` for the cells a table's merged areas
    touch (each ``(row, column, rows, columns)``, clipped to the table): an area's first column
    spans its columns in every row, starting a vertical merge in its first row and going on
    in the others; its other columns are no cells of their own (span 0)."""
    shapes = {}
    for top, left, rows, columns in merges:
        rows, columns = min(rows, height - top), min(columns, width - left)
        if top >= height or left >= width or rows * columns < 2:
            continue
        for r in range(top, top + rows):
            shapes.update({(r, c): (0, "") for c in range(left + 1, left + columns)})
            shapes[(r, left)] = (columns, "" if rows == 1 else _START if r == top else _GO_ON)
    return shapes


_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PICTURE = "http://schemas.openxmlformats.org/drawingml/2006/picture"
_RELS = "word/_rels/document.xml.rels"


def _with_pictures(parts, pictures):
    """The base's parts (a zip) with the draft's pictures as media parts, the relationships
    their paragraphs name (rIdPicture1 …) and a content type for each kind of picture."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(parts)) as base, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in base.infolist():
            data = base.read(info)
            if info.filename == _RELS:
                data = data.replace(b"</Relationships>", "".join(
                    f'<Relationship Id="rIdPicture{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/image" Target="media/image{n}.{ext}"/>'
                    for n, (_, ext, _, _) in enumerate(pictures, 1)).encode() + b"</Relationships>")
            elif info.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", "".join(
                    f'<Default Extension="{ext}" ContentType="{PICTURES[ext]}"/>'
                    for ext in dict.fromkeys(ext for _, ext, _, _ in pictures)
                    if f'Extension="{ext}"'.encode() not in data).encode() + b"</Types>")
            new.writestr(info, data)
        for n, (data, ext, _, _) in enumerate(pictures, 1):
            new.writestr(f"word/media/image{n}.{ext}", data, zipfile.ZIP_STORED)   # pictures are compressed already
    return out.getvalue()


def column_widths(rows, count, total):
    """Twips for each of ``count`` columns, shared by the longest text each holds (a Chinese
    character counts 1, a digit or Latin letter about half), so short columns do not wrap."""
    def length(text):
        return sum(0.55 if ch.isascii() else 1.0 for ch in text)
    need = [max([length(row[i]) for row in rows if i < len(row)] + [2.0]) for i in range(count)]
    # no column narrower than an even share would leave it below 3 characters or so
    floor = min(total / count, total * 3 / max(sum(need), 1))
    share = [max(floor, total * n / sum(need)) for n in need]
    scale = total / sum(share)
    return [int(w * scale) for w in share]


def _with(opening, prop):
    """A paragraph opening (``<w:p><w:pPr>…</w:pPr>``) with one more paragraph property."""
    if opening.endswith("<w:pPr/>"):
        return opening[:-len("<w:pPr/>")] + f"<w:pPr>{prop}</w:pPr>"
    return opening[:-len("</w:pPr>")] + f"{prop}</w:pPr>"


KEEP_NEXT, NO_SPACE_BEFORE = "<w:keepNext/>", '<w:spacing w:before="0"/>'


def closing_rules(kinds, index):
    """``(keep with next, no space above)`` for paragraph ``index`` of a document whose paragraph
    kinds are ``kinds``: what comes right before the 落款 keeps with it (never a 落款 alone on a
    page), and only the first 落款 line has the space above it. ``lint --fix`` applies them too."""
    kind = kinds[index]
    following = kinds[index + 1] if index + 1 < len(kinds) else None
    return (kind != "落款" and following == "落款",
            kind == "落款" and index > 0 and kinds[index - 1] == "落款")


def title_lines(text, sheet):
    """Break a long title into as few lines as fit, at natural points (after 的, before 暨 or
    ——; else after 关于 or 、，：”), never inside a word of ``words.txt``, a run of figures or Latin
    letters, or a figure and its unit (2026年); one line more when that is the only way to keep
    words whole (GB/T 9704: 回行时词意完整)."""
    page, size = sheet["页面"], sheet["段落"]["标题"]["字号"]
    width_pt = (page["宽_mm"] - page["左边距_mm"] - page["右边距_mm"]) * 72 / 25.4
    per_line = max(int(width_pt // size), 4)
    if "\n" in text or len(text) <= per_line:
        return text
    least = -(-len(text) // per_line)
    # no line ends on an opening bracket or quote, none starts on a closing one or on punctuation
    anywhere = {i for i in range(1, len(text)) if text[i - 1] not in _OPENS and text[i] not in _CLOSES}
    whole = _word_breaks(text) & anywhere
    for count, allowed in ((least, whole), (least + 1, whole), (least, anywhere)):
        lines = _break(text, count, per_line, allowed)
        if lines:
            return "\n".join(lines)
    return text


_OPENS, _CLOSES = "（(“‘《【〔", "）)”’》】〕、，。：；！？,.;:!?"


def _break(text, count, per_line, allowed):
    """``text`` in ``count`` lines of at most ``per_line`` characters, each cut at a position of
    ``allowed`` (an offset into ``text``), natural points first, then near an even share."""
    out, rest, at = [], text, 0
    for remaining in range(count, 1, -1):
        target = round(len(rest) / remaining)
        fits = [i for i in range(1, min(len(rest), per_line + 1))
                if at + i in allowed and len(rest) - i <= per_line * (remaining - 1)]
        if not fits:
            return None
        rank = {i: _natural(rest, i) for i in fits if _balanced(i, (len(rest) - i) / (remaining - 1))}   # no 通知 alone
        natural = [i for i, r in rank.items() if r == 2] or [i for i, r in rank.items() if r] or fits
        cut = min(natural, key=lambda i: abs(i - target))
        out.append(rest[:cut])
        rest, at = rest[cut:], at + cut
    return out + [rest] if len(rest) <= per_line else None


def _balanced(a, b):
    """Whether lines of ``a`` and ``b`` characters look well together: the shorter holds at
    least four characters and a quarter of the longer."""
    return min(a, b) >= max(4, max(a, b) / 4)


def _natural(text, i):
    """2 for the best points to break a title (after 的, before 暨 or ——), 1 for good ones
    (after 关于 or 、，：”, before 关于), else 0."""
    before, after = text[:i], text[i:]
    if before.endswith("的") and not before.endswith("党的") or after.startswith(("暨", "——")):
        return 2                                                   # 党的建设, 党的领导 stay whole
    return int(before.endswith(("关于", "、", "，", "：", "”")) or after.startswith("关于"))


_UNIT = "年月日号届次期个项"
# words a unit begins that stay with the figure (2026年度 工作), unlike 3个 / 人民 or 5项 / 目标
_UNIT_WORDS = ("年度", "年底", "年初", "年末", "年来", "月份", "月底", "月初", "月末", "季度")


def _word_breaks(text):
    """The offsets between words of ``text``: longest words of words.txt first, figures and
    Latin letters kept in one piece with a unit after them (2026年, 3个, or the word of time the
    unit begins: 2026年度), —— whole."""
    words, longest = _words()
    breaks, i = set(), 0
    while i < len(text):
        j = i + 1
        if text[i].isascii() and text[i].isalnum():
            while j < len(text) and text[j].isascii() and text[j].isalnum():
                j += 1
            if j < len(text) and text[j] in _UNIT:     # and a word of time the unit begins: 2026年度, 3月份
                j += next((len(word) for word in _UNIT_WORDS if text.startswith(word, j)), 1)
        elif text.startswith("——", i):
            j = i + 2
        else:
            j = next((i + n for n in range(min(longest, len(text) - i), 1, -1) if text[i:i + n] in words), j)
        breaks.add(j)
        i = j
    return breaks - {len(text)}


@functools.lru_cache(maxsize=1)
def _words():
    """The words of words.txt (a unit may add its own) and the longest one's length."""
    lines = WORDS.read_text(encoding="utf-8").splitlines()
    words = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    return words, max(map(len, words), default=1)


WORDS = Path(__file__).parent / "words.txt"


def _run(text, bold, mark="", font=None):
    if not text:
        return ""
    props = ("<w:b/>" if bold else "") + mark
    if font:
        name = font.translate(_XML_ATTR)
        props = (f'<w:rFonts w:ascii="{name}" w:hAnsi="{name}" w:eastAsia="{name}" w:cs="{name}"'
                 ' w:hint="eastAsia"/>') + props
    out = ["<w:r>", f"<w:rPr>{props}</w:rPr>" if props else ""]
    for piece in _SPECIAL.split(text):
        if piece == "\t":
            out.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            out.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            out.append(f"<w:t{space}>{piece.translate(_XML_TEXT)}</w:t>")
    out.append("</w:r>")
    return "".join(out)
