"""命令行：每个命令只解析参数、调用 generator 包；中文的帮助和报错在 console。"""
import contextlib
import gc
import sys

import click

from generator.console import CONTEXT, Group, each, warn

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
        from generator.draft.catalog import Catalog
        catalog = Catalog(template_dirs)

        def show(name):  # one broken template does not hide the others
            t = catalog.get(name)
            source = f"{t.source}，覆盖内置模板" if t.overrides else t.source
            click.echo(f"{t.name}\t{t.title}\t[{source}]")
            if t.description:
                click.echo(f"    {t.description}")
        sys.exit(1 if each(catalog.names(), show) else 0)


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
    from generator.draft.templatecheck import check_folder, template_folders

    def check_one(one):
        template, report = check_folder(one, style)
        for line in report:
            click.echo(f"  {line}")
        click.echo(f"{one}：模板“{template.name}”检查通过")
    sys.exit(1 if each(template_folders(folder), check_one) else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("name")
@click.option("-o", "--output", type=click.Path(),
              help="数据文件写到哪里（默认：<模板名>.yaml；以 .xlsx 结尾时写成 Excel 工作簿；给文件夹则写在其中；"
                   "- 表示输出到屏幕）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖。")
@templates_option
def init(name, output, force, template_dirs):
    """生成模板 NAME 的数据文件：每个字段都有说明和示例。"""
    from generator.draft.catalog import Catalog, scaffold
    from generator.output import file_target, save_atomic
    template = Catalog(template_dirs).get(name)
    if output == "-":
        click.echo(scaffold(template))
        return
    output = file_target(output, f"{name}.yaml", (".yaml", ".yml", ".xlsx"))
    if output.suffix.lower() == ".xlsx":
        from generator.draft.workbook import scaffold_workbook
        save_atomic(output, force, lambda stream: scaffold_workbook(template, stream))
        click.echo(f"已生成数据工作簿 {output}；填写后运行：reportgen render {output}")
        return
    text = scaffold(template)
    save_atomic(output, force, lambda stream: stream.write(text.encode("utf-8")))
    click.echo(f"已生成数据文件 {output}；填写后运行：reportgen render {output}")


def _engine(template_dirs, style=None, strict=False, template=None, keywords=False):
    from generator.draft.engine import Engine
    extract = None
    if keywords:  # jieba loads only when asked
        from generator.corpus.keywords import extract
    return Engine(template_dirs, style=style, strict=strict, template=template, keywords=extract)


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

    def check_one(path):
        draft = engine.prepare(path)
        warn(draft.warnings)
        click.echo(f"{path}：检查通过（模板“{draft.template.name}”，{len(draft.warnings)} 条提醒）")
    sys.exit(1 if each(data, check_one) else 0)


@cli.command(context_settings=CONTEXT)
@click.argument("data", type=click.Path(readable=False))
@strict_option
@template_option
@templates_option
def preview(data, strict, template, template_dirs):
    """把数据文件 DATA 渲染成草稿标记（标题层级、段落、表格）输出到屏幕，不写文件。"""
    draft = _engine(template_dirs, strict=strict, template=template).prepare(data)
    warn(draft.warnings)
    click.echo(draft.markup, nl=False)


@cli.command(context_settings=CONTEXT)
@click.argument("data", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("-o", "--output", default="output", type=click.Path(),
              help="草稿写到哪里：文件夹，或（只有一个数据文件时）一个 .docx 或 .pdf 文件。默认 output/。")
@click.option("--force", is_flag=True, help="草稿已存在时覆盖。")
@click.option("--pdf", is_flag=True, help="另用 LibreOffice 转出同名 PDF，放在 .docx 旁边（嵌入字体）。")
@strict_option
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
@click.option("--keywords", is_flag=True, help="从正文自动提取 3–5 个关键词，写在署名下（模板有关键词行时）。")
@template_option
@templates_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="同时生成草稿的进程数（默认：CPU 核数）。")
@click.option("--each", "each_file", type=click.Path(readable=False), metavar="表格",
              help="按工作表（.xlsx 的第一个工作表或 .csv）每行生成一份草稿：该行各列填入或覆盖 DATA 的字段。")
@click.option("--name-column", metavar="列名", help="--each 时用哪一列给草稿命名（默认：名称、支部或单位列，否则第一列）。")
def render(data, output, force, pdf, strict, style, keywords, template, template_dirs, jobs, each_file, name_column):
    """把数据文件 DATA（YAML 或 Excel 工作簿）生成 Word 草稿（可一次给多个）；-o 某.pdf 或 --pdf 时另转成 PDF。"""
    from generator.draft.engine import cpu_count
    from generator.draft.publish import Render
    if name_column and not each_file:
        raise click.UsageError("--name-column 只用于 --each")
    if each_file:
        from generator.draft.batch import rows
        if len(data) != 1:
            raise click.UsageError("--each 时只给一个共同的数据文件")
        data = rows(data[0], each_file, name_column)
    engine = _engine(template_dirs, style=style, strict=strict, template=template, keywords=keywords)
    job = Render(engine, data, output, force, pdf, jobs or cpu_count())
    bar = (click.progressbar(length=len(data), label="生成草稿", file=sys.stderr) if len(data) > 1
           else contextlib.nullcontext())
    with bar:
        outcomes = job.run(progress=getattr(bar, "update", None), say=lambda text: click.echo(text, err=True))
    warn(job.notices)

    def report(outcome):
        warn(outcome.warnings or ())
        note = f"（{len(outcome.warnings)} 条提醒）" if outcome.warnings else ""
        for written in outcome.written:
            click.echo(f"已生成 {written}{note}")
            note = ""
        if outcome.error is not None:
            raise outcome.error
    failed = each(outcomes, report)
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
    from generator.corpus.reading import not_a_report
    warn(f"{path}：是说明文件（README 之类），不是报告，已跳过" for path in files if not_a_report(path))
    done = []
    failed = each([p for p in files if not not_a_report(p)], lambda path: done.append(outline_file(path)), "（已跳过）")
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
@click.option("-o", "--output", type=click.Path(),
              help="排好的 .docx（或 .pdf）写到哪里（默认：<原名>-排版.docx）。")
@click.option("--force", is_flag=True, help="输出文件已存在时覆盖。")
@click.option("--pdf", is_flag=True, help="另用 LibreOffice 转出同名 PDF，放在 .docx 旁边。")
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
@click.option("--clean", is_flag=True, help="先去掉网页残留（版权声明、下载须知、链接列表等）。")
def format_(rough, output, force, pdf, style, clean):
    """一键排版：识别粗稿 ROUGH（.txt/.docx/.md）的标题层级，按 GB/T 9704 写成 Word。"""
    from generator.corpus.formatting import format_to
    (first, *pdfs), notices = format_to(rough, output, force, pdf, style, clean)
    click.echo(f"已排版 {first}")
    for written in pdfs:
        click.echo(f"已生成 {written}")
    warn(notices)


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("-o", "--output", type=click.Path(),
              help="挖掘结果（YAML）写到哪里（默认 mined.yaml；生成模板时只在给出 -o 时才写）。")
@click.option("--emit-template", "emit", metavar="NAME", help="按最常见的结构生成模板 NAME。")
@click.option("--templates", "templates_dir", default="我的模板", type=click.Path(file_okay=False),
              help="生成的模板放在哪个文件夹（默认 我的模板/；之后用 --templates 我的模板 使用它）。")
@click.option("--force", is_flag=True, help="输出文件或模板已存在时覆盖。")
def mine(paths, output, emit, templates_dir, force):
    """挖掘语料 PATHS（文件或文件夹，默认 seeds/，当前文件夹没有时用自带的样例语料）：常见结构、小标题样式、关键词、短语和数字表述。"""
    from generator.corpus.mine import Job
    job = Job(paths, output, emit, templates_dir, force)
    warn(job.notices)
    with click.progressbar(length=len(job.files), label="挖掘语料", file=sys.stderr) as bar:
        result, lines = job.run(progress=lambda _path: bar.update(1))
    for line in result["跳过的文件"]:
        click.echo(f"错误：{line}（已跳过）", err=True)
    for line in lines:
        click.echo(line)


@cli.command(context_settings=CONTEXT)
@click.argument("category")
@click.option("--mined", type=click.Path(readable=False), help="reportgen mine 写出的 YAML（默认 mined.yaml；没有时现场挖掘 seeds/，当前文件夹没有 seeds/ 时用自带的样例语料）。")
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
@click.option("--pdf", is_flag=True, help="--fix 时另用 LibreOffice 转出同名 PDF，放在修正后的 .docx 旁边。")
def lint(files, style, as_json, no_pages, fix, output, force, pdf):
    """按版式表检查 Word 文档 FILES（页面、字体字号、缩进行距、页码、编号、标点、未处理的修订和批注，以及排版后的分页）。

    有错误时退出码为 1；“提醒”不影响退出码。
    """
    import json

    from generator.errors import ReportgenError
    from generator.lint.findings import ERROR, Finding, summary
    from generator.lint.rules import lint_file
    from generator.word.style import load_style
    if output and not fix:
        raise click.UsageError("-o 只用于 --fix（指定修正后的新文件）")
    if pdf and not fix:
        raise click.UsageError("--pdf 只用于 --fix（把修正后的新文件另转成 PDF）")
    sheet = load_style(style)
    if fix:
        from generator.lint.fix import fix_file
        if len(files) != 1 or not output:
            raise click.UsageError("--fix 需要恰好一个文件，并用 -o 指定新的输出文件")
        if output.lower().endswith(".pdf"):   # the repaired .docx is what lint then checks
            raise click.UsageError("--fix 的 -o 应是 .docx 文件；要 PDF 请再加 --pdf（写在 .docx 旁边）")
        if pdf:
            from generator.word.office import require
            require()
        for line in fix_file(files[0], output, sheet, force):
            click.echo(line)
        if pdf:
            from generator.word.office import pdf_beside
            click.echo(f"已生成 {pdf_beside(output, force)}")
        files = (output,)
    results = []

    def lint_one(path):
        try:
            findings, notice = lint_file(path, sheet, with_pages=not no_pages)
        except ReportgenError as exc:
            if not as_json:
                raise
            results.append(Finding.unreadable(path, exc))
            return True
        if notice:
            warn([notice])
        results.extend(findings)
        if not as_json:
            for finding in findings:
                click.echo(finding.line())
            click.echo(summary(path, findings, hint=not fix))
        return any(f.level == ERROR for f in findings)

    failed = each(files, lint_one)
    if as_json:
        click.echo(json.dumps([f.as_dict() for f in results], ensure_ascii=False, indent=1))
    sys.exit(1 if failed else 0)


@cli.command(context_settings=CONTEXT)
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
def fonts(style):
    """检查版式表要求的字体本机是否已安装，缺少的由什么代替，以及怎样补上。"""
    from generator.word.fonts import report
    from generator.word.style import DEFAULT, load_style
    for line in report(load_style(style), style or DEFAULT):
        click.echo(line)


@cli.command(context_settings=CONTEXT)
@click.argument("draft", type=click.Path(readable=False))
@click.argument("data", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--no-pages", is_flag=True, help="不标页码（不调用 LibreOffice 排版），只标第几段。")
@template_option
@templates_option
def verify(draft, data, no_pages, template, template_dirs):
    """核对草稿 DRAFT（.docx，可以是在 Word 里改过的）里的每个数字是否来自数据文件 DATA。

    \b
    列出数据里找不到来源的数字（也不是工具会算出的增减、比例、完成率或合计），
    以及数据里有、草稿没有写到的数字。日期、年份、序号和文号不算。
    有找不到来源的数字时退出码为 1。
    """
    from generator.lint.verify import unstated_line, untraced_line, verify as check_numbers
    untraced, unstated, note = check_numbers(draft, data, template_dirs, template, not no_pages)
    if note:
        warn([note])
    for stated in untraced:
        click.echo(untraced_line(draft, stated))
    for figure in unstated:
        click.echo(unstated_line(figure))
    click.echo(f"{draft}：{len(untraced)} 个数字在数据里找不到来源，数据中有 {len(unstated)} 个数字草稿没有写到")
    sys.exit(1 if untraced else 0)


@cli.command(context_settings=CONTEXT)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="监听的地址；默认只有本机能访问。绑定到其他地址时必须用口令。")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="端口。")
@click.option("--open", "open_browser", is_flag=True, help="启动后打开浏览器。")
@click.option("--data-dir", type=click.Path(file_okay=False),
              help="保存草稿的数据文件夹（默认 ~/reportgen）。")
@click.option("--token", help="访问口令（绑定到本机以外的地址时必需；不给时自动生成并显示）。")
@click.option("--style", help="版式表：内置名称（默认 gbt9704）或 YAML 文件路径。")
@templates_option
def serve(host, port, open_browser, data_dir, token, style, template_dirs):
    """启动本机网页版：填表起草、实时预览、下载 Word，检查和排版 Word 文档。"""
    from generator.serve.server import run   # the web framework loads only here
    run(host, port, open_browser, data_dir, token, template_dirs, style, echo=click.echo)


def main():
    try:
        cli.main(prog_name="reportgen")
    finally:
        # The process ends here: spare it the last cyclic collection over every loaded module
        # (about a tenth of a cold render). Files are still closed and output flushed as usual.
        gc.freeze()


if __name__ == "__main__":
    main()
