"""jieba, loaded from a cache of our own: its prefix dictionary and its IDF table as marshal
files under ``cache_dir("jieba")``, and TF-IDF keyword extraction that gives what
``jieba.analyse.extract_tags`` gives without importing ``jieba.analyse`` (whose import
parses the 270,000-line IDF text every time).

The cache is keyed by jieba's version and the size and time of its data files; deleting it
is always safe, and a cache that cannot be written only costs time.
"""
import marshal
import os
import sys
from array import array
from functools import lru_cache
from importlib.util import find_spec

from generator import cache
from generator.cache import cache_dir, key

# jieba.analyse's KeywordExtractor.STOP_WORDS
STOP_WORDS = frozenset(("the", "of", "is", "and", "to", "in", "that", "we", "for", "an", "are", "by", "be",
                        "as", "on", "with", "can", "if", "from", "which", "you", "it", "this", "then", "at",
                        "have", "all", "not", "one", "has", "or"))


def load_jieba():
    """jieba, imported without pkg_resources: jieba's _compat imports it (a tenth of a second,
    and a deprecation warning on a new setuptools) only to open jieba's own data files, and
    opens them directly when it is missing."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None   # makes ``import pkg_resources`` fail, for this import only
        try:
            import jieba
        finally:
            del sys.modules["pkg_resources"]
    import jieba
    return jieba


def _jieba_file(*parts):
    return os.path.join(find_spec("jieba").submodule_search_locations[0], *parts)


def _cached(name, source, build, typecode):
    """``build()``'s ``(table, extra)``, kept in a file named after ``source``'s size and time:
    the table's words as one string and its numbers as one array (``typecode``), which loads
    in a third of the time a marshalled dict takes."""
    jieba = load_jieba()
    stat = os.stat(source)
    path = cache_dir("jieba", f"{name}-{key(jieba.__version__.encode(), str((stat.st_size, stat.st_mtime_ns)).encode())}")
    try:   # only from a trusted cache folder, the entry's digest checked (cache.load)
        words, numbers, extra = marshal.loads(cache.load(path))
        values = array(typecode)
        values.frombytes(numbers)
        table = dict(zip(words.split("\n"), values))
        if len(table) == len(values):
            return table, extra
    except (EOFError, ValueError, TypeError):
        pass
    table, extra = build()
    try:
        cache.store(path, marshal.dumps(("\n".join(table), array(typecode, table.values()).tobytes(), extra)))
    except OverflowError:
        pass
    return table, extra


def tokenizer():
    """jieba's default tokenizer, its dictionary loaded from our cache."""
    import logging

    jieba = load_jieba()
    jieba.setLogLevel(logging.WARNING)
    dt = jieba.dt
    if not dt.initialized:
        def build():
            dt.initialize()
            return dt.FREQ, dt.total
        with dt.lock:
            if not dt.initialized:
                dt.FREQ, dt.total = _cached("dict", _jieba_file("dict.txt"), build, "q")
                dt.initialized = True
    return dt


@lru_cache(maxsize=1)
def idf_table():
    """``(idf, median idf)`` of jieba's IDF file, as jieba.analyse reads it."""
    def build():
        with open(_jieba_file("analyse", "idf.txt"), encoding="utf-8") as stream:
            table = {}
            for line in stream:
                word, freq = line.strip().split(" ")
                table[word] = float(freq)
        return table, sorted(table.values())[len(table) // 2]
    return _cached("idf", _jieba_file("analyse", "idf.txt"), build, "d")


def extract_tags(text, top=20, allow_pos=()):
    """The ``top`` words of ``text`` by TF-IDF, as ``jieba.analyse.extract_tags`` ranks them
    (``allow_pos``: keep only words of these parts of speech)."""
    dt = tokenizer()
    if allow_pos:
        import jieba.posseg
        words = [w.word for w in jieba.posseg.dt.cut(text) if w.flag in allow_pos]
    else:
        words = dt.cut(text)
    freq = {}
    for word in words:
        if len(word.strip()) < 2 or word.lower() in STOP_WORDS:
            continue
        freq[word] = freq.get(word, 0.0) + 1.0
    table, median = idf_table()
    total = sum(freq.values())
    weights = {w: n * table.get(w, median) / total for w, n in freq.items()}
    return sorted(weights, key=weights.__getitem__, reverse=True)[:top]
