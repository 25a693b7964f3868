"""Rebuild generator/word/words.txt, the words a title is never broken inside (writer.title_lines):

    python tests/build_words.py

The words are those jieba's dictionary cuts from the titles and headings of the real reports'
gold outlines (tests/data/real_outlines*.yaml), plus jieba's dictionary words of frequency
1000 or more; two to four Chinese characters each. A unit may add its own (place names, 党建
brands) to the file by hand, one per line.
"""
import os
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "generator" / "word" / "words.txt"
CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
HEADER = """\
# 标题回行时不从中间断开的词，每行一个。可以自己添上本单位常用的词（地名、党建品牌名等）。
# 由 tests/build_words.py 生成：真实报告标题和小标题里 jieba 词典切出的词，加上 jieba {version}
# 词典中词频不低于 1000 的词，都是两到四个汉字。
"""


def build():
    sys.path.insert(0, str(ROOT))
    from generator.corpus.segment import load_jieba
    jieba = load_jieba()
    texts = []
    for gold in sorted((ROOT / "tests" / "data").glob("real_outlines*.yaml")):
        for entry in (yaml.safe_load(gold.read_text(encoding="utf-8")) or {}).values():
            texts += [entry.get("title") or ""] + [s[0] for s in entry.get("sections") or []]
    words = {w for text in texts for w in jieba.lcut(text, HMM=False) if CJK.match(w)}
    with open(os.path.join(os.path.dirname(jieba.__file__), "dict.txt"), encoding="utf-8") as stream:
        words |= {w for w, freq, *_ in (line.split() for line in stream) if CJK.match(w) and int(freq) >= 1000}
    OUT.write_text(HEADER.format(version=jieba.__version__) + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    return len(words)


if __name__ == "__main__":
    print(build(), "words →", OUT)
