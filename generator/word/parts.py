"""What the package builder, the writer and lint share: Word style names, part names,
the stand-ins of the base's core properties, and the ``Base`` every draft of one sheet reuses."""
import datetime

# Word style used for each paragraph kind of the style sheet
STYLE_NAMES = {
    "正文": "Normal", "标题": "Title",
    "一级标题": "Heading 1", "二级标题": "Heading 2", "三级标题": "Heading 3", "四级标题": "Heading 4",
    "署名": "署名", "关键词": "关键词", "表题": "表题", "表格": "表格文字", "落款": "落款", "页码": "页码",
    "主送": "主送", "附件标识": "附件标识", "部分标题": "部分标题",
}
BODY, CORE = "word/document.xml", "docProps/core.xml"
# the pictures a draft may carry, by extension, with their content types
PICTURES = {"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
            "bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff"}
# stand-ins in the base's core properties, replaced per draft
TITLE, AUTHOR, NOW = "@@title@@", "@@author@@", datetime.datetime(1900, 1, 1)

APP_PART = "/docProps/app.xml"


class Base:
    """What every draft of one style sheet shares (a plain class: a dataclass would cost more
    at start-up than the whole cached read of it)."""

    __slots__ = (
        "parts",        # a zip of every part but BODY and CORE, compressed once
        "head",         # BODY up to where paragraphs go
        "tail",         # BODY from the section properties on
        "core",         # CORE with the TITLE, AUTHOR and NOW stand-ins
        "openings",     # paragraph kind → "<w:p><w:pPr>…</w:pPr>"
        "table_style",  # style id of the table grid
        "text_width",   # EMU between the margins; tables spread over it
    )

    def __init__(self, **fields):
        if set(fields) != set(self.__slots__):
            raise TypeError(f"Base needs exactly {self.__slots__}")
        for name, value in fields.items():
            setattr(self, name, value)

    def as_dict(self):
        return {name: getattr(self, name) for name in self.__slots__}

    def __eq__(self, other):
        return isinstance(other, Base) and self.as_dict() == other.as_dict()
