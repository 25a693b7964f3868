import pickle

import pytest

from generator.errors import DataError
from generator.yamlio import line_of, load_config, load_yaml


def test_lines_for_nested_paths(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("a: 1\nb:\n  - x: 2\n    y: 3\n  - 4\n", encoding="utf-8")
    data, lines = load_yaml(path)
    assert data == {"a": 1, "b": [{"x": 2, "y": 3}, 4]}
    assert lines[("b", 0, "y")] == 4 and lines[("b", 1)] == 5
    assert line_of(lines, ("b", 0, "nope")) == 3


def test_gbk_file_and_bom(tmp_path):
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("标题: 测试\n".encode("gbk"))
    bom = tmp_path / "bom.yaml"
    bom.write_bytes("\ufeff标题: 测试\n".encode("utf-8"))
    assert load_yaml(gbk)[0] == load_yaml(bom)[0] == {"标题": "测试"}


def test_control_characters_are_dropped(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text('a: "x\\x00y"\nb: p\x0bq\n', encoding="utf-8")
    assert load_yaml(path)[0] == {"a": "xy", "b": "pq"}


def test_malformed_yaml_names_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("a: 1\nb: [\n c: d: e\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_yaml(path)
    assert str(err.value).startswith(f"{path}:3: YAML 格式错误")


def test_python_objects_are_not_constructed(tmp_path):
    path = tmp_path / "evil.yaml"
    path.write_text("a: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_yaml(path)
    assert ":1:" in str(err.value)


def test_impossible_calendar_date_names_line(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("a: 1\n日期: 2026-02-30\n", encoding="utf-8")
    with pytest.raises(DataError, match=r":2: 不是有效的日期：2026-02-30"):
        load_yaml(path)


def test_duplicate_keys_are_an_error(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("标题: a\nb:\n  c: 1\n标题: b\n", encoding="utf-8")
    with pytest.raises(DataError, match=r":4: 字段“标题”重复（第 1 行已经写过）"):
        load_yaml(path)


def test_yaml_problems_are_explained_in_chinese(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("标题: 时间: 2026\n", encoding="utf-8")
    with pytest.raises(DataError, match=r":1: YAML 格式错误：这里不能出现“键: 值”"):
        load_yaml(path)


def test_config_is_cached_under_its_content(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "m.yaml"
    path.write_text("name: 甲\nfields:\n  日期: 2026-11-24\n", encoding="utf-8")
    assert load_config(path) == load_yaml(path)
    stored = list((tmp_path / "cache" / "yaml").iterdir())
    assert len(stored) == 1
    assert load_config(path) == load_yaml(path)                  # read back from the cache
    path.write_text("name: 乙\n", encoding="utf-8")
    assert load_config(path)[0] == {"name": "乙"}                 # new bytes, new entry
    path.write_text("name: 甲\nfields:\n  日期: 2026-11-24\n", encoding="utf-8")
    good = stored[0].read_bytes()
    for broken in (b"not a pickle", good.replace(b"datetime", b"datetimf"), pickle.dumps({}),
                   b"\x80\x04\x8d" + b"\xff" * 8, good[:len(good) // 2]):
        stored[0].write_bytes(broken)
        assert load_config(path) == load_yaml(path)              # a damaged entry is read again


def test_config_errors_are_not_cached(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "m.yaml"
    path.write_text("a: [1\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataError, match="YAML"):
            load_config(path)
    assert not (tmp_path / "cache" / "yaml").exists()

