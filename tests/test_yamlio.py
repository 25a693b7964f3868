import pickle
import time

import pytest
import yaml

from generator import yamlio
from generator.cache import key
from generator.cli import cli
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


# --- what a user sees from `reportgen check` / `render` for files that used to hang, crash
# or point at the wrong line

def _fails(runner, tmp_path, text, command="check"):
    """Run ``reportgen <command>`` on a data file holding ``text``; it must fail in one go
    (exit 1, no traceback, no draft written) and within a few seconds. Returns the output lines."""
    data = tmp_path / "数据.yaml"
    data.write_text(text, encoding="utf-8")
    out = tmp_path / "草稿"
    started = time.monotonic()
    result = runner.invoke(cli, [command, str(data)] + (["-o", str(out)] if command == "render" else []))
    assert time.monotonic() - started < 5
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output and not out.exists()
    return [line.replace(str(data), "数据.yaml") for line in result.output.splitlines()]


def _bomb(levels=9):
    lines = ["模板: 调研报告", "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("command", ["check", "render"])
def test_alias_bomb_is_refused_quickly(runner, tmp_path, command):
    # 10⁹ values from 600 bytes; a3 is where ten aliases of ten aliases pass the limit
    assert len(_bomb().encode()) < 600
    assert _fails(runner, tmp_path, _bomb(), command) == [
        "错误：数据.yaml:5: 锚点引用（*名称）层层展开后超过 10000 个值，请直接写出内容，不要引用套引用"]


def test_alias_into_itself_is_refused(runner, tmp_path):
    assert _fails(runner, tmp_path, "模板: 调研报告\n标题: t\n单位: &u [甲, *u]\n") == [
        "错误：数据.yaml:3: 锚点引用（*名称）用在了锚点（&名称）自己的内容里，会无限展开"]


def test_anchors_within_the_limit_still_work(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("共用: &x {甲: 1, 乙: [2, 3]}\n一: *x\n二:\n  <<: *x\n  丙: 4\n", encoding="utf-8")
    data, lines = load_yaml(path)
    assert data["一"] == {"甲": 1, "乙": [2, 3]} and data["二"] == {"甲": 1, "乙": [2, 3], "丙": 4}
    assert lines[("一",)] == 2 and lines[("二", "丙")] == 5


@pytest.mark.parametrize("command", ["check", "render"])
@pytest.mark.parametrize("levels, message", [
    (600, "嵌套超过 50 层（映射和列表层层套在一起）"),      # RecursionError before
    (5000, "嵌套超过 50 层（映射和列表层层套在一起）"),     # past the limit of some libyaml builds: the same words
])
def test_deep_nesting_is_refused_quickly(runner, tmp_path, command, levels, message):
    text = "模板: 调研报告\n标题: " + "[" * levels + "]" * levels + "\n"
    assert _fails(runner, tmp_path, text, command) == [f"错误：数据.yaml:2: {message}"]


def test_deep_block_nesting_names_the_line(runner, tmp_path):
    text = "模板: 调研报告\n" + "".join(f"{'  ' * i}层{i}:\n" for i in range(60)) + "  " * 60 + "x: 1\n"
    assert _fails(runner, tmp_path, text) == ["错误：数据.yaml:53: 嵌套超过 50 层（映射和列表层层套在一起）"]


def test_deep_nesting_without_libyaml(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlio, "_Loader", yaml.SafeLoader)   # the pure-Python composer recurses
    path = tmp_path / "d.yaml"
    path.write_text("a: " + "[" * 600 + "]" * 600 + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"^\S+d\.yaml: 嵌套超过 50 层"):
        load_yaml(path)


@pytest.mark.parametrize("command", ["check", "render"])
def test_big_file_is_refused_before_reading(runner, tmp_path, command):
    text = "模板: 调研报告\n标题: t\n导语: " + "今" * 100_000 + "\n"      # 300 KB
    assert _fails(runner, tmp_path, text, command) == ["错误：数据.yaml: 文件太大（293 KB），YAML 文件最大 256 KB"]


def test_big_config_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "m.yaml"
    path.write_text("name: " + "x" * 2_000_000 + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"文件太大（1\.9 MB），YAML 文件最大 256 KB$"):
        load_config(path)


@pytest.mark.parametrize("text, expected", [
    # a full-width colon: PyYAML stops on the next line and never says why
    ("模板: 调研报告\n标题：关于党建工作的调查\n单位: 中共鹤汀县委\n",
     "数据.yaml:2: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“标题: 关于党建工作的调查”"),
    # no space after the colon
    ("模板: 调研报告\n标题:中共鹤汀县委组织部\n单位: 中共鹤汀县委\n",
     "数据.yaml:2: YAML 格式错误：冒号后缺空格，请写成“标题: 中共鹤汀县委组织部”"),
    # an unclosed quote: PyYAML names the end of the file …
    ("模板: 调研报告\n标题: \"关于党建工作的调查\n单位: 中共鹤汀县委\n日期: 2026-11-24\n导语: 今年以来\n",
     "数据.yaml:2: YAML 格式错误：引号没有闭合（从第 2 行开始），请在这段文字末尾补上 \""),
    # … or, when a later quote closes it, that later line
    ("模板: 调研报告\n标题: \"关于党建工作的调查\n单位: 中共鹤汀县委\n日期: \"2026-11-24\"\n",
     "数据.yaml:2: YAML 格式错误：引号没有闭合（从第 2 行开始），请在这段文字末尾补上 \""),
    ("模板: 调研报告\n标题: '关于党建工作的调查\n单位: 中共鹤汀县委\n",
     "数据.yaml:2: YAML 格式错误：引号没有闭合（从第 2 行开始），请在这段文字末尾补上 '"),
    # a list item with a full-width colon used to get a message about quoting colons
    ("模板: 调研报告\n标题: t\n存在问题:\n  - 标题：发展还不够平衡\n    说明: 村与村之间差距较大\n",
     "数据.yaml:4: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“标题: 发展还不够平衡”"),
    # … or, on the item's last line, a text among mappings (“存在问题[1]应是映射” before)
    ("模板: 调研报告\n标题: t\n存在问题:\n  - 标题：发展还不够平衡\n  - 标题: 基层基础薄弱\n    说明: 一些\n",
     "数据.yaml:4: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“标题: 发展还不够平衡”"),
    # a full-width colon that PyYAML reads as part of a field name “党员：{值”
    ("模板: 调研报告\n标题: t\n统计数据:\n  党员：{值: 1386}\n  团员: {值: 20}\n",
     "数据.yaml:4: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“党员: {值: 1386}”"),
])
def test_beginner_mistakes_are_named_where_they_are(runner, tmp_path, text, expected):
    assert _fails(runner, tmp_path, text) == ["错误：" + expected]


def test_a_file_typed_with_full_width_colons_throughout(runner, tmp_path):
    # PyYAML reads it as one long text, so it used to be “顶层应是映射” at line 1
    text = "模板：调研报告\n标题：关于党建工作的调查\n单位：中共鹤汀县委\n"
    assert _fails(runner, tmp_path, text) == [
        "错误：数据.yaml:1: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“模板: 调研报告”",
        "数据.yaml:2: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“标题: 关于党建工作的调查”",
        "数据.yaml:3: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“单位: 中共鹤汀县委”"]


def test_a_run_of_full_width_colons_before_a_correct_line(runner, tmp_path):
    text = "模板: 调研报告\n标题：关于党建工作的调查\n单位：中共鹤汀县委\n日期: 2026-11-24\n"
    assert _fails(runner, tmp_path, text) == [
        "错误：数据.yaml:2: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“标题: 关于党建工作的调查”",
        "数据.yaml:3: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“单位: 中共鹤汀县委”"]


def test_several_mistakes_are_reported_in_one_run(runner, tmp_path):
    text = ("模板: 调研报告\n"
            "标题：关于党建工作的调查\n"
            "单位:中共鹤汀县委\n"
            "日期: 2026-11-24\n"
            "导语: \"今年以来，全县上下\n"
            "主要做法:\n"
            "  - 标题：聚焦应建尽建\n"
            "    要点: [建立动态台账]\n"
            "\t存在问题: []\n")
    assert _fails(runner, tmp_path, text) == [
        "错误：数据.yaml:2: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“标题: 关于党建工作的调查”",
        "数据.yaml:3: YAML 格式错误：冒号后缺空格，请写成“单位: 中共鹤汀县委”",
        "数据.yaml:5: YAML 格式错误：引号没有闭合（从第 5 行开始），请在这段文字末尾补上 \"",
        "数据.yaml:7: YAML 格式错误：用了全角冒号“：”，请写成半角冒号加空格“标题: 聚焦应建尽建”",
        "数据.yaml:9: YAML 格式错误：有不能出现在这里的字符（常见原因：用了 Tab 缩进）"
        "（found character that cannot start any token）"]


def test_correct_lines_that_look_like_mistakes_are_not_blamed(runner, tmp_path):
    # full-width colons inside text, a quote that closes on a later line, a time: all fine;
    # only the Tab on line 8 is wrong
    text = ("模板: 调研报告\n"
            "标题: 调查\n"
            "导语: \"今年以来，\n"
            "  全县上下：凝心聚力\"\n"
            "主要做法:\n"
            "  - 一是：加强组织建设\n"
            "  - 10:30\n"
            "\t对策建议: []\n")
    assert _fails(runner, tmp_path, text) == [
        "错误：数据.yaml:8: YAML 格式错误：用了 Tab 缩进，请改用空格（found a tab character that violates indentation）"]
    path = tmp_path / "ok.yaml"
    path.write_text(text.replace("\t对策建议: []\n", ""), encoding="utf-8")
    assert load_yaml(path)[0]["主要做法"] == ["一是：加强组织建设", 630]
    path.write_text('"注：单位": 万元\n', encoding="utf-8")               # a quoted name may hold “：”
    assert load_yaml(path)[0] == {"注：单位": "万元"}


def test_a_character_yaml_refuses_is_one_line(runner, tmp_path):
    assert _fails(runner, tmp_path, "模板: 调研报告\n标题: t\n单位: 甲\x81乙\n") == [
        "错误：数据.yaml:3: YAML 格式错误：有不能出现的字符 U+0081（control characters are not allowed）"]


@pytest.mark.parametrize("key, shown", [
    ("124", "数字 124（需要的话请加引号）"),
    ("3.5", "数字 3.5（需要的话请加引号）"),
    ("yes", "表示是/否的 yes（需要的话请加引号）"),
    ("~", "空值 ~（需要的话请加引号）"),
    ("2026-11-24", "日期 2026-11-24（需要的话请加引号）"),
    ("9" * 400, "数字 99999999999999999999…（需要的话请加引号）"),
    ("[1, 2]", "列表"),                                       # TypeError before
    ("? {a: 1}\n", "映射"),
])
def test_keys_must_be_text(runner, tmp_path, key, shown):
    text = f"模板: 调研报告\n标题: t\n{key}: x\n"
    assert _fails(runner, tmp_path, text) == [f"错误：数据.yaml:3: 字段名应是文字，这里是{shown}"]


def test_empty_key_names_its_line(runner, tmp_path):
    assert _fails(runner, tmp_path, "模板: 调研报告\n标题: t\n统计数据:\n  ? \n  : 1\n") == [
        "错误：数据.yaml:4: 字段名是空的：冒号前面要写字段名"]


@pytest.mark.parametrize("digits", [309, 400, 5000])    # OverflowError, then “不是有效的日期”
def test_integer_too_big_names_its_line(runner, tmp_path, digits):
    text = f"模板: 调研报告\n标题: t\n统计数据:\n  党员: {{值: {'9' * digits}, 单位: 名}}\n"
    assert _fails(runner, tmp_path, text) == [f"错误：数据.yaml:4: 数字太大（共 {digits} 位），请检查是否多打了数字"]


@pytest.mark.parametrize("value, message", [
    ("!!bool 也许", "不是有效的是/否值：也许"),        # KeyError before
    ("!!int \"\"", "不是有效的数字"),                  # IndexError before
    ("!!timestamp 明天", "不是有效的日期：明天"),       # AttributeError before
])
def test_explicit_tags_that_cannot_be_built(runner, tmp_path, value, message):
    text = f"模板: 调研报告\n标题: t\n单位: {value}\n"
    assert _fails(runner, tmp_path, text) == [f"错误：数据.yaml:3: {message}"]


def test_damaged_or_foreign_cache_entries_are_never_used(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "m.yaml"
    path.write_text("name: 甲\n", encoding="utf-8")
    assert load_config(path)[0] == {"name": "甲"}
    [entry] = (tmp_path / "cache" / "yaml").iterdir()
    good = entry.read_bytes()
    entry.write_bytes(good.replace("甲".encode(), "乙".encode()))      # still a valid pickle
    assert load_config(path)[0] == {"name": "甲"}
    assert entry.read_bytes() == good                                  # and written afresh

    class Planted:                # a pickle that would create a file when loaded
        def __reduce__(self):
            return open, (str(tmp_path / "planted"), "w")
    payload = pickle.dumps((Planted(), {}))
    entry.write_bytes(key(payload).encode() + payload)                 # even with a right checksum
    assert load_config(path)[0] == {"name": "甲"}
    assert not (tmp_path / "planted").exists()


# the comma trap of flow mappings: {值: 28,654} ------------------------------------------
def load_text(tmp_path, text):
    path = tmp_path / "数据.yaml"
    path.write_text(text, encoding="utf-8")
    return path, load_yaml(path)


@pytest.mark.parametrize("text, written, line", [
    ("模板: 工作总结\n统计数据:\n  党员总数: {值: 28,654, 上年: 28190, 单位: 名}\n", "28,654", 3),
    ("统计数据:\n  a: {值: 1, 上年: 1,234,567}\n", "1,234,567", 2),
    ("x:\n  - {值: 12,500.5}\n", "12,500.5", 2),
])
def test_comma_in_a_flow_mapping_is_an_error(tmp_path, text, written, line):
    with pytest.raises(DataError) as err:
        load_text(tmp_path, text)
    digits = written.replace(",", "")
    assert str(err.value) == (f"{tmp_path / '数据.yaml'}:{line}: “{written}”里的逗号被当成了分隔符："
                              f"请去掉逗号写成 {digits}，或加引号写成 \"{written}\"")


@pytest.mark.parametrize("text", [
    "a: {值: \"28,654\"}\n", "a: {值: 28654, 上年: 3}\n", "a: [28,654]\n", "a: {1: x, 2: y}\n",
    "a: {值: 28, 654: 1}\n", "a:\n  值: 28\n  654:\n",
])
def test_other_flow_mappings_are_not_the_comma_trap(tmp_path, text):
    try:   # numeric keys are refused on their own (字段名应是文字), never as the comma trap
        load_text(tmp_path, text)
    except DataError as err:
        assert "逗号" not in str(err) and "字段名应是文字" in str(err)
