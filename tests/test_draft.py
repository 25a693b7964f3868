import errno
import os
import pickle
import shutil

import pytest
from conftest import paragraphs
from docx import Document

from generator.cli import cli
from generator.draft.engine import Engine, iter_batch
from generator.errors import ReportgenError


def test_failed_write_leaves_no_new_folders(runner, tmp_path, monkeypatch):
    rough = tmp_path / "粗稿.txt"
    rough.write_text("关于某镇党建工作的报告\n一、主要做法\n抓学习，抓落实。\n", encoding="utf-8")

    def disk_full(self, blocks, stream, title=None, author=None):
        stream.write(b"PK")
        raise OSError(errno.ENOSPC, "磁盘已满")
    monkeypatch.setattr("generator.word.writer.Writer.write", disk_full)
    out = tmp_path / "新" / "子" / "稿.docx"
    result = runner.invoke(cli, ["format", str(rough), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == f"错误：{out}: 无法写入（磁盘已满）\n"
    assert sorted(os.listdir(tmp_path)) == ["粗稿.txt"]
    (tmp_path / "旧").mkdir()                      # folders that were there stay
    out = tmp_path / "旧" / "子" / "稿.docx"
    assert runner.invoke(cli, ["format", str(rough), "-o", str(out)]).exit_code == 1
    assert sorted(os.listdir(tmp_path)) == ["旧", "粗稿.txt"] and not os.listdir(tmp_path / "旧")


def _inputs(small, tmp_path, count):
    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for n in range(count):
        path = folder / f"第{n}份.yaml"
        shutil.copy(small, path)
        paths.append(path)
    return paths


def test_batch_on_processes_equals_serial(small, tmp_path):
    sources = _inputs(small, tmp_path, 5)
    broken = tmp_path / "in" / "坏.yaml"
    broken.write_text("模板: 调研报告\n标题: [未闭合\n", "utf-8")
    sources.insert(2, broken)
    serial = list(iter_batch(Engine(), sources, tmp_path / "serial"))
    parallel = list(iter_batch(Engine(), sources, tmp_path / "parallel", jobs=3))
    assert [r[0] for r in parallel] == sources          # in input order
    for (_, t1, d1, e1), (_, t2, d2, e2) in zip(serial, parallel):
        assert (e1 is None) == (e2 is None)
        if e1 is not None:
            assert isinstance(e2, ReportgenError) and str(e2) == str(e1) and e2.line == e1.line
            continue
        assert d2.markup == d1.markup and d2.warnings == d1.warnings
        assert paragraphs(t2) == paragraphs(t1)
    assert sum(e is None for _, _, _, e in parallel) == 5


def test_duplicate_targets_fail_alone(small, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, second = tmp_path / "a" / "同名.yaml", tmp_path / "b" / "同名.yaml"
    shutil.copy(small, first)
    shutil.copy(small, second)
    results = list(iter_batch(Engine(), [first, second], tmp_path / "out", jobs=2))
    assert results[0][3] is None and "同一个草稿" in str(results[1][3])
    assert Document(str(tmp_path / "out" / "同名.docx")).paragraphs[0].text.startswith("关于柳湾镇")


def test_engine_survives_pickling(small, tmp_path):
    engine = Engine()
    engine.writer
    copy = pickle.loads(pickle.dumps(engine))
    draft = copy.prepare(small)
    copy.write(draft, tmp_path / "d.docx")
    assert paragraphs(tmp_path / "d.docx") == paragraphs(_write(Engine(), small, tmp_path / "e.docx"))


def _write(engine, source, out):
    engine.write(engine.prepare(source), out)
    return out


def test_template_check_is_redone_when_a_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "tpl" / "小模板"
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text("fields:\n  标题: string\n", "utf-8")
    (folder / "body.md.j2").write_text("# {{ 标题 }}\n", "utf-8")
    data = tmp_path / "d.yaml"
    data.write_text("模板: 小模板\n标题: 题\n", "utf-8")
    Engine([tmp_path / "tpl"]).prepare(data)
    assert len(list((tmp_path / "cache" / "checked").iterdir())) == 1
    (folder / "body.md.j2").write_text("# {{ 标题 }}{{ 没声明 }}\n", "utf-8")
    with pytest.raises(ReportgenError, match="没声明"):
        Engine([tmp_path / "tpl"]).prepare(data)
