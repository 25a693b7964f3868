import errno
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time

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


# ---- faults: a batch signalled mid-way, a parent killed, a worker crashing ----------
def _children(pid):
    """Pids whose parent is ``pid`` (from /proc: no psutil)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if entry.isdigit() and int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _alive(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _batch(tmp_path, small, count=40):
    data = tmp_path / "数据"
    data.mkdir()
    for n in range(count):
        shutil.copy(small, data / f"{n:02}.yaml")
    return sorted(data.iterdir())


def _start(files, out):
    return subprocess.Popen([sys.executable, "-m", "generator.cli", "render", *map(str, files), "-o", str(out),
                             "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)


@pytest.mark.parametrize("how", ["SIGINT", "SIGTERM", "SIGKILL"])
def test_an_interrupted_batch_leaves_whole_drafts_and_no_processes(tmp_path, small, how):
    # (99 drafts: under load a batch of 40 had finished before the signal was handled)
    files, out = _batch(tmp_path, small, count=99), tmp_path / "out"
    run = _start(files, out)
    deadline = time.monotonic() + 60
    while len(list(out.glob("*.docx"))) < 4 and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.02)
    workers = _children(run.pid)
    assert len(workers) == 2 and run.poll() is None, "the batch ended before it was signalled"
    if how == "SIGINT":   # Ctrl-C: the terminal signals the whole group
        os.killpg(run.pid, signal.SIGINT)
    else:
        os.kill(run.pid, getattr(signal, how))
    _, stderr = run.communicate(timeout=60)
    assert run.returncode == {"SIGINT": 130, "SIGTERM": 143, "SIGKILL": -9}[how]
    if how != "SIGKILL":
        assert stderr.strip().splitlines()[-1] == {"SIGINT": "错误：已中断",
                                                    "SIGTERM": "错误：已终止（收到终止信号）"}[how]
    deadline = time.monotonic() + 10
    while any(map(_alive, workers)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(map(_alive, workers)), "a worker outlived the batch"
    done = sorted(p.name for p in out.glob("*.docx"))
    assert 4 <= len(done) < len(files)              # stopped mid-way
    for name in done:                               # every draft there is whole
        assert Document(str(out / name)).paragraphs[0].text.startswith("关于柳湾镇")
    # the next run, without --force: says which drafts exist, writes the others
    again = _start(files, out)
    stdout, stderr = again.communicate(timeout=120)
    assert again.returncode == 1
    exists = sorted(line for line in stderr.splitlines() if "文件已存在；确认要覆盖请加 --force" in line)
    assert exists == [f"错误：{out / name}: 文件已存在；确认要覆盖请加 --force" for name in done]
    assert sorted(p.name for p in out.iterdir()) == [f"{n:02}.docx" for n in range(len(files))]


def test_after_a_worker_crash_the_finished_drafts_are_listed(tmp_path, small, runner, monkeypatch):
    files = _batch(tmp_path, small, count=6)
    real = Engine.prepare

    def crash_on_03(self, data_path):   # a worker that dies (as when out of memory)
        if str(data_path).endswith("03.yaml"):
            deadline = time.monotonic() + 20     # once the first draft is there, die
            while not (tmp_path / "out" / "00.docx").exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            os._exit(9)
        return real(self, data_path)
    monkeypatch.setattr(Engine, "prepare", crash_on_03)
    result = runner.invoke(cli, ["render", *map(str, files), "-o", str(tmp_path / "out"), "-j", "2"])
    assert result.exit_code == 1
    made = [line for line in result.output.splitlines() if line.startswith("已生成")]
    assert f"已生成 {tmp_path / 'out' / '00.docx'}" in made
    assert all(Document(line.split(" ", 1)[1]).paragraphs for line in made)
    crashed = [line for line in result.output.splitlines() if "子进程意外退出" in line]
    assert any(line.startswith(f"错误：{tmp_path / '数据' / '03.yaml'}: 生成这份草稿的子进程意外退出（")
               for line in crashed)
    assert len(made) + len(crashed) == 6


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_stops_using_a_template_after_its_first_time_out(tmp_path, small, runner, monkeypatch, jobs):
    import generator.draft.sandbox as sandbox
    monkeypatch.setattr(sandbox, "TIME_LIMIT", 1)
    folder = tmp_path / "tpl" / "循环"
    folder.mkdir(parents=True)
    (folder / "template.yaml").write_text("name: 循环\nfields:\n  标题: string\n", encoding="utf-8")
    (folder / "body.md.j2").write_text("# {{ 标题 }}\n{% for i in range(100000) %}{% for j in range(100000) %}"
                                       "{% endfor %}{% endfor %}\n", encoding="utf-8")
    loops = []
    for n in range(6):
        loops.append(tmp_path / f"循环{n}.yaml")
        loops[-1].write_text("模板: 循环\n标题: 甲\n", encoding="utf-8")
    others = _batch(tmp_path, small, count=4)
    real = Engine.prepare

    def after_the_first_time_out(self, data_path):
        """The later loops start only once the first has run out of time, on whichever worker."""
        name = os.path.basename(data_path)
        deadline = time.monotonic() + 10
        while name.startswith("循环") and name != "循环0.yaml" and "循环" not in self._timed_out \
                and time.monotonic() < deadline:
            time.sleep(0.01)
        return real(self, data_path)
    monkeypatch.setattr(Engine, "prepare", after_the_first_time_out)
    start = time.monotonic()
    result = runner.invoke(cli, ["render", str(loops[0]), *map(str, others), *map(str, loops[1:]),
                                 "--templates", str(tmp_path / "tpl"), "-o", str(tmp_path / "out"), "-j", jobs])
    assert time.monotonic() - start < 20
    errors = [line for line in result.output.splitlines() if line.startswith("错误：")]
    timed_out = [line for line in errors if "模板渲染超过 1 秒仍未结束" in line]
    skipped = [line for line in errors if line.endswith("已跳过：模板“循环”在本批前面的草稿中渲染超时，不再用它生成")]
    assert len(timed_out) == 1 and len(skipped) == 5 and len(errors) == 6, result.output
    assert f"{loops[0].parent / '循环1.yaml'}: 已跳过" in skipped[0]
    assert result.output.count("已生成") == 4            # the other template goes on
