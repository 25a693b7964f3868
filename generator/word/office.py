"""LibreOffice (headless) as a converter: .docx → PDF (page rules, ``--pdf``), .doc → .docx.

Every run uses a private LibreOffice profile, so several runs at once do not fight over
the user's profile lock; runs under reportgen's own fontconfig file (``fonts.conf``), so
the GB/T 9704 font names find free faces of the same kind; and is killed whole (the
``soffice`` script and the ``soffice.bin`` it starts) at its time limit. A batch converts
in one run: LibreOffice starts once, not once per draft.
"""
import os
import shutil
import tempfile
from pathlib import Path

from generator.errors import OutputError, ReportgenError
from generator.output import check_target, save_atomic

TIMEOUT = 180       # seconds for a run of one file
PER_FILE = 20       # more seconds for each further file of a batch
FONTS_CONF = Path(__file__).with_name("fonts.conf")
MISSING = "没有安装 LibreOffice（soffice），无法转换文档；请安装 LibreOffice（Debian/Ubuntu：apt-get install libreoffice-writer）"


def find_soffice():
    """Path of LibreOffice's ``soffice``, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def environment():
    """The environment of a conversion: reportgen's fontconfig file on top of the system's."""
    env = dict(os.environ)
    if FONTS_CONF.exists():
        env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    return env


def _run(sources, outdir, fmt, where=None):
    """One LibreOffice run converting every file of ``sources`` into ``outdir``."""
    import subprocess   # only when converting: render and lint start without it

    soffice = find_soffice()
    if soffice is None:
        raise ReportgenError(MISSING, where)
    limit = TIMEOUT + PER_FILE * (len(sources) - 1)
    with tempfile.TemporaryDirectory(prefix="reportgen-lo-") as profile:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless",
                   "--norestore", "--convert-to", fmt, "--outdir", str(outdir)] + [str(s) for s in sources]
        try:
            process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, env=environment(),
                                       start_new_session=True)   # its own group, killed as one
        except OSError:
            raise ReportgenError("无法启动 LibreOffice（soffice）", where) from None
        try:
            process.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            raise ReportgenError(f"LibreOffice 转换超过 {limit} 秒未完成，已终止", where) from None
        finally:
            _kill_group(process)
    return process.returncode


def _kill_group(process):
    """End every process LibreOffice left in its group (nothing once it exited normally)."""
    import signal

    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    process.wait()


def require(where=None):
    """Fail before anything is written when LibreOffice is not installed."""
    if find_soffice() is None:
        raise ReportgenError(MISSING, where)


def is_pdf(path):
    return path is not None and str(path).lower().endswith(".pdf")


def pdf_via_docx(write, pdf, force=False):
    """Write a .docx with ``write(path)`` into a temporary folder and convert it to ``pdf``;
    nothing but the finished PDF is left behind."""
    require(pdf)
    check_target(pdf, force)
    with tempfile.TemporaryDirectory(prefix="reportgen-docx-") as tmp:
        docx = Path(tmp) / (Path(pdf).stem + ".docx")
        write(docx)
        error = to_pdf([(docx, pdf)], force)[0]
    if error is not None:
        raise error
    return Path(pdf)


def pdf_beside(docx, force=False):
    """The PDF of a written ``docx``, next to it; returns its path."""
    target = Path(docx).with_suffix(".pdf")
    error = to_pdf([(docx, target)], force)[0]
    if error is not None:
        raise error
    return target


def convert(source, outdir, fmt="pdf"):
    """Convert ``source`` into ``outdir`` (``pdf``, ``docx`` …) and return the new file."""
    source, outdir = Path(source), Path(outdir)
    code = _run([source], outdir, fmt, source)
    target = outdir / f"{source.stem}.{fmt}"
    if not target.exists():
        if code:
            raise ReportgenError("LibreOffice 无法转换这个文件", source)
        raise ReportgenError("LibreOffice 没有生成转换结果，文件可能已损坏", source)
    return target


def to_pdf(pairs, force=False):
    """Convert each ``(docx, pdf)`` of ``pairs`` in one LibreOffice run; return one error
    (or None) per pair, in order. A PDF is written only whole, never over an existing file
    without ``force``; one draft LibreOffice cannot convert does not stop the others."""
    pairs = [(Path(docx), Path(pdf)) for docx, pdf in pairs]
    errors = []
    for _, pdf in pairs:
        try:
            check_target(pdf, force)
            errors.append(None)
        except ReportgenError as exc:
            errors.append(exc)
    todo = [i for i, error in enumerate(errors) if error is None]
    if not todo:
        return errors
    with tempfile.TemporaryDirectory(prefix="reportgen-pdf-") as work:
        work = Path(work)
        # LibreOffice names each result after its source: numbered links keep two drafts
        # of the same name (from different folders) apart
        for i in todo:
            link = work / f"{i}.docx"
            try:
                link.symlink_to(pairs[i][0].resolve())
            except OSError:
                shutil.copyfile(pairs[i][0], link)
        try:
            _run([work / f"{i}.docx" for i in todo], work / "out", "pdf",
                 pairs[todo[0]][1] if len(todo) == 1 else None)
        except ReportgenError as exc:
            for i in todo:
                errors[i] = exc if len(todo) == 1 else ReportgenError(exc.message, pairs[i][1])
            return errors
        for i in todo:
            result = work / "out" / f"{i}.pdf"
            try:
                data = result.read_bytes()
            except OSError:
                data = b""
            if not data.startswith(b"%PDF"):
                errors[i] = ReportgenError("LibreOffice 无法把这份草稿转成 PDF（文件可能已损坏）",
                                           pairs[i][0])
                continue
            try:
                save_atomic(pairs[i][1], force, lambda stream: stream.write(data))
            except OutputError as exc:
                errors[i] = exc
    return errors
