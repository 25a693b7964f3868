"""Speed of reportgen against docxtpl and pandoc on the same content, and a check that it is the same output.

    python bench/render_bench.py [-n 30] [--rounds 5] [--batch 1000]

Content: examples/调研报告.yaml (10 pages). Per-draft times are the median over
``--rounds`` rounds of ``-n`` drafts each, the tools taking turns within a round:

* reportgen: ``draft.iter_batch`` in this process, one core (YAML → Jinja → markup → .docx files);
* docxtpl: a .docx template (built here with python-docx on reportgen's styled empty draft) whose
  paragraph loop holds the same paragraphs (style, bold runs, highlight) and the table;
  each draft loads the template, renders and saves, as docxtpl is used;
* pandoc: the draft markup as Markdown → .docx, a whole process per draft (skipped when missing).

Then whole-process times of ``reportgen render`` (one example; base package cached, and once with
an empty cache) and ``reportgen --help``, and the peak memory (largest process) of a ``--batch``
draft batch on all cores against a tenth of it. Finally the output checks: the drafts pass
gbt9704_check.py and equal, paragraph by paragraph, what the plain path writes for the same
blocks: python-docx paragraph by paragraph on the same empty package (tests/reference_writer.py;
its per-draft time, load and save included, is shown too).
"""
import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from docx import Document  # noqa: E402
from lxml import etree  # noqa: E402

from generator.draft.engine import Engine, cpu_count, iter_batch  # noqa: E402
from generator.markup import PLACEHOLDER  # noqa: E402
from generator.numbering import Numberer  # noqa: E402
from generator.word.style import HEADING_KINDS  # noqa: E402
from generator.word.writer import STYLE_NAMES  # noqa: E402

EXAMPLE = ROOT / "examples" / "调研报告.yaml"
CHECKER = ROOT.parent / "shared" / "tools" / "gbt9704_check.py"
PLAIN = "python-docx 逐段写法"   # tests/reference_writer.py
GOALS = {"docxtpl": 0.5, "pandoc": 3.0, "help_ms": 150}


def ms(seconds):
    return f"{seconds * 1000:8.1f} ms"


# ---- the three writers -------------------------------------------------------------------
class Reportgen:
    def __init__(self, work, n):
        self.engine = Engine()
        self.sources = []
        for i in range(n):
            path = work / "in" / f"报告{i:04d}.yaml"
            path.parent.mkdir(exist_ok=True)
            shutil.copy(EXAMPLE, path)
            self.sources.append(path)
        self.out = work / "reportgen"

    def batch(self, jobs=1):
        results = list(iter_batch(self.engine, self.sources, self.out, force=True, jobs=jobs))
        assert all(error is None for *_, error in results), results


class Docxtpl:
    """A docxtpl template holding the draft's paragraphs in one loop."""

    KINDS = ["标题", "署名", "关键词", *HEADING_KINDS, "正文", "表题", "落款"]

    def __init__(self, work, engine, blocks, n):
        from docxtpl import RichText
        self.RichText = RichText
        empty = io.BytesIO()
        engine.writer.write([], empty)
        doc = Document(empty)
        doc.add_paragraph("{%p for b in blocks %}")
        for i, kind in enumerate(self.KINDS):
            doc.add_paragraph(("{%p if" if i == 0 else "{%p elif") + f" b.kind == '{kind}' %}}")
            doc.add_paragraph("{{r b.rich }}", style=STYLE_NAMES[kind])
        doc.add_paragraph("{%p elif b.kind == '表格' %}")
        columns = max(len(r) for b in blocks if b.kind == "表格" for r in b.rows)
        table = doc.add_table(rows=3, cols=columns, style="Table Grid")
        table.cell(0, 0).text = "{%tr for row in b.rows %}"
        for c, cell in enumerate(table.rows[1].cells):
            cell.paragraphs[0].style = doc.styles[STYLE_NAMES["表格"]]
            cell.paragraphs[0].text = f"{{{{r row[{c}] }}}}"
        table.cell(2, 0).text = "{%tr endfor %}"
        doc.add_paragraph("{%p endif %}")
        doc.add_paragraph("{%p endfor %}")
        self.template = work / "docxtpl-template.docx"
        doc.save(self.template)
        self.blocks, self.n, self.out = blocks, n, work / "docxtpl"
        self.numbering = engine.writer.numbering
        self.out.mkdir(exist_ok=True)

    def context(self):
        """The same paragraphs: numbered headings, bold lead-ins, highlighted placeholders."""
        numberer, items = Numberer(self.numbering), []
        for block in self.blocks:
            if block.kind == "表格":
                rows = [[self.rich([(cell, r == 0)]) for cell in row] for r, row in enumerate(block.rows)]
                items.append({"kind": "表格", "rows": rows})
                continue
            runs = block.runs
            if block.kind in HEADING_KINDS:
                runs = [(numberer.next(HEADING_KINDS.index(block.kind) + 1), False)] + runs
            items.append({"kind": block.kind, "rich": self.rich(runs)})
        return {"blocks": items}

    def rich(self, runs):
        text = self.RichText()
        for part, bold in runs:
            pos = 0
            for match in PLACEHOLDER.finditer(part):
                text.add(part[pos:match.start()], bold=bold)
                text.add(match.group(), bold=bold, highlight="yellow")
                pos = match.end()
            text.add(part[pos:], bold=bold)
        return text

    def batch(self):
        from docxtpl import DocxTemplate
        for i in range(self.n):
            tpl = DocxTemplate(self.template)
            tpl.render(self.context())
            tpl.save(self.out / f"{i}.docx")


