"""jieba's word work, fast: mining cuts text with rjieba (jieba's own algorithm, compiled:
jieba-rs) given only the words of jieba's dictionary that the text can hold, from an SQLite file
of our own; looks up jieba's IDF table in another; and ranks by TF-IDF as
``jieba.analyse.extract_tags`` does, without importing ``jieba.analyse`` (whose import parses
the 270,000-line IDF text every time). Parts of speech (``render --keywords``) come from
jieba's own tagger, its prefix dictionary loaded from a marshal file of our own.

The cache files are keyed by jieba's data files' size and time; deleting them is always safe,
and a cache that cannot be written only costs time.
"""
import marshal
import os
import sys
from array import array
from collections import Counter, defaultdict
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


def _cached_dictionary(build):
    """``build()``'s ``(FREQ, total)``, kept in a file named after jieba's version and its
    dict.txt's size and time: the words as one string and the counts as one array, which loads
    in a third of the time a marshalled dict takes."""
    jieba = load_jieba()
    stat = os.stat(_jieba_file("dict.txt"))
    path = cache_dir("jieba", f"dict-{key(jieba.__version__.encode(), str((stat.st_size, stat.st_mtime_ns)).encode())}")
    try:   # only from a trusted cache folder, the entry's digest checked (cache.load)
        words, numbers, total = marshal.loads(cache.load(path))
        counts = array("q")
        counts.frombytes(numbers)
        table = dict(zip(words.split("\n"), counts))
        if len(table) == len(counts):
            return table, total
    except (EOFError, ValueError, TypeError):
        pass
    table, total = build()
    try:
        cache.store(path, marshal.dumps(("\n".join(table), array("q", table.values()).tobytes(), total)))
    except OverflowError:
        pass
    return table, total


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
                dt.FREQ, dt.total = _cached_dictionary(build)
                dt.initialized = True
    return dt


def _idf_lines():
    """(word, idf) of jieba's IDF file, as jieba.analyse reads it."""
    with open(_jieba_file("analyse", "idf.txt"), encoding="utf-8") as stream:
        for line in stream:
            word, freq = line.strip().split(" ")
            yield word, float(freq)


def _idf_rows(db):
    db.execute("CREATE TABLE idf (word TEXT PRIMARY KEY, idf REAL) WITHOUT ROWID")
    db.executemany("INSERT OR REPLACE INTO idf VALUES (?, ?)", _idf_lines())
    # jieba.analyse's median (the middle of the sorted values) and the largest value
    return ("SELECT (SELECT idf FROM idf ORDER BY idf LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM idf)) AS median, "
            "(SELECT MAX(idf) FROM idf) AS highest")


def _word_rows(db):
    """jieba's dictionary by the first two characters of its words (a word of one character by
    itself): each group's words as one text, one a line, and their counts as another; the summary
    holds the total count, each word counted once, as jieba-rs counts it (dict.txt lists B超 twice)."""
    counts = {}
    with open(_jieba_file("dict.txt"), encoding="utf-8") as stream:
        for line in stream:
            word, count = line.split(" ")[:2]
            counts[word] = count
    groups = defaultdict(list)
    for word, count in counts.items():
        groups[word[:2]].append((word, count))
    db.execute("CREATE TABLE words (head TEXT PRIMARY KEY, words TEXT, counts TEXT) WITHOUT ROWID")
    db.executemany("INSERT INTO words VALUES (?, ?, ?)", ((head, "\n".join(w for w, _ in group), " ".join(c for _, c in group))
                                                       for head, group in groups.items()))
    return f"SELECT {sum(map(int, counts.values()))} AS total"


# each cache file's name: what it holds and the version of its layout
_LAYOUTS = {"idf": (("analyse", "idf.txt"), _idf_rows, b"sqlite2"), "words": (("dict.txt",), _word_rows, b"words1")}


