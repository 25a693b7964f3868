from generator.markup import escape, parse

MARKUP = """# 关于某事的调查

::: 署名
调研组
:::

导语，**一是**重点。
续行

## 一、基本情况

### 做法

#### 细节

##### 更细

::: 表格 表1 情况
| 类别 | 数量 |
|---|---|
| 企业 | 12 |
:::

::: 落款
某单位
2026年11月24日
:::
"""


def test_parse_kinds_and_runs():
    blocks = parse(MARKUP)
    assert [b.kind for b in blocks] == [
        "标题", "署名", "正文", "一级标题", "二级标题", "三级标题", "四级标题", "表题", "表格", "落款", "落款"]
    lead = blocks[2]
    assert lead.runs == [("导语，", False), ("一是", True), ("重点。续行", False)]
    assert blocks[3].text == "基本情况"          # typed numbering is dropped; the writer adds its own
    assert blocks[8].rows == [["类别", "数量"], ["企业", "12"]]
    assert [b.text for b in blocks[-2:]] == ["某单位", "2026年11月24日"]


def test_escaped_text_cannot_change_structure():
    nasty = "# 不是标题\n1. 不是列表 **不加粗** a_b_c | 竖线\n::: 落款"
    blocks = parse("正文开头" + escape(nasty))
    assert [b.kind for b in blocks] == ["正文"]
    assert blocks[0].text == "正文开头# 不是标题1. 不是列表 **不加粗** a_b_c | 竖线::: 落款"
    assert all(not bold for _, bold in blocks[0].runs)
