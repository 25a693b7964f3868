import shutil
import subprocess
import sys

from conftest import CHECKER, paragraphs
from test_mine import corpus

from generator.cli import cli
from generator.corpus.emit import manifest
from generator.corpus.outline import outline_file
from generator.draft.catalog import BUILTIN_DIR, load_template


def test_manifest_follows_most_common_skeleton():
    mined = {"文档数": 2, "常见结构": [{"结构": "概述→做法→问题→下一步", "次数": 2}],
             "章节": {"做法": {"小标题": [{"样式": "抓实“…”", "次数": 3, "例": "抓实“三会一课”"},
                                      {"样式": "主要做法", "次数": 2}, {"样式": "建强支部", "次数": 1}]}}}
    data, sections = manifest("镇总结", mined)
    assert [c for _, _, c in sections] == ["概述", "做法", "问题", "下一步"]
    assert list(data["fields"])[-4:] == ["基本情况", "主要做法", "存在问题", "下一步工作"]
    assert [e["标题"] for e in data["fields"]["主要做法"]["example"]] == ["抓实“三会一课”", "建强支部"]


def test_emitted_template_inits_renders_and_outlines_back(runner, tmp_path):
    tpl = tmp_path / "模板"
    result = runner.invoke(cli, ["mine", str(corpus(tmp_path)), "--emit-template", "镇总结", "--templates", str(tpl)])
    assert result.exit_code == 0, result.output
    template = load_template(tpl / "镇总结", str(tpl))
    assert list(template.fields)[-3:] == ["主要做法", "存在问题", "下一步工作"]
    data, out = tmp_path / "d.yaml", tmp_path / "d.docx"
    assert runner.invoke(cli, ["init", "镇总结", "--templates", str(tpl), "-o", str(data)]).exit_code == 0
    rendered = runner.invoke(cli, ["render", str(data), "--templates", str(tpl), "-o", str(out)])
    assert rendered.exit_code == 0, rendered.output
    assert ("Heading 2", "（一）抓实“三会一课”") in paragraphs(out)
    back = outline_file(out)
    assert [(s.heading, s.category) for s in back.sections if s.level == 1] == [
        ("主要做法", "做法"), ("存在问题", "问题"), ("下一步工作", "下一步")]
    if CHECKER.exists():
        check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
        assert "14/14" in check.stdout, check.stdout


def test_the_printed_next_command_works_from_any_folder(runner, tmp_path, monkeypatch):
    folder = corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["mine", str(folder), "--emit-template", "镇总结"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "我的模板" / "镇总结" / "template.yaml").exists()
    command = result.output.split("接着运行：")[1].split()
    assert command[:2] == ["reportgen", "init"]
    init = runner.invoke(cli, command[1:])
    assert init.exit_code == 0, init.output


def test_emit_refuses_to_overwrite(runner, tmp_path):
    folder = corpus(tmp_path)
    args = ["mine", str(folder), "--emit-template", "镇总结", "--templates", str(tmp_path / "t")]
    assert runner.invoke(cli, args).exit_code == 0
    again = runner.invoke(cli, args)
    assert again.exit_code == 1 and "--force" in again.output
    assert runner.invoke(cli, args + ["--force"]).exit_code == 0


def test_emit_never_overwrites_a_builtin_template(runner, tmp_path, monkeypatch):
    builtin = tmp_path / "项目" / "templates"      # a stand-in for the package's templates/
    shutil.copytree(BUILTIN_DIR / "调研报告", builtin / "调研报告")
    before = (builtin / "调研报告" / "template.yaml").read_bytes()
    monkeypatch.setattr("generator.corpus.emit.BUILTIN_DIR", builtin)
    folder = corpus(tmp_path)
    monkeypatch.chdir(builtin.parent)
    result = runner.invoke(cli, ["mine", str(folder), "--emit-template", "调研报告", "--templates", "templates",
                                 "--force"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "错误：templates/调研报告: “调研报告”是内置模板，不能覆盖" in result.output
    assert (builtin / "调研报告" / "template.yaml").read_bytes() == before
    assert not (builtin.parent / "mined.yaml").exists()
    other = tmp_path / "我的模板"
    result = runner.invoke(cli, ["mine", str(folder), "--emit-template", "调研报告", "--templates", str(other)])
    assert result.exit_code == 0, result.output
    assert f"提醒：模板“调研报告”与内置模板同名：使用 --templates {other} 时" in result.output
    assert load_template(other / "调研报告", str(other)).fields["主要做法"]
