"""Safe YAML reading that remembers where every value came from.

Values are built by PyYAML's SafeLoader (no object construction); alongside,
a map from key path (``("主要做法", 0, "标题")``) to 1-based line number lets
every later error name ``file:line``.
"""
import pickle
from pathlib import Path

import yaml

from generator import cache
from generator.cache import cache_dir, key
from generator.errors import DataError, read_bytes
from generator.normalize import clean_text, map_strings

try:  # the C loader is much faster when libyaml is there
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform build
    from yaml import SafeLoader as _Loader

# what a cached result depends on besides the file: this reading code and the YAML library
_CODE = (Path(__file__).read_bytes() + Path(__file__).with_name("normalize.py").read_bytes()
         + f"{yaml.__version__} {_Loader.__name__}".encode())


def read_text(path, raw=None):
    """Read a small text file written by a user: UTF-8 (with or without BOM) or GB18030."""
    path = Path(path)
    raw = read_bytes(path, DataError) if raw is None else raw
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError("文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本", path)


# PyYAML's commonest complaints, explained in Chinese (the original stays in brackets)
_PROBLEMS = (
    ("mapping values are not allowed", "这里不能出现“键: 值”：冒号后的文字含“: ”时请加引号"),
    ("could not find expected ':'", "缺少“: ”，或者上一行的引号没有闭合"),
    ("did not find expected", "括号或缩进没有对齐、没有闭合"),
    ("expected <block end>", "缩进不一致"),
    ("cannot start any token", "有不能出现在这里的字符（常见原因：用了 Tab 缩进）"),
    ("could not determine a constructor", "不支持的 YAML 标签（以“!”开头的写法）"),
    ("found undefined alias", "引用了没有定义的锚点（*名称）"),
    ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了"),
    ("found duplicate anchor", "锚点（&名称）重复"),
)


def _explain(problem):
    hint = next((zh for en, zh in _PROBLEMS if en in problem), "无法解析")
    return f"{hint}（{problem}）"


def load_yaml(path, text=None):
    """Return ``(data, lines)`` for a YAML file; raise DataError with file:line."""
    text = read_text(path) if text is None else text
    text = clean_text(text)
    loader = _Loader(text)
    node = None
    try:
        node = loader.get_single_node()
        if node is not None:
            lines = {}
            _walk(node, (), lines, path)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or ""
        raise DataError(f"YAML 格式错误：{_explain(problem)}", path,
                        mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise DataError(f"YAML 格式错误：{_explain(str(exc))}", path) from None
    except (ValueError, OverflowError):  # a timestamp such as 2026-02-30
        bad = _bad_timestamp(loader, node)
        raise DataError("不是有效的日期" + (f"：{bad.value}" if bad else ""), path,
                        bad.start_mark.line + 1 if bad else None) from None
    finally:
        loader.dispose()
    data = map_strings(data, clean_text)   # escapes such as "\x00" in quoted strings
    return data, (lines if node is not None else {})


def load_config(path):
    """``load_yaml`` for files that seldom change (manifests, style sheets): a result is kept
    in the cache under the file's bytes and this module's code, so a later run only unpickles it."""
    raw = read_bytes(Path(path), DataError)
    store = cache_dir("yaml", key(raw, _CODE))
    try:
        data, lines = pickle.loads(cache.load(store))   # only from a trusted folder, digest checked
        if isinstance(lines, dict):
            return data, lines
    except Exception:  # noqa: BLE001 - unreadable, damaged or foreign: read the file again
        pass
    result = load_yaml(path, read_text(path, raw))
    cache.store(store, pickle.dumps(result))
    return result


def _walk(node, prefix, lines, path):
    lines[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = {}
        for key_node, value_node in node.value:
            key, line = key_node.value, key_node.start_mark.line + 1
            if key in seen and key != "<<":
                raise DataError(f"字段“{key}”重复（第 {seen[key]} 行已经写过），只能保留一个",
                                path, line)
            seen[key] = line
            _walk(value_node, prefix + (key,), lines, path)
            lines[prefix + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, prefix + (index,), lines, path)


def _bad_timestamp(loader, node):
    """The first scalar tagged as a date that cannot be built."""
    stack = [node] if node is not None else []
    while stack:
        n = stack.pop(0)
        if isinstance(n, yaml.ScalarNode):
            if n.tag.endswith(":timestamp"):
                try:
                    loader.construct_yaml_timestamp(n)
                except (ValueError, OverflowError):
                    return n
        elif isinstance(n, yaml.MappingNode):
            stack.extend(v for pair in n.value for v in pair)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return None


def line_of(lines, path):
    """The line of ``path``, or of its nearest ancestor that is in the file."""
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)
