"""Render a template's Jinja body, in a sandbox, to draft markup.

Every string of the data is escaped before rendering, so user text cannot change
the structure while macros and filters may still emit markup. A missing value prints
as 【待补充：<字段说明>】 and is reported as a warning (an error when strict).
"""
import contextvars
import os
import traceback

from jinja2 import ChainableUndefined, ChoiceLoader, FileSystemBytecodeCache, FileSystemLoader, PrefixLoader
from jinja2.exceptions import SecurityError, TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from .cache import cache_dir
from .errors import ReportgenError, TemplateError
from .filters import FILTERS
from .markup import escape
from .templates import BUILTIN_DIR, descriptions

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

    __html__ = __str__


def _finalize(value):
    return "" if value is None else value


def _escaped(value):
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {_escaped(k): _escaped(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_escaped(v) for v in value]
    return value


class _CompiledCache(FileSystemBytecodeCache):
    """Templates compiled by an earlier run (keyed by their source); unreadable or unwritable
    only means compiling again."""

    def load_bytecode(self, bucket):
        try:
            super().load_bytecode(bucket)
        except OSError:
            pass

    def dump_bytecode(self, bucket):
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def environment(catalog):
    loader = ChoiceLoader([
        FileSystemLoader([str(d) for d in catalog.dirs]),
        PrefixLoader({BUILTIN_PREFIX: FileSystemLoader(str(BUILTIN_DIR))}),
    ])
    env = SandboxedEnvironment(
        loader=loader, undefined=_Missing, finalize=_finalize, autoescape=False,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
        bytecode_cache=_CompiledCache(str(cache_dir("jinja"))),
    )
    env.filters.update(FILTERS)
    return env


def render(env, template, values, strict=False):
    """Return ``(markup, missing)``: the markup text and the names of missing fields."""
    state = {"descriptions": descriptions(template.fields), "strict": strict, "missing": []}
    token = _state.set(state)
    try:
        markup = env.get_template(template.body).render(_escaped(values))
    except TemplateSyntaxError as exc:
        raise TemplateError(f"模板语法错误：{exc.message}", exc.filename or template.body, exc.lineno) from None
    except TemplateNotFound as exc:
        raise TemplateError(f"找不到模板文件“{exc.name}”", *_where(exc, template)) from None
    except SecurityError as exc:
        raise TemplateError(f"模板试图访问不允许的内容，已被沙箱阻止（{exc}）", *_where(exc, template)) from None
    except ReportgenError as exc:
        if exc.path is None:
            exc.path, exc.line = _where(exc, template)
        raise
    except UndefinedError as exc:
        raise TemplateError(f"模板用到了不存在的数据（{exc.message}）", *_where(exc, template)) from None
    except RecursionError:
        raise TemplateError("模板的 extends/include 形成了循环", template.manifest_path) from None
    except Exception as exc:  # a filter or expression failed on this data
        raise TemplateError(f"模板渲染出错：{type(exc).__name__}: {exc}", *_where(exc, template)) from None
    finally:
        _state.reset(token)
    return markup, state["missing"]


def _where(exc, template):
    """The innermost template file and line in the traceback (Jinja rewrites it)."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith(".j2"):
            return frame.filename, frame.lineno
    return str(template.path / template.body.split("/", 1)[1]), None
