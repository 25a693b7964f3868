"""YAML data + template → draft: load, validate, render, lay out, write atomically."""
import contextlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from generator import markup
from generator import cache
from generator.draft.catalog import Catalog
from generator.draft.sandbox import TimeLimitError, environment, render
from generator.draft.validate import TEMPLATE_KEY, validate
from generator.draft.workbook import load_data
from generator.errors import DataError, Notice, OutputError, ReportgenError, TemplateError, read_bytes
from generator.normalize import strip_invisible
from generator.output import check_target, remove_pending, save_atomic
from generator.word.style import load_style
from generator.yamlio import line_of

KEYWORDS_KEY = "关键词"


@dataclass
class Draft:
    """A data file rendered to markup, with what the user should be told about it."""

    source: Path
    template: object
    markup: str
    warnings: list = field(default_factory=list)

    @property
    def blocks(self):
        return markup.parse(self.markup)


class Engine:
    """Everything that does not change between drafts: templates, Jinja, style, writer."""

    def __init__(self, template_dirs=(), style=None, strict=False, template=None, keywords=None,
                 references=True):
        self.catalog = Catalog(template_dirs)
        self.env = environment(self.catalog)
        self.style_name = style
        self.strict = strict
        self.template = template     # a name that overrides the data file's 模板
        self.keywords = keywords     # blocks → the 关键词 line (corpus.keywords.extract), or None
        self.references = references   # False: a {来源: …} field may not read another file (uploads)
        self._writer = None
        self._checked = set()        # templates whose Jinja passed check_fields
        self._timed_out = set()      # templates that ran out of time: skipped from then on

    def __getstate__(self):   # a worker process gets the settings and the laid-out writer
        state = self.__dict__.copy()
        del state["env"]
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.env = environment(self.catalog)

    def _check(self, template):
        """Check the template's Jinja and fields once per version of its files: a marker in
        the cache says this exact set of files passed before."""
        marker = cache.cache_dir("checked", _sources_key(self.catalog, template))
        if cache.load(marker) is None:   # no trusted cache, or not checked yet
            from generator.draft.analysis import check_fields  # only when the template's files changed
            check_fields(self.env, template)
            cache.store(marker, b"")
        self._checked.add(template.name)

    @property
    def writer(self):
        if self._writer is None:  # laid out only when a draft is written
            from generator.word.writer import Writer
            self._writer = Writer(load_style(self.style_name))
        return self._writer

    def values(self, data_path):
        """``(path, template, values, warnings, lines)`` of one data file, loaded and checked."""
        data, lines = load_data(data_path)
        data_path = Path(getattr(data_path, "path", data_path))
        name = self.template or data.get(TEMPLATE_KEY)
        if not isinstance(name, (str, type(None))):
            raise DataError(f"“{TEMPLATE_KEY}”应是模板名称（文字），如 调研报告", data_path,
                            line_of(lines, (TEMPLATE_KEY,)))
        if not name:
            raise DataError(f"数据文件没有写“{TEMPLATE_KEY}: 名称”，也没有用 --template 指定模板", data_path, 1)
        try:
            template = self.catalog.get(str(name))
        except TemplateError as exc:
            if exc.path is None and not self.template:  # point at the 模板: line
                raise exc.at(data_path, line_of(lines, (TEMPLATE_KEY,))) from None
            raise
        if template.name not in self._checked:
            self._check(template)
        values, warnings = validate(data, template, data_path, lines, self.strict, self.references)
        return data_path, template, values, warnings, lines

    def prepare_data(self, data, data_path, lines=None):
        """Check data already in hand (a web form, an opened upload) and render its markup;
        ``data_path`` names it in messages, ``lines`` maps key paths to its lines."""
        from generator.draft.batch import Loaded
        return self.prepare(Loaded(Path(data_path).stem, data, lines or {}, data_path, None))

    def prepare(self, data_path):
        """Load and check one data file (or a Loaded row of a batch) and render its markup."""
        data_path, template, values, warnings, _ = self.values(data_path)
        text, missing = self._render(data_path, template, values)
        if self.keywords and KEYWORDS_KEY not in template.fields:
            warnings.append(Notice(f"模板“{template.name}”没有关键词行，--keywords 未起作用", data_path))
        elif self.keywords:
            values[KEYWORDS_KEY] = self.keywords(markup.parse(text))
            text, missing = self._render(data_path, template, values)
        for name in missing:
            if not any(_names(w.field, name) for w in warnings):   # the validator said it already
                warnings.append(Notice(f"缺少“{name}”，草稿中以【待补充】标出", data_path, field=name))
        text, hidden = strip_invisible(text)   # bidi overrides, zero-width characters
        if hidden:
            warnings.append(Notice(hidden, data_path))
        return Draft(data_path, template, text, warnings)

    def _render(self, data_path, template, values):
        """Render, unless the template already ran out of time in this batch: one time-out
        is enough to know, and each costs the whole time limit."""
        if template.name in self._timed_out:
            raise TemplateError(f"已跳过：模板“{template.name}”在本批前面的草稿中渲染超时，不再用它生成",
                                data_path)
        try:
            return render(self.env, template, values, self.strict)
        except TimeLimitError:
            self._timed_out.add(template.name)
            raise

    def write(self, draft, out, force=False):
        blocks = draft.blocks
        save_atomic(out, force, lambda stream: self.writer.write(blocks, stream))


