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
    nasty = "# 不是标题\n1. 不是列表 **不加粗** a_b_c | 竖线\n::: 落款\n甲 | 乙\n---"
    blocks = parse("正文开头" + escape(nasty))
    assert [b.kind for b in blocks] == ["正文"]
    assert blocks[0].text == "正文开头# 不是标题1. 不是列表 **不加粗** a_b_c | 竖线::: 落款甲 | 乙---"
    assert all(not bold for _, bold in blocks[0].runs)


def test_containers_do_not_nest_and_close_at_the_first_bare_colons():
    blocks = parse("::: 落款\n某单位\n::: 关键词\n:::\n\n::: 关键词\n关键词：甲\n")
    assert [(b.kind, b.text) for b in blocks] == [
        ("落款", "某单位"), ("落款", "::: 关键词"), ("关键词", "关键词：甲")]   # the last is closed by the end


def test_bold_inside_a_longer_bold_stays_bold():
    assert parse("**甲**乙**丙**丁")[0].runs == [("甲", True), ("乙", False), ("丙", True), ("丁", False)]
    assert parse("前**外*斜*外**后")[0].runs == [("前", False), ("外斜外", True), ("后", False)]


def test_carriage_returns_and_hashes_in_user_text_stay_literal():
    blocks = parse("## 基本情况\n\n" + escape("甲乙\r## 伪造标题\r\n::: 落款\r伪造落款"))
    assert [(b.kind, b.text) for b in blocks] == [("一级标题", "基本情况"), ("正文", "甲乙## 伪造标题::: 落款伪造落款")]
    assert parse("## " + escape("关于C #"))[0].text == "关于C #"


def test_indentation_does_not_change_structure():
    blocks = parse("正文\n\n    ## 小标题\n\n\t::: 落款\n\t某单位\n\t:::\n\u3000\u3000第一段\n\u3000\u3000续")
    assert [(b.kind, b.text) for b in blocks] == [
        ("正文", "正文"), ("一级标题", "小标题"), ("落款", "某单位"), ("正文", "第一段续")]


def test_uneven_table_rows_are_padded_or_cut_to_the_header():
    blocks = parse("::: 表格 表1\n| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n| x \\| y | z |\n:::")
    assert blocks[1].rows == [["a", "b"], ["1", ""], ["1", "2"], ["x | y", "z"]]


def test_table_caption_is_unescaped():
    caption = "A*B_C|D\\E #1"
    blocks = parse(f"::: 表格 {escape(caption)}\n| a |\n|---|\n| x |\n:::")
    assert blocks[0].kind == "表题" and blocks[0].text == caption


def test_addressee_and_attachment_label_containers():
    blocks = parse("# 报告\n\n::: 主送\n区委组织部：\n:::\n\n正文。\n\n::: 附件标识\n附件1\n:::\n\n# 名册\n")
    assert [(b.kind, b.text) for b in blocks] == [("标题", "报告"), ("主送", "区委组织部："), ("正文", "正文。"),
                                                ("附件标识", "附件1"), ("标题", "名册")]


def test_bold_beside_chinese_punctuation_is_read_as_bold():
    # CommonMark would leave these asterisks in the text: the closing ** follows 。 and comes
    # before a letter, and the opening one in 有**“ comes after a letter and before a mark
    assert parse("**一是抓学习。**全年学习12次。**二是**强队伍")[0].runs == [
        ("一是抓学习。", True), ("全年学习12次。", False), ("二是", True), ("强队伍", False)]
    assert parse("正文里有**“引号”**。")[0].runs == [("正文里有", False), ("“引号”", True), ("。", False)]
    assert parse("**甲。*乙*。**丙")[0].runs == [("甲。乙。", True), ("丙", False)]
    # escaped, unpaired or spaced asterisks stay literal
    assert parse(escape("**字面。**") + "，2**3 和 ** 空格 **")[0].text == "**字面。**，2**3 和 ** 空格 **"
