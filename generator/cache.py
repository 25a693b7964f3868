"""Where reportgen keeps what it can always rebuild: laid-out base packages, compiled templates.

``REPORTGEN_CACHE`` names the folder; otherwise ``$XDG_CACHE_HOME/reportgen`` or
``~/.cache/reportgen``. Deleting it is always safe; a cache that cannot be read
or written only costs time.

What is in it is unpickled and unmarshalled, so it is used only when nobody else can
have written it: the folder is created private (0700) and must belong to this user and
be writable by no one else. Each entry carries a digest of its content and is rebuilt
when the digest does not match.
"""
import os
import stat
import sys
from pathlib import Path

try:  # the same BLAKE2 hashlib offers, without loading OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

from generator.errors import OutputError, read_bytes
from generator.output import save_atomic

ENV_VAR = "REPORTGEN_CACHE"
_DIGEST = 16            # bytes of BLAKE2 at the head of every entry
_noticed = set()        # folders already reported as untrusted in this process


def _root():
    root = os.environ.get(ENV_VAR)
    if root:
        return Path(root)
    try:
        return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportgen"
    except RuntimeError:  # no home folder (a service account): the system's temporary folder
        import tempfile
        return Path(tempfile.gettempdir(), f"reportgen-{getattr(os, 'getuid', lambda: 'cache')()}")


def cache_dir(*parts):
    """A path inside the cache folder, or None when there is no folder to trust: it could not
    be created, or it belongs to someone else or others may write in it (said once on stderr)."""
    root = _root()
    try:
        os.makedirs(root, mode=0o700, exist_ok=True)
        info = os.stat(root)
    except OSError:
        return None
    uid = getattr(os, "getuid", lambda: info.st_uid)()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != uid or info.st_mode & 0o022:
        if str(root) not in _noticed:
            _noticed.add(str(root))
            print(f"提醒：缓存文件夹 {root} 不属于当前用户或他人可写，本次不使用缓存"
                  f"（可删除它，或用环境变量 {ENV_VAR} 另指一个）", file=sys.stderr)
        return None
    return Path(root, *parts)


def key(*chunks):
    """A short hex digest of byte strings (paths, file contents, settings) for cache names."""
    digest = blake2b(digest_size=12)
    for chunk in chunks:
        digest.update(len(chunk).to_bytes(8, "little") + chunk)
    return digest.hexdigest()


def load(path):
    """The content ``store`` put at ``path``, or None: no trusted cache, no such regular
    file, or one whose digest does not match (damaged, truncated, foreign)."""
    if path is None:
        return None
    try:
        raw = read_bytes(Path(path))
    except Exception:  # noqa: BLE001 - any unreadable entry is only a miss
        return None
    head, data = raw[:_DIGEST], raw[_DIGEST:]
    return data if len(head) == _DIGEST and head == blake2b(data, digest_size=_DIGEST).digest() else None


def store(path, data):
    """Keep ``data`` at ``path`` with its digest; a cache that cannot be written only costs time."""
    if path is None:
        return
    try:
        save_atomic(path, True, lambda stream: stream.write(blake2b(data, digest_size=_DIGEST).digest() + data))
    except OutputError:
        pass
