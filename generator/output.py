"""Writing what the user asked for: never over an existing file without force, never half a file."""
import errno
import os
import re
import time
from contextlib import contextmanager
from pathlib import Path

from generator.errors import OutputError, TargetExists, os_reason


def file_target(out, default_name, suffixes=None):
    """``out`` as a file: a folder (existing, or written with a trailing /) gets ``default_name``.
    With ``suffixes``, a file name must end in one of them: a name like 终稿.odt is refused,
    never written as something else or taken for a folder."""
    if not out:
        return Path(default_name)
    try:
        folder = str(out).endswith(("/", os.sep)) or Path(out).is_dir()
    except OSError:  # a name the system refuses: check_target says why
        folder = False
    if folder:
        return Path(out) / default_name
    special = os.path.exists(out) and not os.path.isfile(out)   # a device: check_target says so
    if suffixes and Path(out).suffix.lower() not in suffixes and not special:
        shown = "、".join(suffixes)
        raise OutputError(f"-o 应是文件夹或 {shown} 文件，不认识“{Path(out).suffix or '无扩展名'}”；"
                          f"若要写进名为 {Path(out).name} 的文件夹，请写成 {Path(out).name}/", out)
    return Path(out)


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
            raise TargetExists(path=out)
    except OSError as exc:
        raise OutputError(f"无法使用这个路径（{os_reason(exc)}）", out) from None


TEMP_PREFIX = ".reportgen-"   # .reportgen-<pid>-<n>.tmp: short, whatever the target's name
_TEMP = re.compile(r"\.reportgen-(\d+)-\d+\.tmp")
STALE_AFTER = 60              # seconds after which a dead run's temporary file is removed
_swept = set()                # folders already cleared of stale temporary files
_pending = set()              # temporary files this process is writing now


def save_atomic(out, force, write):
    """Write through ``write(stream)`` to a temporary file beside ``out``, then publish it:
    with ``force`` by rename, without by a hard link, which fails if ``out`` appeared since
    the check (another run writing the same draft), so nothing is ever replaced unasked.

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
        with temporary_beside(out) as (fd, tmp):
            with os.fdopen(fd, "wb") as stream:
                write(stream)
            _publish(tmp, out, force)
    except OSError as exc:
        if tmp is None:
            raise OutputError(f"无法在这里写文件（{os_reason(exc)}）", out.parent) from None
        raise OutputError(f"无法写入（{os_reason(exc)}）", out) from None
    finally:
        if not out.exists():
            for folder in created:
                try:
                    folder.rmdir()
                except FileNotFoundError:
                    continue
                except OSError:
                    break


@contextmanager
def temporary_beside(out):
    """``(fd, path)`` of a new temporary file beside ``out``, for the block to fill and publish by
    renaming; what is left of it is removed when the block ends, by ``remove_pending`` when the
    process is stopped, or by a later run's sweep when it was killed."""
    _sweep(out.parent)
    fd, tmp = _temporary(out)
    try:
        yield fd, tmp
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
        _pending.discard(tmp)


def _publish(tmp, out, force):
    if force:
        os.replace(tmp, out)
        return
    try:
        os.link(tmp, out)
    except FileExistsError:
        raise TargetExists(path=out) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        if os.path.lexists(out):     # a file system without hard links (FAT): check, then rename
            raise TargetExists(path=out) from None
        os.replace(tmp, out)


def _temporary(out):
    """A new file beside ``out``, created exclusively, with the usual permissions (umask)."""
    for attempt in range(100):
        tmp = out.with_name(f"{TEMP_PREFIX}{os.getpid()}-{attempt}.tmp")
        _pending.add(tmp)    # before it exists: a signal handler may remove it at any moment
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            _pending.discard(tmp)
    raise OSError(errno.EEXIST, "临时文件名都已被占用")


def _sweep(folder):
    """Remove the temporary files a killed run left in ``folder`` (once per process): those
    whose process is gone and that have not changed for a while (the folder may be shared)."""
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        entries = [e for e in os.scandir(folder) if _TEMP.fullmatch(e.name)]
    except OSError:
        return
    for entry in entries:
        try:
            if not _alive(int(_TEMP.fullmatch(entry.name)[1])) and \
                    time.time() - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER:
                os.unlink(entry.path)
        except OSError:
            continue   # another run removed it first: nothing lost


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:   # someone else's process
        pass
    return True


def remove_pending():
    """Remove the temporary files this process is writing (for a signal handler that exits)."""
    for tmp in list(_pending):
        try:
            os.unlink(tmp)
        except OSError:
            pass
