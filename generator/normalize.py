"""Text normalisers shared by the writer, ``format`` and ``lint``."""
import re

# characters that XML 1.0 (and so a .docx) cannot hold; \t \n \r stay
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean_text(text):
    """Drop control characters pasted from other programs (\\x0b from Word, \\x00 …)."""
    return _ILLEGAL.sub("", text)


def map_strings(value, func):
    """Apply ``func`` to every string (keys included) in nested dicts and lists."""
    if isinstance(value, str):
        return func(value)
    if isinstance(value, dict):
        return {map_strings(k, func): map_strings(v, func) for k, v in value.items()}
    if isinstance(value, list):
        return [map_strings(v, func) for v in value]
    return value