def _sources_key(catalog, template):
    """A digest of the manifest, every Jinja file the catalog can reach and the checking code."""
    chunks = [read_bytes(template.manifest_path, TemplateError),
              Path(__file__).with_name("analysis.py").read_bytes()]
    for folder in catalog.dirs:
        for path in sorted(folder.rglob("*.j2")):
            chunks += [str(path).encode(), read_bytes(path, TemplateError)]
    return cache.key(*chunks)


def _names(field, name):
    """Whether the dotted ``field`` of a warning (主要做法[1].要点) is about ``name`` (要点), the
    bare name the template's missing value is known by."""
    return bool(field) and (field == name or field.rsplit(".", 1)[-1].split("[", 1)[0] == name)


def output_path(source, out, count):
    """Where the draft of ``source`` goes: ``out`` is a .docx file (one input) or a folder."""
    folder = str(out).endswith(("/", os.sep))
    out = Path(out)
    if out.suffix.lower() in (".docx", ".pdf") and not folder and not out.is_dir():
        if count > 1:
            many = "每行一份草稿（--each）时" if hasattr(source, "lines") else "有多个数据文件时"
            raise OutputError(f"{many}，-o 应是文件夹而不是 {out.suffix} 文件", out)
        return out.with_suffix(".docx")
    if out.suffix and not folder and not out.is_dir():   # never a folder named like a file
        raise OutputError(f"-o 应是文件夹、.docx 或 .pdf 文件，不认识“{out.suffix}”；"
                          f"若要写进名为 {out.name} 的文件夹，请写成 {out.name}/", out)
    return out / (Path(source).stem + ".docx")


def cpu_count():
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


def iter_batch(engine, sources, out, force=False, jobs=1):
    """Render every source, one failure not stopping the others; yield ``(source, target,
    draft, error)`` in the order of ``sources`` as each is done, so a long batch holds no more
    than the drafts in flight. ``jobs`` > 1 renders on that many processes, each with its own
    copy of ``engine``."""
    tasks, seen = [], {}
    for source in sources:
        target = error = None
        try:
            target = output_path(source, out, len(sources))
            if target in seen:
                raise OutputError(f"和 {seen[target]} 会写到同一个草稿，请改名或分开生成", source)
            seen[target] = source
        except ReportgenError as exc:
            error = exc
        tasks.append((source, target, force, error))
    jobs = min(jobs, len(tasks))
    if jobs <= 1:
        yield from (_render(engine, *task) for task in tasks)
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    import multiprocessing

    _ = engine.writer   # lay out the base package once, before the workers copy the engine
    timed_out = multiprocessing.Array("c", 4096)   # templates any worker saw run out of time
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(engine, os.getpid(), timed_out))
    try:
        for task, future in [(task, pool.submit(_work, task)) for task in tasks]:
            try:
                yield future.result()
            except BrokenProcessPool:   # the drafts done before the crash are still reported
                yield task[:2] + (None, ReportgenError(
                    "生成这份草稿的子进程意外退出（可能是内存不足），草稿没有生成；可以用 --jobs 1 重试", task[0]))
    finally:
        pool.shutdown(cancel_futures=True)


def _render(engine, source, target, force, error):
    draft = None
    if error is None:
        try:
            check_target(target, force)
            draft = engine.prepare(source)
            engine.write(draft, target, force)
        except ReportgenError as exc:
            error = exc
    return source, target, draft, error


_worker_engine = None


_parent = None


class _SharedNames:
    """The names a batch's workers add, seen by all of them: lines in a shared buffer."""

    def __init__(self, buffer):
        self.buffer, self.own = buffer, set()

    def __contains__(self, name):
        return name in self.own or name.encode() in self.buffer.value.split(b"\n")

    def add(self, name):
        self.own.add(name)
        with self.buffer.get_lock():
            value = self.buffer.value + name.encode() + b"\n"
            if len(value) < len(self.buffer):   # when full, each worker still remembers its own
                self.buffer.value = value


def _start_worker(engine, parent, timed_out):
    global _worker_engine, _parent
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, _stop_worker)
    if sys.platform.startswith("linux"):           # the kernel sends SIGTERM when the parent dies
        import ctypes
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None).prctl(1, signal.SIGTERM)     # PR_SET_PDEATHSIG
    engine._timed_out = _SharedNames(timed_out)
    _worker_engine, _parent = engine, parent
    _exit_if_orphaned()                            # the parent died before that took effect


def _stop_worker(signum, frame):
    remove_pending()     # no half-written temporary file stays behind
    os._exit(128 + signum)


def _exit_if_orphaned():
    if os.getppid() != _parent:
        remove_pending()
        os._exit(1)


def _work(task):
    _exit_if_orphaned()   # a parent gone (killed) wants no more drafts
    return _render(_worker_engine, *task)