def _database(name):
    """An SQLite file in our cache made from one of jieba's data files (``_LAYOUTS``: built once
    by a function that returns the query of its one-row summary, and published by rename),
    opened read-only: ``(db, *summary)``; None without a trusted cache folder or an sqlite3 module.
    SQLite runs no code from its file, so a damaged copy can only fail or give wrong figures: it
    is built again when it fails to open, and deleted when a query fails (``_damaged``), and it
    is ours (cache.cache_dir trusts only a private folder of this user's)."""
    try:
        import sqlite3
    except ImportError:   # pragma: no cover - a Python built without it
        return None
    source, fill, layout = _LAYOUTS[name]
    stat = os.stat(_jieba_file(*source))
    path = cache_dir("jieba", f"{name}-{key(layout, str((stat.st_size, stat.st_mtime_ns)).encode())}.sqlite")
    if path is None:
        return None
    try:
        return _open_database(sqlite3, path)
    except sqlite3.Error:    # missing, cut short or damaged: built (again)
        pass
    try:
        _build_database(sqlite3, path, fill)
        return _open_database(sqlite3, path)
    except (OSError, sqlite3.Error):
        return None


def _open_database(sqlite3, path):
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    try:
        (*summary,), = db.execute("SELECT * FROM summary")
        if not all(isinstance(value, (int, float)) for value in summary):
            raise ValueError(summary)
    except (sqlite3.Error, ValueError):
        db.close()
        raise sqlite3.DatabaseError("no summary") from None
    return (db, *summary)


def _build_database(sqlite3, path, fill):
    from generator.output import temporary_beside

    path.parent.mkdir(parents=True, exist_ok=True)
    with temporary_beside(path) as (fd, tmp):
        os.close(fd)
        with sqlite3.connect(tmp) as db:
            # the summary is written last, so a file cut short has none
            db.execute(f"CREATE TABLE summary AS {fill(db)}")
        db.close()
        os.replace(tmp, path)


def _damaged(db, source):
    """A cache file that failed a query (damaged inside, its summary whole): deleted, and
    ``source`` (its lru_cache'd opener) forgotten, so that the next use builds it again."""
    try:
        path = db.execute("PRAGMA database_list").fetchone()[2]
        db.close()
        os.remove(path)
    except Exception:     # noqa: BLE001 - gone already, or unreadable: the next open fails and rebuilds
        pass
    source.cache_clear()


