"""One-line Chinese errors, and reading only what can be read."""
import os
import shutil
import subprocess
import sys

import pytest

from generator.draft.catalog import BUILTIN_DIR

from generator.errors import DataError, read_bytes

NOT_A_FILE = "不是普通文件（是管道、设备等特殊文件），不能读取"


def reportgen(*args, cwd=None, timeout=30):
    return subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


def test_read_bytes_says_why_in_chinese(tmp_path):
    (tmp_path / "a.yaml").write_bytes(b"x: 1\n")
    assert read_bytes(tmp_path / "a.yaml") == b"x: 1\n"
    with pytest.raises(DataError, match="这是一个目录"):
        read_bytes(tmp_path, DataError)
    with pytest.raises(DataError, match="文件不存在"):
        read_bytes(tmp_path / "无", DataError)
    with pytest.raises(DataError) as err:
        read_bytes(tmp_path / "a.yaml" / "x", DataError)
    assert "无法读取文件（路径中有一段不是文件夹）" in str(err.value)


@pytest.mark.parametrize("command", [["outline"], ["render"], ["lint", "--no-pages"], ["check"]])
@pytest.mark.parametrize("special", ["fifo", "device"])
def test_pipes_and_devices_are_refused_at_once(tmp_path, command, special):
    path = tmp_path / ("报告.docx" if command[0] == "lint" else "报告.txt")
    if special == "fifo":
        os.mkfifo(path)          # reading would wait for a writer for ever
    else:
        path.symlink_to("/dev/zero")   # reading would never end
    extra = ["-o", tmp_path / "out"] if command[0] == "render" else []
    result = reportgen(*command, path, *extra, cwd=tmp_path, timeout=20)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"错误：{path}: {NOT_A_FILE}")
    assert not (tmp_path / "out").exists()


def test_a_pipe_among_the_templates_is_refused(tmp_path, small):
    folder = tmp_path / "tpl" / "调研报告"
    shutil.copytree(BUILTIN_DIR / "调研报告", folder)
    os.mkfifo(folder / "附件.md.j2")
    result = reportgen("render", small, "--templates", tmp_path / "tpl", "-o", tmp_path / "out", timeout=20)
    assert result.returncode == 1 and NOT_A_FILE in result.stderr and "Traceback" not in result.stderr
