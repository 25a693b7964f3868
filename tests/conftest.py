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


def _soffice():
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI 中必须安装 LibreOffice（.ci/run 会安装 libreoffice-writer-nogui）")
        pytest.skip("本机没有 LibreOffice（soffice），跳过在真实阅读器中打开草稿的测试")
    return exe


@pytest.fixture
def soffice():
    """LibreOffice for tests that open drafts as a reader would; never skipped in CI."""
    return _soffice()


@pytest.fixture(scope="session")
def example_pdfs(tmp_path_factory):
    """Every example rendered (``--strict``) and laid out by LibreOffice once per test session,
    in one conversion: ``{name: (docx, pdf)}``."""
    from generator.cli import cli
    exe, folder = _soffice(), tmp_path_factory.mktemp("examples")
    for example in EXAMPLES:
        done = CliRunner().invoke(cli, ["render", str(example), "-o", str(folder / f"{example.stem}.docx"), "--strict"])
        assert done.exit_code == 0, done.output
    docs = [folder / f"{e.stem}.docx" for e in EXAMPLES]
    to_pdf(exe, docs, folder)
    return {d.stem: (d, d.with_suffix(".pdf")) for d in docs}


READER_FIXTURES = {"soffice", "example_pdfs"}


def pytest_collection_modifyitems(items):
    """Tests that open LibreOffice are marked ``reader``: ``pytest -m "not reader"`` runs the rest."""
    for item in items:
        if READER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.reader)


def to_pdf(soffice, docx, outdir):
    """PDF of ``docx`` (one path, or several converted in one LibreOffice run) in ``outdir``."""
    docs = [docx] if isinstance(docx, (str, Path)) else list(docx)
    profile = Path(outdir) / "lo-profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)],
                   check=True, capture_output=True, timeout=180)
    pdfs = [Path(outdir) / (Path(d).stem + ".pdf") for d in docs]
    assert all(p.exists() for p in pdfs), "LibreOffice 没有生成 PDF"
    return pdfs[0]


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