@lru_cache(maxsize=1)
def _idf_source():
    """The open IDF database, its median and largest idf, or, without one, the whole table as a dict."""
    found = _database("idf")
    if found:
        return found
    table = dict(_idf_lines())
    return table, sorted(table.values())[len(table) // 2], max(table.values())


def _rows(db, query, keys):
    """The rows of ``query`` (whose one ``IN ({})`` takes ``keys``), asked 500 keys at a time:
    SQLite's limit on parameters is 999 in old builds."""
    keys = list(keys)
    for at in range(0, len(keys), 500):
        chunk = keys[at:at + 500]
        yield from db.execute(query.format(",".join("?" * len(chunk))), chunk)


def idf_of(words, again=True):
    """``({word: idf} for the words jieba's IDF table has, median idf)``."""
    import sqlite3

    source, median, _ = _idf_source()
    if isinstance(source, dict):
        return {w: source[w] for w in words if w in source}, median
    try:
        return {word: float(idf) for word, idf in _rows(source, "SELECT word, idf FROM idf WHERE word IN ({})", words)}, median
    except (sqlite3.Error, ValueError, TypeError):
        _damaged(source, _idf_source)
        if again:          # built again (or, when it cannot be, the table read from jieba's file)
            return idf_of(words, again=False)
        table = dict(_idf_lines())
        return {w: table[w] for w in words if w in table}, median


@lru_cache(maxsize=1)
def _jieba_class():
    """rjieba's Jieba class, from its compiled module alone: the package's ``__init__`` builds a
    Jieba with the whole dictionary (350,000 words, a tenth of a second) on import. The module
    is registered under its name, so that importing rjieba later uses it, not a second copy."""
    from importlib.machinery import EXTENSION_SUFFIXES, ExtensionFileLoader
    from importlib.util import module_from_spec, spec_from_file_location

    spec = find_spec("rjieba") if "rjieba" not in sys.modules else None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for path in (os.path.join(folder, f"rjieba{suffix}") for suffix in EXTENSION_SUFFIXES):
            if os.path.isfile(path) and "rjieba.rjieba" not in sys.modules:
                loader = ExtensionFileLoader("rjieba.rjieba", path)
                module = module_from_spec(spec_from_file_location("rjieba.rjieba", path, loader=loader))
                loader.exec_module(module)
                sys.modules["rjieba.rjieba"] = module
                return module.Jieba
    import rjieba
    return rjieba.Jieba


@lru_cache(maxsize=1)
def _words_source():
    return _database("words")


# a word no text holds (a character of Unicode's private use planes): it carries the counts of the
# words a cutter leaves out (jieba weighs a word by its count over the total of all counts)
_REST = "\U000F0000"
# past this many different characters and pairs of them, the whole dictionary loads faster
_MOST_HEADS = 30_000


def cutter(text):
    """A function cutting ``text``, or any part of it, into words as jieba's default mode
    (dictionary and HMM) cuts them, by rjieba (jieba-rs): some thirty times faster than jieba's
    Python cutter; only figures and Latin letters may be grouped otherwise (2023-08-08 as one
    word). Its dictionary holds only the words of jieba's that can occur in ``text`` (those
    starting with one of its characters, or with two that follow each other in it), from our
    cache, and the same total count: jieba's cut of a text weighs only the words in it, so the
    words are the same as with the whole dictionary, which takes longer to load than most texts
    take to cut. rjieba's whole dictionary for a long, varied text, and without the cache."""
    import sqlite3

    found = _words_source()
    if not found:
        return _whole_dictionary()
    heads = set(text)
    for line in dict.fromkeys(text.split("\n")):      # no word holds a line break
        heads.update(line[i:i + 2] for i in range(len(line) - 1))
    if len(heads) > _MOST_HEADS:
        return _whole_dictionary()
    db, total = found
    jieba, loaded = _jieba_class().empty(), 0
    try:
        for words, counts in _rows(db, "SELECT words, counts FROM words WHERE head IN ({})", sorted(heads)):
            for word, count in zip(words.split("\n"), counts.split(" ")):
                loaded += jieba.add_word(word, int(count), "")
    except (sqlite3.Error, ValueError, AttributeError):
        _damaged(db, _words_source)
        return _whole_dictionary()
    if total > loaded:
        jieba.add_word(_REST, total - loaded, "")
    return jieba.cut


def _whole_dictionary():
    """rjieba's own cutter, its whole dictionary built on import."""
    import rjieba
    return rjieba.cut


def extract_tags(text, top=20, allow_pos=(), cut_with=None):
    """The ``top`` words of ``text`` by TF-IDF, as ``jieba.analyse.extract_tags`` ranks them
    (``allow_pos``: keep only words of these parts of speech, as jieba's tagger reads them;
    ``cut_with``: the ``cutter`` of a text holding this one, made once for several; not used
    with ``allow_pos``, which takes jieba's own tagger)."""
    if top <= 0:
        return []
    if allow_pos:
        tokenizer()
        import jieba.posseg
        words = [w.word for w in jieba.posseg.dt.cut(text) if w.flag in allow_pos]
    else:
        words = (cut_with or cutter(text))(text)
    freq = {word: n for word, n in Counter(words).items()        # counted in C, each word then tested once
            if len(word.strip()) >= 2 and word.lower() not in STOP_WORDS}
    total = sum(freq.values())
    # A word's weight is at most its count times the largest idf: words are looked up by count,
    # most first, until no word left can reach the top. The words left out weigh less than the
    # top's last, so the ranking (ties in the text's order, as jieba's) is the same.
    _, median, highest = _idf_source()
    by_count = defaultdict(list)
    for word, n in freq.items():
        by_count[n].append(word)
    weights = {}
    for n in sorted(by_count, reverse=True):
        if len(weights) >= top and n * highest / total < sorted(weights.values(), reverse=True)[top - 1]:
            break
        table, _ = idf_of(by_count[n])
        weights.update((w, n * table.get(w, median) / total) for w in by_count[n])
    ranked = {w: weights[w] for w in freq if w in weights}      # the text's order, for ties
    return sorted(ranked, key=ranked.__getitem__, reverse=True)[:top]
