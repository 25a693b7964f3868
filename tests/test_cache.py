import tempfile
from pathlib import Path

from generator.cache import cache_dir, key


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
