import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, paragraphs
from docx import Document

from generator.cli import cli


def run(runner, *args):
    result = runner.invoke(cli, list(map(str, args)), prog_name="reportgen")
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def one_error_line(result):
    lines = [line for line in result.output.splitlines() if line.startswith("错误：")]
    assert len(lines) == 1, result.output
    return lines[0]


def test_help_is_chinese(runner):
    result = run(runner, "--help")
    assert result.exit_code == 0 and "用法：" in result.output and "命令" in result.output
    assert "显示本帮助并退出" in run(runner, "render", "-h").output


def test_templates_list_and_show(runner):
    assert "调研报告\t调研报告（调查与思考）\t[内置]" in run(runner, "templates").output
    shown = run(runner, "templates", "show", "调研报告").output
    assert "  主要做法（列表，必填）" in shown and "    要点（列表，必填）" in shown
    result = run(runner, "templates", "show", "../x")
    assert result.exit_code == 1 and "不合法" in one_error_line(result)


def test_init_scaffold_checks_clean_and_renders(runner, tmp_path):
    data = tmp_path / "新报告.yaml"
    assert run(runner, "init", "调研报告", "-o", data).exit_code == 0
    text = data.read_text(encoding="utf-8")
    assert "模板: 调研报告" in text and "# 主要做法（必填，列表）" in text
    checked = run(runner, "check", data)   # a file straight from init is not a clean file
    assert checked.exit_code == 0 and "0 条提醒" not in checked.output
    assert "字段“标题”里还有占位的“××”，请换成实际内容" in checked.output
    assert "字段“导语”这里还是示例内容，请换成本单位的实际情况" in checked.output
    strict = run(runner, "check", data, "--strict")
    assert strict.exit_code == 1 and "还有占位的“××”" in one_error_line(strict)
    assert run(runner, "render", data, "-o", tmp_path / "草稿.docx").exit_code == 0
    again = run(runner, "init", "调研报告", "-o", data)
    assert again.exit_code == 1 and "已存在" in one_error_line(again)


def test_render_single_file_and_refuse_overwrite(runner, small, tmp_path):
    out = tmp_path / "out" / "草稿.docx"
    result = run(runner, "render", small, "-o", out)
    assert result.exit_code == 0 and f"已生成 {out}" in result.output
    first = out.read_bytes()
    assert paragraphs(out)[0] == ("Title", "关于柳湾镇村级党组织带头人队伍建设的\n调查与思考")
    again = run(runner, "render", small, "-o", out)
    assert again.exit_code == 1 and "已存在" in one_error_line(again) and out.read_bytes() == first
    assert run(runner, "render", small, "-o", out, "--force").exit_code == 0


def test_render_into_folder_default_name(runner, small, tmp_path):
    result = run(runner, "render", small, "-o", tmp_path / "drafts")
    assert result.exit_code == 0 and (tmp_path / "drafts" / "小型调研.docx").exists()


def test_preview_shows_structure(runner, small):
    result = run(runner, "preview", small)
    heads = [line for line in result.output.splitlines() if line.startswith("#")]
    assert heads[:4] == ["# 关于柳湾镇村级党组织带头人队伍建设的调查与思考", "## 基本情况", "## 主要做法",
                         "### 拓宽选人渠道，优化队伍结构"]


def test_missing_data_placeholder_and_strict(runner, small, tmp_path):
    text = small.read_text(encoding="utf-8").replace("导语: 为了解", "# 导语: 为了解")
    small.write_text(text, encoding="utf-8")
    result = run(runner, "render", small, "-o", tmp_path / "a.docx")
    assert result.exit_code == 0 and "缺少必填字段“导语”" in result.output
    lead = paragraphs(tmp_path / "a.docx")[2][1]
    assert lead.startswith("【待补充：开篇一段：调研的背景、方式和总体判断】")
    strict = run(runner, "render", small, "-o", tmp_path / "b.docx", "--strict")
    assert strict.exit_code == 1 and "缺少必填字段“导语”" in one_error_line(strict)
    assert not (tmp_path / "b.docx").exists()


