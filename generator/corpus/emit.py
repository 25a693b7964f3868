"""Write a template folder that follows the most common skeleton of a mined corpus.

The folder holds ``template.yaml`` (one field per section, with examples taken from
the mined headings) and ``body.md.j2`` (extends ``_base/body.md.j2``), so that
``reportgen init NAME`` and ``reportgen render`` can use it at once.
"""
from pathlib import Path

import yaml

from generator.corpus.outline import label_of
from generator.draft.catalog import BUILTIN_DIR, MANIFEST, check_name
from generator.errors import ReportgenError, TemplateError

# the heading each section gets in the draft; a heading that names its category
HEADINGS = {"概述": "基本情况", "做法": "主要做法", "成效": "取得成效", "问题": "存在问题",
            "原因": "原因分析", "思考": "几点思考", "下一步": "下一步工作", "其他": "其他情况"}
WHAT = {"概述": "基本情况（现状、底数）", "做法": "主要做法", "成效": "取得的成效", "问题": "存在的问题",
        "原因": "问题的原因", "思考": "几点思考和建议", "下一步": "下一步工作安排", "其他": "其他情况"}


def skeleton_of(mined):
    structures = mined.get("常见结构") or []
    if not structures:
        raise ReportgenError("挖掘结果里没有可用的结构（没有识别出任何一级小标题）")
    return structures[0]["结构"].split("→")


def manifest(name, mined):
    """The manifest dict and the list of (field, heading, category) sections."""
    skeleton = skeleton_of(mined)
    fields = {
        "标题": {"type": "string", "required": True, "description": "报告标题",
               "example": f"关于××{name}的报告"},
        "作者": {"type": "string", "description": "署名（单位或作者），标题下居中", "example": "××单位"},
        "单位": {"type": "string", "description": "落款单位", "example": "中共××委员会"},
        "日期": {"type": "date", "description": "成文日期", "example": "2026-11-24"},
        "导语": {"type": "text", "required": True, "description": "开篇一段：背景和总体情况",
               "example": "今年以来，××坚持以党建引领中心工作，围绕年度目标任务抓落实，各项工作取得新进展。现将有关情况报告如下。"},
    }
    sections, seen = [], {}
    for category in skeleton:
        heading = HEADINGS[category]
        seen[heading] = seen.get(heading, 0) + 1
        field = heading if seen[heading] == 1 else f"{heading}{seen[heading]}"
        fields[field] = _field(category, mined)
        sections.append((field, heading, category))
    data = {
        "name": name,
        "title": name,
        "description": f"由 reportgen mine 从 {mined.get('文档数', 0)} 篇报告归纳的结构："
                       + " → ".join(h for _, h, _ in sections),
        "body": "body.md.j2",
        "fields": fields,
    }
    return data, sections


def _field(category, mined):
    if category == "概述":
        return {"type": "text", "required": True, "description": WHAT[category],
                "example": "全镇共有行政村××个、党员××名，其中……；近年来……，为开展工作打下了基础。"}
    if category == "下一步":
        return {"type": "list", "required": True, "description": WHAT[category] + "，每项一句",
                "items": {"type": "string", "description": "一项工作"},
                "example": ["年底前完成……", "持续推进……"]}
    examples = _headings(category, mined)
    return {
        "type": "list", "required": True, "description": WHAT[category] + "，每条一个小标题和一段说明",
        "items": {"type": "object", "fields": {
            "标题": {"type": "string", "required": True, "description": "小标题"},
            "内容": {"type": "text", "required": True, "description": "具体内容"},
        }},
        "example": [{"标题": h, "内容": f"围绕“{h}”写明做了什么、覆盖多少单位和人员、效果如何，再举一两个具体例子。"}
                    for h in examples],
    }


def _headings(category, mined, count=2):
    """Mined headings of a category that do not name a category (those are section titles)."""
    info = (mined.get("章节") or {}).get(category) or {}
    picks = []
    for item in info.get("小标题", []):
        text = item.get("例") or item["样式"]
        if label_of(text) is not None:
            continue
        picks.append(text)
        if len(picks) == count:
            break
    return picks or [f"{WHAT[category]}之一"]


def body(sections):
    lines = [
        "{#- 由 reportgen mine --emit-template 生成。标题层级：## 一级，### 二级。 -#}",
        '{% extends "_base/body.md.j2" %}',
        '{% import "_base/macros.md.j2" as m %}',
        "{% block lead %}", "", "{{ 导语 }}", "{% endblock %}",
        "{% block body %}",
    ]
    for field, heading, category in sections:
        lines += ["", f"## {heading}"]
        if category == "概述":
            lines += ["", f"{{{{ {field} }}}}"]
        elif category == "下一步":
            lines.append(f"{{{{ m.points({field}) }}}}")
        else:
            lines.append(f"{{{{ m.titled({field}) }}}}")
    lines.append("{% endblock %}")
    return "\n".join(lines) + "\n"


def emit_target(name, templates_dir="templates", force=False):
    """The folder template ``name`` goes to, and warnings for the user.

    Refused: a bad name, an existing folder without ``force``, and any built-in
    template's own folder (even with ``force``)."""
    check_name(name)
    folder = Path(templates_dir) / name
    warnings = []
    if (BUILTIN_DIR / name / MANIFEST).exists():
        if Path(templates_dir).resolve() == BUILTIN_DIR:
            raise TemplateError(f"“{name}”是内置模板，不能覆盖；请换一个名称，"
                                "或用 --templates 指定另一个文件夹", folder)
        warnings.append(f"模板“{name}”与内置模板同名：使用 --templates {templates_dir} 时，"
                        f"它会代替内置的“{name}”")
    if folder.exists() and not force:
        raise ReportgenError("模板文件夹已存在；确认要覆盖请加 --force", folder)
    return folder, warnings


def emit_template(mined, name, templates_dir="templates", force=False):
    """Write ``templates_dir/name/``; return the folder."""
    from generator.output import save_atomic
    folder, _ = emit_target(name, templates_dir, force)
    data, sections = manifest(name, mined)
    head = "# 由 reportgen mine --emit-template 生成的模板清单；字段可按需增删，说明和示例可改写。\n"
    text = head + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    save_atomic(folder / "template.yaml", True, lambda s: s.write(text.encode("utf-8")))
    save_atomic(folder / "body.md.j2", True, lambda s: s.write(body(sections).encode("utf-8")))
    return folder
