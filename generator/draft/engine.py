"""YAML data + template → draft: load, validate, render, lay out, write atomically."""
import os
from dataclasses import dataclass, field
from pathlib import Path

from generator import markup
from generator.cache import cache_dir, key
from generator.draft.catalog import Catalog
from generator.draft.sandbox import environment, render
from generator.draft.validate import TEMPLATE_KEY, validate
from generator.errors import DataError, Notice, OutputError, ReportgenError, TemplateError
from generator.output import check_target, save_atomic
from generator.word.style import load_style
from generator.yamlio import line_of, load_yaml

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

    def __init__(self, template_dirs=(), style=None, strict=False, template=None, keywords=None):
        self.catalog = Catalog(template_dirs)
        self.env = environment(self.catalog)
        self.style_name = style
        self.strict = strict
        self.template = template     # a name that overrides the data file's 模板
        self.keywords = keywords     # blocks → the 关键词 line (corpus.keywords.extract), or None
        self._writer = None
        self._checked = set()        # templates whose Jinja passed check_fields

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
        marker = cache_dir("checked", _sources_key(self.catalog, template))
        if not marker.exists():
            from generator.draft.analysis import check_fields  # only when the template's files changed
            check_fields(self.env, template)
            try:
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.touch()
            except OSError:
                pass  # a cache that cannot be written only costs time
        self._checked.add(template.name)

    @property
    def writer(self):
        if self._writer is None:  # laid out only when a draft is written
            from generator.word.writer import Writer
            self._writer = Writer(load_style(self.style_name))
        return self._writer

    def prepare(self, data_path):
        """Load and check one data file and render its markup."""
        data_path = Path(data_path)
        data, lines = load_yaml(data_path)
        return self.prepare_data(data, data_path, lines)

    def prepare_data(self, data, data_path, lines=None):
        """Check data already in hand (a loaded file, a web form) and render its markup;
        ``data_path`` names it in messages, ``lines`` maps key paths to its lines."""
        lines = lines or {}
        if not isinstance(data, dict):
            raise DataError("数据文件的顶层应是“字段: 值”的映射", data_path, 1)
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
        values, warnings = validate(data, template, data_path, lines, self.strict)
        text, missing = render(self.env, template, values, self.strict)
        if self.keywords and KEYWORDS_KEY not in template.fields:
            warnings.append(Notice(f"模板“{template.name}”没有关键词行，--keywords 未起作用", data_path))
        elif self.keywords:
            values[KEYWORDS_KEY] = self.keywords(markup.parse(text))
            text, missing = render(self.env, template, values, self.strict)
        for name in missing:
            if not any(w.field == name for w in warnings):   # the validator said it already
                warnings.append(Notice(f"缺少“{name}”，草稿中以【待补充】标出", data_path, field=name))
        return Draft(data_path, template, text, warnings)

    def write(self, draft, out, force=False):
        blocks = draft.blocks
        save_atomic(out, force, lambda stream: self.writer.write(blocks, stream))


def _sources_key(catalog, template):
    """A digest of the manifest, every Jinja file the catalog can reach and the checking code."""
    chunks = [template.manifest_path.read_bytes(), Path(__file__).with_name("analysis.py").read_bytes()]
    for folder in catalog.dirs:
        for path in sorted(folder.rglob("*.j2")):
            chunks += [str(path).encode(), path.read_bytes()]
    return key(*chunks)


def output_path(source, out, count):
    """Where the draft of ``source`` goes: ``out`` is a .docx file (one input) or a folder."""
    out = Path(out)
    if out.suffix.lower() == ".docx" and not out.is_dir():
        if count > 1:
            raise OutputError("有多个数据文件时，-o 应是文件夹而不是 .docx 文件", out)
        return out
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

    _ = engine.writer   # lay out the base package once, before the workers copy the engine
    pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(engine,))
    try:
        yield from pool.map(_work, tasks, chunksize=max(1, min(16, len(tasks) // (4 * jobs))))
    except BrokenProcessPool:
        raise ReportgenError("生成草稿的子进程意外退出（可能是内存不足）；可以用 --jobs 1 重试") from None
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


def _start_worker(engine):
    global _worker_engine
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl-C is the parent's to handle
    _worker_engine = engine


def _work(task):
    return _render(_worker_engine, *task)
