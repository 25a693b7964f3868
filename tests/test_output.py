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