class Pandoc:
    def __init__(self, work, markup):
        self.source = work / "draft.md"
        self.source.write_text(markup, "utf-8")
        self.command = [shutil.which("pandoc"), str(self.source), "-o", str(work / "pandoc.docx")]


class PlainWriter:
    """The plain path: python-docx paragraph by paragraph (tests/reference_writer.py) on the
    same empty package, then saved; what the fast writer must equal."""

    def __init__(self, writer):
        sys.path.insert(0, str(ROOT / "tests"))
        from reference_writer import reference_document
        empty = io.BytesIO()
        writer.write([], empty)
        self.empty, self.sheet, self.build = empty.getvalue(), writer.sheet, reference_document

    def write(self, blocks, path):
        self.build(self.empty, blocks, self.sheet).save(str(path))


# ---- whole processes ------------------------------------------------------------------------
def reportgen_command():
    exe = shutil.which("reportgen", path=str(Path(sys.executable).parent))
    return [exe] if exe else [sys.executable, "-m", "generator.cli"]


def peak_rss_kb(command, env):
    """Peak resident memory of the largest process of ``command`` (its workers included)."""
    probe = ("import resource, subprocess, sys\n"
             "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
             "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", probe, *command], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    assert out[0] == "0", f"{command[:3]} failed"
    return int(out[1]), time.perf_counter() - start


# ---- same output ---------------------------------------------------------------------------------
def describe(path):
    """Everything a reader sees of a draft: per paragraph its style, text and runs; the layout XML."""
    doc = Document(str(path))
    paras = [p for p in doc.paragraphs] + [p for t in doc.tables for row in t.rows for c in row.cells
                                            for p in c.paragraphs]
    text = [(p.style.name, p.text, [(r.text, r.bold, r.font.highlight_color) for r in p.runs]) for p in paras]
    c14n = lambda el: etree.tostring(el, method="c14n")  # noqa: E731
    layout = [c14n(doc.styles.element), c14n(doc.sections[0]._sectPr), c14n(doc.settings.element),
              c14n(doc.sections[0].footer._element), c14n(doc.sections[0].even_page_footer._element)]
    return text, layout, [c14n(t._tbl) for t in doc.tables]


