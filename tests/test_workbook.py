import time

import openpyxl
import pytest

from generator.cli import cli
from generator.draft.workbook import MAX_ROWS, load_workbook
from conftest import ROOT, paragraphs


def run(runner, *args):
    return runner.invoke(cli, [str(a) for a in args])


def book(path, sheets):
    """A workbook of ``{name: rows}``."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def yaml_with_sheet(tmp_path, sheet_name="指标", extra=""):
    data = tmp_path / "数据.yaml"
    text = (ROOT / "examples" / "工作总结.yaml").read_text(encoding="utf-8")
    text = text.split("主要指标表:")[0] + f"主要指标表: {{来源: 统计表.xlsx, 工作表: {sheet_name}{extra}}}\n" \
        + "主要做法:" + text.split("\n主要做法:", 1)[1]
    data.write_text(text, encoding="utf-8")
    return data


def test_init_writes_a_workbook_that_checks_and_flags_its_examples(runner, tmp_path):
    out = tmp_path / "数据.xlsx"
    result = run(runner, "init", "工作总结", "-o", out)
    assert result.exit_code == 0 and "已生成数据工作簿" in result.output
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["字段", "统计数据", "主要做法", "主要指标表", "存在问题", "下一步打算"]
    assert [c.value for c in wb["字段"][1]] == ["字段", "内容", "说明"]
    assert [c.value for c in wb["统计数据"][1]] == ["名称", "值", "上年", "目标", "单位"]
    assert wb["主要做法"]["A2"].value.startswith("【说明】（必填）")        # the note row marks required fields
    assert [c.value for c in wb["字段"][3]][:2] == ["标题", "中共××县委组织部2026年基层党建工作总结"]
    checked = run(runner, "check", out)
    assert checked.exit_code == 0
    assert f"{out}:字段!B3: 字段“标题”里还有占位的“××”" in checked.output
    assert f"{out}:主要做法!B3: 字段“主要做法[1].要点”这里还是示例内容" in checked.output
    assert run(runner, "check", out, "--strict").exit_code == 1


def test_a_yaml_field_takes_its_table_from_a_sheet(runner, tmp_path):
    book(tmp_path / "统计表.xlsx", {"指标": [["指标", "完成"], ["发展党员（名）", 412], ["新建阵地（个）", "1,234"]]})
    data = yaml_with_sheet(tmp_path, extra=", 表题: 主要指标")
    out = tmp_path / "草稿.docx"
    result = run(runner, "render", data, "-o", out)
    assert result.exit_code == 0, result.output
    from docx import Document
    table = Document(str(out)).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["指标", "完成"], ["发展党员（名）", "412"], ["新建阵地（个）", "1,234"]]
    assert "主要指标" in [text for _, text in paragraphs(out)]


def test_stats_from_a_sheet_name_their_cell(runner, tmp_path):
    book(tmp_path / "统计表.xlsx", {"汇总": [["名称", "值", "上年", "单位"], ["党员数", 300, 290, "名"],
                                             ["党组织", "约三百", None, "个"]]})
    data = tmp_path / "数据.yaml"
    data.write_text((ROOT / "examples" / "工作总结.yaml").read_text(encoding="utf-8").replace(
        "统计数据:\n", "统计数据: {来源: 统计表.xlsx, 工作表: 汇总}\n旧统计:\n"), encoding="utf-8")
    result = run(runner, "check", data)
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        f"错误：{tmp_path / '统计表.xlsx'}:汇总!B3: 字段“统计数据.党组织.值”应是数字，这里是“约三百”")


def _xls(path, tmp_path):
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)


def _encrypted(path, tmp_path):
    from msoffcrypto.format.ooxml import OOXMLFile
    plain = book(tmp_path / "plain.xlsx", {"指标": [["a"], [1]]})
    with open(plain, "rb") as source, open(path, "wb") as target:
        OOXMLFile(source).encrypt("secret", target)


def _formula(path, tmp_path):
    book(path, {"指标": [["指标", "完成"], ["合计", "=SUM(1,2)"]]})


def _merged(path, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "指标"
    ws.append(["指标", "完成"])
    ws.append(["a", 1])
    ws.merge_cells("A3:B3")
    ws["A3"] = "合并"
    wb.save(path)


def _huge(path, tmp_path):
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("指标")
    ws.append(["指标", "完成"])
    for i in range(100_000):
        ws.append([f"第{i}项", i])
    wb.save(path)


@pytest.mark.parametrize("make, where, message", [
    (lambda p, t: p.write_text("指标,完成\n", encoding="utf-8"), "", "不是 .xlsx 工作簿（可能是改了扩展名的 CSV 或文本）：请用正确的扩展名"),
    (_xls, "", "这是旧版 Excel（.xls）文件：请在 Excel/WPS 里“另存为”.xlsx 工作簿"),
    (_encrypted, "", "工作簿设置了打开密码：请在 Excel/WPS 里取消密码后另存为 .xlsx"),
    (_formula, ":指标!B2", "这格是公式，但工作簿没有保存计算结果：请在 Excel/WPS 里打开并保存一次"),
    (_merged, ":指标!A3", "有合并的单元格：请取消合并，每格填上自己的内容"),
    (lambda p, t: book(p, {"指标": []}), ":指标!A1", "工作表“指标”是空的"),
    (lambda p, t: book(p, {"别的": [["a"], [1]]}), "", "工作簿里没有工作表“指标”；有：别的"),
    (lambda p, t: book(p, {"指标": [["指标", None, "完成"], ["a", 1, 2]]}), ":指标!B1", "这一列没有列名（第一行是列名）"),
    (_huge, f":指标!A{MAX_ROWS + 3}", f"工作表“指标”超过 {MAX_ROWS} 行，一份报告用不了这么多；请只留需要的行"),
], ids=["csv-renamed", "xls-renamed", "password", "formula", "merged", "empty", "no-sheet", "no-column-name", "100k-rows"])
def test_bad_workbooks_are_one_chinese_line_and_nothing_written(runner, tmp_path, make, where, message):
    source = tmp_path / "统计表.xlsx"
    make(source, tmp_path)
    data = yaml_with_sheet(tmp_path)
    out = tmp_path / "out" / "草稿.docx"
    started = time.monotonic()
    result = run(runner, "render", data, "-o", out)
    assert time.monotonic() - started < 30          # a huge sheet stops at the row limit
    assert result.exit_code == 1 and not out.exists()
    assert result.output.strip() == f"错误：{source}{where}: {message}"


def test_a_missing_column_is_named(runner, tmp_path):
    book(tmp_path / "统计表.xlsx", {"汇总": [["名称", "数量"], ["党员数", 300]]})
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 工作总结\n统计数据: {来源: 统计表.xlsx, 工作表: 汇总}\n", encoding="utf-8")
    result = run(runner, "check", data)
    assert result.exit_code == 1 and result.output.strip() == (
        f"错误：{tmp_path / '统计表.xlsx'}:汇总!A1: 工作表“汇总”缺少“值”列（第一行是列名：名称、数量）")


def test_csv_in_gbk_and_formulas_in_csv(runner, tmp_path):
    csv = tmp_path / "统计表.csv"
    csv.write_bytes("名称,值,单位\n党员数,\"1,234\",名\n".encode("gbk"))
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 工作总结\n标题: t\n时间段: 2026年\n统计数据: {来源: 统计表.csv}\n", encoding="utf-8")
    shown = run(runner, "preview", data)
    assert shown.exit_code == 0 and "党员数1234名。" in shown.output
    csv.write_bytes("名称,值,单位\n党员数,=1+2,名\n".encode("gbk"))
    out = tmp_path / "草稿.docx"
    result = run(runner, "render", data, "-o", out)
    assert result.exit_code == 1 and not out.exists()
    assert result.output.strip() == (f"错误：{csv}:B2: 这格是公式“=1+2”：CSV 不保存计算结果，"
                                     "reportgen 也不计算公式；请填写数值")


@pytest.mark.parametrize("name", ["工作总结", "经验交流材料", "调研报告"])
def test_each_example_workbook_renders_like_its_yaml_twin(runner, tmp_path, name):
    """examples/*.xlsx were made by init's writer and filled from the YAML (tests/example_workbooks.py)."""
    twin = ROOT / "examples" / f"{name}.xlsx"
    assert twin.exists()
    a = run(runner, "preview", twin)
    b = run(runner, "preview", ROOT / "examples" / f"{name}.yaml")
    assert a.exit_code == 0 and b.exit_code == 0
    assert a.output == b.output and "【待补充" not in a.output


def test_example_workbooks_are_current(tmp_path):
    from example_workbooks import make
    for path in make(tmp_path):
        data, _ = load_workbook(path)
        committed, _ = load_workbook(ROOT / "examples" / path.name)
        assert _plain(data) == _plain(committed), path.name


def _plain(data):
    return {k: (v.header, v.rows, v.title) if hasattr(v, "rows") else v for k, v in data.items()}


def test_each_row_is_a_draft_and_a_bad_row_fails_alone(runner, tmp_path):
    common = tmp_path / "共同内容.yaml"
    common.write_text((ROOT / "examples" / "工作总结.yaml").read_text(encoding="utf-8").replace(
        "统计数据:\n", "统计数据:\n  党员数: {值: 0, 上年: 280, 单位: 名}\n"), encoding="utf-8")
    rows = [["支部", "标题", "统计数据.党员数"]] + [[f"第{i}支部", f"第{i}支部工作总结", 300 + i] for i in range(1, 5)]
    rows[3][2] = "约三百"
    book(tmp_path / "各支部.xlsx", {"汇总": rows})
    out = tmp_path / "out"
    result = run(runner, "render", common, "--each", tmp_path / "各支部.xlsx", "--name-column", "支部", "-o", out)
    assert result.exit_code == 1
    assert f"错误：{tmp_path / '各支部.xlsx'}:汇总!C4: 字段“统计数据.党员数.值”应是数字，这里是“约三百”" in result.output
    assert "共 4 份：成功 3 份，失败 1 份" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["第1支部.docx", "第2支部.docx", "第4支部.docx"]
    texts = [t for _, t in paragraphs(out / "第2支部.docx")]
    assert texts[0] == "第2支部工作总结" and "党员数302名，比上年增长7.9%" in "".join(texts)


def test_cells_read_as_shown_percent_format_and_dates(runner, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["名称", "值", "上年", "单位"])
    ws.append(["覆盖率", 0.886, 0.831, None])
    ws.append(["党员数", 1234, None, "名"])
    for cell in (ws["B2"], ws["C2"]):
        cell.number_format = "0.0%"
    wb.save(tmp_path / "统计表.xlsx")
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 工作总结\n标题: t\n时间段: 2026年\n统计数据: {来源: 统计表.xlsx, 工作表: 汇总}\n",
                    encoding="utf-8")
    shown = run(runner, "preview", data)
    assert shown.exit_code == 0 and "覆盖率88.6%，比上年提高5.5个百分点；党员数1234名。" in shown.output
