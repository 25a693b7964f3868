"""The 关键词 line: 3–5 words picked from a draft's text by jieba's TF-IDF.

Imported only for ``reportgen render --keywords``: loading jieba's dictionary
takes about a second, which no other command should pay.
"""
import re

from generator.corpus.segment import extract_tags, load_jieba, tokenizer
from generator.markup import PLACEHOLDER

jieba = load_jieba()

tokenizer()          # the dictionary from our cache, before the domain words go into it

# level-1 headings are the template's fixed section names (基本情况, 主要做法…): not content
KINDS = ("标题", "二级标题", "三级标题", "四级标题", "正文")
# nouns, proper nouns and verbal nouns: what a reader expects on a keywords line
POS = ("n", "nz", "nt", "nw", "vn", "ns", "l")
# terms of Party-affairs writing that jieba's general dictionary splits apart
DOMAIN = ("两新组织", "非公企业", "社会组织", "党建工作", "基层党建", "组织覆盖", "工作覆盖",
          "党组织书记", "党建引领", "三会一课", "主题党日", "软弱涣散", "党员教育", "带头人",
          "后备力量", "村级组织", "党群服务中心", "网格化", "志愿服务", "基层治理")
# words frequent in every report, so they say nothing about this one
STOP = {"工作", "情况", "问题", "全区", "全县", "全市", "全镇", "全省", "全乡", "调研", "调研组",
        "课题组", "社会", "服务", "建设", "发展", "取得成效", "方面", "单位", "部门", "同志",
        "思考", "对策", "建议", "措施", "成效", "作用", "水平", "能力", "机制", "以上学历"}
_NUMERIC = re.compile(r"^[\d.%％]+")
_QUOTES = re.compile(r"[“”‘’\"']")
for _word in DOMAIN:
    jieba.add_word(_word, tag="nz")


def extract(blocks, most=5):
    """The ``most`` heaviest words of the title, sub-headings and body paragraphs."""
    # the title says what the report is about: count it as if it came three times
    text = "\n".join(_QUOTES.sub("", PLACEHOLDER.sub("", b.text)) * (3 if b.kind == "标题" else 1)
                     for b in blocks if b.kind in KINDS)
    words = extract_tags(text, most * 4, allow_pos=POS)
    return [w for w in words if len(w) > 1 and w not in STOP and not _NUMERIC.match(w)][:most]
