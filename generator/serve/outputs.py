"""The outputs beyond .docx and YAML, each behind one small seam the app asks before it offers
a button: PDF through LibreOffice, and the data as an Excel workbook (.xlsx).

``*_unavailable()`` returns why the format cannot be offered (shown on the disabled
button), or None; the other functions do the work."""
from generator.errors import ReportgenError
from generator.word import office

WORKBOOK_MISSING = "这一版本还不能读写 Excel 工作簿（.xlsx），请用 YAML 数据文件"


def pdf_unavailable():
    if office.find_soffice() is None:
        return "本机没有安装 LibreOffice，无法导出 PDF；安装后重新运行 reportgen serve 即可"
    return None


def write_pdf(docx, outdir):
    """The PDF of the written draft ``docx``, in ``outdir``."""
    return office.convert(docx, outdir, "pdf")


def workbook_unavailable():
    return WORKBOOK_MISSING


def read_workbook(path):
    """``(data, lines)`` of a workbook the user opened, as yamlio.load_yaml gives for YAML."""
    raise ReportgenError(WORKBOOK_MISSING)


def write_workbook(template, data, out):
    """Write ``data`` (for ``template``) as a workbook at ``out``."""
    raise ReportgenError(WORKBOOK_MISSING)
