"""Small .docx fixtures for the lint tests: one clean draft, and ways to break it."""
from docx import Document

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
