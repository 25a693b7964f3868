"""Render a template's Jinja body, in a sandbox, to draft markup.

Every string of the data is escaped before rendering, so user text cannot change
the structure while macros and filters may still emit markup. A missing value prints
as 【待补充：<字段说明>】 and is reported as a warning (an error when strict).
"""
import contextlib
import contextvars
import re
import signal
import threading
from pathlib import Path

from jinja2 import (
    BytecodeCache,
    ChainableUndefined,
    ChoiceLoader,
    FileSystemLoader,
    PrefixLoader,
)
from jinja2.exceptions import (
    SecurityError,
    TemplateNotFound,
    TemplateSyntaxError,
    UndefinedError,
)
from jinja2.sandbox import SandboxedEnvironment

from generator import cache
from generator.draft.catalog import BUILTIN_DIR, descriptions
from generator.draft.filters import FILTERS
from generator.errors import ReportgenError, TemplateError
from generator.markup import escape
from generator.normalize import map_strings

_state = contextvars.ContextVar("render_state")
BUILTIN_PREFIX = "内置"   # {% extends "内置/调研报告/body.md.j2" %} reaches past a user's override


class _Missing(ChainableUndefined):
    """Undefined that prints a placeholder naming what is missing."""

    __slots__ = ()

    def __str__(self):
        state = _state.get()
        name = self._undefined_name or "字段"
        text = state["descriptions"].get(name, name)
        if state["strict"]:
            raise ReportgenError(f"缺少数据：{text}（字段“{name}”），--strict 下不生成占位")
        if name not in state["missing"]:
            state["missing"].append(name)
        return f"【待补充：{text}】"


def _finalize(value):
    return "" if value is None else value


class _CompiledCache(BytecodeCache):
    """Templates compiled by an earlier run, keyed by their source, in the trusted cache
    folder (``cache.load`` checks each entry's digest); a miss only means compiling again."""

    def __init__(self, folder):
        self.folder = folder

    def load_bytecode(self, bucket):
        data = cache.load(self.folder / f"{bucket.key}.cache")
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket):
        cache.store(self.folder / f"{bucket.key}.cache", bucket.bytecode_to_string())


_SOURCE_KEY = cache.key(Path(__file__).read_bytes())


def environment(catalog):
    loader = ChoiceLoader([
        FileSystemLoader([str(d) for d in catalog.dirs]),
        PrefixLoader({BUILTIN_PREFIX: FileSystemLoader(str(BUILTIN_DIR))}),
    ])
    env = _Sandbox(
        loader=loader, undefined=_Missing, finalize=_finalize, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        # compiled code depends on this module's settings (sandbox, filters): key the folder by it
        bytecode_cache=_CompiledCache(folder) if (folder := cache.cache_dir("jinja-" + _SOURCE_KEY)) else None,
    )
    env.filters.update(FILTERS)
    return env


class _Sandbox(SandboxedEnvironment):
    """The sandbox, plus a cap on values a template can blow up ("a" * 10**10)."""

    intercepted_binops = frozenset(["*", "**"])
    MAX_ITEMS = 1_000_000

    def unsafe_undefined(self, obj, attribute):
        """Stop at once: an Undefined would let ``{% set %}``, ``is defined`` or ``{% if %}``
        carry the refused value on silently."""
        raise SecurityError(f"access to attribute {attribute!r} of {type(obj).__name__!r} object is unsafe.")

    def call_binop(self, context, operator, left, right):
        if operator == "**" and isinstance(right, (int, float)) and abs(right) > 64:
            raise SecurityError("乘方的指数太大")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, (str, list, tuple)) and isinstance(times, int) \
                        and len(seq) * times > self.MAX_ITEMS:
                    raise SecurityError("重复生成的文字或列表太长")
        return super().call_binop(context, operator, left, right)


