"""Safe YAML reading that remembers where every value came from.

Values are built by PyYAML's SafeLoader (no object construction); alongside,
a map from key path (``("主要做法", 0, "标题")``) to 1-based line number lets
every later error name ``file:line``.
"""
from pathlib import Path

import yaml

from .errors import DataError
from .normalize import clean_text, map_strings

try:  # the C loader is much faster when libyaml is there
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the platform build
    from yaml import SafeLoader as _Loader



def read_text(path):
    """Read a small text file written by a user: UTF-8 (with or without BOM) or GB18030."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise DataError("这是一个目录，不是文件", path) from None
    except FileNotFoundError:
        raise DataError("文件不存在", path) from None
    except OSError as exc:
        raise DataError(f"无法读取文件（{exc.strerror}）", path) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError("文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本", path)


def load_yaml(path, text=None):
    """Return ``(data, lines)`` for a YAML file; raise DataError with file:line."""
    text = read_text(path) if text is None else text
    text = clean_text(text)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "无法解析"
        raise DataError(f"YAML 格式错误（{problem}）", path,
                        mark.line + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise DataError(f"YAML 格式错误（{exc}）", path) from None
    finally:
        loader.dispose()
    lines = {}
    data = map_strings(data, clean_text)   # escapes such as "\x00" in quoted strings
    if node is not None:
        _walk(node, (), lines)
    return data, lines


def _walk(node, prefix, lines):
    lines[prefix] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            _walk(value_node, prefix + (key_node.value,), lines)
            lines[prefix + (key_node.value,)] = key_node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, prefix + (index,), lines)


def line_of(lines, path):
    """The line of ``path``, or of its nearest ancestor that is in the file."""
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)
