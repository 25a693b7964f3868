"""The command line's Chinese face: click's help, usage and errors in Chinese, one line per
error on stderr, and the loop every multi-file command shares."""
import contextlib
import os
import re
import sys

import click

from generator.errors import Interrupted, ReportgenError, Terminated, os_reason

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# click's own words in usage lines and option metavars, in Chinese
_METAVARS = (("[OPTIONS]", "[选项]"), ("[COMMAND] [ARGS]...", "[命令] [参数]..."),
             ("COMMAND [ARGS]...", "命令 [参数]..."), (" DIRECTORY", " 文件夹"),
             (" PATH", " 路径"), (" TEXT", " 文字"), (" INTEGER", " 整数"), ("[x>=1]", "[至少 1]"))


def _chinese(text):
    for english, chinese in _METAVARS:
        text = text.replace(english, chinese)
    return text


def _width(text):
    import unicodedata  # a C extension: loaded only when help is shown

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _section(formatter, heading, rows):
    """A heading and a two-column list, aligned by display width (a Chinese character is two)."""
    if rows:
        formatter.write_paragraph()
        formatter.write(f"{heading}：\n")
        first = max(_width(a) for a, _ in rows)
        for a, b in rows:
            formatter.write(f"  {a}{' ' * (first - _width(a))}  {b}".rstrip() + "\n")


class _Chinese:
    """Click's help and usage headings, in Chinese."""

    def format_usage(self, ctx, formatter):
        pieces = _chinese(" ".join(self.collect_usage_pieces(ctx)))
        formatter.write_usage(ctx.command_path, pieces, "用法：")

    def format_options(self, ctx, formatter):
        rows = [p.get_help_record(ctx) for p in self.get_params(ctx) if isinstance(p, click.Option)]
        rows = [(_chinese(a), "显示本帮助并退出。" if a == "-h, --help" else _chinese(b))
                for a, b in filter(None, rows)]
        _section(formatter, "选项", rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx, formatter):
        rows = [(name, cmd.get_short_help_str(80)) for name, cmd in
                ((n, self.get_command(ctx, n)) for n in self.list_commands(ctx)) if cmd and not cmd.hidden]
        _section(formatter, "命令", rows)

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        import signal
        signal.signal(signal.SIGTERM, _terminate)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
            sys.exit(code if isinstance(code, int) else 0)
        except ReportgenError as exc:
            fail(str(exc), exc.exit_code)
        except click.exceptions.Abort as exc:   # click's form of Ctrl-C (and of EOF at a prompt)
            if isinstance(exc.__cause__, KeyboardInterrupt):
                _stopped(exc.__cause__)
            fail("已取消")
        except click.exceptions.NoArgsIsHelpError as exc:  # bare `reportgen`: just the help
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.UsageError as exc:
            hint = f"（用 {exc.ctx.command_path} -h 查看帮助）" if exc.ctx else ""
            fail(f"命令用法有误：{_translate(exc.format_message())}{hint}", 2)
        except click.ClickException as exc:
            fail(_translate(exc.format_message()))
        except KeyboardInterrupt as exc:
            _stopped(exc)
        except OSError as exc:
            if exc.filename is not None:   # a file the package did not expect to fail on
                fail(f"{exc.filename}: 无法读写（{os_reason(exc)}）")
            # standard output refused the text: a full disk, a closed pipe
            _quiet_stdout()
            if isinstance(exc, BrokenPipeError):
                sys.exit(1)
            fail(f"无法输出结果（{os_reason(exc)}）")


class Command(_Chinese, click.Command):
    pass


class Group(_Chinese, click.Group):
    command_class = Command
    group_class = type


_MESSAGES = (
    ("Missing argument", "缺少参数"), ("No such option", "没有这个选项"),
    ("No such command", "没有这个命令"), ("Got unexpected extra argument", "多余的参数"),
    ("Got unexpected extra arguments", "多余的参数"), ("Invalid value for", "参数值无效："),
    ("does not exist", "不存在"), ("Option", "选项"), ("requires an argument", "需要一个值"),
    ("is not a valid integer", "不是整数"), ("Did you mean", "是不是想用"), ("?", "？"),
    ("is not in the range", "不在允许的范围内："),
    ("is a file", "是文件，不是文件夹"), ("is a directory", "是文件夹，不是文件"),
    ("Directory", "文件夹"),
)


def _translate(message):
    for english, chinese in _MESSAGES:
        message = message.replace(english, chinese)
    # click quotes names as 'x' and ends with a full stop: make it read as Chinese
    return re.sub(r"'([^']*)'", r"“\1”", message).rstrip(".").replace(". ", "。")


def fail(message, code=1):
    click.echo(f"错误：{message}", err=True)
    sys.exit(code)


def _quiet_stdout():
    """Point standard output at the null device, so Python's last flush has nothing to fail on."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def warn(lines):
    for line in lines:
        click.echo(f"提醒：{line}", err=True)




def each(items, work, skipped=""):
    """``work(item)`` for every item; a ReportgenError is one line on stderr (ending in
    ``skipped``) and the rest go on. Returns how many failed: raised, or returned true."""
    failed = 0
    for item in items:
        try:
            failed += bool(work(item))
        except ReportgenError as exc:
            click.echo(f"错误：{exc}{skipped}", err=True)
            failed += 1
    return failed


class _Signalled(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the drafts in flight finish, the others are not started."""


def _terminate(signum, frame):
    raise _Signalled()


def _stopped(interrupt):
    stop = Terminated() if isinstance(interrupt, _Signalled) else Interrupted()
    fail(stop.message, stop.exit_code)
