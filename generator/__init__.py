"""reportgen：把本地事实（YAML）和报告模板变成 GB/T 9704 格式的 Word 初稿。

The package, one subpackage per pipeline (see README, 项目结构):

- shared pieces at the top: ``errors`` (every error and notice the user sees), ``output``
  (atomic writes), ``cache``, ``normalize`` (text cleaning), ``numbering``, ``markup`` (the
  small text markup drafts are rendered to), ``yamlio`` (YAML with line numbers);
- ``word``: the style sheet, the styled empty package, the writer, LibreOffice conversion;
- ``draft``: template catalog, validation, the Jinja sandbox and its filters, the engine;
- ``corpus``: reading, cleaning, outlining and mining reports, emitting templates, ``format``;
- ``lint``: opening any .docx, the rules, page rules, ``--fix``;
- ``serve``: the local web app (form, live preview, downloads, saved drafts), Starlette on uvicorn;
- ``console`` and ``cli``: the command line.

Imports go only leftwards in  shared ← word ← draft ← corpus ← lint ← serve ← console ← cli : a
module imports its own layer and the layers before it, never a later one, and there are no
import cycles. Nothing imports ``cli``; jieba (and rjieba) is imported only in ``corpus``; the web framework only
in ``serve``, which only the ``serve`` command imports.
tests/test_layers.py holds the package to this.
"""

__version__ = "0.1.0"
