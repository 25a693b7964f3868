"""Where reportgen keeps what it can always rebuild: laid-out base packages, compiled templates.

``REPORTGEN_CACHE`` names the folder; otherwise ``$XDG_CACHE_HOME/reportgen`` or
``~/.cache/reportgen``. Deleting it is always safe; a cache that cannot be read
or written only costs time.
"""
import os
from pathlib import Path

try:  # the same BLAKE2 hashlib offers, without loading OpenSSL at every start
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - other Pythons
    from hashlib import blake2b

ENV_VAR = "REPORTGEN_CACHE"


def cache_dir(*parts):
    root = os.environ.get(ENV_VAR)
    if not root:
        try:
            root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportgen"
        except RuntimeError:  # no home folder (a service account): the system's temporary folder
            import tempfile
            root = Path(tempfile.gettempdir(), f"reportgen-{getattr(os, 'getuid', lambda: 'cache')()}")
    return Path(root, *parts)


def key(*chunks):
    """A short hex digest of byte strings (paths, file contents, settings) for cache names."""
    digest = blake2b(digest_size=12)
    for chunk in chunks:
        digest.update(len(chunk).to_bytes(8, "little") + chunk)
    return digest.hexdigest()