def check_output(fast, plain):
    lines = []
    checked = subprocess.run([sys.executable, str(CHECKER), str(fast)], capture_output=True, text=True)
    score = checked.stdout.strip().splitlines()[-1] if checked.stdout.strip() else checked.stderr.strip()
    lines.append(f"gbt9704_check（reportgen 草稿）: {score}")
    if plain is None:
        lines.append(f"与{PLAIN}对比：跳过")
        return lines, "14/14" in score
    a, b = describe(fast), describe(plain)
    same = [a[0] == b[0], a[1] == b[1], a[2] == b[2]]
    lines.append(f"与{PLAIN}对比：{len(a[0])} 个段落的样式/文字/加粗/高亮"
                 f"{'相同' if same[0] else '不同！'}；样式表、节属性、设置、页脚 XML {'相同' if same[1] else '不同！'}；"
                 f"表格 XML {'相同' if same[2] else '不同！'}")
    return lines, "14/14" in score and all(same)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=30, help="drafts per round and tool")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch", type=int, default=1000, help="drafts in the memory batch")
    args = parser.parse_args()

    editable = any(name.startswith("__editable__") for name in sys.modules)
    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}; "
          f"cores: {cpu_count()}; python {sys.version.split()[0]}; "
          f"reportgen {'可编辑安装（pip install -e，启动时多载入 setuptools 的 finder）' if editable else '普通安装'}")
    with tempfile.TemporaryDirectory(prefix="reportgen-bench-") as tmp:
        work = Path(tmp)
        env = dict(os.environ, REPORTGEN_CACHE=str(work / "cache"))
        os.environ["REPORTGEN_CACHE"] = env["REPORTGEN_CACHE"]
        ours = Reportgen(work, args.n)
        draft = ours.engine.prepare(EXAMPLE)
        blocks = draft.blocks
        tpl = Docxtpl(work, ours.engine, blocks, args.n)
        pandoc = Pandoc(work, draft.markup) if shutil.which("pandoc") else None
        plain = PlainWriter(ours.engine.writer)

        # per draft, tools taking turns within each round (a warm-up round first)
        tools = {"reportgen": ours.batch, "docxtpl": tpl.batch}
        counts = {"reportgen": args.n, "docxtpl": args.n}
        if cpu_count() > 1:
            tools[f"reportgen --jobs {cpu_count()}"] = lambda: ours.batch(cpu_count())
            counts[f"reportgen --jobs {cpu_count()}"] = args.n
        if plain:
            plain_n = max(1, args.n // 10)
            tools[f"reportgen {PLAIN}"] = lambda: [plain.write(blocks, work / "plain.docx")
                                                        for _ in range(plain_n)]
            counts[f"reportgen {PLAIN}"] = plain_n
        times = {name: [] for name in tools}
        for r in range(args.rounds + 1):
            for name, run in tools.items():
                start = time.perf_counter()
                run()
                if r:
                    times[name].append((time.perf_counter() - start) / counts[name])
        per = {name: statistics.median(t) for name, t in times.items()}

        # whole processes, taking turns: pandoc, reportgen render (base cached), reportgen --help.
        # Byte-compile the package first, as any normal run leaves it (PYTHONDONTWRITEBYTECODE
        # would otherwise make every process compile our sources again).
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True,
                       stdout=subprocess.DEVNULL)
        command = reportgen_command()
        render = [*command, "render", str(EXAMPLE), "-o", str(work / "cold.docx"), "--force"]
        empty = dict(env, REPORTGEN_CACHE=str(work / "empty-cache"))
        start = time.perf_counter()
        subprocess.run(render, env=empty, check=True, capture_output=True)
        first = time.perf_counter() - start
        processes = {"render": render, "help": [*command, "--help"]}
        if pandoc:
            processes["pandoc"] = pandoc.command
        whole = {name: [] for name in processes}
        for r in range(args.rounds * 3 + 1):
            for name, argv in processes.items():
                start = time.perf_counter()
                subprocess.run(argv, env=env, check=True, capture_output=True)
                if r:
                    whole[name].append(time.perf_counter() - start)
        whole = {name: statistics.median(t) for name, t in whole.items()}
        cold, help_time = whole["render"], whole["help"]
        if pandoc:
            per["pandoc"] = whole["pandoc"]

        # memory of a long batch against a short one
        many = work / "many"
        many.mkdir()
        for i in range(args.batch):
            os.symlink(EXAMPLE, many / f"稿{i:05d}.yaml")
        inputs = sorted(str(p) for p in many.iterdir())
        memory = {}
        for count in (args.batch // 10, args.batch):
            out = work / f"batch{count}"
            memory[count] = peak_rss_kb([*command, "render", *inputs[:count], "-o", str(out)], env)
            shutil.rmtree(out)

        # same output
        fast = work / "fast.docx"
        ours.engine.write(draft, fast)
        plain_path = None
        if plain:
            plain_path = work / "plain.docx"
            plain.write(blocks, plain_path)
        check_lines, same = check_output(fast, plain_path)

    print(f"load after:  {os.getloadavg()[0]:.2f}")
    print(f"\n每份草稿（{args.rounds} 轮的中位数，每轮 {args.n} 份；pandoc 为整进程 {args.rounds * 3} 次的中位数）")
    for name, value in per.items():
        print(f"  {name:28s}{ms(value)}")
    ratio_tpl = per["reportgen"] / per["docxtpl"]
    print(f"\n  reportgen / docxtpl          {ratio_tpl:8.2f}   目标 ≤ {GOALS['docxtpl']}"
          f"   {'达到' if ratio_tpl <= GOALS['docxtpl'] else '未达到'}")
    print("\n整进程")
    print(f"  reportgen render（缓存已有）   {ms(cold)}")
    print(f"  reportgen render（首次，无缓存）{ms(first)}")
    print(f"  reportgen --help             {ms(help_time)}   目标 ≤ {GOALS['help_ms']} ms"
          f"   {'达到' if help_time * 1000 <= GOALS['help_ms'] else '未达到'}")
    if pandoc:
        ratio_pd = cold / whole["pandoc"]
        print(f"  pandoc（Markdown → .docx）   {ms(whole['pandoc'])}")
        print(f"  render / pandoc              {ratio_pd:8.2f}   目标 ≤ {GOALS['pandoc']}"
              f"   {'达到' if ratio_pd <= GOALS['pandoc'] else '未达到'}")
    else:
        print("  pandoc 未安装：跳过")
    print(f"\n批量（--jobs 默认 {cpu_count()}，最大进程的峰值内存）")
    for count, (kb, seconds) in memory.items():
        print(f"  {count:5d} 份   {kb / 1024:7.1f} MB   {seconds:6.1f} s   {count / seconds:6.1f} 份/秒")
    print("\n输出检查")
    for line in check_lines:
        print(f"  {line}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
