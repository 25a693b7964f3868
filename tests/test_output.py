import multiprocessing
import os
import subprocess
import sys
import time

import pytest

from generator.errors import OutputError
from generator.output import file_target, save_atomic


def test_existing_file_needs_force(tmp_path):
    target = tmp_path / "a.docx"
    save_atomic(target, False, lambda stream: stream.write(b"one"))
    with pytest.raises(OutputError, match="文件已存在"):
        save_atomic(target, False, lambda stream: stream.write(b"two"))
    save_atomic(target, True, lambda stream: stream.write(b"two"))
    assert target.read_bytes() == b"two" and [p.name for p in tmp_path.iterdir()] == ["a.docx"]


def test_failed_write_leaves_nothing(tmp_path):
    def broken(stream):
        stream.write(b"half")
        raise OSError(28, "No space left on device")
    with pytest.raises(OutputError, match="磁盘已满"):
        save_atomic(tmp_path / "新" / "夹" / "a.docx", False, broken)
    assert list(tmp_path.iterdir()) == []          # no half file, no temporary, no new folders


def test_file_target_puts_default_name_in_folders(tmp_path):
    assert file_target(None, "x.yaml").name == "x.yaml"
    assert file_target(f"{tmp_path}/sub/", "x.yaml") == tmp_path / "sub" / "x.yaml"
    assert file_target(str(tmp_path), "x.yaml") == tmp_path / "x.yaml"
    assert file_target(str(tmp_path / "y.yaml"), "x.yaml") == tmp_path / "y.yaml"


def test_written_file_has_the_usual_permissions(tmp_path):
    import os
    mask = os.umask(0o022)
    try:
        save_atomic(tmp_path / "a.docx", False, lambda stream: stream.write(b"x"))
    finally:
        os.umask(mask)
    assert (tmp_path / "a.docx").stat().st_mode & 0o777 == 0o644


def _race(target, barrier, results, who):
    barrier.wait()

    def slow(stream):      # a draft takes a while to lay out: both runs pass the first check
        stream.write(who.encode())
        time.sleep(0.05)
    try:
        save_atomic(target, False, slow)
        results.put((who, "ok"))
    except OutputError as exc:
        results.put((who, exc.message))


def test_two_runs_never_replace_each_others_draft(tmp_path):
    context = multiprocessing.get_context("fork")
    for attempt in range(20):
        target = tmp_path / f"{attempt}.docx"
        barrier, results = context.Barrier(2), context.Queue()
        runs = [context.Process(target=_race, args=(target, barrier, results, who)) for who in "ab"]
        for run in runs:
            run.start()
        outcome = dict(results.get(timeout=30) for _ in runs)
        for run in runs:
            run.join()
        assert sorted(outcome.values()) == ["ok", "文件已存在；确认要覆盖请加 --force"], outcome
        winner = next(who for who, said in outcome.items() if said == "ok")
        assert target.read_bytes() == winner.encode()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{n}.docx" for n in range(20))


def test_a_name_of_250_bytes_can_be_written(tmp_path):
    target = tmp_path / ("草" * 81 + "12.docx")       # 81 × 3 + 7 = 250 bytes
    assert len(os.fsencode(target.name)) == 250
    save_atomic(target, False, lambda stream: stream.write(b"x"))
    assert target.read_bytes() == b"x"


def test_stale_temporary_files_of_a_dead_run_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()
    old, fresh = tmp_path / f".reportgen-{dead}-0.tmp", tmp_path / f".reportgen-{dead}-1.tmp"
    mine = tmp_path / f".reportgen-{os.getpid()}-7.tmp"          # a live process: still writing
    for path in (old, fresh, mine):
        path.write_bytes(b"half a draft")
    an_hour_ago = time.time() - 3600
    for path in (old, mine):
        os.utime(path, (an_hour_ago, an_hour_ago))
    save_atomic(tmp_path / "a.docx", False, lambda stream: stream.write(b"x"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.docx", fresh.name, mine.name])
