"""Every error and notice the user sees: each message is one Chinese line, each error class
has the exit code the command ends with.

An error is located by ``at(path, line)``, which returns a located copy; ``str()`` gives
``path:line: message``. A ``Notice`` is a warning that does not stop the work (missing
data, an unused value): a small record, so code asks about its field, never its wording.
"""
import errno
import os
import stat


class ReportgenError(Exception):
    """A problem in the user's input, reported as one Chinese line."""

    exit_code = 1
    field = None   # the dotted data field it concerns (主要做法[2].要点), when it concerns one

    def __init__(self, message, path=None, line=None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def at(self, path, line=None):
        """This error, located at ``path:line``."""
        located = type(self)(self.message, path, line)
        located.field = self.field
        return located

    def about(self, field):
        """This error, saying which data field it concerns."""
        self.field = field
        return self

    def __str__(self):
        return _located(self.path, self.line, self.message)


class DataError(ReportgenError):
    """The data file is malformed or does not fit the template."""


class TemplateError(ReportgenError):
    """A template folder, manifest or Jinja body is broken."""


class OutputError(ReportgenError):
    """The draft cannot be written where the user asked."""


class TargetExists(OutputError):
    """The file to write is already there, and --force was not given."""

    def __init__(self, message="文件已存在；确认要覆盖请加 --force", path=None, line=None):
        super().__init__(message, path, line)


class ReadError(ReportgenError):
    """A file that is not a readable report or document (binary, unknown encoding, broken .docx)."""


class Interrupted(ReportgenError):
    """Ctrl-C (or a termination signal): the work stopped half-way, nothing half-written."""

    exit_code = 130

    def __init__(self, message="已中断", path=None, line=None):
        super().__init__(message, path, line)


class Terminated(Interrupted):
    """A termination signal (SIGTERM): handled as Ctrl-C is."""

    exit_code = 143

    def __init__(self, message="已终止（收到终止信号）", path=None, line=None):
        super().__init__(message, path, line)


class Notice:
    """A warning about the user's input: what to say, where it is, and which field (dotted, as
    the user wrote it: ``主要做法[2].要点``) when it concerns one."""

    __slots__ = ("message", "file", "line", "field")   # a plain class: no code generated at start-up

    def __init__(self, message, file=None, line=None, field=None):
        self.message, self.file, self.line, self.field = message, file, line, field

    def _key(self):
        return self.message, self.file, self.line, self.field

    def __eq__(self, other):
        return isinstance(other, Notice) and self._key() == other._key()

    def __hash__(self):
        return hash(self._key())

    def __repr__(self):
        return f"Notice{self._key()!r}"

    def __str__(self):
        return _located(self.file, self.line, self.message)


def _located(path, line, message):
    if path is None:
        return message
    return f"{path}{f':{line}' if line else ''}: {message}"


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
