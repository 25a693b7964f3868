from pathlib import Path

import pytest
from jinja2.sandbox import SandboxedEnvironment

from generator.draft.engine import Engine
from generator.errors import ReportgenError, TemplateError
from generator.draft.sandbox import environment, render
from generator.draft.catalog import Catalog, load_template


def make_template(tmp_path, body, fields="  标题: {type: string, description: 报告标题}\n"):
    folder = tmp_path / "tpl" / "试验"
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text(f"name: 试验\ntitle: 试验\nfields:\n{fields}", encoding="utf-8")
    (folder / "body.md.j2").write_text(body, encoding="utf-8")
    catalog = Catalog([tmp_path / "tpl"])
    return catalog, catalog.get("试验")


def test_missing_value_becomes_placeholder(tmp_path):
    catalog, template = make_template(tmp_path, "# {{ 标题 }}\n")
    markup, missing = render(environment(catalog), template, {})
    assert markup == "# 【待补充：报告标题】\n" and missing == ["标题"]


def test_strict_refuses_placeholders(tmp_path):
    catalog, template = make_template(tmp_path, "# {{ 标题 }}\n")
    with pytest.raises(ReportgenError, match="缺少数据：报告标题"):
        render(environment(catalog), template, {}, strict=True)


def test_user_text_is_escaped(tmp_path):
    catalog, template = make_template(tmp_path, "# T\n\n{{ 标题 }}\n")
    markup, _ = render(environment(catalog), template, {"标题": "## 假标题 **x**"})
    assert markup == "# T\n\n\\#\\# 假标题 \\*\\*x\\*\\*\n"


def test_syntax_error_names_template_file_and_line(tmp_path):
    catalog, template = make_template(tmp_path, "# T\n\n{% if 标题 %}\n没有结束\n")
    with pytest.raises(TemplateError) as err:
        render(environment(catalog), template, {})
    assert str(err.value.path).endswith("body.md.j2") and err.value.line == 4
    assert "模板语法错误" in err.value.message


@pytest.mark.parametrize("body, hint", [
    ("{% for x in 列表 %}\n甲\n", "“{% for %}”没有结束，缺少“{% endfor %}”"),
    ("{% if 甲 %}\n乙\n{% endfor %}\n", "不认识的标签“endfor”；此前的“{% if %}”应先用“{% endif %}”结束"),
    ("{{ 标题 | 没有这个 }}\n", "没有名为“没有这个”的过滤器"),
    ("{{ 标题 甲 }}\n", "这里应是“}}”，却出现了“甲”"),
    ("{{ '标题 }}\n", "这里不能出现字符“'”（常见原因：引号没有闭合）"),
    ("{% endif %}\n", "不认识的标签“endif”"),
])
def test_syntax_errors_are_explained_in_chinese(tmp_path, body, hint):
    catalog, template = make_template(tmp_path, "# T\n\n" + body)
    with pytest.raises(TemplateError) as err:
        render(environment(catalog), template, {})
    assert err.value.message.startswith("模板语法错误：" + hint)
    assert err.value.message.endswith("）")      # Jinja's own words stay in brackets


def test_sandbox_blocks_python_internals(tmp_path):
    body = "# {{ 标题.__class__.__mro__[1].__subclasses__() }}\n"
    catalog, template = make_template(tmp_path, body)
    with pytest.raises(TemplateError) as err:
        render(environment(catalog), template, {"标题": "x"})
    assert "沙箱" in err.value.message and err.value.line == 1


def test_runtime_error_in_filter_reports_line(tmp_path):
    catalog, template = make_template(tmp_path, "# T\n\n{{ 标题 | percent(0) }}{{ 标题 | cn_num }}\n")
    with pytest.raises(TemplateError) as err:
        render(environment(catalog), template, {"标题": "非数字"})
    assert err.value.line == 3 and "模板渲染出错" in err.value.message


def test_extends_cycle_is_reported(tmp_path):
    catalog, template = make_template(tmp_path, '{% extends "试验/body.md.j2" %}\n')
    with pytest.raises(TemplateError, match="循环"):
        render(environment(catalog), template, {})


