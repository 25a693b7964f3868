"""Text normalisers shared by the writer, ``format`` and ``lint``."""
import re

# characters that XML 1.0 (and so a .docx) cannot hold; \t \n \r stay
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean_text(text):
    """Drop control characters pasted from other programs (\\x0b from Word, \\x00 …)."""
    return _ILLEGAL.sub("", text)


# CJK ideographs and full-width punctuation: the neighbours that make a mark "Chinese"
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’—…"
_HALF = ",;:?!()"
FULL_WIDTH = dict(zip(_HALF, "，；：？！（）"))
HALF_WIDTH_MARK = re.compile(
    rf"(?<=[{_CJK}])\s*[{re.escape(_HALF)}]|[{re.escape(_HALF)}]\s*(?=[{_CJK}])")


def punctuation_width(text):
    """Half-width , ; : ? ! ( ) next to Chinese text → their full-width forms (same length)."""
    return HALF_WIDTH_MARK.sub(lambda m: m.group().translate(str.maketrans(FULL_WIDTH)), text)


def map_pieces(pieces, func):
    """Apply a length-preserving ``func`` to the joined text of ``pieces`` (runs of one
    paragraph, so a mark between two runs sees both neighbours) and split it back."""
    joined = func("".join(pieces))
    out, pos = [], 0
    for piece in pieces:
        out.append(joined[pos:pos + len(piece)])
        pos += len(piece)
    return out
