"""Template folders: the catalog, manifests, copying and overriding, the built-in library."""
import subprocess
import sys

import pytest
import yaml
from conftest import CHECKER, EXAMPLES, ROOT, paragraphs, pdf_pages
from docx import Document

from generator.cli import cli
from generator.errors import TemplateError
from generator.draft.catalog import BUILTIN_DIR, ENV_VAR, Catalog, load_template

BUILTINS = ("调研报告", "工作总结", "经验交流材料")
# pages a sample may fill: the library's drafts are 2–5 pages; the 调研报告 sample that came
# before it is a full-length report (about 4,500 characters)
PAGES = {"调研报告": (2, 11)}
COMMON = ("标题", "作者", "单位", "日期", "时间段", "统计数据")


@pytest.fixture(autouse=True)
def no_env_templates(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def write_template(folder, manifest, body):
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text(manifest, encoding="utf-8")
    (folder / "body.md.j2").write_text(body, encoding="utf-8")
    return folder


def test_templates_lists_three_builtins(runner):
    result = runner.invoke(cli, ["templates"])
    assert result.exit_code == 0
    listed = [line.split("\t") for line in result.output.splitlines() if "\t" in line]
    assert sorted(row[0] for row in listed) == sorted(BUILTINS)
    assert all(row[2] == "[内置]" for row in listed)


def test_common_fields_have_one_name_and_type_everywhere():
    templates = Catalog().all()
    for name in COMMON:
        kinds = {t.name: t.fields[name].type for t in templates}
        assert len(set(kinds.values())) == 1, (name, kinds)
    assert templates[0].fields["统计数据"].type == "stats"


def test_extra_folders_from_option_and_environment(tmp_path, runner, monkeypatch):
    one, two = tmp_path / "one", tmp_path / "two"
    runner.invoke(cli, ["templates", "copy", "调研报告", str(one), "--name", "甲"])
    runner.invoke(cli, ["templates", "copy", "工作总结", str(two), "--name", "乙"])
    monkeypatch.setenv(ENV_VAR, str(two))
    result = runner.invoke(cli, ["templates", "--templates", str(one)])
    assert result.exit_code == 0, result.output
    sources = {row[0]: row[2] for row in (l.split("\t") for l in result.output.splitlines() if "\t" in l)}
    assert sources["甲"] == f"[{one}]" and sources["乙"] == f"[{two}]"
    assert Catalog([one]).dirs[:2] == [one, two]


def test_missing_extra_folder_is_an_error(tmp_path, runner):
    result = runner.invoke(cli, ["templates", "--templates", str(tmp_path / "没有")])
    assert result.exit_code == 1 and "模板文件夹不存在" in result.output


def test_copy_edit_and_render_with_the_edit(tmp_path, runner):
    dest = tmp_path / "我的模板"
    result = runner.invoke(cli, ["templates", "copy", "工作总结", str(dest)])
    assert result.exit_code == 0, result.output
    copy = dest / "工作总结"
    assert sorted(p.name for p in copy.iterdir()) == ["body.md.j2", "template.yaml"]
    # add a field to the manifest and a section using it to the body
    manifest = yaml.safe_load((copy / "template.yaml").read_text(encoding="utf-8"))
    manifest["fields"]["表态"] = {"type": "text", "description": "结尾表态"}
    (copy / "template.yaml").write_text(yaml.safe_dump(manifest, allow_unicode=True), encoding="utf-8")
    body = (copy / "body.md.j2").read_text(encoding="utf-8")
    head, end, tail = body.replace("## 下一步工作打算", "## 今后努力方向").rpartition("{% endblock %}")
    body = head + "\n\n{{ 表态 }}\n" + end + tail
    (copy / "body.md.j2").write_text(body, encoding="utf-8")
    data = tmp_path / "数据.yaml"
    data.write_text((ROOT / "examples" / "工作总结.yaml").read_text(encoding="utf-8")
                    + "表态: 我们将以更加饱满的热情做好各项工作。\n", encoding="utf-8")
    out = tmp_path / "草稿.docx"
    result = runner.invoke(cli, ["render", str(data), "-o", str(out), "--templates", str(dest)])
    assert result.exit_code == 0, result.output
    texts = [text for _, text in paragraphs(out)]
    assert "三、今后努力方向" in texts and "下一步工作打算" not in "".join(texts)
    assert texts[-3] == "我们将以更加饱满的热情做好各项工作。"
    listing = runner.invoke(cli, ["templates", "--templates", str(dest)]).output
    assert f"工作总结\t工作总结（年度/半年）\t[{dest}，覆盖内置模板]" in listing


def test_copy_refuses_existing_target_and_bad_names(tmp_path, runner):
    runner.invoke(cli, ["templates", "copy", "调研报告", str(tmp_path)])
    before = sorted(p.name for p in tmp_path.iterdir())
    again = runner.invoke(cli, ["templates", "copy", "调研报告", str(tmp_path)])
    assert again.exit_code == 1 and "目标文件夹已存在" in again.output
    for args in (["../x", str(tmp_path)], ["调研报告", str(tmp_path), "--name", "../x"]):
        result = runner.invoke(cli, ["templates", "copy", *args])
        assert result.exit_code == 1 and "“../x”不合法" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_override_extends_builtin_through_prefix(tmp_path, runner, small):
    """A user's 调研报告 replaces one block and reaches the built-in body through 内置/."""
    user = tmp_path / "tpl"
    runner.invoke(cli, ["templates", "copy", "调研报告", str(user)])
    (user / "调研报告" / "body.md.j2").write_text(
        '{% extends "内置/调研报告/body.md.j2" %}\n{% block lead %}\n\n本单位自拟的导语：{{ 导语 }}\n'
        '{% endblock %}\n', encoding="utf-8")
    out = tmp_path / "a.docx"
    result = runner.invoke(cli, ["render", str(small), "-o", str(out), "--templates", str(user)])
    assert result.exit_code == 0, result.output
    texts = [text for _, text in paragraphs(out)]
    assert texts[2].startswith("本单位自拟的导语：为了解村级党组织带头人队伍现状")
    assert "一、基本情况" in texts     # the rest comes from the built-in body


@pytest.mark.parametrize("name", ["../x", "a/b", "_base", ".hidden"])
def test_bad_template_names(name, runner, small, tmp_path):
    out = tmp_path / "out"
    result = runner.invoke(cli, ["render", str(small), "-t", name, "-o", str(out)])
    assert result.exit_code == 1 and "不合法" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_folder_without_manifest(tmp_path, runner, small):
    (tmp_path / "tpl" / "调研报告").mkdir(parents=True)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["render", str(small), "--templates", str(tmp_path / "tpl"), "-o", str(out)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'tpl' / '调研报告' / 'template.yaml'}: 模板文件夹里没有清单文件" in result.output
    assert not out.exists()


@pytest.mark.parametrize("spec, message, line", [
    ("  甲:\n    type: strng\n", "类型“strng”未知", 5),
    ("  甲:\n    type: string\n    requried: true\n", "未知的键“requried”", 6),
    ("  甲: [string]\n", "定义应是映射", 4),
])
def test_manifest_schema_errors(tmp_path, spec, message, line):
    folder = write_template(tmp_path / "乙", "name: 乙\ntitle: 乙\nfields:\n" + spec, "{{ 甲 }}\n")
    with pytest.raises(TemplateError) as err:
        load_template(folder)
    assert message in err.value.message
    assert (err.value.path, err.value.line) == (folder / "template.yaml", line)


def test_manifest_name_must_match_folder(tmp_path):
    folder = write_template(tmp_path / "乙", "name: 丙\nfields: {甲: string}\n", "{{ 甲 }}\n")
    with pytest.raises(TemplateError, match="与文件夹名“乙”不一致"):
        load_template(folder)


def test_same_yaml_feeds_two_kinds(tmp_path, runner):
    data = ROOT / "examples" / "工作总结.yaml"
    texts = {}
    for kind in ("工作总结", "调研报告"):
        out = tmp_path / f"{kind}.docx"
        result = runner.invoke(cli, ["render", str(data), "-t", kind, "-o", str(out)])
        assert result.exit_code == 0, result.output
        texts[kind] = [text for _, text in paragraphs(out)]
    for kind, text in texts.items():
        assert text[0] == "鹤汀县2026年基层党建工作总结"
        assert text[-2:] == ["中共鹤汀县委组织部", "2026年12月18日"]
        joined = "".join(text)
        assert "发展党员412名，完成目标的108.4%，超额完成32名，比上年增长9.6%" in joined, kind
        assert "坚持固本强基，基层组织体系更加健全" in joined, kind   # 主要做法 is shared too
    assert "（一）坚持固本强基，基层组织体系更加健全" in texts["调研报告"]
    assert any("【待补充：基本情况" in t for t in texts["调研报告"])   # what 工作总结 data lacks


def test_table_is_a_real_word_table(tmp_path, runner):
    out = tmp_path / "a.docx"
    runner.invoke(cli, ["render", str(ROOT / "examples" / "工作总结.yaml"), "-o", str(out)])
    doc = Document(str(out))
    source = yaml.safe_load((ROOT / "examples" / "工作总结.yaml").read_text(encoding="utf-8"))["主要指标表"]
    (table,) = doc.tables
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [source["表头"]] + [[str(c) for c in row] for row in source["行"]]
    assert table.style.name == "Table Grid"
    assert all(c.paragraphs[0].style.name == "表格文字" for row in table.rows for c in row.cells)
    assert all(r.bold for c in table.rows[0].cells for r in c.paragraphs[0].runs)
    caption = [p for p in doc.paragraphs if p.style.name == "表题"]
    assert [p.text for p in caption] == [source["表题"]]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_pass_checker_and_open_in_libreoffice(example, example_pdfs):
    if not CHECKER.exists():
        pytest.skip("没有 ../shared/tools/gbt9704_check.py")
    out, pdf = example_pdfs[example.stem]
    check = subprocess.run([sys.executable, str(CHECKER), str(out)], capture_output=True, text=True)
    assert "14/14 checks hold" in check.stdout, check.stdout
    pages = pdf_pages(pdf)
    low, high = PAGES.get(example.stem, (2, 5))
    assert low <= len(pages) <= high, len(pages)
    assert "一、" in pages[0] and pages[-1].strip()


def test_builtin_examples_cover_every_builtin():
    assert {p.stem for p in EXAMPLES} >= set(BUILTINS)
    assert {p.name for p in BUILTIN_DIR.iterdir() if p.is_dir() and p.name[0] != "_"} == set(BUILTINS)


def test_plans_weave_target_and_deadline_into_a_sentence(runner):
    shown = runner.invoke(cli, ["preview", str(ROOT / "examples" / "工作总结.yaml")])
    assert shown.exit_code == 0
    assert "推行“线上＋线下”组织生活方式。力争到2027年6月底前新兴领域党组织覆盖率达到93%以上。" in shown.output
    assert "目标**" not in shown.output and "时限" not in shown.output
