"""Saved drafts: one folder per draft in the data folder, one YAML data file per version.

``<data>/草稿/<id>/0001.yaml, 0002.yaml …``: each save writes the next version (created
exclusively, so two savers can never both write the same one) and keeps the previous
ones (the newest ``KEEP``). A save names the version it was based on; when another tab
saved in between, it is refused with ``Conflict`` instead of erasing that work.
Ids are made here (hex), and every id from a request is checked before it touches a path.
"""
import datetime
import os
import re
import secrets
import threading
from pathlib import Path

import yaml

from generator.errors import DataError, OutputError, TargetExists, os_reason
from generator.output import save_atomic
from generator.yamlio import load_yaml

FOLDER = "草稿"
KEEP = 50
_ID = re.compile(r"^[0-9a-f]{12}$")
_VERSION = re.compile(r"^(\d{4,})\.yaml$")


class Conflict(DataError):
    """The draft was saved elsewhere since this copy was opened."""

    def __init__(self, current):
        super().__init__(f"这份草稿已在另一个窗口或标签页里保存过（现在是第 {current} 版），"
                         "为免覆盖那边的修改，本次没有保存；请重新打开草稿后再改")
        self.current = current


class NotFound(DataError):
    """No draft with that id."""


def dump(data):
    """Data as the YAML text a user would write (keys in order, Chinese as is)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


class Store:
    def __init__(self, data_dir):
        self.root = Path(data_dir) / FOLDER
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"无法创建数据文件夹（{os_reason(exc)}）", self.root) from None
        self._lock = threading.Lock()

    def _folder(self, draft_id):
        if not isinstance(draft_id, str) or not _ID.match(draft_id):
            raise NotFound("没有这份草稿（编号不对）")
        return self.root / draft_id

    def versions(self, draft_id):
        folder = self._folder(draft_id)
        try:
            names = os.listdir(folder)
        except FileNotFoundError:
            raise NotFound("没有这份草稿，可能已被删除") from None
        return sorted(int(m[1]) for m in map(_VERSION.match, names) if m)

    def create(self, data):
        """A new draft holding ``data`` as its version 1; returns its id."""
        draft_id = secrets.token_hex(6)
        self._folder(draft_id).mkdir()
        self._write(draft_id, 1, data)
        return draft_id

    def save(self, draft_id, data, base):
        """Save ``data`` as the version after ``base``; returns the new version number."""
        with self._lock:
            versions = self.versions(draft_id)
            current = versions[-1] if versions else 0
            if base != current:
                raise Conflict(current)
            self._write(draft_id, current + 1, data)
            for old in versions[:max(0, len(versions) + 1 - KEEP)]:
                (self._folder(draft_id) / f"{old:04d}.yaml").unlink(missing_ok=True)
            return current + 1

    def _write(self, draft_id, version, data):
        """Write one version, atomically and exclusively: a second process saving the same
        version fails here (a Conflict), never silently, and a crash leaves no half file."""
        text = dump(data).encode("utf-8")
        try:
            save_atomic(self._folder(draft_id) / f"{version:04d}.yaml", False, lambda stream: stream.write(text))
        except TargetExists:
            raise Conflict(version) from None

    def load(self, draft_id, version=None):
        """``(data, version)`` of the newest (or the given) version."""
        versions = self.versions(draft_id)
        version = version or (versions[-1] if versions else None)
        if version not in versions:
            raise NotFound(f"这份草稿没有第 {version} 版")
        data, _ = load_yaml(self.path(draft_id, version))
        return data, version

    def path(self, draft_id, version):
        return self._folder(draft_id) / f"{version:04d}.yaml"

    def all(self):
        """Every draft, newest first: ``{id, 标题, 模板, version, saved}``."""
        drafts = []
        for folder in self.root.iterdir():
            if not _ID.match(folder.name):
                continue
            try:
                data, version = self.load(folder.name)
                saved = self.path(folder.name, version).stat().st_mtime
            except (DataError, OSError):
                continue                 # a draft being written or damaged by hand
            data = data if isinstance(data, dict) else {}
            drafts.append({"id": folder.name, "标题": str(data.get("标题") or "（无标题）"),
                           "模板": str(data.get("模板") or ""), "version": version,
                           "saved": datetime.datetime.fromtimestamp(saved).strftime("%Y-%m-%d %H:%M"),
                           "_mtime": saved})
        drafts.sort(key=lambda d: d.pop("_mtime"), reverse=True)
        return drafts
