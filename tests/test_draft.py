import errno
import os

from generator.cli import cli


def test_failed_write_leaves_no_new_folders(runner, tmp_path, monkeypatch):
    rough = tmp_path / "粗稿.txt"
    rough.write_text("关于某镇党建工作的报告\n一、主要做法\n抓学习，抓落实。\n", encoding="utf-8")

    def disk_full(self, blocks, stream, title, author):
        stream.write(b"PK")
        raise OSError(errno.ENOSPC, "磁盘已满")
    monkeypatch.setattr("generator.writer.Writer.write", disk_full)
    out = tmp_path / "新" / "子" / "稿.docx"
    result = runner.invoke(cli, ["format", str(rough), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == f"错误：{out}: 无法写入（磁盘已满）\n"
    assert sorted(os.listdir(tmp_path)) == ["粗稿.txt"]
    (tmp_path / "旧").mkdir()                      # folders that were there stay
    out = tmp_path / "旧" / "子" / "稿.docx"
    assert runner.invoke(cli, ["format", str(rough), "-o", str(out)]).exit_code == 1
    assert sorted(os.listdir(tmp_path)) == ["旧", "粗稿.txt"] and not os.listdir(tmp_path / "旧")
