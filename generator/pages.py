"""The document as it prints: convert with LibreOffice (headless) and read each page's text.

Shared by ``lint`` (page rules, legacy .doc input) and anything else that needs a
real layout. Every conversion uses a private LibreOffice profile, so several runs
at once do not fight over the user's profile lock.
"""
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import ReportgenError
from .style import PAGE_NUMBER

TIMEOUT = 180  # seconds for one conversion


def find_soffice():
    """Path of LibreOffice's ``soffice``, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(source, outdir, fmt="pdf"):
    """Convert ``source`` into ``outdir`` (``pdf``, ``docx`` …) and return the new file."""
    soffice = find_soffice()
    if soffice is None:
        raise ReportgenError("没有安装 LibreOffice（soffice），无法转换文档", source)
    source, outdir = Path(source), Path(outdir)
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-") as profile:
        try:
            subprocess.run(
                [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                 "--convert-to", fmt, "--outdir", str(outdir), str(source)],
                check=True, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            raise ReportgenError(f"LibreOffice 转换超过 {TIMEOUT} 秒未完成", source) from None
        except (subprocess.CalledProcessError, OSError):
            raise ReportgenError("LibreOffice 无法转换这个文件", source) from None
    target = outdir / f"{source.stem}.{fmt}"
    if not target.exists():
        raise ReportgenError("LibreOffice 没有生成转换结果，文件可能已损坏", source)
    return target


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
