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


def png(width, height, colour=(200, 30, 30)):
    """A PNG of one colour, written by hand (no imaging library needed)."""
    import struct
    import zlib

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + bytes(colour) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def pictured_docx(path, width_cm=12):
    """A short report with a photo (and its caption under it) between two paragraphs, a table
    after them, and a photo in a table cell."""
    import io

    from docx import Document
    from docx.shared import Cm

    doc = Document()
    for text in ("某小学党支部主题教育活动总结", "一、活动开展情况", "组织参观红色教育基地2次。"):
        doc.add_paragraph(text)
    doc.add_paragraph().add_run().add_picture(io.BytesIO(png(40, 20)), width=Cm(width_cm))
    doc.add_paragraph("图1  学生参观县革命纪念馆")
    doc.add_paragraph("举办成果展，展出作品340件。")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "合影"
    table.cell(0, 1).paragraphs[0].add_run().add_picture(io.BytesIO(png(10, 10, (0, 0, 200))), width=Cm(2))
    doc.add_paragraph("某小学党支部")
    doc.add_paragraph("2026年7月2日")
    doc.save(path)
    return path


def reviewed_docx(path):
    """A draft under review, written as Word writes one: an insertion, a deletion, a sentence
    moved from one paragraph to another, and a comment."""
    from docx import Document
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    change = 'w:author="审稿人" w:date="2026-07-01T00:00:00Z"'
    doc = Document()
    for line in ("某镇党建工作情况报告", "一、主要做法", "全镇组织学习十二次。", "", "有批注的段落。",
                 "二、存在问题", "学习不够深入。"):
        doc.add_paragraph(line)
    study, moved, commented = (doc.paragraphs[i]._p for i in (2, 3, 4))
    study.append(parse_xml(f'<w:ins {ns} w:id="1" {change}><w:r><w:t>新增的句子。</w:t></w:r></w:ins>'))
    study.append(parse_xml(f'<w:del {ns} w:id="2" {change}><w:r><w:delText>删去的句子。</w:delText></w:r></w:del>'))
    study.append(parse_xml(f'<w:moveFrom {ns} w:id="3" {change}><w:r><w:t>移走的句子。</w:t></w:r></w:moveFrom>'))
    moved.append(parse_xml(f'<w:moveTo {ns} w:id="4" {change}><w:r><w:t>移走的句子。</w:t></w:r></w:moveTo>'))
    commented.insert(1, parse_xml(f'<w:commentRangeStart {ns} w:id="0"/>'))
    commented.append(parse_xml(f'<w:commentRangeEnd {ns} w:id="0"/>'))
    commented.append(parse_xml(f'<w:r {ns}><w:commentReference w:id="0"/></w:r>'))
    doc.save(path)
    return path


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
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


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


BROWSER_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1366,768", "--lang=zh-CN")


@pytest.fixture
def browser(tmp_path):
    """Headless Chromium driven by selenium (Debian's chromium and chromium-driver), with its
    downloads going to ``browser.downloads``; skips locally with a reason, fails in CI."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_exe = shutil.which("chromedriver")
    try:
        from selenium import webdriver
    except ImportError:
        exe = None
    if exe is None or driver_exe is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI 中必须安装 Chromium 和 chromedriver（.ci/run 会安装 chromium chromium-driver）")
        pytest.skip("本机没有 Chromium、chromedriver 或 selenium，跳过浏览器测试")
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = exe
    for flag in BROWSER_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(driver_exe), options=options)
    driver.set_window_size(1366, 768)
    chrome = driver.execute_script("return [outerWidth - innerWidth, outerHeight - innerHeight]")
    driver.set_window_size(1366 + chrome[0], 768 + chrome[1])   # the page itself is 1366×768
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture
def live_server(tmp_path):
    """``reportgen serve`` on a free loopback port, in a thread, stopped at the end: its
    address, with ``.data_dir`` where it saves drafts."""
    import socket
    import threading
    import time

    import uvicorn

    from generator.serve.app import create_app
    data_dir = tmp_path / "数据"
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(data_dir), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and thread.is_alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "服务没有启动"

    class Live(str):
        pass
    url = Live(f"http://127.0.0.1:{port}")
    url.data_dir = data_dir
    yield url
    server.should_exit = True
    thread.join(10)
