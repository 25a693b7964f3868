import pytest
from docx import Document

from generator.cli import cli
from generator.lint.verify import read_numbers
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "工作总结.yaml"


def run(runner, *args):
    return runner.invoke(cli, [str(a) for a in args])


@pytest.fixture
def draft(runner, tmp_path):
    out = tmp_path / "草稿.docx"
    assert run(runner, "render", EXAMPLE, "-o", out).exit_code == 0
    return out


def replace_in_runs(doc, old, new):
    for para in doc.paragraphs:
        for r in para.runs:
            if old in r.text:
                r.text = r.text.replace(old, new, 1)
                return para
    raise AssertionError(old)


@pytest.mark.parametrize("name", ["工作总结", "经验交流材料", "调研报告"])
def test_a_rendered_draft_traces_every_number(runner, tmp_path, name):
    out = tmp_path / "草稿.docx"
    data = ROOT / "examples" / f"{name}.yaml"
    assert run(runner, "render", data, "-o", out).exit_code == 0
    result = run(runner, "verify", out, data, "--no-pages")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{out}：0 个数字在数据里找不到来源，数据中有 0 个数字草稿没有写到"


def test_verify_finds_exactly_the_two_edits(runner, tmp_path, draft):
    doc = Document(str(draft))
    changed = replace_in_runs(doc, "发展党员412名", "发展党员421名")
    replace_in_runs(doc, "新兴领域党组织覆盖率达到89.2%。", "新兴领域党组织覆盖率达到89.2%，新建党员之家57个。")
    edited = tmp_path / "改过的草稿.docx"
    doc.save(str(edited))
    index = next(i for i, p in enumerate(doc.paragraphs, 1) if p._p is changed._p)
    result = run(runner, "verify", edited, EXAMPLE, "--no-pages")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[:-1] == [
        f"{edited}: 第{index}段“……2026年，发展党员421名，完成目标的108.4%……”：数字“421”在数据里找不到来源",
        f"{edited}: 第{index + 4}段“……89.2%，新建党员之家57个。”：数字“57”在数据里找不到来源"]
    # 412 is no longer stated; its change and completion still are, so it is not listed as unused
    assert lines[-1] == f"{edited}：2 个数字在数据里找不到来源，数据中有 0 个数字草稿没有写到"


def test_figures_the_draft_never_states_are_listed(runner, tmp_path, draft):
    data = tmp_path / "数据.yaml"
    data.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        "统计数据:\n", "统计数据:\n  党员总数: {值: 28654, 上年: 28190, 单位: 名}\n"), encoding="utf-8")
    result = run(runner, "verify", draft, data, "--no-pages")
    assert result.exit_code == 0
    assert f"{data}:10: 字段“统计数据.党员总数.值”的数字 28654 草稿里没有写到" in result.output
    assert f"{data}:10: 字段“统计数据.党员总数.上年”的数字 28190 草稿里没有写到" in result.output


@pytest.mark.parametrize("text, figures", [
    ("2026年12月18日，鹤汀县委〔2026〕12号文件", []),
    ("2021—2025年，第3季度，表1显示", []),
    ("1. 发展党员412名，增长9.6%，提高5.4个百分点", ["412", "9.6%", "5.4个百分点"]),
    ("（2）党员1,234名，经费1.2万元，覆盖率８５％", ["1,234", "1.2万", "85%"]),
    ("连续3年，于10:30召开，2026-12-18印发", ["3"]),
])
def test_what_counts_as_a_figure(text, figures):
    assert [m[0] for m, _, _ in read_numbers(text)] == figures


def test_verify_with_pages(runner, tmp_path, draft, soffice):
    doc = Document(str(draft))
    replace_in_runs(doc, "发展党员412名", "发展党员421名")
    doc.save(str(draft))
    result = run(runner, "verify", draft, EXAMPLE)
    assert result.exit_code == 1 and f"{draft}: 第1页 第" in result.output


def test_numbers_in_names_and_headers_are_data(runner, tmp_path):
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 工作总结\n标题: t\n时间段: 2026年\n导语: 好。\n统计数据:\n  收入50万元以上的村: {值: 3, 单位: 个}\n"
                    "主要指标表:\n  表题: 前3名\n  表头: [指标, 近5年]\n  行: [[a, 7]]\n", encoding="utf-8")
    out = tmp_path / "草稿.docx"
    assert run(runner, "render", data, "-o", out).exit_code == 0
    result = run(runner, "verify", out, data, "--no-pages")
    assert result.exit_code == 0 and "0 个数字在数据里找不到来源" in result.output
