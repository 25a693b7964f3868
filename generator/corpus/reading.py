"""Report files → paragraphs: .txt in any common Chinese encoding, .docx and .md.

A document is a list of ``Para(text, level)``: ``level`` is ``None`` for plain
text, 0 for a title and 1–4 for a heading the file itself marks (Word heading
styles or outline levels, Markdown ``#``). Plain text keeps one Para per line;
cleaning and outlining decide what the lines mean.
"""
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ReadError, ReportgenError, read_bytes
from generator.normalize import clean_text

SUFFIXES = (".txt", ".docx", ".md")


@dataclass
class Para:
    text: str
    level: int = None        # None: unknown; 0: title; 1–4: heading level given by the file


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
        return clean_text(raw.decode("utf-16"))
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


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def _markdown(text):
    paras = []
    for line in text.splitlines():
        match = _MD_HEADING.match(line)
        if match:
            paras.append(Para(match[2], min(len(match[1]) - 1, 4)))
        else:
            paras.append(Para(line))
    return paras


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


def _docx(raw, path):
    from docx.oxml.ns import qn
    doc = load_docx(raw, path, ReadError)
    paras = []
    for p in doc.paragraphs:
        paras.append(Para(clean_text(p.text), _docx_level(p, qn)))
    return paras


_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*([1-9])$", re.I)


def _docx_level(p, qn):
    """0 for the Title style, 1–4 for Heading 1–4 or an outline level, else None."""
    style = p.style
    while style is not None:
        name = (style.name or "").strip()
        if name.lower() in ("title", "标题"):
            return 0
        match = _HEADING_STYLE.match(name)
        if match:
            return min(int(match[1]), 4)
        level = _outline_level(style.element, qn)
        if level is not None:
            return level
        style = style.base_style
    return _outline_level(p._p, qn)


def _outline_level(element, qn):
    ppr = element.find(qn("w:pPr"))
    lvl = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    if lvl is None:
        return None
    value = int(lvl.get(qn("w:val"), "9"))
    return min(value + 1, 4) if value < 9 else None
