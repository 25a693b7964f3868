import os
import pickle
import stat
import tempfile
from pathlib import Path

import pytest

from generator import yamlio
from generator.cache import cache_dir, key, load, store


def test_cache_folder_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path))
    assert cache_dir("yaml", "x") == tmp_path / "yaml" / "x"
    monkeypatch.delenv("REPORTGEN_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "reportgen"


def test_keys_change_with_every_chunk_and_its_boundaries():
    assert key(b"ab", b"c") != key(b"a", b"bc") != key(b"abc")
    assert key(b"ab", b"c") == key(b"ab", b"c")


def test_without_a_home_folder_the_cache_goes_to_the_temporary_folder(monkeypatch):
    for name in ("REPORTGEN_CACHE", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")
    monkeypatch.setattr(Path, "home", no_home)
    folder = cache_dir("yaml")
    assert folder.parent.parent == Path(tempfile.gettempdir()) and folder.parent.name.startswith("reportgen-")


def test_the_folder_is_created_private(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "new" / "cache"))
    assert cache_dir("x") == tmp_path / "new" / "cache" / "x"
    assert stat.S_IMODE((tmp_path / "new" / "cache").stat().st_mode) == 0o700


def test_an_entry_is_its_content_only_while_its_digest_matches(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "c"))
    path = cache_dir("yaml", "x")
    store(path, b"content")
    assert load(path) == b"content"
    raw = bytearray(path.read_bytes())
    raw[-1] ^= 1
    path.write_bytes(bytes(raw))
    assert load(path) is None
    path.write_bytes(raw[:10])   # truncated
    assert load(path) is None and load(cache_dir("yaml", "absent")) is None


def _plant(path, payload, with_digest):
    from generator.cache import blake2b
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((blake2b(payload, digest_size=16).digest() if with_digest else b"") + payload)


class _Trap:
    """Pickled, it makes a folder when unpickled: proof that the cache was unpickled."""

    def __init__(self, proof):
        self.proof = proof

    def __reduce__(self):
        return os.mkdir, (str(self.proof),)


def _refuse(folder, how):
    if how == "mode":
        folder.chmod(0o777)
    elif os.geteuid() == 0:
        os.chown(folder, 65534, -1)
    else:
        pytest.skip("只有 root 能把文件夹交给别的用户")


@pytest.mark.parametrize("how", ["mode", "owner"])
@pytest.mark.parametrize("with_digest", [False, True])
def test_nothing_is_unpickled_from_a_folder_others_can_write(monkeypatch, tmp_path, capfd, how, with_digest):
    folder = tmp_path / "shared"
    folder.mkdir()
    monkeypatch.setenv("REPORTGEN_CACHE", str(folder))
    config = tmp_path / "style.yaml"
    config.write_text("a: 1\n", encoding="utf-8")
    _plant(folder / "yaml" / key(config.read_bytes(), yamlio._CODE),
           pickle.dumps(_Trap(tmp_path / "proof")), with_digest)
    _refuse(folder, how)
    for _ in range(2):
        assert yamlio.load_config(config)[0] == {"a": 1}
    assert not (tmp_path / "proof").exists()
    err = capfd.readouterr().err
    assert err.count("提醒：缓存文件夹") == 1 and "本次不使用缓存" in err
    assert cache_dir("yaml") is None


def test_nothing_is_unmarshalled_from_a_folder_others_can_write(monkeypatch, tmp_path, capfd):
    from jinja2.bccache import Bucket
    from test_render import make_template

    from generator.draft.sandbox import environment, render
    folder = tmp_path / "shared"
    monkeypatch.setenv("REPORTGEN_CACHE", str(folder))
    catalog, template = make_template(tmp_path, "# {{ 标题 }}\n")
    env = environment(catalog)
    assert render(env, template, {"标题": "甲"})[0] == "# 甲\n"     # compiled and kept
    (entry,) = folder.glob("jinja-*/*.cache")
    # plant compiled code that ignores the data, under the real source's checksum
    bucket = Bucket(env, entry.stem, env.bytecode_cache.get_source_checksum("# {{ 标题 }}\n"))
    bucket.code = env.compile("# 乙\n", template.body, "x.j2")
    store(entry, bucket.bytecode_to_string())
    assert render(environment(catalog), template, {"标题": "甲"})[0] == "# 乙\n"   # the plant works...
    folder.chmod(0o777)
    assert render(environment(catalog), template, {"标题": "甲"})[0] == "# 甲\n"   # ...unless others could write it
    assert "提醒：缓存文件夹" in capfd.readouterr().err


def test_a_damaged_base_package_is_rebuilt(runner, small, tmp_path, monkeypatch):
    import zipfile

    from docx import Document

    from generator.cli import cli
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "cache"))
    assert runner.invoke(cli, ["render", str(small), "-o", str(tmp_path / "1.docx")]).exit_code == 0
    (entry,) = (tmp_path / "cache").glob("base-*.json")
    raw = bytearray(entry.read_bytes())
    at = raw.index(b'"parts": "') + 400            # inside the compressed parts, still valid base64
    raw[at:at + 4] = b"AAAA" if raw[at:at + 4] != b"AAAA" else b"BBBB"
    entry.write_bytes(bytes(raw))
    for name in ("2.docx", "3.docx"):
        result = runner.invoke(cli, ["render", str(small), "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        with zipfile.ZipFile(tmp_path / name) as package:
            assert package.testzip() is None
        assert Document(str(tmp_path / name)).paragraphs[0].text.startswith("关于柳湾镇")
    assert entry.read_bytes() != bytes(raw)      # rebuilt


def test_a_pipe_in_the_cache_is_a_miss_not_a_hang(monkeypatch, tmp_path):
    monkeypatch.setenv("REPORTGEN_CACHE", str(tmp_path / "c"))
    path = cache_dir("yaml", "x")
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert load(path) is None      # reading it would wait for a writer for ever
