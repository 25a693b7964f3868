import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import jieba
import jieba.analyse
import pytest

from generator.corpus import segment
from generator.corpus.reading import decode

TEXT = ("全镇18个村党组织严格落实“三会一课”制度，组织党员开展志愿服务三百余次，解决群众急难愁盼问题一百二十件。"
        "镇党委坚持每月集中学习一次，全年共组织学习十二次，覆盖党员四百余人次，基层党建工作质量明显提升。") * 3


def plain_tags(text, top):
    """jieba.analyse's ranking with jieba's own dictionary, without words other tests added."""
    plain = jieba.analyse.TFIDF()
    plain.tokenizer = jieba.Tokenizer()
    return plain.extract_tags(text, topK=top)


def test_extract_tags_ranks_as_jieba_analyse_does():
    assert segment.extract_tags(TEXT, 20) == plain_tags(TEXT, 20)
    pos = ("n", "vn", "nz")
    assert segment.extract_tags(TEXT, 10, allow_pos=pos) == jieba.analyse.extract_tags(TEXT, topK=10, allowPOS=pos)


def test_extract_tags_ranks_a_whole_report_as_weighing_every_word_does(seeds):
    # words are looked up by count, most first, until none left can reach the top: the
    # ranking must be the one that weighs every word, ties in the text's order (jieba's own
    # cutter groups figures otherwise, hence our cut here)
    text = "\n".join(decode(p.read_bytes()) for p in sorted(seeds.glob("*.txt")))
    freq = Counter(w for w in segment.cutter(text)(text) if len(w.strip()) >= 2 and w.lower() not in segment.STOP_WORDS)
    table, median = segment.idf_of(freq)
    weight = {w: n * table.get(w, median) for w, n in freq.items()}
    for top in (0, 1, 12, 24, 200):
        assert segment.extract_tags(text, top) == sorted(weight, key=weight.get, reverse=True)[:top]


def test_cut_is_jiebas_cut_for_chinese_text():
    plain = jieba.Tokenizer()
    for line in TEXT.split("。"):
        assert segment.cutter(line)(line) == list(plain.cut(line))


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder of this test's own and nothing loaded yet."""
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    _forget()
    yield tmp_path / "cache" / "jieba"
    _forget()


def _forget():
    segment._idf_source.cache_clear()
    segment._words_source.cache_clear()


def test_idf_comes_from_an_sqlite_copy_in_our_cache(fresh, monkeypatch):
    words = ["党建", "党组织", "没有这个词"]
    table, median = segment.idf_of(words)
    assert [p.name.split("-")[0] for p in fresh.iterdir()] == ["idf"]
    want = jieba.analyse.default_tfidf.idf_loader
    assert table == {w: want.idf_freq[w] for w in words[:2]} and median == want.median_idf
    # a second process reads the copy: jieba's IDF text is not parsed again
    segment._idf_source.cache_clear()
    monkeypatch.setattr(segment, "_idf_lines", lambda: (_ for _ in ()).throw(AssertionError("slow path")))
    assert segment.idf_of(words) == (table, median)


def test_a_damaged_idf_copy_is_rebuilt(fresh):
    segment.idf_of(["党建"])
    segment._idf_source.cache_clear()
    copy = next(fresh.iterdir())
    copy.write_bytes(copy.read_bytes()[:5000])       # cut short, as by a full disk
    assert segment.idf_of(["党建"])[0]["党建"] > 0
    assert copy.stat().st_size > 1_000_000


