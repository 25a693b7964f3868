"""Writing what the user asked for: never over an existing file without force, never half a file."""
import os
from pathlib import Path

from generator.errors import OutputError, os_reason


def file_target(out, default_name):
    """``out`` as a file: a folder (existing, or written with a trailing /) gets ``default_name``."""
    if not out:
        return Path(default_name)
    try:
        folder = str(out).endswith(("/", os.sep)) or Path(out).is_dir()
    except OSError:  # a name the system refuses: check_target says why
        folder = False
    return Path(out) / default_name if folder else Path(out)


def check_target(out, force):
    """Refuse a target that is a folder, exists (without force), or cannot be a file."""
    out = Path(out)
    try:
        for folder in out.parents:
            if folder.exists():
                if not folder.is_dir():
                    raise OutputError(f"“{folder}”是文件，不是文件夹，不能在它下面写文件", out)
                break
        if out.is_dir():
            raise OutputError("输出路径是一个已存在的文件夹，不能写成文件", out)
        if out.exists() and not out.is_file():
            raise OutputError("输出路径不是普通文件（如设备文件），不能写入", out)
        if out.exists() and not force:
            raise OutputError("文件已存在；确认要覆盖请加 --force", out)
    except OSError as exc:
        raise OutputError(f"无法使用这个路径（{os_reason(exc)}）", out) from None


def save_atomic(out, force, write):
    """Write through ``write(stream)`` to a temporary file beside ``out``, then rename.

    If the write fails, the folders this call created for ``out`` are removed again."""
    out = Path(out)
    check_target(out, force)
    created = []                 # missing folders, deepest first
    for folder in (out.parent, *out.parent.parents):
        if folder.exists():
            break
        created.append(folder)
    tmp = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(out)
        with os.fdopen(fd, "wb") as stream:
            write(stream)
        os.replace(tmp, out)
    except OSError as exc:
        if tmp is None:
            raise OutputError(f"无法在这里写文件（{os_reason(exc)}）", out.parent) from None
        raise OutputError(f"无法写入（{os_reason(exc)}）", out) from None
    finally:
        if tmp and os.path.exists(tmp):
            os.unlink(tmp)
        if not out.exists():
            for folder in created:
                try:
                    folder.rmdir()
                except FileNotFoundError:
                    continue
                except OSError:
                    break


def _temporary(out):
    """A new file beside ``out``, created exclusively, with the usual permissions (umask)."""
    for attempt in range(100):
        tmp = out.with_name(f".{out.name}.{os.getpid()}.{attempt}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"{out.parent}: 临时文件名都已被占用")
