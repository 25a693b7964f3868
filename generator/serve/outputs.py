"""The outputs beyond .docx and YAML, each behind one small seam the app asks before it offers
a button: PDF through LibreOffice, and the data as an Excel workbook (.xlsx).

``*_unavailable()`` returns why the format cannot be offered (shown on the disabled
button), or None; the other functions do the work."""
from generator.draft import workbook
from generator.draft.validate import TEMPLATE_KEY
from generator.word import office


def pdf_unavailable():
    if office.find_soffice() is None:
        return "本机没有安装 LibreOffice，无法导出 PDF；安装后重新运行 reportgen serve 即可"
    return None


def write_pdf(docx, outdir):
    """The PDF of the written draft ``docx``, in ``outdir``."""
    return office.convert(docx, outdir, "pdf")


def workbook_unavailable():
    return None   # openpyxl is a dependency: workbooks are always offered


def read_workbook(path, template_of):
    """``(data, lines)`` of a workbook the user opened, as yamlio.load_yaml gives for YAML: the
    sheets of list, stats and table fields read as plain values of the template
    ``template_of(name)`` that its 模板 row names."""
    data, lines = workbook.load_workbook(path)
    template = template_of(data.get(TEMPLATE_KEY))
    for name, value in list(data.items()):
        field = template.fields.get(name)
        if isinstance(value, workbook.Sheet) and field is not None:
            data[name], _ = workbook.as_field(value, field)
    return data, lines


def write_workbook(template, data, out):
    """Write ``data`` (for ``template``) as a workbook at ``out``."""
    with open(out, "wb") as stream:
        workbook.write_workbook(template, data, stream)
