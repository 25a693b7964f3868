"""reportgen：把本地事实（YAML）和报告模板变成 GB/T 9704 格式的 Word 初稿。"""

__version__ = "0.1.0"
