"""The comma trap of YAML flow mappings: ``{值: 28,654}`` is read as ``值: 28`` plus a stray
key ``654``, a silently wrong figure. Found on the node graph, before any value is built."""
import re

import yaml

from generator.errors import DataError

_INT, _NULL = "tag:yaml.org,2002:int", "tag:yaml.org,2002:null"
_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def check_commas(node, path):
    """Raise DataError at the first flow mapping whose number was split by a comma. Each node
    is looked at once: an alias is the same node again, so nested aliases cost nothing."""
    stack, seen = ([node] if node is not None else []), set()
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, yaml.MappingNode):
            if n.flow_style:
                _check_pairs(n.value, path)
            stack.extend(v for pair in n.value for v in pair)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)


def _stray(key, value):
    """A key the comma cut off: plain digits with no value."""
    return (key.tag == _INT or _DIGITS.fullmatch(key.value)) and not key.style \
        and value.tag == _NULL and value.value == "" and _DIGITS.fullmatch(key.value)


def _check_pairs(pairs, path):
    for i, (_, value) in enumerate(pairs):
        if value.tag != _INT or value.style or i + 1 >= len(pairs) or not _stray(*pairs[i + 1]):
            continue
        parts = [value.value]
        for key, empty in pairs[i + 1:]:
            if not _stray(key, empty):
                break
            parts.append(key.value)
        written = ",".join(parts)
        raise DataError(f"“{written}”里的逗号被当成了分隔符：请去掉逗号写成 {''.join(parts)}，"
                        f"或加引号写成 \"{written}\"", path, value.start_mark.line + 1)
