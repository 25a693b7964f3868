"""Static template checks and ``reportgen templates check``."""
import pytest

from generator.draft.analysis import check_fields, used_fields
from generator.cli import cli
from generator.draft.engine import Engine
from generator.errors import TemplateError
from generator.draft.catalog import BUILTIN_DIR, ENV_VAR

MANIFEST = "name: {name}\nfields:\n  标题: string\n  导语: text\n"


@pytest.fixture(autouse=True)
def no_env_templates(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def make(root, name, body, manifest=MANIFEST):
    folder = root / name
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text(manifest.format(name=name), encoding="utf-8")
    (folder / "body.md.j2").write_text(body, encoding="utf-8")
    return folder


def fail(runner, args):
    result = runner.invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("错误：") and "Traceback" not in result.output
    return result.output.strip()


@pytest.mark.parametrize("name", ["调研报告", "工作总结", "经验交流材料"])
def test_builtins_pass_the_check(name, runner):
    result = runner.invoke(cli, ["templates", "check", str(BUILTIN_DIR / name)])
    assert result.exit_code == 0, result.output
    assert f"模板“{name}”检查通过" in result.output and "提醒" not in result.output


def test_fields_come_from_the_body_and_its_parents():
    engine = Engine()
    used = used_fields(engine.env, engine.catalog.get("工作总结"))
    # 标题, 作者, 单位, 日期 are read only by _base/body.md.j2
    assert used["作者"][0].endswith("_base/body.md.j2")
    assert used["下一步打算"][0].endswith("工作总结/body.md.j2")
    assert "m" not in used and "loop" not in used and "range" not in used


def test_undeclared_field_fails_render_and_check(tmp_path, runner):
    make(tmp_path, "甲", "# {{ 标题 }}\n\n{{ 导语 }}\n\n{{ 结尾 }}\n")
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 甲\n标题: 测试\n导语: 一段话。\n", encoding="utf-8")
    out = tmp_path / "out"
    message = fail(runner, ["render", str(data), "--templates", str(tmp_path), "-o", str(out)])
    assert message == f"错误：{tmp_path / '甲' / 'body.md.j2'}:5: 模板用到了字段“结尾”，但清单 template.yaml 没有声明它"
    assert not out.exists()
    assert "用到了字段“结尾”" in fail(runner, ["templates", "check", str(tmp_path / "甲")])


def test_declared_but_unused_field_fails_check(tmp_path, runner):
    make(tmp_path, "甲", "# {{ 标题 }}\n")
    message = fail(runner, ["templates", "check", str(tmp_path / "甲")])
    assert f"{tmp_path / '甲' / 'template.yaml'}:4: 清单声明了字段“导语”" in message


def test_syntax_error_names_file_and_line(tmp_path, runner):
    make(tmp_path, "甲", "# {{ 标题 }}\n\n{% if 导语 %}\n{{ 导语 }\n{% endif %}\n")
    message = fail(runner, ["templates", "check", str(tmp_path / "甲")])
    assert f"{tmp_path / '甲' / 'body.md.j2'}:4: 模板语法错误" in message


def test_cycle_of_extends(tmp_path, runner):
    make(tmp_path, "甲", '{% extends "乙/body.md.j2" %}\n')
    make(tmp_path, "乙", '{# 注释 #}\n{% extends "甲/body.md.j2" %}\n')
    message = fail(runner, ["templates", "check", str(tmp_path / "甲")])
    assert message.endswith(f"{tmp_path / '乙' / 'body.md.j2'}:2: 模板的 extends/include/import 形成了循环："
                            "甲/body.md.j2 → 乙/body.md.j2 → 甲/body.md.j2")


def test_override_extending_itself_suggests_the_prefix(tmp_path):
    make(tmp_path, "调研报告", '{% extends "调研报告/body.md.j2" %}\n')
    engine = Engine([tmp_path])
    with pytest.raises(TemplateError, match="请写“内置/…”"):
        check_fields(engine.env, engine.catalog.get("调研报告"))


def test_missing_parent_names_the_extends_line(tmp_path, runner):
    make(tmp_path, "甲", '\n{% extends "_base/没有.md.j2" %}\n')
    message = fail(runner, ["templates", "check", str(tmp_path / "甲")])
    assert message == f"错误：{tmp_path / '甲' / 'body.md.j2'}:2: 找不到模板文件“_base/没有.md.j2”"


def test_folder_without_manifest(tmp_path, runner):
    (tmp_path / "甲").mkdir()
    message = fail(runner, ["templates", "check", str(tmp_path / "甲")])
    assert message == f"错误：{tmp_path / '甲' / 'template.yaml'}: 模板文件夹里没有清单文件 template.yaml"


def test_unknown_field_type(tmp_path, runner):
    make(tmp_path, "甲", "# {{ 标题 }}\n", "name: {name}\nfields:\n  标题: {{type: 文字}}\n")
    message = fail(runner, ["templates", "check", str(tmp_path / "甲")])
    assert f"{tmp_path / '甲' / 'template.yaml'}:3: 字段“标题”的类型“文字”未知" in message


def test_examples_are_checked_against_their_types(tmp_path, runner):
    make(tmp_path, "甲", "# {{ 标题 }}\n\n{{ 导语 }}\n",
         "name: {name}\nfields:\n  标题: {{type: string, example: 标题}}\n"
         "  导语:\n    type: integer\n    example: 许多\n")
    message = fail(runner, ["templates", "check", str(tmp_path / "甲")])
    assert f"{tmp_path / '甲' / 'template.yaml'}:6: 字段“导语”应是整数" in message


def test_check_renders_a_user_template_without_examples(tmp_path, runner):
    make(tmp_path, "甲", '{% extends "_base/body.md.j2" %}\n{% block body %}\n\n{{ 导语 }}\n{% endblock %}\n',
         "name: {name}\nfields:\n  标题: string\n  导语: text\n  作者: string\n  单位: string\n  日期: date\n")
    result = runner.invoke(cli, ["templates", "check", str(tmp_path / "甲")])
    assert result.exit_code == 0, result.output
    assert "提醒：字段“标题”没有示例" in result.output
    assert list(tmp_path.iterdir()) == [tmp_path / "甲"]   # nothing left behind


def test_a_folder_of_templates_checks_each(tmp_path, runner):
    make(tmp_path, "甲", "# {{ 标题 }}\n\n{{ 导语 }}\n")
    make(tmp_path, "乙", "# {{ 标题 }}\n")
    result = runner.invoke(cli, ["templates", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path / '甲'}：模板“甲”检查通过" in result.output
    assert "错误：" in result.output and "声明了字段“导语”" in result.output


@pytest.mark.parametrize("expression, name", [
    ("标题._secret", "_secret"), ("标题['__class__']", "__class__"),
    ("cycler.__init__.__globals__", "__init__"), ("标题 | attr('__class__')", "__class__"),
])
def test_python_internals_fail_render_and_check(tmp_path, runner, expression, name):
    make(tmp_path, "甲", f"# {{{{ 标题 }}}}\n\n{{{{ 导语 }}}}\n{{% set x = {expression} %}}\n")
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 甲\n标题: 测试\n导语: 一段话。\n", encoding="utf-8")
    out = tmp_path / "out"
    expected = f"错误：{tmp_path / '甲' / 'body.md.j2'}:4: 模板试图访问不安全的内容（属性 {name}，已被沙箱阻止）"
    assert fail(runner, ["render", str(data), "--templates", str(tmp_path), "-o", str(out)]) == expected
    assert not out.exists()
    assert fail(runner, ["templates", "check", str(tmp_path / "甲")]) == expected.replace(
        str(tmp_path), str(tmp_path.resolve()))
