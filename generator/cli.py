"""命令行：只解析参数、调用 generator 包，并把 ReportgenError 显示成一行中文。"""
import contextlib
import os
import sys

import click

from .errors import ReportgenError

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class _Chinese:
    """Click's help and usage headings, in Chinese."""

    def format_usage(self, ctx, formatter):
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), "用法：")

    def format_options(self, ctx, formatter):
        rows = [r for r in (p.get_help_record(ctx) for p in self.get_params(ctx)) if r]
        rows = [(a, "显示本帮助并退出。" if a == "-h, --help" else b) for a, b in rows]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)

    def format_commands(self, ctx, formatter):
        rows = [(name, cmd.get_short_help_str(80)) for name, cmd in
                ((n, self.get_command(ctx, n)) for n in self.list_commands(ctx)) if cmd and not cmd.hidden]
        if rows:
            with formatter.section("命令"):
                formatter.write_dl(rows)

    def main(self, args=None, prog_name=None, **extra):
        extra.pop("standalone_mode", None)
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
            sys.exit(code if isinstance(code, int) else 0)
        except ReportgenError as exc:
            _fail(str(exc))
        except click.exceptions.Abort:
            _fail("已取消")
        except click.UsageError as exc:
            hint = f"（用 {exc.ctx.command_path} -h 查看帮助）" if exc.ctx else ""
            _fail(f"命令用法有误：{_translate(exc.format_message())}{hint}", 2)
        except click.ClickException as exc:
            _fail(_translate(exc.format_message()))
        except KeyboardInterrupt:
            _fail("已中断", 130)


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
    ("is not a valid integer", "不是整数"), ("Did you mean", "是不是想用"),
)


def _translate(message):
    for english, chinese in _MESSAGES:
        message = message.replace(english, chinese)
    return message


def _fail(message, code=1):
    click.echo(f"错误：{message}", err=True)
    sys.exit(code)


def _warn(lines):
    for line in lines:
        click.echo(f"提醒：{line}", err=True)


templates_option = click.option(
    "--templates", "template_dirs", multiple=True, type=click.Path(file_okay=False),
    help="额外的模板文件夹（可多次给出，先于内置模板查找；也可用环境变量 REPORTGEN_TEMPLATES）。")


@click.group(cls=Group, context_settings=CONTEXT)
@click.version_option(package_name="reportgen", message="reportgen %(version)s", help="显示版本并退出。")
def cli():
    """reportgen：把本地事实（YAML 数据）和报告模板变成 GB/T 9704 格式的 Word 初稿。

    \b
    常用流程：
      reportgen templates                 看有哪些模板
      reportgen init 调研报告 -o 数据.yaml  生成带说明的数据文件
      reportgen check 数据.yaml            检查数据
      reportgen render 数据.yaml           生成草稿到 output/
    """


@cli.group(cls=Group, invoke_without_command=True, context_settings=CONTEXT)
@templates_option
@click.pass_context
def templates(ctx, template_dirs):
    """列出可用的模板（名称、说明、来源）。"""
    ctx.obj = template_dirs
    if ctx.invoked_subcommand is None:
        from .templates import Catalog
        for t in Catalog(template_dirs).all():
            click.echo(f"{t.name}\t{t.title}\t[{t.source}]")
            if t.description:
                click.echo(f"    {t.description}")


@templates.command("show", context_settings=CONTEXT)
@click.argument("name")
@templates_option
@click.pass_obj
def templates_show(parent_dirs, name, template_dirs):
    """显示模板 NAME 的字段：类型、是否必填和说明。"""
    from .templates import Catalog, TYPES
    t = Catalog(tuple(parent_dirs or ()) + template_dirs).get(name)
    click.echo(f"{t.name}：{t.title}  [{t.source}]")
    if t.description:
        click.echo(t.description)

    def show(fields, depth):
        for f in fields.values():
            need = "必填" if f.required else "可选"
            click.echo(f"{'  ' * depth}{f.name}（{TYPES[f.type]}，{need}）：{f.description}")
            subs = f.fields or (f.items.fields if f.items else None)
            if subs:
                show(subs, depth + 1)
    show(t.fields, 1)


