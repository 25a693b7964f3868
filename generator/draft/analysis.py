"""Static checks of a template: Jinja syntax, its extends/include/import chain, the fields it uses.

``check_fields`` runs before a template is first rendered: syntax errors, missing files,
cycles and fields the manifest does not declare are errors. ``templatecheck`` builds
``reportgen templates check`` on top of it.
"""
from typing import NamedTuple

from jinja2 import meta, nodes
from jinja2.exceptions import TemplateNotFound, TemplateSyntaxError

from generator.draft.catalog import MANIFEST
from generator.draft.sandbox import syntax_error, unsafe_message
from generator.errors import TemplateError

_LINKS = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)
# nodes that bind a name for the whole template (find_undeclared_variables misses
# top-level imports used inside blocks)
_BINDERS = (nodes.Import, nodes.FromImport, nodes.Assign, nodes.AssignBlock, nodes.Macro)


class Source(NamedTuple):
    """One parsed Jinja file of a template's chain."""
    name: str
    filename: str
    ast: nodes.Template


def chain(env, name, _stack=(), _found=None, _at=(None, None)):
    """Parse ``name`` and every Jinja file it reaches through extends/include/import.

    Returns ``(sources, context)``: ``{name: Source}`` for all of them, and the names
    sharing the render context (the body, what it extends or includes; not macro
    files it imports). A syntax error, a missing file or a cycle is a TemplateError
    at file:line.
    """
    found = {} if _found is None else _found
    if name not in found:
        found[name] = _parse(env, name, _at)
    source, stack, context = found[name], _stack + (name,), [name]
    for node in source.ast.find_all(_LINKS):
        if not isinstance(node.template, nodes.Const):
            continue  # a computed name: nothing to follow statically
        target = node.template.value
        if target in stack:
            loop = " → ".join(stack[stack.index(target):] + (target,))
            hint = "（要继承同名的内置模板，请写“内置/…”）" if target == name else ""
            raise TemplateError(f"模板的 extends/include/import 形成了循环：{loop}{hint}",
                                source.filename, node.lineno)
        _, sub_context = chain(env, target, stack, found, (source.filename, node.lineno))
        if isinstance(node, (nodes.Extends, nodes.Include)):
            context += sub_context
    return found, context


def _parse(env, name, at):
    try:
        text, filename, _ = env.loader.get_source(env, name)
    except TemplateNotFound:
        raise TemplateError(f"找不到模板文件“{name}”", *at) from None
    except UnicodeDecodeError:
        raise TemplateError(f"模板文件“{name}”不是 UTF-8 编码的文本", *at) from None
    try:
        return Source(name, filename, env.parse(text, name, filename))
    except TemplateSyntaxError as exc:
        raise syntax_error(exc, filename) from None


def used_fields(env, template):
    """``{field: (file, line)}`` for every data name the body and its parents read."""
    sources, context = chain(env, template.body)
    bound = set(env.globals)
    for source in sources.values():
        for node in source.ast.find_all(_BINDERS):
            if isinstance(node, nodes.Import):
                bound.add(node.target)
            elif isinstance(node, nodes.FromImport):
                bound.update(n if isinstance(n, str) else n[1] for n in node.names)
            elif isinstance(node, nodes.Macro):
                bound.add(node.name)
            else:
                bound.update(n.name for n in node.target.find_all(nodes.Name))
    used = {}
    for name in dict.fromkeys(context):
        source = sources[name]
        for var in sorted(meta.find_undeclared_variables(source.ast) - bound):
            line = next((n.lineno for n in source.ast.find_all(nodes.Name) if n.name == var), None)
            used.setdefault(var, (source.filename, line))
    return used


def check_unsafe(sources):
    """Raise TemplateError at the first ``x._name``, ``x["_name"]`` or ``x | attr("_name")``:
    the sandbox refuses such names (Python internals) when the template runs, so say it before."""
    for source in sources.values():
        bad = [(node.lineno, name) for node in source.ast.find_all((nodes.Getattr, nodes.Getitem, nodes.Filter))
               if isinstance(name := _accessed(node), str) and name.startswith("_")]
        if bad:  # the first line; in a chain (a.__init__.__globals__) the first name
            line, name = min(reversed(bad), key=lambda b: b[0])
            raise TemplateError(unsafe_message(f"属性 {name}"), source.filename, line)


def _accessed(node):
    """The attribute name a node reads, when it is written out in the template."""
    if isinstance(node, nodes.Getattr):
        return node.attr
    if isinstance(node, nodes.Getitem):
        return getattr(node.arg, "value", None)
    return getattr(node.args[0], "value", None) if node.name == "attr" and node.args else None


def check_fields(env, template):
    """Raise TemplateError unless the chain parses, uses only declared fields and reaches
    for no Python internals."""
    check_unsafe(chain(env, template.body)[0])
    used = used_fields(env, template)
    for var, (filename, line) in used.items():
        if var not in template.fields:
            raise TemplateError(f"模板用到了字段“{var}”，但清单 {MANIFEST} 没有声明它", filename, line)
    return used
