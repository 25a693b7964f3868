import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
CHECKER = ROOT.parent / "shared" / "tools" / "gbt9704_check.py"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True, scope="session")
def base_cache(tmp_path_factory):
    """Keep the writer's cache of base packages out of the user's home during tests."""
    path = tmp_path_factory.mktemp("cache")
    os.environ["REPORTGEN_CACHE"] = str(path)
    return path


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def small(tmp_path):
    """A short 调研报告 data file of our own, copied where a test may change it."""
    path = tmp_path / "小型调研.yaml"
    shutil.copy(DATA / "小型调研.yaml", path)
    return path


def paragraphs(docx_path):
    """(style name, text) for every body paragraph of a written draft."""
    from docx import Document
    return [(p.style.name, p.text) for p in Document(str(docx_path)).paragraphs]


@pytest.fixture
def soffice():
    """LibreOffice for tests that open drafts as a reader would; never skipped in CI."""
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI 中必须安装 LibreOffice（.ci/run 会安装 libreoffice-writer-nogui）")
        pytest.skip("本机没有 LibreOffice（soffice），跳过在真实阅读器中打开草稿的测试")
    return exe


def to_pdf(soffice, docx, outdir):
    profile = Path(outdir) / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), str(docx)],
                   check=True, capture_output=True, timeout=180)
    pdf = Path(outdir) / (Path(docx).stem + ".pdf")
    assert pdf.exists(), "LibreOffice 没有生成 PDF"
    return pdf


def pdf_pages(pdf):
    """Text of each page (pdftotext when present, else pypdf-free fallback on page count)."""
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True).stdout
    return out.split("\f")[:-1] if out.endswith("\f") else out.split("\f")


SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture
def seeds():
    """The shared reference corpus, read by path; tests using it skip where it is absent."""
    if not SEEDS.is_dir():
        pytest.skip("没有 ../shared/seeds 参考语料，跳过")
    return SEEDS
