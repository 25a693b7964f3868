"""Safe YAML reading that remembers where every value came from.

Values are built by PyYAML's SafeLoader (no object construction); alongside,
a map from key path (``("主要做法", 0, "标题")``) to 1-based line number lets
every later error name ``file:line``.
"""
import io
import pickle
import re
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
_CODE = (b"".join(Path(__file__).with_name(name).read_bytes()
                  for name in ("yamlio.py", "yamlhints.py", "normalize.py"))
         + f"{yaml.__version__} {_Loader.__name__}".encode())


MAX_BYTES = 256 * 1024   # a data file, manifest or style sheet
MAX_DEPTH = 50           # mappings and lists inside one another
_TOO_DEEP = f"嵌套超过 {MAX_DEPTH} 层（映射和列表层层套在一起）"
MAX_REPEATS = 10_000     # values that anchors (&名称) add when their aliases (*名称) are expanded

_TAG = "tag:yaml.org,2002:"
_CONSTRUCTION = (ValueError, OverflowError, KeyError, IndexError, AttributeError, TypeError)


def _hints():
    """The explanations of YAML mistakes: loaded only when there is one to explain."""
    from generator import yamlhints
    return yamlhints


def _read(path):
    """The bytes of a file, refusing a regular file above MAX_BYTES before reading it."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0   # read_bytes says why
    if size > MAX_BYTES:
        shown = f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{size // 1024} KB"
        raise DataError(f"文件太大（{shown}），YAML 文件最大 {MAX_BYTES // 1024} KB", path)
    return read_bytes(path, DataError)


def read_text(path, raw=None):
    """Read a small text file written by a user: UTF-8 (with or without BOM) or GB18030."""
    path = Path(path)
    raw = _read(path) if raw is None else raw
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DataError("文件既不是 UTF-8 也不是 GBK/GB18030 编码的文本", path)


def _first_error(text):
    loader = _Loader(text)
    try:
        loader.get_single_node()
    except yaml.YAMLError as exc:
        return exc
    finally:
        loader.dispose()
    return None


def load_yaml(path, text=None):
    """Return ``(data, lines)`` for a YAML file; raise DataError with file:line."""
    text = read_text(path) if text is None else text
    text = clean_text(text)
    loader = _Loader(text)
    try:
        node = _compose(loader, path, text)
        if node is None:
            return None, {}
        _check_commas(node, path)   # {值: 28,654}: before the line map, before any value is built
        if isinstance(node, yaml.ScalarNode) and (error := _hints().plain_text(path, text, node)):
            raise error
        lines = _Walk(path, loader, text).lines_of(node)
        data = _construct(loader, node, path)
    finally:
        loader.dispose()
    return map_strings(data, clean_text), lines   # escapes such as "\x00" in quoted strings


def _compose(loader, path, text):
    try:
        return loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None and "maximum nesting depth" in str(exc):   # the limit of some libyaml builds
            raise DataError(_TOO_DEEP, path, mark.line + 1) from None
        raise _hints().explain(path, text, exc, _first_error) from None
    except RecursionError:  # the pure-Python composer, without libyaml's depth limit
        raise DataError(_TOO_DEEP, path) from None


def _construct(loader, node, path):
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as exc:   # an unknown tag such as !!python/object
        line, message = _hints().parse_error(exc)
        raise DataError(message, path, line) from None
    except _CONSTRUCTION:  # a date such as 2026-02-30, or an explicit !!int abc
        bad = _bad_scalar(loader, node)
        kind = _VALUE_KINDS.get(bad.tag.removeprefix(_TAG) if bad else "timestamp", "值")
        raise DataError(f"不是有效的{kind}" + (f"：{_hints().clip(bad.value)}" if bad and bad.value else ""), path,
                        bad.start_mark.line + 1 if bad else None) from None


def load_config(path):
    """``load_yaml`` for files that seldom change (manifests, style sheets): a result is kept
    in the cache under the file's bytes and this module's code, so a later run only unpickles it."""
    raw = _read(Path(path))
    store = cache_dir("yaml", key(raw, _CODE))
    cached = _from_cache(store)
    if cached is not None:
        return cached
    result = load_yaml(path, read_text(path, raw))
    cache.store(store, pickle.dumps(result))
    return result


class _Unpickler(pickle.Unpickler):
    """Builds only what the safe loader builds: no other class can be named in a cache entry."""
    _ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta"),
                ("datetime", "timezone"), ("builtins", "set")}

    def find_class(self, module, name):
        if (module, name) not in self._ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name}")
        return super().find_class(module, name)


def _from_cache(store):
    """The cached ``(data, lines)``, or None when the entry is missing, damaged or foreign:
    cache.load checks the folder and the entry's digest, and the bytes may build nothing but
    YAML values."""
    try:
        data, lines = _Unpickler(io.BytesIO(cache.load(store))).load()
        if isinstance(lines, dict):
            return data, lines
    except Exception:  # noqa: BLE001 - unreadable, damaged or foreign: read the file again
        pass
    return None


class _Walk:
    """One pass over the node graph that maps key paths to lines and refuses, with the line,
    what later code could not handle: keys that are not text, duplicate keys, nesting past
    MAX_DEPTH, aliases that expand past MAX_REPEATS values, integers too big for a float."""

    def __init__(self, path, loader, text):
        self.path, self.loader, self.text = path, loader, text
        self.lines, self.seen, self.open, self.repeats = {}, set(), set(), 0

    def lines_of(self, node):
        self.walk(node, (), 0, 1, None)
        return self.lines

    def fail(self, message, line):
        return DataError(message, self.path, line)

    def walk(self, node, prefix, depth, at, alias):
        """``at`` is the line that refers to ``node``; ``alias`` the line of the outermost
        alias being expanded (None outside one)."""
        line = node.start_mark.line + 1
        if id(node) in self.open:
            raise self.fail("锚点引用（*名称）用在了锚点（&名称）自己的内容里，会无限展开", alias or at)
        if id(node) in self.seen:
            alias = alias or at
            self.repeats += 1
            if self.repeats > MAX_REPEATS:
                raise self.fail(f"锚点引用（*名称）层层展开后超过 {MAX_REPEATS} 个值，"
                                "请直接写出内容，不要引用套引用", alias)
        if depth > MAX_DEPTH:
            raise self.fail(_TOO_DEEP, line)
        self.seen.add(id(node))
        self.lines[prefix] = line
        if isinstance(node, yaml.ScalarNode):
            self.number(node, line)
            return
        self.open.add(id(node))
        if isinstance(node, yaml.MappingNode):
            names = {}
            for key_node, value_node in node.value:
                name, key_line = self.name(key_node), key_node.start_mark.line + 1
                if name in names and name != "<<":
                    raise self.fail(f"字段“{name}”重复（第 {names[name]} 行已经写过），只能保留一个",
                                    key_line)
                names[name] = key_line
                self.walk(value_node, prefix + (name,), depth + 1, key_line, alias)
                self.lines[prefix + (name,)] = key_line
        else:
            among_mappings = any(isinstance(item, yaml.MappingNode) for item in node.value)
            for index, item in enumerate(node.value):
                if among_mappings and isinstance(item, yaml.ScalarNode) and not item.style:
                    self.mistyped(item)   # - 标题：发展还不够平衡 among “- 标题: …” items
                self.walk(item, prefix + (index,), depth + 1, line, alias)
        self.open.discard(id(node))

    def name(self, node):
        """The text of a field name; anything else is an error naming its line."""
        line = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode) and node.tag in (_TAG + "str", _TAG + "merge"):
            if "：" in node.value and not node.style:   # 党员：{值: 1} reads as the field “党员：{值”
                self.mistyped(node)
                raise self.fail(f"字段名“{_hints().clip(node.value)}”里有全角冒号“：”，请改成半角冒号加空格", line)
            return node.value
        if isinstance(node, yaml.ScalarNode) and node.value == "":
            raise self.fail("字段名是空的：冒号前面要写字段名", line)
        if isinstance(node, yaml.ScalarNode):
            kind = _KEY_KINDS.get(node.tag.removeprefix(_TAG), "")
            raise self.fail(f"字段名应是文字，这里是{kind} {_hints().clip(node.value)}（需要的话请加引号）", line)
        kind = "映射" if isinstance(node, yaml.MappingNode) else "列表"
        raise self.fail(f"字段名应是文字，这里是{kind}", line)

    def mistyped(self, node):
        """Raise the beginner's mistake on the line of ``node``, if there is one."""
        line = node.start_mark.line + 1
        found = _hints().mistake(_line_text(self.text, line), line)
        if found:
            raise self.fail(f"YAML 格式错误：{found[0]}", line)

    def number(self, node, line):
        """An integer that no float can hold (309 digits and more) is a typing mistake."""
        if node.tag == _TAG + "int" and len(node.value) > 15:
            try:
                float(self.loader.construct_yaml_int(node))
            except _CONSTRUCTION:
                digits = sum(c.isdigit() for c in node.value)
                raise self.fail(f"数字太大（共 {digits} 位），请检查是否多打了数字", line) from None


