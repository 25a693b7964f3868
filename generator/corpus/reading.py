"""Report files → paragraphs: .txt in any common Chinese encoding, .docx and .md.

A document is a list of ``Para(text, level)``: ``level`` is ``None`` for plain
text, 0 for a title and 1–4 for a heading the file itself marks (Word heading
styles or outline levels, Markdown ``#``). Plain text keeps one Para per line;
cleaning and outlining decide what the lines mean.
"""
import posixpath
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from generator.corpus.autonumber import based_on, label_map, style_numbers, switched_on
from generator.errors import Notice, ReadError, ReportgenError, read_bytes
from generator.markup import BREAK, held_bold, hold_strong, inline_pieces, unhold
from generator.normalize import PAGE_NUMBER, clean_text
from generator.word.parts import PICTURES

SUFFIXES = (".txt", ".docx", ".md")
# files that sit beside reports but are not reports: README.md, LICENSE …
NOT_REPORTS = ("readme", "license", "licence", "copying", "changelog", "contributing", "authors", "notice")


def not_a_report(path):
    """Whether ``path`` is by its name a project file (README, LICENSE …), not a report."""
    return Path(path).name.lower().startswith(NOT_REPORTS)


@dataclass
class Para:
    text: str
    level: int = None        # None: unknown; 0: title; 1–4: heading level given by the file
    bold: bool = False       # a short paragraph all in bold: maybe a heading shown by weight alone
    weights: tuple = ()      # ((text, bold), …) of a paragraph bold in part (一是……。 in bold) or throughout


