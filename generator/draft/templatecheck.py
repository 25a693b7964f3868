"""``reportgen templates check``: everything ``analysis.check_fields`` checks, fields declared
but never used, and a trial render of the manifest's own examples to a .docx in a temporary
folder, through the same engine as ``render``."""
import tempfile
from pathlib import Path

from generator.draft.analysis import check_fields
from generator.draft.catalog import MANIFEST, example_of, load_template
from generator.draft.engine import Draft, Engine
from generator.draft.sandbox import render
from generator.draft.validate import Validator
from generator.errors import TemplateError
from generator.yamlio import load_yaml


def template_folders(folder):
    """The template folders to check: ``folder`` itself, or, for a folder of templates
    (what ``--templates`` takes), each sub-folder holding a manifest."""
    folder = Path(folder)
    subs = sorted(p.parent for p in folder.glob(f"*/{MANIFEST}") if p.parent.name[0] not in "._")
    return subs if subs and not (folder / MANIFEST).exists() else [folder]


def check_folder(folder, style=None):
    """``reportgen templates check``: return ``(template, lines of report)`` or raise."""
    folder = Path(folder)
    if not folder.is_dir():
        raise TemplateError("这是文件，不是模板文件夹（应给出含 template.yaml 的文件夹）" if folder.exists()
                            else "模板文件夹不存在", folder)
    folder = folder.resolve()
    template = load_template(folder, str(folder.parent))
    engine = Engine([folder.parent], style=style)  # --templates folders are searched first
    used = check_fields(engine.env, template)
    for name, field in template.fields.items():
        if name not in used:
            raise TemplateError(f"清单声明了字段“{name}”，但模板正文（含继承的模板）没有用到它",
                                template.manifest_path, field.line)
    # the manifest's examples, checked as a data file would be, then rendered
    _, lines = load_yaml(template.manifest_path)
    example_lines = {(k[1],) + k[3:]: v for k, v in lines.items()
                     if len(k) >= 3 and k[0] == "fields" and k[2] == "example"}
    for name, field in template.fields.items():  # examples built from sub-fields: the field's line
        example_lines.setdefault((name,), field.line)
    checker = Validator(template.manifest_path, example_lines)
    data = {name: example_of(field) for name, field in template.fields.items()}
    values = checker.mapping(data, template.fields, ())
    markup, missing = render(engine.env, template, values)
    draft = Draft(template.manifest_path, template, markup)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"{template.name}.docx"
        engine.write(draft, out)
        size = out.stat().st_size
    report = [f"清单：{len(template.fields)} 个字段，格式正确",
              f"正文：用到的 {len(used)} 个字段都已声明，声明的字段都用到了",
              f"示例：渲染为 {len(draft.blocks)} 段的草稿（.docx，{size // 1024} KB）"]
    report += [f"提醒：{w}" for w in checker.warnings]
    report += [f"提醒：字段“{m}”没有示例（可在清单里加 example），示例草稿中是【待补充】" for m in missing]
    return template, report
