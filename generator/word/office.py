"""LibreOffice (headless) as a converter: .docx → PDF for page rules, .doc → .docx.

Every conversion uses a private LibreOffice profile, so several runs
at once do not fight over the user's profile lock.
"""
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.errors import ReportgenError

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