_VALUE_KINDS = {"timestamp": "日期", "int": "数字", "float": "数字", "bool": "是/否值"}
_KEY_KINDS = {"int": "数字", "float": "数字", "bool": "表示是/否的", "null": "空值", "timestamp": "日期"}


def _line_text(text, line):
    return (text.splitlines()[line - 1:line] or [""])[0]


def _nodes(root):
    """Every node under ``root`` once, in file order: an alias is the same node again, so
    aliases of aliases cost nothing here."""
    stack, seen = [root] if root is not None else [], set()
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        yield n
        if isinstance(n, yaml.MappingNode):
            stack.extend(reversed([v for pair in n.value for v in pair]))
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(reversed(n.value))


def _bad_scalar(loader, node):
    """The first scalar (in file order) whose value cannot be built, or None."""
    for n in _nodes(node):
        if isinstance(n, yaml.ScalarNode):
            try:
                loader.yaml_constructors[n.tag](loader, n)
            except _CONSTRUCTION:
                return n
    return None


# the comma trap of flow mappings: {值: 28,654} is read as 值: 28 plus a stray key 654 (a
# silently wrong figure), found on the node graph before any value is built
_INT, _NULL = _TAG + "int", _TAG + "null"
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _check_commas(node, path):
    """Raise DataError at the first flow mapping whose number was split by a comma."""
    for n in _nodes(node):
        if isinstance(n, yaml.MappingNode) and n.flow_style:
            _check_pairs(n.value, path)


def _stray(cut, value):
    """A key the comma cut off: plain digits with no value."""
    return (cut.tag == _INT or _DIGITS.fullmatch(cut.value)) and not cut.style \
        and value.tag == _NULL and value.value == "" and _DIGITS.fullmatch(cut.value)


def _check_pairs(pairs, path):
    for i, (_, value) in enumerate(pairs):
        if value.tag != _INT or value.style or i + 1 >= len(pairs) or not _stray(*pairs[i + 1]):
            continue
        parts = [value.value]
        for cut, empty in pairs[i + 1:]:
            if not _stray(cut, empty):
                break
            parts.append(cut.value)
        written = ",".join(parts)
        raise DataError(f"“{written}”里的逗号被当成了分隔符：请去掉逗号写成 {''.join(parts)}，"
                        f"或加引号写成 \"{written}\"", path, value.start_mark.line + 1)


def line_of(lines, path):
    """The line of ``path``, or of its nearest ancestor that is in the file."""
    path = tuple(path)
    while path not in lines and path:
        path = path[:-1]
    return lines.get(path)
