"""What the package builder, the writer and lint share: Word style names, part names,
the stand-ins of the base's core properties, and the ``Base`` every draft of one sheet reuses."""
import dataclasses
import datetime

# Word style used for each paragraph kind of the style sheet
STYLE_NAMES = {
    "正文": "Normal", "标题": "Title",
    "一级标题": "Heading 1", "二级标题": "Heading 2", "三级标题": "Heading 3", "四级标题": "Heading 4",
    "署名": "署名", "关键词": "关键词", "表题": "表题", "表格": "表格文字", "落款": "落款", "页码": "页码",
}
BODY, CORE = "word/document.xml", "docProps/core.xml"
# stand-ins in the base's core properties, replaced per draft
TITLE, AUTHOR, NOW = "@@title@@", "@@author@@", datetime.datetime(1900, 1, 1)

APP_PART = "/docProps/app.xml"


@dataclasses.dataclass
class Base:
    """What every draft of one style sheet shares."""

    parts: bytes        # a zip of every part but BODY and CORE, compressed once
    head: str           # BODY up to where paragraphs go
    tail: str           # BODY from the section properties on
    core: str           # CORE with the TITLE, AUTHOR and NOW stand-ins
    openings: dict      # paragraph kind → "<w:p><w:pPr>…</w:pPr>"
    table_style: str    # style id of the table grid
    text_width: int     # EMU between the margins; tables spread over it
