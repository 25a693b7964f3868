"""Template folders: discovery, manifests and their schema.

A template is a folder ``<名称>/`` with ``template.yaml`` (the manifest) and a
Jinja body (``body.md.j2`` unless the manifest names another). Folders are
searched in order: ``--templates`` folders, then ``REPORTGEN_TEMPLATES``
(a path list), then the built-in ``templates/``; the first folder holding a
name wins, so a user's copy overrides a built-in template. Folders whose name
starts with ``_`` (such as ``_base``) hold shared Jinja files, not templates.
"""
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.errors import TemplateError, os_reason
from generator.yamlio import line_of, load_config


def _builtin_dir():
    """The built-in templates: inside the package where a wheel put them at build time
    (setup.py copies the repository's templates/ there), else the repository's own
    templates/ (a checkout or an editable install)."""
    here = Path(__file__).resolve().parent
    packaged = here / "templates"
    return packaged if packaged.is_dir() else here.parent.parent / "templates"


BUILTIN_DIR = _builtin_dir()
MANIFEST = "template.yaml"
ENV_VAR = "REPORTGEN_TEMPLATES"

TYPES = {
    "string": "单行文字", "text": "文字（可多段，空行分段）", "integer": "整数", "number": "数字",
    "date": "日期（2026-11-24 或 2026年11月）", "list": "列表", "object": "映射（若干子字段）",
    "stats": "统计数据（名称: 数字，或 名称: {值, 上年, 目标, 单位}）",
    "table": "表格（表题、表头、行）",
}
MANIFEST_KEYS = ("name", "title", "description", "body", "fields")
FIELD_KEYS = ("type", "required", "description", "example", "items", "fields")


@dataclass
class Field:
    """One field of a manifest: its type, whether it is required, how it is described."""

    name: str
    type: str
    required: bool = False
    description: str = ""
    example: object = None
    items: "Field" = None        # list: the spec of one item
    fields: dict = None          # object: name → Field
    line: int = None


@dataclass
class Template:
    """A template folder: its manifest, read and checked, and where its Jinja body is."""

    name: str
    path: Path                   # the folder
    title: str
    description: str
    body: str                    # Jinja name of the body, e.g. "调研报告/body.md.j2"
    fields: dict                 # name → Field
    source: str                  # "内置" or the folder it was found in
    overrides: bool = False      # a user's template hiding the built-in one of the same name

    @property
    def manifest_path(self):
        return self.path / MANIFEST


def check_name(name, what="模板名称", path=None, line=None):
    if not name or any(sep in name for sep in ("/", "\\", "\0")) or name.startswith((".", "_")):
        raise TemplateError(f"{what}“{name}”不合法：不能含路径分隔符，不能以“.”或“_”开头", path, line)
    return name


class Catalog:
    """The template folders in search order."""

    def __init__(self, extra_dirs=()):
        dirs = [Path(d) for d in extra_dirs]
        env = os.environ.get(ENV_VAR, "")
        dirs += [Path(d) for d in env.split(os.pathsep) if d]
        for d in dirs:
            if not d.is_dir():
                raise TemplateError("模板文件夹不存在", d)
        self.dirs = dirs + [BUILTIN_DIR]
        self._loaded = {}

    def names(self):
        """Every template name with the folder that provides it, first match winning."""
        found = {}
        for d in self.dirs:
            try:
                subs = sorted(d.iterdir())
            except OSError as exc:
                raise TemplateError(f"无法读取模板文件夹（{os_reason(exc)}）", d) from None
            for sub in subs:
                if sub.is_dir() and not sub.name.startswith((".", "_")) and sub.name not in found:
                    if (sub / MANIFEST).exists():
                        found[sub.name] = d
        return found

    def get(self, name):
        """The template ``name``, its manifest read once per catalog."""
        if name not in self._loaded:
            self._loaded[name] = self._load(name)
        return self._loaded[name]

    def _load(self, name):
        check_name(name)
        for d in self.dirs:
            folder = d / name
            if folder.is_dir():
                if d == BUILTIN_DIR:
                    return load_template(folder)
                template = load_template(folder, str(d))
                template.overrides = (BUILTIN_DIR / name / MANIFEST).exists()
                return template
        known = "、".join(self.names()) or "（无）"
        raise TemplateError(f"没有名为“{name}”的模板；可用的模板：{known}")

    def all(self):
        return [self.get(name) for name in self.names()]


def load_template(folder, source="内置"):
    folder = Path(folder)
    path = folder / MANIFEST
    check_name(folder.name, "模板文件夹名", folder)
    if not path.exists():
        raise TemplateError(f"模板文件夹里没有清单文件 {MANIFEST}", path)
    data, lines = load_config(path)
    if not isinstance(data, dict):
        raise TemplateError("清单的顶层应是映射（name、title、description、fields）", path, 1)
    _known_keys(data, MANIFEST_KEYS, "清单", path, lines, ())
    if data.get("name", folder.name) != folder.name:
        raise TemplateError(f"清单的 name“{data['name']}”与文件夹名“{folder.name}”不一致",
                            path, line_of(lines, ("name",)))

    def text(key, default=None):
        value = data.get(key, default)
        if not isinstance(value, str):
            raise TemplateError(f"清单缺少“{key}”或它不是文字", path, line_of(lines, (key,)))
        return value

    body = text("body", "body.md.j2")
    check_name(body, "正文文件名", path, line_of(lines, ("body",)))
    if not (folder / body).is_file():
        raise TemplateError(f"找不到模板正文文件 {body}", path, line_of(lines, ("body",)))
    fields = data.get("fields")
    if not isinstance(fields, dict) or not fields:
        raise TemplateError("清单缺少“fields”（字段表）或它不是映射", path, line_of(lines, ("fields",)))
    return Template(
        name=folder.name, path=folder, title=text("title", folder.name),
        description=text("description", ""), body=f"{folder.name}/{body}",
        fields={k: _field(k, v, path, lines, ("fields", k)) for k, v in fields.items()},
        source=source,
    )


