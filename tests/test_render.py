import pytest
from jinja2.sandbox import SandboxedEnvironment

from generator.draft import Engine
from generator.errors import TemplateError


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
    assert list((tmp_path / "cache" / "jinja").iterdir())

    def no_parsing(*args, **kwargs):
        raise AssertionError("template parsed again")
    monkeypatch.setattr(SandboxedEnvironment, "_parse", no_parsing)
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