@cli.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("-o", "--output", type=click.Path(), help="数据文件写到哪里（默认：<模板名>.yaml）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖。")
@templates_option
def init(name, output, force, template_dirs):
    """生成模板 NAME 的数据文件：每个字段都有说明和示例。"""
    from .draft import save_atomic
    from .templates import Catalog, scaffold
    text = scaffold(Catalog(template_dirs).get(name))
    output = output or f"{name}.yaml"
    save_atomic(output, force, lambda stream: stream.write(text.encode("utf-8")))
    click.echo(f"已生成数据文件 {output}；填写后运行：reportgen render {output}")


def _engine(template_dirs, style=None, strict=False, template=None):
    from .draft import Engine
    return Engine(template_dirs, style=style, strict=strict, template=template)


strict_option = click.option("--strict", is_flag=True, help="缺少数据时报错，而不是写【待补充】占位。")
template_option = click.option("-t", "--template", help="使用这个模板（覆盖数据文件里的“模板:”）。")


@cli.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, required=True, type=click.Path())
@strict_option
@template_option
@templates_option
def check(data, strict, template, template_dirs):
    """检查数据文件 DATA 是否符合模板：类型错误报错，缺少的字段列为提醒。"""
    engine = _engine(template_dirs, strict=strict, template=template)
    failed = 0
    for path in data:
        try:
            draft = engine.prepare(path)
        except ReportgenError as exc:
            click.echo(f"错误：{exc}", err=True)
            failed += 1
            continue
        _warn(draft.warnings)
        click.echo(f"{path}：检查通过（模板“{draft.template.name}”，{len(draft.warnings)} 条提醒）")
    sys.exit(1 if failed else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("data", type=click.Path())
@strict_option
@template_option
@templates_option
def preview(data, strict, template, template_dirs):
    """把数据文件 DATA 渲染成草稿标记（标题层级、段落、表格）输出到屏幕，不写文件。"""
    draft = _engine(template_dirs, strict=strict, template=template).prepare(data)
    _warn(draft.warnings)
    click.echo(draft.markup, nl=False)


@cli.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", default="output", show_default=True, type=click.Path(),
              help="草稿写到哪里：文件夹，或（只有一个数据文件时）一个 .docx 文件。")
@click.option("--force", is_flag=True, help="草稿已存在时覆盖。")
@strict_option
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
@template_option
@templates_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="同时生成草稿的进程数（默认：CPU 核数）。")
def render(data, output, force, strict, style, template, template_dirs, jobs):
    """把数据文件 DATA 生成 Word 草稿（可一次给多个）。"""
    from .draft import cpu_count, iter_batch
    engine = _engine(template_dirs, style=style, strict=strict, template=template)
    batch = iter_batch(engine, data, output, force, jobs or cpu_count())
    bar = (click.progressbar(batch, length=len(data), label="生成草稿", file=sys.stderr) if len(data) > 1
           else contextlib.nullcontext(batch))
    with bar as drafts:
        # keep only what is reported of each draft, so memory stays flat however long the batch
        results = [(target, draft and draft.warnings, error) for _, target, draft, error in drafts]
    failed = 0
    for target, warnings, error in results:
        if error is not None:
            click.echo(f"错误：{error}", err=True)
            failed += 1
            continue
        _warn(warnings)
        note = f"（{len(warnings)} 条提醒）" if warnings else ""
        click.echo(f"已生成 {target}{note}")
    if len(data) > 1:
        click.echo(f"共 {len(data)} 份：成功 {len(data) - failed} 份，失败 {failed} 份")
    sys.exit(1 if failed else 0)


def main():
    cli.main(prog_name="reportgen")


if __name__ == "__main__":
    main()
