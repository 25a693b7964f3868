"""Why a YAML file does not parse, said the way a beginner needs to hear it.

PyYAML reports where it gave up, which for the commonest beginner mistakes is not where
the mistake is: a full-width “：” or a missing space after “:” turns the line into plain
text that runs on into the next line, and an unclosed quote swallows the rest of the file.
``explain`` looks for those mistakes on the lines up to where the parser stopped, keeps a
guess only if repairing that line lets the parser get further, and then carries on with
the repaired text, so several mistakes in one file are reported in one run.
"""
import itertools
import re

import yaml

from generator.errors import DataError

# PyYAML's commonest complaints, explained in Chinese (the original stays in brackets)
_PROBLEMS = (
    ("mapping values are not allowed", "这里不能出现“键: 值”：冒号后的文字含“: ”时请加引号"),
    ("could not find expected ':'", "缺少“: ”，或者上一行的引号没有闭合"),
    ("did not find expected", "括号或缩进没有对齐、没有闭合"),
    ("expected <block end>", "缩进不一致"),
    ("found a tab character", "用了 Tab 缩进，请改用空格"),
    ("cannot start any token", "有不能出现在这里的字符（常见原因：用了 Tab 缩进）"),
    ("could not determine a constructor", "不支持的 YAML 标签（以“!”开头的写法）"),
    ("found undefined alias", "引用了没有定义的锚点（*名称）"),
    ("found unexpected end of stream", "文件在引号或括号闭合之前就结束了"),
    ("found duplicate anchor", "锚点（&名称）重复"),
)

MAX_FINDINGS = 10       # mistakes reported from one file
_TRIES = 20             # repaired texts parsed again, in all …
_BUDGET = 1_000_000     # … and at most about this many characters parsed again
_LOOK_BACK = 20         # lines above the parser's stop that may hold the mistake

# the line breaks YAML counts, so that our line numbers are the parser's
_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
# a field name as beginners write it, after any indentation and list dashes
_NAME = r"[^\s#'\"\[\]{}&*!|>%@`,:：-][^#'\"\[\]{}:：,，。、；]{0,19}?"
_FULL_COLON = re.compile(rf"^(\s*(?:-\s+)*)({_NAME})\s*：\s*(.*)$")
_NO_SPACE = re.compile(rf"^(\s*(?:-\s+)*)({_NAME}):(?=[^\s:/])(.*)$")
_QUOTED = re.compile(rf"^\s*(?:-\s+)*(?:{_NAME}:\s+)?([\"'])")
_CLOSED = {'"': re.compile(r'"(?:[^"\\]|\\.)*"'), "'": re.compile(r"'(?:[^']|'')*'")}


def clip(text, size=20):
    """``text`` cut to ``size`` characters for a one-line message."""
    return text if len(text) <= size else text[:size] + "…"


def _written(name, value):
    return f"“{name}: {clip(value.strip(), 12)}”"


def mistake(line, number):
    """``(message, repaired line)`` for a beginner's mistake on ``line`` (the ``number``-th),
    or None."""
    match = _FULL_COLON.match(line)
    if match:
        lead, name, value = match.groups()
        return (f"用了全角冒号“：”，请写成半角冒号加空格{_written(name, value)}",
                f"{lead}{name}: {value}")
    match = _NO_SPACE.match(line)
    if match and not match[2].strip().isdigit():   # 10:30 is a time, not a field
        lead, name, value = match.groups()
        return f"冒号后缺空格，请写成{_written(name, value)}", f"{lead}{name}: {value}"
    match = _QUOTED.match(line)
    if match and not _CLOSED[match[1]].match(line, match.start(1)):
        return (f"引号没有闭合（从第 {number} 行开始），请在这段文字末尾补上 {match[1]}",
                line.rstrip() + match[1])
    return None


def _explain(problem):
    hint = next((zh for en, zh in _PROBLEMS if en in problem), "无法解析")
    return f"{hint}（{problem}）"


