"""reportgen fonts: what this machine has of a style sheet's fonts, and what stands in."""
import shutil

import pytest

from generator.cli import cli
from generator.word import fonts
from generator.word.style import load_style


def test_missing_fonts_name_their_stand_ins_and_the_packages(monkeypatch):
    sheet = load_style()
    monkeypatch.setattr(fonts, "pdf_face", lambda name: "Noto Serif CJK SC")
    have = {"noto serif cjk sc", "noto sans cjk sc", "黑体"}
    statuses = {s.name: s for s in fonts.check(sheet, have)}
    assert statuses["黑体"].installed and not statuses["仿宋_GB2312"].installed
    assert statuses["仿宋_GB2312"].standin == "Noto Serif CJK SC"
    assert statuses["仿宋_GB2312"].kinds[-3:] == ["正文", "表格", "落款"]
    assert not statuses["楷体_GB2312"].same_kind          # a Song is no Kai
    assert fonts.packages_missing(statuses.values(), have) == [
        "fonts-lxgw-wenkai", "fonts-arphic-uming", "fonts-hanazono"]
    line = fonts.advice(list(statuses.values()), have)
    assert line.startswith("建议：把 方正小标宋简体、楷体_GB2312、仿宋_GB2312、宋体、SimSun-ExtB 的字体文件")
    assert line.endswith("sudo apt-get install fonts-lxgw-wenkai fonts-arphic-uming fonts-hanazono。")


def test_everything_installed_says_so():
    sheet = load_style()
    have = {name.lower() for name in fonts.font_roles(sheet)}
    statuses = fonts.check(sheet, have)
    assert all(s.installed for s in statuses) and fonts.advice(statuses, have).startswith("所有字体都已安装")
    assert fonts.missing.__doc__ and fonts.packages_missing(statuses, have) == []


def test_an_old_sheet_without_a_font_section_still_reports(tmp_path, monkeypatch):
    from pathlib import Path
    text = Path(fonts.__file__).with_name("styles").joinpath("gbt9704.yaml").read_text("utf-8")
    head, _, rest = text.partition("字体:\n  方正小标宋简体:")
    old = tmp_path / "旧版式.yaml"
    old.write_text(head + rest[rest.index("# 各段落类型"):], encoding="utf-8")
    sheet = load_style(str(old))
    monkeypatch.setattr(fonts, "pdf_face", lambda name: "")
    statuses = {s.name: s for s in fonts.check(sheet, set())}
    assert statuses["楷体_GB2312"].font_class == "楷体" and statuses["黑体"].standin == ""


def test_cli_on_this_machine(runner):
    if shutil.which("fc-list") is None:
        pytest.skip("本机没有 fontconfig")
    result = runner.invoke(cli, ["fonts"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "版式表 gbt9704 的字体（本机，据 fc-list / fc-match）："
    assert any("仿宋_GB2312（关键词、三级标题、四级标题、正文、表格、落款）" in line for line in lines)
    assert lines[-1].startswith(("建议：", "所有字体都已安装"))


def test_pdf_faces_are_of_the_right_kind_here():
    """With the packages .ci/run installs, each role's PDF face is a free face of its class."""
    if shutil.which("fc-match") is None:
        pytest.skip("本机没有 fontconfig")
    import os
    sheet = load_style()
    statuses = fonts.check(sheet)
    lacking = fonts.packages_missing(statuses, fonts.installed_families())
    if lacking and os.environ.get("CI") != "true":
        pytest.skip(f"本机没有免费字体包 {' '.join(lacking)}（.ci/run 会安装）")
    for status in statuses:
        if not status.installed:
            assert status.same_kind, (status.name, status.pdf_face)
