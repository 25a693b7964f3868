"""What the user uploads: its kind told from its bytes (never from its name alone), refused when
empty, too large, or a zip that would unpack to far more than it holds. A file's name is only
ever used for its extension and as a label, never as a path."""
import io
import re
import zipfile

from generator.errors import ReadError

LIMIT = 20 * 1024 * 1024          # bytes of one upload
UNPACKED = 200 * 1024 * 1024      # bytes a .docx / .xlsx may unpack to
MEMBERS = 5000
RATIO = 200                       # compression ratio of one large member that makes it a bomb
_UNSAFE = re.compile(r'[\x00-\x1f\\/:*?"<>|]+')

KIND_NAMES = {"docx": "Word 文档（.docx）", "xlsx": "Excel 工作簿（.xlsx）", "yaml": "YAML 数据文件（.yaml）",
              "text": "文本文件（.txt、.md）"}


def label(name, default="文件"):
    """A file name safe to show and to offer as a download name: no folders, no control
    characters, not empty."""
    name = _UNSAFE.sub("_", str(name or "").replace("\\", "/").rsplit("/", 1)[-1]).strip(" ._")
    return name[:120] or default


def stem(name, default="草稿"):
    base = label(name, default)
    return base.rsplit(".", 1)[0] if "." in base else base


def kind_of(raw, name, accepted):
    """The kind of an upload (one of ``accepted``), or a ReadError saying why it is refused."""
    name = label(name)
    wanted = "或".join(KIND_NAMES[k] for k in accepted)
    if not raw:
        raise ReadError(f"文件是空的（0 字节），请选择{wanted}", name)
    if len(raw) > LIMIT:
        raise ReadError(f"文件太大（{len(raw) / 1048576:.0f} MB），上限 {LIMIT // 1048576} MB", name)
    if raw.startswith(b"PK\x03\x04"):
        kind = _archive(raw, name)
    elif raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise ReadError("这是旧版 Office 文件（.doc/.xls），请在 Word/WPS 或 Excel 里另存为 .docx/.xlsx 后再上传", name)
    elif b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(f"不是可以读取的文件（二进制内容），请选择{wanted}", name)
    else:
        kind = "yaml" if name.lower().endswith((".yaml", ".yml")) or "yaml" in accepted and "text" not in accepted \
            else "text"
    if kind not in accepted:
        raise ReadError(f"这是{KIND_NAMES[kind]}，这里需要{wanted}", name)
    return kind


def _archive(raw, name):
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise ReadError("压缩包已损坏，无法打开", name) from None
    total = sum(m.file_size for m in members)
    if len(members) > MEMBERS or total > UNPACKED or any(
            m.file_size > 10 * 1048576 and m.file_size > RATIO * max(m.compress_size, 1) for m in members):
        raise ReadError("文件解压后异常巨大（疑似“压缩炸弹”），拒绝处理", name)
    names = {m.filename for m in members}
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise ReadError("这是一个压缩包，但不是 Word 文档或 Excel 工作簿", name)