def parse_error(exc, text=""):
    """``(line, message)`` for a YAML error as PyYAML reports it."""
    if isinstance(exc, yaml.reader.ReaderError):   # a character YAML refuses, such as U+0081
        char = chr(exc.character) if isinstance(exc.character, int) else exc.character
        at = text.find(char)   # its first place: the parser stops at the first one
        return (text.count("\n", 0, at) + 1 if at >= 0 else None,
                f"YAML 格式错误：有不能出现的字符 U+{ord(char):04X}（{exc.reason}）")
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or getattr(exc, "context", None) or str(exc)
    return (mark.line + 1 if mark else None), f"YAML 格式错误：{_explain(problem)}"


def _line(mark):
    return mark.line if mark else -1


def _start(exc):
    """The line (0-based) where the text the parser choked on begins: a repair is kept only
    if it moves this forward (or ends the errors)."""
    scanning = "scanning" in (getattr(exc, "context", None) or "")
    return _line(getattr(exc, "context_mark" if scanning else "problem_mark", None))


def _suspects(exc, lines):
    """``{line (0-based): (message, repaired line)}`` for the lines that may hold the mistake
    behind ``exc``, likeliest first: where the failing text begins; the first of the mistaken
    lines just above where the parser stopped (they ran on into one plain text); then upwards."""
    stop = _line(getattr(exc, "problem_mark", None))
    window = range(stop, max(stop - _LOOK_BACK, 0) - 1, -1)
    found = {n: mistake(lines[n], n + 1) for n in [_start(exc), *window] if 0 <= n < len(lines)}
    run = list(itertools.takewhile(lambda n: found.get(n), window[1:]))
    order = [_start(exc)] + run[-1:] + list(window)
    return {n: found[n] for n in order if found.get(n)}


def _report(path, findings):
    """One DataError for several ``(line, message)``: the first on its own, the rest on
    the following lines as ``file:line: message``."""
    findings = sorted(findings, key=lambda finding: finding[0] or 0)
    (line, message), rest = findings[0], findings[1:]
    return DataError("\n".join([message] + [f"{path}:{n}: {m}" if n else f"{path}: {m}" for n, m in rest]),
                     path, line)


def explain(path, text, exc, first_error):
    """A DataError for the parse error ``exc`` in ``text``: the beginner's mistakes found
    on the way, one ``file:line: message`` line each, and the parser's own complaint when
    no mistake of that kind explains it. ``first_error(text)`` parses a text again and
    returns its first YAMLError or None."""
    lines, findings = _BREAK.split(text), []
    tries = min(_TRIES, _BUDGET // max(len(text), 1))
    while exc is not None and len(findings) < MAX_FINDINGS:
        repair = None
        for number, (message, fixed) in itertools.islice(_suspects(exc, lines).items(), tries):
            tries -= 1
            repaired = lines[:number] + [fixed] + lines[number + 1:]
            after = first_error("\n".join(repaired))
            if after is None or _start(after) > _start(exc):
                repair = (number + 1, f"YAML 格式错误：{message}"), repaired, after
                break
        if repair is None:
            findings.append(parse_error(exc, "\n".join(lines)))
            break
        finding, lines, exc = repair
        findings.append(finding)
    return _report(path, findings)


def plain_text(path, text, node):
    """A DataError when a whole document reads as one plain text because every colon in it
    is a mistake (模板：调研报告 / 标题：关于…), else None."""
    if node.style:   # quoted or a block scalar: meant as text
        return None
    lines = _BREAK.split(text)[node.start_mark.line:node.end_mark.line + 1]
    findings = [(n, f"YAML 格式错误：{found[0]}") for n, found in
                ((n, mistake(line, n)) for n, line in enumerate(lines, node.start_mark.line + 1)) if found]
    return _report(path, findings[:MAX_FINDINGS]) if findings else None
