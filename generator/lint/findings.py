"""What lint reports: one finding per problem, said in Chinese."""
from dataclasses import asdict, dataclass

ERROR, WARNING = "错误", "提醒"


@dataclass
class Finding:
    rule: str
    expected: str
    seen: str
    level: str = ERROR
    paragraph: int = None  # 1-based among the document's body paragraphs
    where: str = ""        # when not a paragraph: 页面设置, 页脚, 表1 …
    excerpt: str = ""
    page: int = None
    file: str = ""

    def line(self):
        where = self.where or (f"第{self.paragraph}段" if self.paragraph else "")
        page = f"第{self.page}页" if self.page else "-"
        excerpt = f"「{self.excerpt}」" if self.excerpt else ""
        return (f"{self.file}:{page}:{where}{excerpt} {self.level} {self.rule}："
                f"应为 {self.expected}，实为 {self.seen}")

    def as_dict(self):
        return asdict(self)

    @classmethod
    def unreadable(cls, path, error):
        """A file that could not be checked at all, as a finding (for JSON output)."""
        return cls("无法读取", "可以打开的 Word 文档（.docx）", error.message, file=str(path))


def excerpt(text, size=12):
    text = " ".join(text.split("\n")).strip()          # a manual line break would part a finding's line
    return text if len(text) <= size else text[:size] + "…"


# what ``lint --fix`` repairs (lint/fix.py): the page, the styles, numbering and punctuation width
FIXABLE = frozenset(("页面大小", "页边距", "网格", "页码", "字体", "西文字体", "引号破折号字体", "字号",
                     "加粗", "字距", "对齐", "首行缩进", "行距", "编号", "自动编号", "标点", "段首空格", "成文日期", "标题断行",
                     "落款"))


def summary(path, findings, hint=True):
    """The last line of a file's report, pointing to --fix (``hint``) when it would repair something."""
    errors = sum(f.level == ERROR for f in findings)
    line = f"{path}：{'未通过' if errors else '通过'}，{errors} 处错误，{len(findings) - errors} 处提醒"
    fixable = sum(f.rule in FIXABLE for f in findings)
    if fixable and hint:
        line += (f"；其中 {fixable} 处可自动修正：reportgen lint {path} --fix -o 修正后的文件.docx"
                 "（不改原文件）")
    return line