@pytest.mark.parametrize("content, message", [
    ("模板: 调研报告\n标题: [未闭合\n", ":3: YAML 格式错误"),
    ("模板: 调研报告\n标题: t\n主要做法: 一句话\n", ":3: 字段“主要做法”应是列表"),
    ("模板: 不存在的模板\n", ":1: 没有名为“不存在的模板”的模板"),
    ("标题: t\n", "数据文件没有写“模板: 名称”"),
    ("标题: t\n模板: [a]\n", ":2: “模板”应是模板名称（文字）"),
    ("模板: 调研报告\n日期: 2026-02-30\n", ":2: 不是有效的日期"),
    ("- 只是\n- 列表\n", ":1: 数据文件的顶层应是"),
])
def test_bad_data_one_line_no_file(runner, tmp_path, content, message):
    data = tmp_path / "坏.yaml"
    data.write_text(content, encoding="utf-8")
    result = run(runner, "render", data, "-o", tmp_path / "out")
    assert result.exit_code == 1 and message in one_error_line(result)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_control_characters_are_stripped(runner, small, tmp_path):
    text = small.read_text(encoding="utf-8").replace("调研组走访了", "调研组\x0b走访\x00了")
    small.write_text(text, encoding="utf-8")
    assert run(runner, "render", small, "-o", tmp_path / "c.docx").exit_code == 0
    assert "调研组走访了全部行政村" in paragraphs(tmp_path / "c.docx")[2][1]


def test_output_path_problems(runner, small, tmp_path):
    folder = tmp_path / "是目录.docx"
    folder.mkdir()
    assert "是一个已存在的文件夹" not in run(runner, "render", small, "-o", folder).output  # a folder: draft goes inside
    assert (folder / "小型调研.docx").exists()
    (tmp_path / "out" / "小型调研.docx").mkdir(parents=True)      # the draft's own name is a folder
    result = run(runner, "render", small, "-o", tmp_path / "out")
    assert result.exit_code == 1 and "是一个已存在的文件夹" in one_error_line(result)
    blocker = tmp_path / "普通文件"
    blocker.write_text("x")
    result = run(runner, "render", small, "-o", blocker / "x.docx")
    assert result.exit_code == 1 and "是文件，不是文件夹" in one_error_line(result)
    assert sorted(os.listdir(tmp_path)) == ["out", "小型调研.yaml", "是目录.docx", "普通文件"]


def test_template_errors_name_template_file(runner, small, tmp_path):
    folder = tmp_path / "tpl" / "调研报告"
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text("name: 调研报告\nfields:\n  标题: string\n", encoding="utf-8")
    (folder / "body.md.j2").write_text("# {{ 标题 }}\n{% for x in %}\n", encoding="utf-8")
    result = run(runner, "render", small, "--templates", tmp_path / "tpl", "-o", tmp_path / "o.docx")
    assert result.exit_code == 1
    assert f"{folder / 'body.md.j2'}:2: 模板语法错误" in one_error_line(result)
    (folder / "body.md.j2").write_text("# {{ 标题.__class__.__base__.__subclasses__() }}\n", encoding="utf-8")
    result = run(runner, "render", small, "--templates", tmp_path / "tpl", "-o", tmp_path / "o.docx")
    assert result.exit_code == 1 and "沙箱" in one_error_line(result)
    assert not (tmp_path / "o.docx").exists()


