"""Rules on the document as it prints: LibreOffice lays it out, and each page's text is read
back (page numbers for every finding, a heading at a page's foot, a 落款 alone on a page, a
blank last page, a page count that the properties get wrong)."""
import re
import tempfile

from generator.errors import ReportgenError
from generator.lint.findings import ERROR, WARNING, Finding, excerpt
from generator.word.office import convert
from generator.word.parts import APP_PART
from generator.word.style import HEADING_KINDS, PAGE_NUMBER, page_number_format


def compact(text):
    """Only the letters, digits and ideographs of ``text``: PDF extraction breaks lines,
    spaces Latin from Chinese and may map quotes and dashes to other code points."""
    return re.sub(r"[\W_]+", "", text)


def page_texts(docx, page_number_format=PAGE_NUMBER):
    """Body text of each laid-out page (compacted, the page number line removed)."""
    from pypdf import PdfReader

    before, _, after = (re.escape(re.sub(r"\s+", "", part)) for part in
                        page_number_format.partition("{页码}"))
    footer = re.compile(rf"{before}\d+{after}")
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as tmp:
        pdf = convert(docx, tmp)
        try:
            pages = [page.extract_text() or "" for page in PdfReader(str(pdf)).pages]
        except Exception as exc:  # pypdf raises many types on a broken file
            raise ReportgenError(f"无法读取 LibreOffice 生成的 PDF（{exc}）", docx) from None
    return [compact(_drop_page_number(text, footer)) for text in pages]


def _drop_page_number(text, footer):
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and footer.fullmatch(re.sub(r"\s+", "", lines[-1])):
        lines.pop()
    return "\n".join(lines)


def locate(texts, pages):
    """Page (1-based) of each text in document order, found by its opening characters; None
    where a text cannot be found (tables and text boxes are laid out out of order)."""
    joined = "".join(pages)
    starts, total = [], 0
    for page in pages:
        starts.append(total)
        total += len(page)
    out, cursor = [], 0
    for text in texts:
        key = compact(text)[:12]
        found = joined.find(key, cursor) if key else -1
        if found < 0:
            out.append(None)
            continue
        cursor = found + len(key)
        out.append(sum(1 for s in starts if s <= found))
    return out


def page_rules(path, doc, checker, findings):
    """Rules on the laid-out pages; page numbers for the other findings."""
    texts = page_texts(path, page_number_format(checker.sheet))
    body = [i for i in checker.items if i.index and i.kind != "空"]
    where = dict(zip((i.index for i in body), locate([i.text for i in body], texts)))
    for finding in findings:
        finding.page = where.get(finding.paragraph)
    out = []
    for item in body:
        page = where.get(item.index)
        if item.kind in HEADING_KINDS and page and page < len(texts) \
                and texts[page - 1].endswith(compact(item.text)):
            out.append(_page_finding("标题在页末", "标题与下文同页", f"标题是第{page}页最后一行",
                                     item, page))
    closing = [i for i in body if i.kind == "落款"]
    for page in sorted({where.get(i.index) for i in closing} - {None}):
        rest = texts[page - 1]
        for item in closing:
            rest = rest.replace(compact(item.text), "", 1)
        if not rest:
            item = next(i for i in closing if where.get(i.index) == page)
            out.append(_page_finding("落款单独成页", "落款与正文同页", f"第{page}页只有落款", item, page))
    if len(texts) > 1 and not texts[-1]:
        out.append(Finding("空白页", "最后一页有内容", f"第{len(texts)}页是空白页",
                           where="末页", page=len(texts)))
    claimed = claimed_pages(path, doc)
    if claimed is not None and claimed != len(texts):
        out.append(Finding("页数", f"{len(texts)} 页（排版结果）", f"文档属性记为 {claimed} 页",
                           WARNING, where="文档属性"))
    return out


def _page_finding(rule, expected, seen, item, page):
    return Finding(rule, expected, seen, ERROR, item.index, "", excerpt(item.text), page)


def claimed_pages(path, doc):
    """docProps/app.xml Pages, when the document says how many pages it has."""
    from lxml import etree

    for part in doc.part.package.parts:
        if str(part.partname) == APP_PART:
            root = etree.fromstring(part.blob)
            pages = [c for c in root if etree.QName(c).localname == "Pages"]
            if pages and (pages[0].text or "").strip().isdigit():
                return int(pages[0].text)
    return None