class _TimeUp(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds):
    """Stop a template that loops for ever (only where signals work: the main thread)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum, frame):
        raise _TimeUp()
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextlib.contextmanager
def _memory_limit(budget):
    """Let a render take at most ``budget`` more bytes of data memory (Linux: RLIMIT_DATA
    above what the process holds now); beyond it allocations fail with MemoryError."""
    try:
        import resource
        with open("/proc/self/status", "rb") as status:
            used = next(int(line.split()[1]) * 1024 for line in status if line.startswith(b"VmData:"))
        previous = resource.getrlimit(resource.RLIMIT_DATA)
        limit = used + budget
        if previous[0] != resource.RLIM_INFINITY and previous[0] < limit:
            raise ValueError   # already tighter: keep it
        resource.setrlimit(resource.RLIMIT_DATA, (limit, previous[1]))
    except (ImportError, OSError, StopIteration, ValueError):
        yield   # not Linux, or not allowed: the time limit still holds
        return
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, previous)


class TimeLimitError(TemplateError):
    """A render that did not end within TIME_LIMIT: the batch skips the template after one."""


# Python errors a template expression can raise on odd data, said in Chinese
_PYTHON_ERRORS = {
    ZeroDivisionError: "除数为零", OverflowError: "数字太大", TypeError: "数据类型不对",
    ValueError: "数值不合适", KeyError: "找不到这个键", IndexError: "序号超出范围",
    AttributeError: "没有这个属性",
}
TIME_LIMIT = 30   # seconds a single render may take
MEMORY_LIMIT = 512 * 2**20   # bytes of memory a single render may add


def render(env, template, values, strict=False):
    """Return ``(markup, missing)``: the markup text and the names of missing fields."""
    state = {"descriptions": descriptions(template.fields), "strict": strict, "missing": []}
    token = _state.set(state)
    try:
        with _time_limit(TIME_LIMIT), _memory_limit(MEMORY_LIMIT):
            markup = env.get_template(template.body).render(map_strings(values, escape))
    except _TimeUp as exc:   # where the loop was when time ran out
        raise TimeLimitError(f"模板渲染超过 {TIME_LIMIT} 秒仍未结束，可能有死循环",
                             *_where(exc, template)) from None
    except MemoryError as exc:
        raise TemplateError(f"模板生成的内容太多，超过了 {MEMORY_LIMIT >> 20} MB 的内存上限"
                            "（可能是把文字或列表反复翻倍的循环）", *_where(exc, template)) from None
    except UnicodeDecodeError:
        raise TemplateError("模板文件不是 UTF-8 编码的文本", template.path) from None
    except TemplateSyntaxError as exc:
        raise syntax_error(exc, exc.filename or template.body) from None
    except TemplateNotFound as exc:
        raise TemplateError(f"找不到模板文件“{exc.name}”", *_where(exc, template)) from None
    except SecurityError as exc:
        raise TemplateError(unsafe_message(_security(exc)),
                            *_where(exc, template)) from None
    except ReportgenError as exc:
        if exc.path is None:
            raise exc.at(*_where(exc, template)) from None
        raise
    except UndefinedError as exc:
        raise TemplateError(f"模板用到了不存在的数据（{exc.message}）", *_where(exc, template)) from None
    except RecursionError:
        raise TemplateError("模板无限递归：宏调用自己，或 extends/include 形成了循环",
                            template.manifest_path) from None
    except Exception as exc:  # a filter or expression failed on this data
        kind = next((zh for cls, zh in _PYTHON_ERRORS.items() if isinstance(exc, cls)), "出错")
        raise TemplateError(f"模板渲染出错：{kind}（{exc}）", *_where(exc, template)) from None
    finally:
        _state.reset(token)
    return markup, state["missing"]


# Jinja's commonest syntax complaints, said in Chinese (the original stays in brackets)
_TOKENS = {"end of print statement": "}}", "end of statement block": "%}", "end of template": "模板结尾",
           "name": "名称"}
_SYNTAX = (
    (r"Unexpected end of template\..*closed is '(\w+)'", "“{{% {0} %}}”没有结束，缺少“{{% end{0} %}}”"),
    (r"unknown tag '(\w+)'\..*closed is '(\w+)'", "不认识的标签“{0}”；此前的“{{% {1} %}}”应先用“{{% end{1} %}}”结束"),
    (r"unknown tag '(\w+)'", "不认识的标签“{0}”（拼写有误，或前面没有与它配对的开头标签）"),
    (r"unexpected char ['\"](.)['\"]", "这里不能出现字符“{0}”（常见原因：引号没有闭合）"),
    (r"unexpected '(.+?)', expected '(.+?)'", "这里应是“{1}”，却出现了“{0}”"),
    (r"unexpected '(.+?)'", "这里不应出现“{0}”"),
    (r"expected token '(.+?)', got '(.+?)'", "这里应是“{0}”，却出现了“{1}”"),
    (r"Expected an expression", "缺少表达式"),
    (r"No filter named '(.+?)'", "没有名为“{0}”的过滤器"),
    (r"No test named '(.+?)'", "没有名为“{0}”的判断（is 之后的名字）"),
    (r"block '(.+?)' defined twice", "block“{0}”定义了两次"),
    (r"tag name expected", "“{{% %}}”里缺少标签名"),
    (r"Missing end of raw directive", "“{{% raw %}}”缺少“{{% endraw %}}”"),
)


def syntax_error(exc, filename):
    """A TemplateError for Jinja's TemplateSyntaxError, explained in Chinese."""
    for pattern, hint in _SYNTAX:
        match = re.search(pattern, exc.message, re.DOTALL)
        if match:
            words = [_TOKENS.get(word, word) for word in match.groups()]
            return TemplateError(f"模板语法错误：{hint.format(*words)}（{exc.message}）", filename, exc.lineno)
    return TemplateError(f"模板语法错误（{exc.message}）", filename, exc.lineno)


def unsafe_message(what):
    return f"模板试图访问不安全的内容（{what}，已被沙箱阻止）"


def _security(exc):
    """Jinja's sandbox explains in English; say which name it was, or our own reason."""
    text = str(exc)
    name = re.search(r"attribute '([^']+)'", text)
    if name:
        return f"属性 {name[1]}"
    if "Range too big" in text:
        return "range 太大"
    return text


def _where(exc, template):
    """The innermost template file and line in the traceback (Jinja rewrites it)."""
    import traceback  # only on the error path

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return str(template.path / template.body.split("/", 1)[1]), None