def test_batch_continues_after_a_failure(runner, small, tmp_path):
    bad = tmp_path / "坏.yaml"
    bad.write_text("模板: 调研报告\n标题: [\n", encoding="utf-8")
    other = tmp_path / "另一份.yaml"
    other.write_text(small.read_text(encoding="utf-8"), encoding="utf-8")
    result = run(runner, "render", small, bad, other, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "共 3 份：成功 2 份，失败 1 份" in result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["另一份.docx", "小型调研.docx"]


def test_style_option(runner, small, tmp_path):
    sheet = (ROOT / "generator" / "word" / "styles" / "gbt9704.yaml").read_text(encoding="utf-8")
    custom = tmp_path / "house.yaml"
    custom.write_text(sheet.replace("行距_pt: 28.95", "行距_pt: 30"), encoding="utf-8")
    assert run(runner, "render", small, "-o", tmp_path / "h.docx", "--style", custom).exit_code == 0
    assert Document(str(tmp_path / "h.docx")).styles["Normal"].paragraph_format.line_spacing.pt == 30
    broken = tmp_path / "broken.yaml"
    broken.write_text(sheet.replace("  字号: 16", "").replace("  正文:", "  正文x:"), encoding="utf-8")
    result = run(runner, "render", small, "-o", tmp_path / "x.docx", "--style", broken)
    assert result.exit_code == 1 and "版式表“段落.正文”缺少或不是映射" in one_error_line(result)
    result = run(runner, "render", small, "-o", tmp_path / "x.docx", "--style", "没有这个")
    assert result.exit_code == 1 and "没有名为“没有这个”的版式表" in one_error_line(result)


def test_templates_list_survives_one_broken_template(runner, tmp_path):
    bad = tmp_path / "tpl" / "坏模板"
    bad.mkdir(parents=True)
    (bad / "template.yaml").write_text("name: 坏模板\nfields:\n  标题: {type: foo}\n", encoding="utf-8")
    (bad / "body.md.j2").write_text("# x\n", encoding="utf-8")
    result = run(runner, "templates", "--templates", tmp_path / "tpl")
    assert result.exit_code == 1 and "类型“foo”未知" in one_error_line(result)
    assert "调研报告\t调研报告（调查与思考）\t[内置]" in result.output


def test_init_into_folder_or_screen(runner, tmp_path):
    result = run(runner, "init", "调研报告", "-o", f"{tmp_path / '新文件夹'}/")
    assert result.exit_code == 0 and (tmp_path / "新文件夹" / "调研报告.yaml").is_file()
    shown = run(runner, "init", "工作总结", "-o", "-")
    assert shown.exit_code == 0 and "模板: 工作总结" in shown.output


def test_bare_command_prints_help(runner):
    result = run(runner)
    assert result.exit_code == 0 and result.output.startswith("用法：") and "命令用法有误" not in result.output


def test_several_inputs_into_one_docx_is_one_error(runner, small, tmp_path):
    result = run(runner, "render", small, small, "-o", tmp_path / "一个.docx")
    assert result.exit_code == 1 and "-o 应是文件夹" in one_error_line(result)
    assert "生成草稿" not in result.output


def test_output_under_a_file_or_device_is_explained(runner, small, tmp_path):
    blocker = tmp_path / "普通文件"
    blocker.write_text("x")
    result = run(runner, "render", small, "-o", blocker / "sub" / "x.docx")
    assert result.exit_code == 1 and "是文件，不是文件夹" in one_error_line(result)
    result = run(runner, "init", "调研报告", "-o", "/dev/null", "--force")
    assert result.exit_code == 1 and "不是普通文件" in one_error_line(result)
    result = run(runner, "init", "调研报告", "-o", tmp_path / ("长" * 300 + ".yaml"))
    assert result.exit_code == 1 and "文件名太长" in one_error_line(result)


def test_render_jobs_keeps_going_after_a_bad_input(runner, small, tmp_path):
    sources = []
    for n in range(4):
        path = tmp_path / f"r{n}.yaml"
        shutil.copy(small, path)
        sources.append(str(path))
    bad = tmp_path / "坏.yaml"
    bad.write_text("模板: 没有这个模板\n", "utf-8")
    result = runner.invoke(cli, ["render", *sources, str(bad), "-o", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 1
    assert "共 5 份：成功 4 份，失败 1 份" in result.output
    assert "没有名为“没有这个模板”的模板" in result.output
    texts = {tuple(paragraphs(tmp_path / "out" / f"r{n}.docx")) for n in range(4)}
    assert len(texts) == 1


def test_render_jobs_must_be_positive(runner, small):
    result = runner.invoke(cli, ["render", str(small), "--jobs", "0"])
    assert result.exit_code == 2 and "命令用法有误" in result.output


def _modules_after(*args):
    code = ("import sys; from generator.cli import main; sys.argv = ['reportgen', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    return set(done.stderr.split())


def test_help_imports_no_heavy_module():
    loaded = _modules_after("--help")
    assert "click" in loaded
    assert not loaded & {"docx", "lxml", "jieba", "jinja2", "mistune", "yaml"}


def test_render_with_a_cached_base_does_not_import_python_docx(small, tmp_path):
    out = tmp_path / "d.docx"
    _modules_after("render", str(small), "-o", str(out))        # lays out and caches the base
    loaded = _modules_after("render", str(small), "-o", str(out), "--force")
    assert paragraphs(out)[0][1].startswith("关于柳湾镇")
    assert "jinja2" in loaded and not loaded & {"docx", "lxml", "jieba"}


def test_help_has_no_click_english(runner):
    text = run(runner, "render", "-h").output
    for english in ("[OPTIONS]", " PATH", " TEXT", " DIRECTORY", "Options", "Usage"):
        assert english not in text
    assert "选项：" in text and "DATA..." not in text.split("选项：")[1]
    unknown = run(runner, "nosuch")
    assert unknown.exit_code == 2 and "没有这个命令 “nosuch”" in one_error_line(unknown)


def test_ctrl_c_says_interrupted_and_exits_130(runner, small, tmp_path, monkeypatch):
    def interrupted(self, path):
        raise KeyboardInterrupt
    monkeypatch.setattr("generator.draft.engine.Engine.prepare", interrupted)
    result = runner.invoke(cli, ["render", str(small), "-o", str(tmp_path / "d.docx")])
    assert result.exit_code == 130 and one_error_line(result) == "错误：已中断"
    assert not (tmp_path / "d.docx").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_output_to_a_full_disk_is_one_line(small):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-c", "from generator.cli import main; main()", "preview", str(small)],
                              stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    assert done.returncode == 1 and done.stderr == "错误：无法输出结果（磁盘已满）\n"


# PDF output ------------------------------------------------------------------------------
def test_output_with_an_unknown_suffix_is_an_error_not_a_folder(runner, small, tmp_path):
    result = run(runner, "render", small, "-o", tmp_path / "终稿.odt")
    assert result.exit_code == 1 and result.output.count("\n") == 1
    assert "-o 应是文件夹、.docx 或 .pdf 文件，不认识“.odt”" in result.output
    assert not (tmp_path / "终稿.odt").exists()
    result = run(runner, "render", small, "-o", f"{tmp_path / '第2版.v2'}/")   # a folder, said so
    assert result.exit_code == 0 and (tmp_path / "第2版.v2" / "小型调研.docx").exists()


def test_output_pdf_writes_only_the_pdf(runner, small, tmp_path, soffice):
    target = tmp_path / "终稿.pdf"
    result = run(runner, "render", small, "-o", target)
    assert result.exit_code == 0, result.output
    assert f"已生成 {target}" in result.output and target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["小型调研.yaml", "终稿.pdf"]
    again = run(runner, "render", small, "-o", target)
    assert again.exit_code == 1 and again.output.endswith("终稿.pdf: 文件已存在；确认要覆盖请加 --force\n")
    assert run(runner, "render", small, "-o", target, "--force").exit_code == 0


def test_pdf_beside_each_draft_of_a_batch(runner, small, tmp_path, soffice):
    other = tmp_path / "另一份.yaml"
    shutil.copy(small, other)
    out = tmp_path / "out"
    result = run(runner, "render", small, other, "-o", out, "--pdf")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["另一份.docx", "另一份.pdf", "小型调研.docx", "小型调研.pdf"]
    assert result.output.count("用 LibreOffice 转成 PDF（2 份）") == 1     # one run for the batch


def test_several_inputs_into_one_pdf_is_refused(runner, small, tmp_path):
    result = run(runner, "render", small, small, "-o", tmp_path / "a.pdf")
    assert result.exit_code == 1 and "有多个数据文件时，-o 应是文件夹而不是 .pdf 文件" in result.output


def test_pdf_without_libreoffice_writes_nothing(runner, small, tmp_path, monkeypatch):
    monkeypatch.setattr("generator.word.office.find_soffice", lambda: None)
    for args in (["-o", tmp_path / "a.pdf"], ["-o", tmp_path / "out", "--pdf"]):
        result = run(runner, "render", small, *args)
        assert result.exit_code == 1 and result.output.count("\n") == 1
        assert result.output.startswith("错误：没有安装 LibreOffice（soffice），无法转换文档")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["小型调研.yaml"]


def test_pdf_into_a_read_only_folder(runner, small, tmp_path, soffice, monkeypatch):
    import errno

    folder = tmp_path / "只读"
    folder.mkdir()

    from generator import output
    real = output._temporary

    def refuse(out):   # what a read-only folder does to the file beside the target (root or not)
        if out.parent == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(out))
        return real(out)
    monkeypatch.setattr(output, "_temporary", refuse)
    result = run(runner, "render", small, "-o", folder / "a.pdf")
    assert result.exit_code == 1
    assert one_error_line(result) == f"错误：{folder}: 无法在这里写文件（没有权限）"
    assert list(folder.iterdir()) == []


def test_format_and_fix_write_pdfs_too(runner, tmp_path, soffice):
    rough = tmp_path / "粗稿.txt"
    rough.write_text("关于某某工作的报告\n\n一、基本情况\n\n今年以来，我们做了很多工作。\n", encoding="utf-8")
    result = run(runner, "format", rough, "-o", tmp_path / "排好.pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "排好.pdf").read_bytes().startswith(b"%PDF") and not (tmp_path / "排好.docx").exists()
    result = run(runner, "format", rough, "--pdf")
    assert result.exit_code == 0 and (tmp_path / "粗稿-排版.pdf").exists()
    result = run(runner, "lint", "--no-pages", tmp_path / "粗稿-排版.docx", "--fix", "-o", tmp_path / "修正.docx", "--pdf")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "修正.pdf").read_bytes().startswith(b"%PDF")


def test_fix_into_a_pdf_points_at_pdf_option(runner, tmp_path):
    from lintdocs import write_clean
    clean = write_clean(tmp_path / "clean.docx")
    result = run(runner, "lint", "--no-pages", clean, "--fix", "-o", tmp_path / "修正.pdf")
    assert result.exit_code == 2 and "--fix 的 -o 应是 .docx 文件；要 PDF 请再加 --pdf" in result.output
    assert not (tmp_path / "修正.pdf").exists()


def test_the_comma_trap_is_an_error_and_nothing_is_written(runner, tmp_path):
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 工作总结\n标题: t\n统计数据:\n  党员总数: {值: 28,654, 上年: 28,190, 单位: 名}\n",
                    encoding="utf-8")
    checked = run(runner, "check", data)
    assert checked.exit_code == 1 and one_error_line(checked) == (
        f"错误：{data}:4: “28,654”里的逗号被当成了分隔符：请去掉逗号写成 28654，或加引号写成 \"28,654\"")
    out = tmp_path / "草稿.docx"
    assert run(runner, "render", data, "-o", out).exit_code == 1 and not out.exists()


def test_the_lead_sentence_states_numbers_correctly(runner, tmp_path):
    data = tmp_path / "数据.yaml"
    data.write_text("模板: 工作总结\n标题: t\n时间段: 2026年\n导语: 今年以来，工作扎实推进。\n统计数据:\n"
                    "  党员总数: {值: \"28,654\", 上年: 28654, 单位: 名}\n  基层党组织: 1236\n"
                    "  发展党员: {值: 286, 目标: 300, 单位: 名}\n  达标率: {值: 93.1%, 上年: 95.2%, 目标: 95%}\n",
                    encoding="utf-8")
    shown = run(runner, "preview", data)
    assert shown.exit_code == 0
    assert ("2026年，党员总数28654名，与上年持平；基层党组织1236；发展党员286名，完成目标的95.3%，距目标还差14名；"
            "达标率93.1%，距目标还差1.9个百分点，比上年下降2.1个百分点。") in shown.output
    assert f"提醒：{data}:7: 统计项“统计数据.基层党组织”没有单位（如 个、名、家、%），草稿里会写成“基层党组织1236”" \
        in shown.output


def test_an_unreadable_input_is_said_in_chinese_and_skipped(runner, small, tmp_path, monkeypatch):
    locked = tmp_path / "锁住.yaml"
    shutil.copy(small, locked)
    real_access, real_open = os.access, os.open

    def access(name, mode, **kwargs):     # as a file without read permission (tests may run as root)
        return False if str(name) == str(locked) else real_access(name, mode, **kwargs)

    def open_(name, *args, **kwargs):
        if str(name) == str(locked):
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)
    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(os, "open", open_)
    result = run(runner, "render", locked, small, "-o", tmp_path / "out", "-j", "1")
    assert result.exit_code == 1 and "is not readable" not in result.output
    assert f"错误：{locked}: 无法读取文件（没有权限）" in result.output
    assert (tmp_path / "out" / f"{small.stem}.docx").exists()


# found by a hostile review after the merges -----------------------------------------------
def test_output_names_are_checked_for_every_command(runner, tmp_path):
    rough = tmp_path / "粗稿.txt"
    rough.write_text("关于某事的报告\n一、基本情况\n情况很好。\n", encoding="utf-8")
    odt = run(runner, "format", rough, "-o", tmp_path / "rf.odt")
    assert odt.exit_code == 1 and "-o 应是文件夹或 .docx、.pdf 文件，不认识“.odt”" in one_error_line(odt)
    into = run(runner, "format", rough, "-o", f"{tmp_path / '新文件夹'}/")
    assert into.exit_code == 0 and (tmp_path / "新文件夹" / "粗稿-排版.docx").is_file()
    csv = run(runner, "init", "工作总结", "-o", tmp_path / "y.csv")
    assert csv.exit_code == 1 and "不认识“.csv”" in one_error_line(csv)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["新文件夹", "粗稿.txt"]


def test_each_with_only_a_header_row_and_into_one_file(runner, small, tmp_path):
    header = tmp_path / "表.csv"
    header.write_text("名称,标题\n", encoding="utf-8")
    result = run(runner, "render", small, "--each", header, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert one_error_line(result) == f"错误：{header}:A1: 只有表头，没有数据行：每行一份草稿，请至少填一行"
    header.write_text("名称,标题\n甲,甲的报告\n乙,乙的报告\n", encoding="utf-8")
    one = run(runner, "render", small, "--each", header, "-o", tmp_path / "e.docx")
    assert one.exit_code == 1 and "每行一份草稿（--each）时，-o 应是文件夹而不是 .docx 文件" in one_error_line(one)


def test_a_pdf_beside_that_exists_is_refused_before_anything_is_written(runner, small, tmp_path, soffice):
    out = tmp_path / "out"
    out.mkdir()
    (out / "小型调研.pdf").write_bytes(b"%PDF old")
    result = run(runner, "render", small, "-o", out, "--pdf")
    assert result.exit_code == 1 and result.output.endswith("小型调研.pdf: 文件已存在；确认要覆盖请加 --force\n")
    assert sorted(p.name for p in out.iterdir()) == ["小型调研.pdf"]


def test_a_missing_sub_field_is_said_once_with_its_line(runner, small):
    text = small.read_text(encoding="utf-8")
    assert "    要点:" in text
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("    要点:"))
    end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith("      "))
    small.write_text("\n".join(lines[:at] + lines[end:]) + "\n", encoding="utf-8")
    result = run(runner, "check", small)
    said = [line for line in result.output.splitlines() if "要点" in line]
    assert result.exit_code == 0 and len(said) == 1 and f"{small}:" in said[0] and "缺少必填字段" in said[0]


def test_templates_check_of_a_file_says_it_is_a_file(runner, small):
    result = run(runner, "templates", "check", small)
    assert result.exit_code == 1 and "这是文件，不是模板文件夹" in one_error_line(result)
