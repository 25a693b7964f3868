"""命令行：只解析参数、调用 generator 包，并把 ReportgenError 显示成一行中文。"""
import contextlib
import gc
import os
import re
import sys
import unicodedata

import click

from generator.errors import ReportgenError, os_reason

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
        try:
            code = super().main(args, prog_name, standalone_mode=False, **extra)
            sys.exit(code if isinstance(code, int) else 0)
        except ReportgenError as exc:
            _fail(str(exc))
        except click.exceptions.Abort as exc:   # click's form of Ctrl-C (and of EOF at a prompt)
            if isinstance(exc.__cause__, _Terminated):
                _fail("已终止（收到终止信号）", 143)
            if isinstance(exc.__cause__, KeyboardInterrupt):
                _fail("已中断", 130)
            _fail("已取消")
        except click.exceptions.NoArgsIsHelpError as exc:  # bare `reportgen`: just the help
            click.echo(exc.ctx.get_help())
            sys.exit(0)
        except click.UsageError as exc:
            hint = f"（用 {exc.ctx.command_path} -h 查看帮助）" if exc.ctx else ""
            _fail(f"命令用法有误：{_translate(exc.format_message())}{hint}", 2)
        except click.ClickException as exc:
            _fail(_translate(exc.format_message()))
        except _Terminated:
            _fail("已终止（收到终止信号）", 143)
        except KeyboardInterrupt:
            _fail("已中断", 130)
        except OSError as exc:   # standard output refused the text: a full disk, a closed pipe
            _quiet_stdout()
            if isinstance(exc, BrokenPipeError):
                sys.exit(1)
            _fail(f"无法输出结果（{os_reason(exc)}）")


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


def _fail(message, code=1):
    click.echo(f"错误：{message}", err=True)
    sys.exit(code)


