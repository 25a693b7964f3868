import jieba.analyse

from generator.corpus import segment

TEXT = ("全镇18个村党组织严格落实“三会一课”制度，组织党员开展志愿服务三百余次，解决群众急难愁盼问题一百二十件。"
        "镇党委坚持每月集中学习一次，全年共组织学习十二次，覆盖党员四百余人次，基层党建工作质量明显提升。") * 3


def test_extract_tags_ranks_as_jieba_analyse_does():
    assert segment.extract_tags(TEXT, 20) == jieba.analyse.extract_tags(TEXT, topK=20)
    pos = ("n", "vn", "nz")
    assert segment.extract_tags(TEXT, 10, allow_pos=pos) == jieba.analyse.extract_tags(TEXT, topK=10, allowPOS=pos)


def test_dictionary_and_idf_come_from_our_cache(base_cache, monkeypatch):
    segment.tokenizer()
    segment.idf_table()
    names = sorted(p.name.split("-")[0] for p in (base_cache / "jieba").iterdir())
    assert names == ["dict", "idf"]
    # a second load reads the cache: jieba's own dictionary builder is never called
    import jieba
    dt = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", dt)
    monkeypatch.setattr(dt, "initialize", lambda *a: (_ for _ in ()).throw(AssertionError("slow path")))
    segment.idf_table.cache_clear()
    assert segment.tokenizer() is dt and dt.initialized and dt.FREQ["党建"] > 0
    table, median = segment.idf_table()
    assert table["党建"] > 0 and median > 0 and len(table) > 100_000


def test_an_unwritable_cache_only_costs_time(tmp_path, monkeypatch):
    import jieba
    blocked = tmp_path / "a-file"
    blocked.write_text("x")                      # the cache folder cannot be made under a file
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocked / "cache"))
    dt = jieba.Tokenizer()
    monkeypatch.setattr(jieba, "dt", dt)
    assert segment.tokenizer().FREQ["党建"] > 0