def _field(name, spec, path, lines, at):
    line = line_of(lines, at)
    if isinstance(spec, str):  # shorthand: 名称: string
        spec = {"type": spec}
    if not isinstance(spec, dict):
        raise TemplateError(f"字段“{name}”的定义应是映射（type、required、description、example）", path, line)
    _known_keys(spec, FIELD_KEYS, f"字段“{name}”的定义", path, lines, at)
    kind = spec.get("type", "string")
    if kind not in TYPES:
        raise TemplateError(f"字段“{name}”的类型“{kind}”未知；可用：{'、'.join(TYPES)}", path,
                            line_of(lines, at + ("type",)))
    field = Field(name=str(name), type=kind, required=bool(spec.get("required", False)),
                  description=str(spec.get("description", "")), example=spec.get("example"), line=line)
    if kind == "list":
        items = spec.get("items", "string")
        field.items = _field("项", items, path, lines, at + ("items",))
    if kind == "object":
        sub = spec.get("fields")
        if not isinstance(sub, dict) or not sub:
            raise TemplateError(f"字段“{name}”是 object，需要用 fields 列出子字段", path, line)
        field.fields = {k: _field(k, v, path, lines, at + ("fields", k)) for k, v in sub.items()}
    return field


def _known_keys(spec, known, what, path, lines, at):
    for key in spec:
        if key not in known:
            raise TemplateError(f"{what}里有未知的键“{key}”；可用：{'、'.join(known)}",
                                path, line_of(lines, at + (key,)))


def copy_template(template, dest_dir, new_name=None):
    """Copy a template folder into ``dest_dir`` for editing; return the new folder.

    The copy keeps its ``{% extends "_base/…" %}``: ``_base`` stays on the loader path.
    """
    name = check_name(new_name or template.name)
    dest_dir = Path(dest_dir)
    target = dest_dir / name
    if target.exists():
        raise TemplateError("目标文件夹已存在；请换一个文件夹或名称（--name）", target)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(dir=dest_dir, prefix=f".{name}."))
    except OSError as exc:
        raise TemplateError(f"无法在这里建文件夹（{os_reason(exc)}）", dest_dir) from None
    try:
        shutil.copytree(template.path, tmp, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".*", "__pycache__"))
        if new_name:
            manifest = tmp / MANIFEST
            text = manifest.read_text(encoding="utf-8")
            manifest.write_text(re.sub(r"(?m)^name:.*$", f"name: {name}", text, count=1),
                                encoding="utf-8")
        os.rename(tmp, target)
    except OSError as exc:
        raise TemplateError(f"复制模板失败（{os_reason(exc)}）", target) from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def descriptions(fields, into=None):
    """name → description over every field and sub-field, for placeholders."""
    into = {} if into is None else into
    for field in fields.values():
        into.setdefault(field.name, field.description or field.name)
        if field.items and field.items.fields:
            descriptions(field.items.fields, into)
        if field.fields:
            descriptions(field.fields, into)
    return into


def example_of(field, filled=True):
    """A value that shows the shape of ``field``: its example, else one built from its parts.
    ``filled=False``: only what the manifest's examples give (None where there is none; a
    list of objects gets one item of its sub-fields' examples)."""
    if field.example is not None:
        return field.example
    if field.type == "object":
        parts = {name: example_of(sub, filled) for name, sub in field.fields.items()}
        return parts if filled else {name: value for name, value in parts.items() if value is not None}
    if field.type == "list" and (filled or field.items.fields):
        return [example_of(field.items, filled)]
    if not filled:
        return None
    return {"stats": {}, "table": {"表题": "", "表头": [], "行": []},
            "integer": 0, "number": 0}.get(field.type, "")


def scaffold(template):
    """A commented YAML data file with every field, its description and an example."""
    import yaml

    out = [f"# {template.title} 的数据文件（由 reportgen init 生成）",
           "# 把示例换成本地的实际情况，然后运行：reportgen render 本文件.yaml",
           "# 标“必填”的字段空着时，草稿里会以黄色【待补充】标出。",
           "", f"模板: {template.name}", ""]
    for field in template.fields.values():
        need = "必填" if field.required else "可选"
        out.append(f"# {field.name}（{need}，{TYPES[field.type]}）：{field.description}")
        subs = field.fields or (field.items.fields if field.items else None)
        if subs:
            parts = "；".join(f"{s.name}{'（必填）' if s.required else ''} {s.description}".strip()
                             for s in subs.values())
            out.append(f"#   每项包括：{parts}")
        dumped = yaml.safe_dump({field.name: example_of(field)}, allow_unicode=True,
                                sort_keys=False, width=1000)
        out.append(dumped.rstrip("\n"))
        out.append("")
    return "\n".join(out)