def _quiet_stdout():
    """Point standard output at the null device, so Python's last flush has nothing to fail on."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _warn(lines):
    for line in lines:
        click.echo(f"提醒：{line}", err=True)


templates_option = click.option(
    "--templates", "template_dirs", multiple=True, type=click.Path(file_okay=False, readable=False),
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
        from generator.draft.catalog import Catalog
        catalog, failed = Catalog(template_dirs), 0
        for name in catalog.names():
            try:  # one broken template does not hide the others
                t = catalog.get(name)
            except ReportgenError as exc:
                click.echo(f"错误：{exc}", err=True)
                failed += 1
                continue
            source = f"{t.source}，覆盖内置模板" if t.overrides else t.source
            click.echo(f"{t.name}\t{t.title}\t[{source}]")
            if t.description:
                click.echo(f"    {t.description}")
        sys.exit(1 if failed else 0)


@templates.command("show", context_settings=CONTEXT)
@click.argument("name")
@templates_option
@click.pass_obj
def templates_show(parent_dirs, name, template_dirs):
    """显示模板 NAME 的字段：类型、是否必填和说明。"""
    from generator.draft.catalog import TYPES, Catalog
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


@templates.command("copy", context_settings=CONTEXT)
@click.argument("name")
@click.argument("dest", type=click.Path(file_okay=False))
@click.option("--name", "new_name", help="副本用的新名称（默认与原模板同名，同名时覆盖内置模板）。")
@templates_option
@click.pass_obj
def templates_copy(parent_dirs, name, dest, new_name, template_dirs):
    """把模板 NAME 复制到文件夹 DEST 下，供修改。"""
    from generator.draft.catalog import Catalog, copy_template
    target = copy_template(Catalog(tuple(parent_dirs or ()) + template_dirs).get(name), dest, new_name)
    click.echo(f"已复制到 {target}")
    click.echo(f"修改后检查：reportgen templates check {target}")
    click.echo(f"使用：reportgen render 数据.yaml --templates {dest}（或设置环境变量 REPORTGEN_TEMPLATES）")


@templates.command("check", context_settings=CONTEXT)
@click.argument("folder", type=click.Path(readable=False))
@click.option("--style", help="试渲染用的版式表：内置名称或 YAML 文件路径。")
def templates_check(folder, style):
    """检查模板文件夹 FOLDER（或其下每个模板）：清单格式、Jinja 语法、字段是否都已声明并用到，并用清单里的示例试渲染。"""
    from generator.draft.analysis import check_folder, template_folders
    failed = 0
    for one in template_folders(folder):
        try:
            template, report = check_folder(one, style)
        except ReportgenError as exc:
            click.echo(f"错误：{exc}", err=True)
            failed += 1
            continue
        for line in report:
            click.echo(f"  {line}")
        click.echo(f"{one}：模板“{template.name}”检查通过")
    sys.exit(1 if failed else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("-o", "--output", type=click.Path(),
              help="数据文件写到哪里（默认：<模板名>.yaml；给文件夹则写在其中；- 表示输出到屏幕）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖。")
@templates_option
def init(name, output, force, template_dirs):
    """生成模板 NAME 的数据文件：每个字段都有说明和示例。"""
    from generator.draft.catalog import Catalog, scaffold
    from generator.output import file_target, save_atomic
    text = scaffold(Catalog(template_dirs).get(name))
    if output == "-":
        click.echo(text)
        return
    output = file_target(output, f"{name}.yaml")
    save_atomic(output, force, lambda stream: stream.write(text.encode("utf-8")))
    click.echo(f"已生成数据文件 {output}；填写后运行：reportgen render {output}")


def _engine(template_dirs, style=None, strict=False, template=None, keywords=False):
    from generator.draft.engine import Engine
    return Engine(template_dirs, style=style, strict=strict, template=template, keywords=keywords)


strict_option = click.option("--strict", is_flag=True, help="缺少数据时报错，而不是写【待补充】占位。")
template_option = click.option("-t", "--template", help="使用这个模板（覆盖数据文件里的“模板:”）。")


@cli.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, required=True, type=click.Path(readable=False))
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
@click.argument("data", type=click.Path(readable=False))
@strict_option
@template_option
@templates_option
def preview(data, strict, template, template_dirs):
    """把数据文件 DATA 渲染成草稿标记（标题层级、段落、表格）输出到屏幕，不写文件。"""
    draft = _engine(template_dirs, strict=strict, template=template).prepare(data)
    _warn(draft.warnings)
    click.echo(draft.markup, nl=False)


@cli.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("-o", "--output", default="output", type=click.Path(),
              help="草稿写到哪里：文件夹，或（只有一个数据文件时）一个 .docx 文件。默认 output/。")
@click.option("--force", is_flag=True, help="草稿已存在时覆盖。")
@strict_option
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
@click.option("--keywords", is_flag=True, help="从正文自动提取 3–5 个关键词，写在署名下（模板有关键词行时）。")
@template_option
@templates_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="同时生成草稿的进程数（默认：CPU 核数）。")
def render(data, output, force, strict, style, keywords, template, template_dirs, jobs):
    """把数据文件 DATA 生成 Word 草稿（可一次给多个）。"""
    from generator.draft.engine import cpu_count, iter_batch, output_path
    output_path(data[0], output, len(data))   # several inputs into one .docx: say so once, up front
    engine = _engine(template_dirs, style=style, strict=strict, template=template, keywords=keywords)
    batch = iter_batch(engine, data, output, force, jobs or cpu_count())
    bar = (click.progressbar(batch, length=len(data), label="生成草稿", file=sys.stderr) if len(data) > 1
           else contextlib.nullcontext(batch))
    with contextlib.closing(batch), bar as drafts:   # closed at once if interrupted: no drafts after
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


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--json", "as_json", is_flag=True, help="输出 JSON：[{file, title, sections: [{heading, level, category}]}]。")
def outline(files, as_json):
    """列出报告 FILES（.txt/.docx/.md）的标题、各级小标题和章节类别。"""
    import json

    from generator.corpus.outline import outline_file
    done, failed = [], 0
    for path in files:
        try:
            done.append(outline_file(path))
        except ReportgenError as exc:
            click.echo(f"错误：{exc}（已跳过）", err=True)
            failed += 1
    if as_json:
        click.echo(json.dumps([o.to_dict() for o in done], ensure_ascii=False, indent=2))
    else:
        for o in done:
            click.echo(f"{o.file}：{o.title or '（无标题）'}")
            for s in o.sections:
                click.echo(f"{'  ' * s.level}{s.heading}  [{s.category}]")
    sys.exit(1 if failed else 0)


@cli.command("format", context_settings=CONTEXT)
@click.argument("rough", type=click.Path(readable=False))
@click.option("-o", "--output", type=click.Path(), help="排好的 .docx 写到哪里（默认：<原名>-排版.docx）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖。")
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
@click.option("--clean", is_flag=True, help="先去掉网页残留（版权声明、下载须知、链接列表等）。")
def format_(rough, output, force, style, clean):
    """一键排版：识别粗稿 ROUGH（.txt/.docx/.md）的标题层级，按 GB/T 9704 写成 Word。"""
    from generator.corpus.formatting import format_file
    out = format_file(rough, output, force, style, clean)
    click.echo(f"已排版 {out}")


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("-o", "--output", type=click.Path(),
              help="挖掘结果（YAML）写到哪里（默认 mined.yaml；生成模板时只在给出 -o 时才写）。")
@click.option("--emit-template", "emit", metavar="NAME", help="按最常见的结构生成模板 NAME。")
@click.option("--templates", "templates_dir", default="我的模板", type=click.Path(file_okay=False),
              help="生成的模板放在哪个文件夹（默认 我的模板/；之后用 --templates 我的模板 使用它）。")
@click.option("--force", is_flag=True, help="输出文件或模板已存在时覆盖。")
def mine(paths, output, emit, templates_dir, force):
    """挖掘语料 PATHS（文件或文件夹，默认 seeds/）：常见结构、小标题样式、关键词、短语和数字表述。"""
    from generator.corpus.emit import emit_target, emit_template
    from generator.corpus.mine import DEFAULT_CORPUS, corpus_files, dump, summary
    from generator.corpus.mine import mine as run
    from generator.output import check_target, save_atomic
    if output or not emit:
        output = output or "mined.yaml"
        check_target(output, force)
    if emit:
        _warn(emit_target(emit, templates_dir, force)[1])
    paths = paths or (DEFAULT_CORPUS,)
    files = corpus_files(paths)
    with click.progressbar(length=len(files), label="挖掘语料", file=sys.stderr) as bar:
        result = run(paths, progress=lambda _path: bar.update(1), files=files)
    for line in result["跳过的文件"]:
        click.echo(f"错误：{line}（已跳过）", err=True)
    if output:
        text = dump(result)
        save_atomic(output, force, lambda stream: stream.write(text.encode("utf-8")))
        click.echo(f"已写出挖掘结果 {output}")
    for line in summary(result):
        click.echo(line)
    if emit:
        folder = emit_template(result, emit, templates_dir, force)
        click.echo(f"已生成模板 {folder}；接着运行：reportgen init {emit} --templates {templates_dir}")


@cli.command(context_settings=CONTEXT)
@click.argument("category")
@click.option("--mined", type=click.Path(readable=False), help="reportgen mine 写出的 YAML（默认 mined.yaml，没有时现场挖掘 seeds/）。")
def suggest(category, mined):
    """给出某类章节（概述 做法 成效 问题 原因 思考 下一步 其他）常用的小标题样式和短语。"""
    from generator.corpus.mine import suggestion
    info = suggestion(category, mined)
    click.echo(f"【{category}】共 {info['章节数']} 节")
    click.echo("小标题样式：")
    for item in info["小标题"]:
        click.echo(f"  {item['样式']}（{item['次数']}）")
    if info.get("关键词"):
        click.echo("关键词：" + "、".join(info["关键词"]))
    for kind, items in info.get("短语", {}).items():
        if items:
            click.echo(f"{kind}：")
            for item in items[:10]:
                click.echo(f"  {item['短语']}（{item['次数']}，{item['来源']}）")


@cli.command(context_settings=CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 列表输出检查结果（打不开的文件也列为一条“无法读取”的错误）。")
@click.option("--no-pages", is_flag=True, help="不做按页检查（不调用 LibreOffice 排版）。")
@click.option("--fix", is_flag=True, help="只做安全的自动修正，写到 -o 指定的新文件（不改原文件）。")
@click.option("-o", "--output", type=click.Path(), help="--fix 的输出文件（.docx）。")
@click.option("--force", is_flag=True, help="--fix 的输出文件已存在时覆盖。")
def lint(files, style, as_json, no_pages, fix, output, force):
    """按版式表检查 Word 文档 FILES（页面、字体字号、缩进行距、页码、编号、标点，以及排版后的分页）。

    有错误时退出码为 1；“提醒”不影响退出码。
    """
    import json

    from generator.lint.findings import Finding
    from generator.lint.rules import lint_file
    from generator.word.style import load_style
    if output and not fix:
        raise click.UsageError("-o 只用于 --fix（指定修正后的新文件）")
    sheet = load_style(style)
    if fix:
        from generator.lint.fix import fix_file
        if len(files) != 1 or not output:
            raise click.UsageError("--fix 需要恰好一个文件，并用 -o 指定新的输出文件")
        for line in fix_file(files[0], output, sheet, force):
            click.echo(line)
        files = (output,)
    results, failed = [], 0
    for path in files:
        try:
            findings, notice = lint_file(path, sheet, with_pages=not no_pages)
        except ReportgenError as exc:
            if as_json:
                results.append(Finding.unreadable(path, exc))
            else:
                click.echo(f"错误：{exc}", err=True)
            failed += 1
            continue
        if notice:
            _warn([notice])
        results += findings
        errors = sum(f.level == "错误" for f in findings)
        failed += bool(errors)
        if not as_json:
            for finding in findings:
                click.echo(finding.line())
            click.echo(f"{path}：{'未通过' if errors else '通过'}，{errors} 处错误，"
                       f"{len(findings) - errors} 处提醒")
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in results], ensure_ascii=False, indent=1))
    sys.exit(1 if failed else 0)


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: the drafts in flight finish, the others are not started."""


def _terminate(signum, frame):
    raise _Terminated()


def main():
    import signal
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(prog_name="reportgen")
    finally:
        # The process ends here: spare it the last cyclic collection over every loaded module
        # (about a tenth of a cold render). Files are still closed and output flushed as usual.
        gc.freeze()


if __name__ == "__main__":
    main()
