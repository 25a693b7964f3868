"""The one error type the CLI shows: its message is what the user reads."""
import errno
import os
import stat


class ReportgenError(Exception):
    """A problem in the user's input, reported as one Chinese line.

    ``path`` and ``line`` (1-based) locate it when known; ``str()`` gives
    ``path:line: message``.
    """

    def __init__(self, message, path=None, line=None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self):
        where = ""
        if self.path is not None:
            where = str(self.path) + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}" if where else self.message


class DataError(ReportgenError):
    """The YAML data file is malformed or does not fit the template."""


class TemplateError(ReportgenError):
    """A template folder, manifest or Jinja body is broken."""


class OutputError(ReportgenError):
    """The draft cannot be written where the user asked."""


_REASONS = {
    errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOSPC: "磁盘已满",
    errno.EROFS: "只读的磁盘", errno.ENAMETOOLONG: "文件名太长", errno.ENOENT: "路径不存在",
    errno.ENOTDIR: "路径中有一段不是文件夹", errno.EEXIST: "路径中有一段不是文件夹",
    errno.EISDIR: "这是一个文件夹", errno.EDQUOT: "超出磁盘配额",
}


def os_reason(exc):
    """An OSError said in Chinese."""
    return _REASONS.get(exc.errno, exc.strerror or "系统错误")


def read_bytes(path, error=ReportgenError):
    """The bytes of a file the user named; a folder, a missing or unreadable file, a pipe or
    a device (which could block or never end) raise ``error`` with a one-line Chinese reason."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise _not_a_file(path, error)
        # O_NONBLOCK: a pipe swapped in since the check must not block the open
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise _not_a_file(path, error)
            return stream.read()
    except FileNotFoundError:
        raise error("文件不存在", path) from None
    except OSError as exc:
        raise error(f"无法读取文件（{os_reason(exc)}）", path) from None


def _not_a_file(path, error):
    if os.path.isdir(path):
        return error("这是一个目录，不是文件", path)
    return error("不是普通文件（是管道、设备等特殊文件），不能读取", path)
