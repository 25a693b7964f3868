"""Where reportgen keeps what it can always rebuild: laid-out base packages, compiled templates.

``REPORTGEN_CACHE`` names the folder; otherwise ``$XDG_CACHE_HOME/reportgen`` or
``~/.cache/reportgen``. Deleting it is always safe; a cache that cannot be read
or written only costs time.
"""
import os
from pathlib import Path

ENV_VAR = "REPORTGEN_CACHE"


def cache_dir(*parts):
    root = os.environ.get(ENV_VAR)
    if not root:
        root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "reportgen"
    return Path(root, *parts)
