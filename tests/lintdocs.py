"""Small .docx fixtures for the lint tests: one clean draft, and ways to break it."""
from docx import Document
from docx.oxml.ns import qn

from generator import markup
from generator.word.style import load_style
from generator.word.writer import Writer

# invented sample text; every heading level, digits, quotes, a dash and a 落款
CLEAN = """\
# 关于东湖街道志愿服务工作的调研报告

::: 署名
东湖街道调研组
:::

为掌握志愿服务队伍现状，调研组于2026年9月走访了12个社区，召开座谈会5场，形成本报告。

## 基本情况

全街道登记志愿者3120名，其中党员志愿者846名，占27.1%，服务项目覆盖助老、助学、环境整治等领域。

### 队伍建设

各社区普遍建立了“志愿服务站”，由社区党组织书记兼任站长——统筹安排服务项目和人员。

#### 人员招募

通过线上报名和社区推荐两种方式招募志愿者，全年新增志愿者418名。

##### 培训方式

每季度组织一次集中培训，内容包括应急救护、政策宣讲和沟通技巧。

## 存在问题

部分社区服务项目设置与居民需求对接不够精准，志愿者参与的持续性还需要提高。

::: 落款
东湖街道党工委
2026年10月15日
:::
"""


def write_clean(path, text=CLEAN, style=None):
    Writer(load_style(style)).write(markup.parse(text), str(path))
    return path


def paragraph(doc, start):
    """The first body paragraph whose text starts with ``start``."""
    return next(p for p in doc.paragraphs if p.text.startswith(start))


def broken(tmp_path, name, change, text=CLEAN):
    """A clean draft with ``change(doc)`` applied, saved as ``name``.docx."""
    clean = write_clean(tmp_path / f"{name}-clean.docx", text)
    doc = Document(str(clean))
    change(doc)
    path = tmp_path / f"{name}.docx"
    doc.save(str(path))
    return path


# an invented report whose headings carry Word's automatic numbering: (text, list level or None)
AUTO_NUMBERED = [
    ("关于某街道党建工作的调研报告", None),
    ("按照区委部署，调研组于今年上半年开展了专题调研。现将有关情况报告如下。", None),
    ("基本情况", 0), ("全街道共有基层党组织四十个，党员一千二百名。", None),
    ("主要做法", 0), ("强化组织建设", 1), ("今年共整顿软弱涣散党组织三个。", None),
    ("创新服务方式", 1), ("推行网格化服务，设置网格二十个。", None),
    ("存在问题", 0), ("部分支部活动形式单一，吸引力不强。", None),
    ("下一步工作", 0), ("继续加强基层组织建设。", None),
    ("某街道党工委", None), ("2026年11月24日", None),
]
CHINESE_LIST = (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3."))


def auto_numbered(path, items=AUTO_NUMBERED, levels=CHINESE_LIST, xml=()):
    """A .docx as Word saves a list typed with automatic numbering: the numbers live in
    numbering.xml (one list with ``levels``, (numFmt, lvlText) each, numId 90), not in the runs.
    ``xml``: more body elements, raw WordprocessingML, after the items."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    doc = Document()
    numbering = doc.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/></w:lvl>' for i, (fmt, text) in enumerate(levels))
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text, level in items:
        p = doc.add_paragraph(text)
        if level is not None:
            p._p.get_or_add_pPr().append(parse_xml(numbered(level)))
    for element in xml:
        doc.element.body.insert(len(doc.element.body) - 1, parse_xml(element.replace(">", f' {nsdecls("w")}>', 1)))
    doc.save(str(path))
    return path


def numbered(level):
    """The w:numPr of list 90 at ``level`` (auto_numbered)."""
    from docx.oxml.ns import nsdecls
    return f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'


def run_in(font=None, one_run=False):
    """A change for ``broken``: the draft's （一） heading run into a sentence of body text, that
    text in ``font`` (None: the heading's own, from its style), or typed into the heading's run."""
    def change(doc):
        heading = paragraph(doc, "（一）")
        heading.runs[-1].text += "。" + ("今年新建服务站12个，覆盖全部社区。" if one_run else "")
        if one_run:
            return
        run = heading.add_run("今年新建服务站12个，覆盖全部社区。")
        if font:
            run._r.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)
    return change