def test_cut_loads_only_the_words_a_text_can_hold_and_cuts_as_the_whole_dictionary_does(fresh):
    import rjieba
    real = Path(__file__).parent / "data" / "real"
    texts = [decode(p.read_bytes()) for p in sorted(real.rglob("*.txt"))]
    assert len(texts) > 400
    # every real report, on its own and with others: a cutter of the ones before it, the words
    # of jieba's that only an odd text holds (B超, listed twice in dict.txt) and the rest's count
    texts.append(f"党建{segment._REST}工作B超检查𠀀😀ＡＢＣ abc 123 ＃")
    for at, text in enumerate(texts):
        several = "\n".join(texts[max(at - 3, 0):at + 1])
        assert segment.cutter(text)(text) == segment.cutter(several)(text) == rjieba.cut(text), text[:40]
    assert [p.name.split("-")[0] for p in fresh.iterdir()] == ["words"]
    assert segment.cutter("")("") == [] and segment.cutter("党")("党") == ["党"]
    # a long, varied text: rjieba's whole dictionary loads faster than its words would
    assert segment.cutter("".join(texts)) is rjieba.cut


@pytest.mark.parametrize("damage", ["cut short", "no table", "bad row"])
def test_a_damaged_word_copy_is_rebuilt(fresh, damage):
    import sqlite3

    segment.cutter(TEXT)(TEXT)
    segment._words_source.cache_clear()
    copy = next(fresh.iterdir())
    if damage == "cut short":
        copy.write_bytes(copy.read_bytes()[:5000])
    else:
        with sqlite3.connect(copy) as db:      # the summary whole, the words not
            db.execute("DROP TABLE words" if damage == "no table" else "UPDATE words SET counts = 'x'")
        db.close()
    for _ in range(2):    # the first use after the damage, and the one after it, which builds it again
        assert segment.cutter(TEXT)(TEXT) == list(jieba.Tokenizer().cut(TEXT))
    assert copy.stat().st_size > 1_000_000
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT COUNT(*) FROM words").fetchone()[0] > 100_000
    db.close()


def test_a_damaged_idf_table_is_rebuilt(fresh):
    import sqlite3

    want = segment.idf_of(["党建", "党组织"])
    segment._idf_source.cache_clear()
    copy = next(fresh.iterdir())
    with sqlite3.connect(copy) as db:
        db.execute("DROP TABLE idf")
    db.close()
    assert segment.idf_of(["党建", "党组织"]) == want
    segment._idf_source.cache_clear()
    assert segment.idf_of(["党建", "党组织"]) == want


def test_mining_never_builds_rjiebas_whole_dictionary(tmp_path, seeds):
    # rjieba's package builds its 350,000-word dictionary on import: mining loads its
    # compiled module alone, and the words from our cache (built by the first run)
    script = ("import sys; from generator.corpus.mine import mine; r = mine([sys.argv[1]]);"
              "print('rjieba' in sys.modules, bool(r['章节']['做法']['关键词']))")
    env = {**os.environ, "REPORTGEN_CACHE": str(tmp_path / "cache")}
    runs = [subprocess.run([sys.executable, "-c", script, str(seeds)], capture_output=True, text=True, env=env,
                           cwd=Path(__file__).parent.parent, check=True).stdout.split() for _ in range(2)]
    assert runs == [["False", "True"]] * 2


def test_dictionary_comes_from_our_cache(fresh, monkeypatch):
    monkeypatch.setattr(jieba, "dt", jieba.Tokenizer())
    segment.tokenizer()
    assert [p.name.split("-")[0] for p in fresh.iterdir()] == ["dict"]
    # a second load reads the cache: jieba's own dictionary builder is never called
    dt = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", dt)
    monkeypatch.setattr(dt, "initialize", lambda *a: (_ for _ in ()).throw(AssertionError("slow path")))
    assert segment.tokenizer() is dt and dt.initialized and dt.FREQ["党建"] > 0


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("x")                      # the cache folder cannot be made under a file
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocked / "cache"))
    _forget()
    dt = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", dt)
    try:
        assert segment.tokenizer().FREQ["党建"] > 0
        assert segment.extract_tags(TEXT, 20) == plain_tags(TEXT, 20)
        assert segment.cutter(TEXT)(TEXT) == list(jieba.Tokenizer().cut(TEXT))
    finally:
        _forget()