def test_builtin_template_renders_small_data(tmp_path):
    from conftest import DATA

    from generator.draft.engine import Engine
    draft = Engine().prepare(DATA / "小型调研.yaml")
    assert draft.warnings == []
    assert "党组织书记平均年龄46.2岁，比上年下降6.7%" in draft.markup
    assert "大专以上学历占比61.1%，比上年提高11.1个百分点" in draft.markup
    assert "**一是**从外出务工人员中回引人才；**二是**建立村级后备力量库。后备力量达到54人。" in draft.markup


def test_manifest_unknown_type_is_reported(tmp_path):
    folder = tmp_path / "坏"
    folder.mkdir()
    (folder / "template.yaml").write_text("name: 坏\nfields:\n  标题: {type: 字符串}\n", encoding="utf-8")
    (folder / "body.md.j2").write_text("# x\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_template(folder)
    assert err.value.line == 3 and "类型“字符串”未知" in err.value.message


def test_huge_repetition_is_blocked(tmp_path):
    catalog, template = make_template(tmp_path, '# {{ "a" * 10**10 }}\n')
    with pytest.raises(TemplateError) as err:
        render(environment(catalog), template, {})
    assert "沙箱" in err.value.message and "太长" in err.value.message


def test_endless_loop_stops_at_time_limit(tmp_path, monkeypatch):
    import generator.draft.sandbox as render_module
    monkeypatch.setattr(render_module, "TIME_LIMIT", 0.5)
    body = "# x\n{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n"
    catalog, template = make_template(tmp_path, body)
    with pytest.raises(TemplateError, match="超过 0.5 秒") as error:
        render(environment(catalog), template, {})
    assert (Path(error.value.path).name, error.value.line) == ("body.md.j2", 2)   # where the loop is


def test_recursive_macro_is_reported(tmp_path):
    body = "{% macro f(n) %}{{ f(n) }}{% endmacro %}# {{ f(1) }}\n"
    catalog, template = make_template(tmp_path, body)
    with pytest.raises(TemplateError, match="无限递归"):
        render(environment(catalog), template, {})


def test_body_that_is_not_utf8(tmp_path):
    catalog, template = make_template(tmp_path, "# x\n")
    (template.path / "body.md.j2").write_bytes(b"# \xee\xff\xfe\n")
    with pytest.raises(TemplateError, match="不是 UTF-8"):
        render(environment(catalog), template, {})


def _template(tmp_path, body):
    folder = tmp_path / "tpl" / "测试"
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text("title: 测试\nfields:\n  标题: {type: string}\n", "utf-8")
    (folder / "body.md.j2").write_text(body, "utf-8")
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 测试\n标题: 你好\n", "utf-8")
    return tmp_path / "tpl", data


def test_compiled_templates_are_reused_by_the_next_run(small, tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    first = Engine().prepare(small).markup
    assert list((tmp_path / "cache").glob("jinja-*/*"))

    def no_compiling(*args, **kwargs):
        raise AssertionError("template compiled again")
    monkeypatch.setattr(SandboxedEnvironment, "_compile", no_compiling)
    assert Engine().prepare(small).markup == first


def test_runtime_error_points_at_the_template_line_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    templates, data = _template(tmp_path, "# {{ 标题 }}\n\n{{ 标题 | int(1, 2, 3) }}\n")
    for _ in range(2):   # compiled, then loaded from the cache
        with pytest.raises(TemplateError) as caught:
            Engine([templates]).prepare(data)
        assert str(caught.value.path).endswith("body.md.j2") and caught.value.line == 3


def test_unwritable_cache_only_costs_time(small, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REPORTGEN_CACHE", str(blocker / "cache"))
    assert Engine().prepare(small).markup.startswith("# 关于柳湾镇")


def test_sandbox_message_names_the_attribute_in_chinese(tmp_path):
    catalog, template = make_template(tmp_path, "# {{ 标题.__class__.__mro__ }}\n")
    with pytest.raises(TemplateError) as err:
        render(environment(catalog), template, {"标题": "x"})
    assert "模板试图访问不安全的内容（属性 __" in err.value.message and "unsafe" not in err.value.message


@pytest.mark.parametrize("body", [
    "# 甲\n\n{% set x = 标题.__class__ %}乙\n",               # stored, never printed
    "# 甲\n\n{% if 标题.__class__ is defined %}{% endif %}乙\n",
    "# 甲\n\n{{ ''.__class__.__mro__[1].__subclasses__() }}\n",
    "# 甲\n\n{{ cycler.__init__.__globals__.os.popen('id') }}\n",
    "# 甲\n\n{{ '{0.__class__}'.format(标题) }}\n",
])
def test_every_refused_access_stops_the_render(tmp_path, body):
    catalog, template = make_template(tmp_path, body)
    with pytest.raises(TemplateError) as err:
        render(environment(catalog), template, {"标题": "x"})
    assert err.value.message.startswith("模板试图访问不安全的内容（")
    assert str(err.value.path).endswith("body.md.j2") and err.value.line == 3


@pytest.mark.parametrize("run", [" ", "，", "\t", " ，", "\u3000", "、 ", "\n", " \r\n", "【待补充："])
def test_long_runs_of_spaces_and_punctuation_render_in_linear_time(run, small, tmp_path):
    """100,000-character runs in a list item, a paragraph and headings: every pattern on the
    render path is linear (the punctuation trimmer and the heading label were quadratic)."""
    import time

    import yaml
    from docx import Document
    data = yaml.safe_load(small.read_text(encoding="utf-8"))
    long = run * (100_000 // len(run))
    data["导语"] = long + "x"
    data["下一步工作"] = [long + "甲", "乙" + long]
    data["主要做法"][0]["标题"] = long + "拓宽"
    data["主要做法"][0]["要点"] = [long + "x", "（" + long]
    data["基本情况"] = long + "\n\nx" + long
    # handed over already loaded: a YAML file this long is over the data-file size limit
    from generator.draft.batch import Loaded
    engine, start = Engine(), time.monotonic()
    draft = engine.prepare(Loaded("长", data, {}, small, None))
    engine.write(draft, tmp_path / "长.docx")
    assert time.monotonic() - start < 10
    assert any(p.text.endswith("甲。") or "甲" in p.text for p in Document(str(tmp_path / "长.docx")).paragraphs)


def test_a_template_that_doubles_a_string_stops_at_the_memory_limit(tmp_path):
    """Run in a child process, whose peak memory is then measured."""
    import json
    import subprocess
    import sys
    body = ("# 甲\n\n{% set ns = namespace(s='党') %}\n{% for i in range(36) %}{% set ns.s = ns.s ~ ns.s %}"
            "{% endfor %}\n{{ ns.s | length }}\n")
    catalog, template = make_template(tmp_path, body)
    child = ("import json, sys; from generator.draft.catalog import Catalog; "
             "from generator.draft.sandbox import environment, render; from generator.errors import ReportgenError\n"
             f"catalog = Catalog([{str(tmp_path / 'tpl')!r}])\n"
             "try:\n    render(environment(catalog), catalog.get('试验'), {})\n"
             "except ReportgenError as exc:\n    print(exc)\n")
    measure = ("import resource, subprocess, sys, time; start = time.monotonic(); "
               "out = subprocess.run([sys.executable, '-c', sys.argv[1]], capture_output=True, text=True).stdout; "
               "print(json.dumps([out, time.monotonic() - start, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))")
    out, seconds, peak_kb = json.loads(subprocess.run(
        [sys.executable, "-c", "import json; " + measure, child], capture_output=True, text=True,
        timeout=120).stdout)
    assert out.strip() == (f"{tmp_path / 'tpl' / '试验' / 'body.md.j2'}:4: 模板生成的内容太多，超过了 512 MB 的"
                           "内存上限（可能是把文字或列表反复翻倍的循环）")
    assert peak_kb < 1024 * 1024 and seconds < 20     # 3 GB before