def read_document(path):
    """Read one report file into paragraphs, or raise ReadError with a one-line reason."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ReadError(f"不支持的文件类型“{suffix or '无扩展名'}”（只读 .txt、.docx、.md）", path)
    raw = read_bytes(path, ReadError)
    if suffix == ".docx":
        return _docx(raw, path)
    text = decode(raw, path)
    return _markdown(text) if suffix == ".md" else [Para(line) for line in text.splitlines()]


def decode(raw, path=None):
    """Bytes → text: UTF-8 (BOM or not), UTF-16 (BOM) fast, anything else detected."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return clean_text(raw.decode("utf-16"))
        except UnicodeDecodeError:   # cut short (an odd number of bytes) or not UTF-16 after all
            raise ReadError("文件开头标明是 UTF-16 编码，但内容不完整或不是 UTF-16 文本", path) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or ("\x00" in text and raw.count(b"\x00") > len(raw) // 8):
        from charset_normalizer import from_bytes
        best = from_bytes(raw).best()
        if best is None:
            raise ReadError("文件不是可识别编码的文本（可能是二进制文件）", path)
        text = str(best)
    if text.count("\x00") or _binary(text):
        raise ReadError("文件不是可识别编码的文本（可能是二进制文件）", path)
    return clean_text(text)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _binary(text):
    """Control characters in more than 1% of a text mean it is not prose."""
    head = text[:4000]
    return len(_CONTROL.findall(head)) > max(2, len(head) // 100)


def _markdown(text):
    return markdown_parts(text)[0]


def markdown_parts(text):
    """``(paragraphs, tables)`` of a Markdown text, as for a .docx: # headings with their level
    (# the title), every other line a paragraph with its emphasis, links and quote marks read
    as plain text, list items with their number (1.甲) or without their bullet; each table a
    ``Table`` (see ``docx_objects``)."""
    import mistune
    paras, tables, seen = [], [], Counter()

    def block(tok):
        kind = tok["type"]
        if kind == "heading":
            paras.append(Para(_inline(tok["children"]).replace("\n", ""), min(tok["attrs"]["level"] - 1, 4)))
        elif kind in ("paragraph", "block_text"):
            paras.extend(_weighed(line) for line in _lines(tok["children"]))
        elif kind == "block_code":          # (a fenced block holds no pairs; a paragraph indented
            paras.extend(_weighed(held_bold([(line, False)])) for line in tok["raw"].splitlines())  # 4 spaces does)
        elif kind == "block_html":                      # keeps its text: <div>落款</div>
            paras.extend(Para(_TAG.sub("", line)) for line in BREAK.sub("\n", unhold(tok["raw"])).splitlines())
        elif kind == "list":
            start = tok["attrs"].get("start", 1)
            for n, item in enumerate(tok["children"], start):
                first = len(paras)
                for child in item["children"]:
                    block(child)
                if tok["attrs"]["ordered"] and first < len(paras):
                    item = paras[first].weights or ((paras[first].text, False),)    # (the number bold
                    paras[first] = _weighed([(f"{n}.", paras[first].bold), *item])  # with a bold line only)
        elif kind == "table":
            head, body = tok["children"]
            rows = [head["children"]] + [row["children"] for row in body["children"]]
            before = next((p.text.strip() for p in reversed(paras) if p.text.strip()), "")
            seen[before] += 1
            tables.append(Table(before, seen[before] if before else 0,
                                [[_inline(cell["children"]) for cell in row] for row in rows]))
        else:                                     # block quotes and what else holds blocks
            for child in tok.get("children") or ():
                block(child)

    parse = mistune.create_markdown(renderer=None, plugins=["table"])
    # a draft's [1]: 来源…… line or a sentence over ---- is text, not a link's target or a heading
    parse.block.rules = [rule for rule in parse.block.rules if rule not in ("ref_link", "setex_heading")]
    # a page's number (- 5 -) is no list item: escaped (\- 5 -), kept as a line for cleaning to drop
    lines = ("\\" + line if line.startswith("-") and PAGE_NUMBER.match(line) else line for line in text.split("\n"))
    for tok in parse(hold_strong("\n".join(lines))):
        block(tok)
    return _unbold([p for p in paras if p.text.strip()] or paras), tables


_TAG = re.compile(r"<[^<>]*>")


def _inline(tokens):
    """Plain text of Markdown inline tokens; line breaks as \n."""
    return "".join(text for text, _ in inline_pieces(tokens))


def _lines(tokens):
    """Each line of Markdown inline tokens as ``[(text, bold), …]``."""
    line = []
    for text, bold in inline_pieces(tokens):
        *ended, text = text.split("\n")
        for end in ended:
            yield line + [(end, bold)]
            line = []
        line.append((text, bold))
    yield line


def _weighed(pieces):
    """The Para of a line of ``(text, bold)`` pieces, its bold read as a .docx paragraph's is."""
    parts = _joined(pieces)
    text = "".join(text for text, _ in parts)
    heavy = any(bold for part, bold in parts if part.strip())
    whole = (heavy and all(bold for part, bold in parts if part.strip()) and len(text.strip()) <= BOLD_MAX
             and not text.rstrip().endswith(("。", "；", "！", "？")))
    return Para(text, None, whole, ((text, True),) if whole else tuple(parts) if heavy else ())


DAMAGED = "不是有效的 .docx 文件（已损坏，或不是 Word 文档）"


# A part of a .docx is refused before it is read when it would expand beyond PART_LIMIT
# bytes, or beyond RATIO_LIMIT times its compressed size (once larger than RATIO_FROM):
# a 2 MB file whose document.xml expands to 2 GiB costs memory and time, not a report.
PART_LIMIT = 200 * 2**20
RATIO_LIMIT = 100
RATIO_FROM = 2**20


def load_docx(raw, path, error=ReportgenError):
    """A python-docx Document of ``raw``; a damaged package or a zip bomb is one line."""
    import io
    import zipfile

    from docx import Document
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            for part in package.infolist():
                _check_part(part, path, error)
        return Document(io.BytesIO(raw))
    except ReportgenError:
        raise
    except Exception:  # a damaged package can fail in zipfile, lxml or python-docx
        raise error(DAMAGED, path) from None


def _check_part(part, path, error):
    size, mb = part.file_size, part.file_size / 2**20
    if size > PART_LIMIT:
        raise error(f"文档中的“{part.filename}”解压后有 {mb:.0f} MB，超过上限 {PART_LIMIT >> 20} MB，"
                    "不予读取（可能是恶意构造的文件）", path)
    if size > RATIO_FROM and size > RATIO_LIMIT * max(part.compress_size, 1):
        raise error(f"文档中的“{part.filename}”压缩了 {size // max(part.compress_size, 1)} 倍"
                    f"（{mb:.0f} MB），超过上限 {RATIO_LIMIT} 倍，不予读取（可能是恶意构造的文件）", path)


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


def _docx(raw, path):
    """Body paragraphs of a .docx straight from its XML (zip + lxml): styles are resolved once
    per document, not per paragraph, and nothing of the package is kept."""
    body, (levels, default, numbered, bold) = _body(raw, path, with_styles=True)
    uses = _uses(body, numbered or bold, runs=bool(bold - levels.keys()))     # (a bold character style: 要点)
    labels = _labels(body, raw, path, numbered, uses)
    held = bool(uses & {W + "txbxContent", *_NOTES})
    heavy = W + "b" in uses or bool(bold & uses)                # any bold at all
    paras, notes, waiting, footnotes, started = [], {}, [], [], False
    for p in _paragraphs(body):
        style = _style(p)
        level = levels.get(style, default) if style is not None else default
        if level is None:
            level = _outline_level(p.find(W + "pPr"))
        text = clean_text(_labelled(p, labels))
        short = (heavy and level is None and len(text.strip()) <= BOLD_MAX
                 and not text.rstrip().endswith(("。", "；", "！", "？")))
        whole = short and all_bold(p, style in bold, bold)
        weights = ((text, True),) if whole else bold_parts(p, style in bold, bold) if heavy else ()
        paras.append(Para(text, level, whole, weights))
        started = started or bool(text.strip())
        if held:
            boxes, found = _held(p, raw, path, notes)
            waiting += [Para(clean_text(text)) for text in boxes]
            footnotes += [Para(clean_text(text)) for text in found]
            if started:                                  # boxes above the title wait for it
                paras += waiting
                waiting = []
    return _unbold(paras) + waiting + footnotes


def _style(p):
    """The id of paragraph ``p``'s style, or None."""
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(W + "val") if style is not None else None


def _unbold(paras):
    """A draft typed all in bold (select all, then bold) keeps no bold in its paragraphs: bold
    stands out only beside plain text."""
    if any(p.text.strip() and (not p.weights or not all(bold for text, bold in p.weights if text.strip()))
           for p in paras):         # (a paragraph with any bold has its weights, a short all-bold one too)
        return paras
    return [Para(p.text, p.level, p.bold) for p in paras]


BOLD_MAX = 40     # a bold paragraph longer than this is emphasis, never a heading


def all_bold(p, styled, strong=frozenset()):
    """Whether every run of ``p`` with text is bold (as ``_bold`` reads a run)."""
    found = False
    for run in p.iter(W + "r"):
        if not any((t.text or "").strip() for t in run.iterchildren(W + "t")):
            continue
        if not _bold(run, styled, strong):
            return False
        found = True
    return found


def _bold(run, styled, strong):
    """Whether a run is bold: its own w:b, else its character style's (``strong``: the styleIds
    of bold styles, 要点 among them), else (``styled``) its paragraph style's."""
    rpr = run.find(W + "rPr")
    if rpr is None:
        return styled
    mark = rpr.find(W + "b")
    if mark is not None:
        return switched_on(mark)
    named = rpr.find(W + "rStyle")
    return styled or (named is not None and named.get(W + "val") in strong)


def bold_parts(p, styled, strong=frozenset()):
    """``((text, bold), …)`` of a paragraph in bold in part (一是……。 in bold before its text,
    a phrase in bold in it) or throughout, its text read as paragraph_text reads it, runs of the
    same weight and spaces joined; () for one all plain."""
    parts = _joined((text, _bold(run, styled, strong)) for run in shown_runs(p)
                    if (text := "".join(text for _, text in run_parts(run))))
    return tuple(parts) if any(bold for text, bold in parts if text.strip()) else ()


def _joined(pieces):
    """``(text, bold)`` pieces with neighbours of the same weight, and spaces, joined."""
    parts = []
    for text, bold in pieces:
        if parts and (parts[-1][1] == bold or not text.strip()):
            parts[-1] = (parts[-1][0] + text, parts[-1][1])
        elif text:
            parts.append((text, bold))
    return parts


def _labelled(p, labels, cell=False):
    """A paragraph's text after the number Word's automatic numbering shows before it: none
    before an empty paragraph in the text (a lone 二、 is no text of the author's), but in a
    table cell the number may be all there is (a 序号 column)."""
    text, label = paragraph_text(p), labels.get(p, "")
    if cell and not text.strip():
        return label.strip()
    return label + text if text.strip() else text


def _uses(body, styled, runs=False):
    """What of note the body holds, in one pass: which of w:numPr, w:b, text boxes and note
    references, and (``styled``: when some style matters) the paragraph styles it uses, and
    (``runs``) the character styles."""
    tags = ((W + "numPr", W + "b", W + "txbxContent", *_NOTES) + ((W + "pStyle",) if styled else ())
            + ((W + "rStyle",) if runs else ()))
    found = set()
    for el in body.iter(*tags):
        found.add(el.get(W + "val") if el.tag in (W + "pStyle", W + "rStyle") else el.tag)
    return found


def _labels(body, raw, path, numbered, uses=None):
    """``{w:p: label}`` for the paragraphs Word numbers automatically (corpus.autonumber), in
    tables too; empty when the document uses no automatic numbering, without reading more."""
    uses = _uses(body, numbered) if uses is None else uses
    if W + "numPr" not in uses and not numbered.keys() & uses:
        return {}
    return label_map(body, _part(raw, path, "numbering"), numbered)


_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def _part(raw, path, kind):
    """The root of the part the document's relationships name as ``kind`` (numbering,
    footnotes …), or None."""
    import io
    import zipfile

    from lxml import etree
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            try:
                rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
            except KeyError:
                return None
            for rel in rels:
                target = rel.get("Target") or ""
                if rel.get("Type") == _RELATIONSHIPS + kind and rel.get("TargetMode") != "External":
                    name = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
                    return etree.fromstring(package.read(name)) if name in package.namelist() else None
    except Exception:  # the package was read once already: a broken part only
        raise ReadError(DAMAGED, path) from None
    return None


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOTES = {W + "footnoteReference": "footnotes", W + "endnoteReference": "endnotes"}


def _held(p, raw, path, notes):
    """``(boxes, notes)``: the text a paragraph holds outside its own runs: its text boxes'
    paragraphs (Word's fallback copy of a box skipped), to follow it, and the footnotes and
    endnotes it refers to, each 注：…… then its further paragraphs, to follow the text
    (``notes`` caches the note parts)."""
    boxes, found = [], []
    for box in p.iter(W + "txbxContent"):
        if not any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            boxes += [paragraph_text(q) for q in box.iter(W + "p")]
    for ref in p.iter(*_NOTES):
        kind = _NOTES[ref.tag]
        if kind not in notes:
            root = _part(raw, path, kind)
            notes[kind] = {n.get(W + "id"): [t for t in map(paragraph_text, n.iter(W + "p")) if t.strip()]
                           for n in (root.iterchildren() if root is not None else ())}
        lines = notes[kind].get(ref.get(W + "id")) or []
        found += ["注：" + lines[0].strip()] + lines[1:] if lines else []
    return [text for text in boxes if text.strip()], found


def _body(raw, path, with_styles=False):
    """The w:body of a .docx (and its heading levels by style), or ReadError."""
    import io
    import zipfile

    from lxml import etree
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            for part in package.infolist():   # zip bombs are refused before anything is read
                _check_part(part, path, ReadError)
            body = etree.fromstring(package.read("word/document.xml")).find(W + "body")
            styles = _styles_of(package, etree) if with_styles else None
    except ReportgenError:
        raise
    except Exception:  # a damaged package can fail in zipfile or lxml
        raise ReadError(DAMAGED, path) from None
    if body is None:
        raise ReadError(DAMAGED, path)
    return body, styles


def _paragraphs(body):
    """The body's paragraphs in order, those in content controls too; not a table's."""
    return list(children(body, W + "p"))


def children(el, *tags):
    """``el``'s children with these tags, those inside content controls (w:sdt) too; a control
    that shows its placeholder, or holds Word's own table of contents, has none of the author's."""
    for child in el:
        if child.tag == W + "sdt":
            for content in _controlled(child):
                yield from children(content, *tags)
        elif child.tag in tags:
            yield child


class Table(NamedTuple):
    """A draft's table, as ``format`` puts it back: ``before`` is the text of the last paragraph
    above it (None when only another table is), ``nth`` which occurrence of that text it is,
    ``rows`` the cell texts (a merged cell keeps its columns: its text in the first, "" in the
    others), ``merges`` each merged area as ``(row, column, rows, columns)`` and ``bold`` the
    ``(row, column)`` of each cell in bold throughout."""
    before: str
    nth: int
    rows: list
    merges: tuple = ()
    bold: frozenset = frozenset()


class Figure(NamedTuple):
    """A picture in a draft's text, as ``format`` puts it back: ``before`` and ``nth`` as a
    Table's (the paragraph holding it, when it has text of its own), the image file's bytes,
    its extension (png, jpeg …) and the size it is shown at, in EMU."""
    before: str
    nth: int
    data: bytes
    ext: str
    cx: int
    cy: int


_DRAWING = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_BLIP = _A + "blip"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"


def docx_objects(raw, path):
    """Each table and picture in the body of a .docx, in order, as a ``Table`` or a ``Figure``:
    what a draft's outline leaves out and its formatted copy keeps."""
    found, before, seen, media = [], "", Counter(), None
    body, (_, _, numbered, strong) = _body(raw, path, with_styles=True)
    labels = _labels(body, raw, path, numbered)
    for el in children(body, W + "p", W + "tbl"):
        if el.tag == W + "p":
            text = clean_text(_labelled(el, labels)).strip()
            if text:
                before, seen[text] = text, seen[text] + 1
            for blip, extent in _pictures(el):
                media = _media(raw, path) if media is None else media
                if blip in media:
                    found.append(Figure(before, seen[before] if before else 0, *media[blip], *extent))
            continue
        rows, merges, down, bold, typed = [], [], {}, set(), 0      # down: column → the vertical merge open there
        for row in children(el, W + "tr"):
            if row.find(f"{W}trPr/{W}del") is not None:
                continue                         # a row deleted with its changes tracked
            cells, column = [], 0
            for cell in children(row, W + "tc"):
                span = cell.find(f"{W}tcPr/{W}gridSpan")
                columns = span.get(W + "val", "1") if span is not None else "1"
                columns = min(int(columns), 63) if columns.isdigit() and int(columns) > 1 else 1
                inside = list(cell.iter(W + "p"))
                cells += [clean_text("\n".join(_labelled(p, labels, True) for p in inside)).strip()]
                own = [p for p in inside if paragraph_text(p).strip()]     # (not a 序号 Word numbers)
                typed += bool(own)
                if own and all(all_bold(p, _style(p) in strong, strong) for p in own):
                    bold.add((len(rows), len(cells) - 1))
                cells += [""] * (columns - 1)
                merge = cell.find(f"{W}tcPr/{W}vMerge")
                area = down.get(column)
                if merge is not None and merge.get(W + "val") in (None, "continue") and area and area[3] == columns:
                    area[2] += 1                 # the cell above goes on down: its text stays in the first
                else:
                    down[column] = [len(rows), column, 1, columns] if merge is not None or columns > 1 else None
                    if down[column]:
                        merges.append(down[column])
                for covered in range(column + 1, column + columns):     # no merge goes on under a wider cell
                    down.pop(covered, None)
                column += columns
            if cells:
                rows.append(cells)
        if not rows:
            continue                             # deleted whole with its changes tracked: no table there
        merged = tuple(tuple(area) for area in merges if area[2] > 1 or area[3] > 1)
        if len(bold) == typed:
            bold = set()                         # bold throughout (a draft typed all in bold): none stands out
        found.append(Table(before, seen[before] if before else 0, rows, merged, frozenset(bold)))
        before = None
    return found


def _pictures(p):
    """``(relationship id, (cx, cy))`` of each picture drawn in paragraph ``p`` (in line or
    anchored; not in a text box, nor Word's fallback copy, nor deleted or moved away by a
    tracked change; a group of pictures is no one picture)."""
    for frame in _frames(p):
        extent, blips = frame.find(_DRAWING + "extent"), list(frame.iter(_BLIP))
        blip = blips[0] if len(blips) == 1 and next(blips[0].iterancestors(*_HOLDERS)) is frame else None
        if blip is not None and blip.get(_EMBED) and extent is not None:
            try:
                yield blip.get(_EMBED), (max(int(extent.get("cx")), 1), max(int(extent.get("cy")), 1))
            except (TypeError, ValueError):
                continue


def _frames(el, boxed=False):
    """The drawings under ``el`` that show a picture (or a chart, a diagram) to a reader of the
    text as accepted (``boxed``: those in text boxes too); a shape, a line or a text box is
    none, nor is a drawing that only holds a text box with a picture in it (that is the box's)."""
    unseen = _UNSEEN - {W + "txbxContent"} if boxed else _UNSEEN
    for frame in el.iter(_DRAWING + "inline", _DRAWING + "anchor", _VML_IMAGE):
        if any(a.tag in unseen or a.tag == W + "tr" and a.find(f"{W}trPr/{W}del") is not None
               for a in frame.iterancestors()):
            continue
        own = [blip for blip in frame.iter(_BLIP) if next(blip.iterancestors(*_HOLDERS)) is frame]
        data = frame.find(f"{_A}graphic/{_A}graphicData")
        if frame.tag == _VML_IMAGE or own or data is not None and _CHARTS.search(data.get("uri") or ""):
            yield frame


def _media(raw, path):
    """``{relationship id: (bytes, extension)}`` of the pictures the document part refers to."""
    import io
    import zipfile

    from lxml import etree
    found = {}
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
            names = set(package.namelist())
            for rel in rels:
                target = rel.get("Target") or ""
                name = target.lstrip("/") if target.startswith("/") else posixpath.normpath("word/" + target)
                ext = posixpath.splitext(name)[1].lstrip(".").lower()
                if (rel.get("Type") == _RELATIONSHIPS + "image" and rel.get("TargetMode") != "External"
                        and name in names and ext in PICTURES):
                    found[rel.get("Id")] = (package.read(name), ext)
    except KeyError:
        return {}
    except Exception:  # the package was read once already: a broken part only
        raise ReadError(DAMAGED, path) from None
    return found


# runs inside these are text; a tracked change reads as accepted: insertions and text moved
# here are in, deletions (w:delText) and text moved away (w:moveFrom) out
_RUN_HOLDERS = {W + "hyperlink", W + "ins", W + "moveTo", W + "smartTag", W + "customXml", W + "fldSimple"}
_REVISIONS = (W + "ins", W + "del", W + "moveFrom", W + "moveTo")


def review_marks(body):
    """``(revisions, comments)``: how many tracked changes (insertions, deletions, moves) a
    document's body holds, and how many comments are anchored in it."""
    revisions = sum(1 for _ in body.iter(*_REVISIONS))
    comments = {el.get(W + "id") for el in body.iter(W + "commentReference", W + "commentRangeStart")}
    return revisions, len(comments)


def draft_notices(raw, path, carried):
    """What ``format`` tells the user of how it read a .docx: its tracked changes were read as
    accepted, its comments left out, and so were the pictures it did not carry (``carried``
    of them were: not those in a table, a text box, linked to a file or in Word's old form)."""
    body = _body(raw, path)[0]
    revisions, comments = review_marks(body)
    lost = sum(1 for _ in _frames(body, boxed=True)) - carried
    return ([Notice(f"有 {revisions} 处未处理的修订，已按全部接受后的文字排版，请核对", path)] if revisions else []) + \
           ([Notice(f"有 {comments} 条批注，排版稿里没有带上", path)] if comments else []) + \
           ([Notice(f"有 {lost} 张图片或图表（组合在一起的、在表格或文本框里的、链接到文件的、旧版 Word 的图片，"
                    "以及图表和 SmartArt）没能带上，请在排版稿里补上", path)] if lost > 0 else [])


_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"
# where a drawing is no picture of the text: Word's fallback copy, a text box (read as text),
# a tracked deletion or the place text was moved away from
# (and a table row deleted with its changes tracked)
_UNSEEN = {_MC_FALLBACK, W + "txbxContent", W + "del", W + "moveFrom"}
_HOLDERS = (_DRAWING + "inline", _DRAWING + "anchor", W + "txbxContent")
_CHARTS = re.compile(r"/(?:chart|diagram)$")      # a chart or a SmartArt diagram: shown, not carried
_MARKS = {W + "tab": "\t", W + "ptab": "\t", W + "cr": "\n", W + "noBreakHyphen": "-"}


def paragraph_text(p):
    """A paragraph's text as python-docx gives it: its runs (also in links, insertions, content
    controls and simple fields), tabs as \t, line breaks as \n."""
    out = []
    _collect(p, out)
    return "".join(out)


def run_parts(run):
    """``(element, its text)`` for each child of a run, as paragraph_text reads it: w:t its
    text, a tab \t, a line break \n, anything else (a page break too) nothing."""
    for part in run:
        kind = part.tag
        if kind == W + "t":
            yield part, part.text or ""
        elif kind in _MARKS:
            yield part, _MARKS[kind]
        elif kind == W + "br" and part.get(W + "type") in (None, "textWrapping"):
            yield part, "\n"
        else:
            yield part, ""


def _collect(el, out):
    for run in shown_runs(el):
        out.extend(text for _, text in run_parts(run))


def shown_runs(el):
    """The runs whose text a paragraph shows, in order: in links, insertions, moves, smart tags,
    custom XML and simple fields too, and in content controls that show their content."""
    for child in el:
        tag = child.tag
        if tag == W + "r":
            yield child
        elif tag in _RUN_HOLDERS:
            yield from shown_runs(child)
        elif tag == W + "sdt":
            for content in _controlled(child):
                yield from shown_runs(content)


def _controlled(sdt):
    """The content of a content control, or nothing when it shows its placeholder or holds Word's
    own table of contents."""
    pr, content = sdt.find(W + "sdtPr"), sdt.find(W + "sdtContent")
    gallery = pr.find(f"{W}docPartObj/{W}docPartGallery") if pr is not None else None
    if content is None or pr is not None and (pr.find(W + "showingPlcHdr") is not None or (
            gallery is not None and "Contents" in (gallery.get(W + "val") or ""))):
        return []
    return [content]


_STYLES_SEEN = {}       # (CRC, size) of a styles.xml → its levels: a corpus shares a few templates


def _styles_of(package, etree):
    try:
        info = package.getinfo("word/styles.xml")
    except KeyError:
        return {}, None, {}, set()
    found = _STYLES_SEEN.get((info.CRC, info.file_size))
    if found is None:
        if len(_STYLES_SEEN) > 64:
            _STYLES_SEEN.clear()
        found = _STYLES_SEEN[info.CRC, info.file_size] = style_levels(etree.fromstring(package.read(info)))
    return found


def style_levels(styles):
    """``({styleId: level}, level of the default paragraph style, {styleId: (numId, ilvl)} of
    numbered styles, {styleIds of bold styles})``: a level is 0 for the Title style, 1–4 for
    Heading 1–4 or an outline level, inherited through ``basedOn``; None otherwise."""
    if styles is None:
        return {}, None, {}, set()
    own, base, default, heavy, characters = {}, {}, None, {}, set()
    for style in styles.iterchildren(W + "style"):
        kind = style.get(W + "type")
        if kind not in (None, "paragraph", "character"):
            continue
        sid = style.get(W + "styleId")
        mark = style.find(f"{W}rPr/{W}b")
        if mark is not None:
            heavy[sid] = switched_on(mark)
        based = style.find(W + "basedOn")
        if based is not None:
            base[sid] = based.get(W + "val")
        if kind == "character":          # 要点 (Strong): bold runs within a paragraph
            characters.add(sid)
            continue
        name = style.find(W + "name")
        name = (name.get(W + "val") or "").strip() if name is not None else ""
        match = _HEADING_STYLE.match(name)
        if name.lower() in ("title", "标题"):
            own[sid] = 0
        elif match:
            own[sid] = min(int(match[1]), 4)
        else:
            own[sid] = _outline_level(style.find(W + "pPr"))
        if style.get(W + "default") in ("1", "true", "on"):
            default = sid

    levels = {sid: based_on(sid, base, own.get) for sid in own}
    return levels, levels.get(default), style_numbers(styles), {
        sid for sid in own.keys() | characters if based_on(sid, base, heavy.get)}


def _outline_level(ppr):
    lvl = ppr.find(W + "outlineLvl") if ppr is not None else None
    if lvl is None:
        return None
    try:
        value = int(lvl.get(W + "val", "9"))
    except ValueError:
        return None
    return min(value + 1, 4) if 0 <= value < 9 else None
