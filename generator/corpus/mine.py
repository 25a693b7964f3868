"""Mine a corpus of reports: skeletons, heading patterns, keywords, phrases, number expressions.

Documents are streamed one at a time (read → clean → outline → count), so memory
stays flat however large the corpus. jieba runs only at the end, on a bounded
sample of text per category, for the keywords.
"""
import re
from collections import Counter, defaultdict
from pathlib import Path

from generator.corpus.cleaning import clean
from generator.corpus.outline import CATEGORIES, outline
from generator.corpus.reading import not_a_report, read_document
from generator.errors import ReportgenError

DEFAULT_CORPUS = "seeds"
SAMPLE_CHARS = 20_000        # text kept per category for keyword extraction
PRUNE_AT = 50_000            # a counter growing past this keeps only its most common half
TOP = 20

_HAN = r"[\u4e00-\u9fff]"
# 设岗定责、开展活动、评先选优: three or more items of exactly four characters, joined by 、 or ，
# and with punctuation (or the start or end of the text) on both sides of the group
PARALLEL = re.compile(rf"(?<!\w)(?:{_HAN}{{4}}[、，,]){{2,}}{_HAN}{{4}}(?!\w)")
# “三个同步” “五好” “六有”: a quoted slogan that starts with a number
SLOGAN = re.compile(r"[“\"]([一二三四五六七八九十两双]{1,2}[\u4e00-\u9fff、]{1,6})[”\"]")
# 覆盖率达81.1%, 增长18.8%, 达95%以上: found from the number, then the verb just before it
NUMBER = re.compile(r"(\d+(?:\.\d+)?)\s*(%|％|个百分点|万元|亿元|万|亿|个|人次|人|家|名|次|项|户)")
VERB = re.compile(r"([\u4e00-\u9fff]{0,6}?)(达到|达|为|提高到|提高|增长|下降|超过|突破|占|累计|新增|共计)$")
OPENING = re.compile(r"(?:^|[。！？；])\s*([\u4e00-\u9fff]{2,6})[，,]")
PHRASE_KINDS = {"四字排比": PARALLEL, "数字提法": SLOGAN, "句首用语": OPENING}
_QUOTED = re.compile(r"“[^”]{1,12}”")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
# what jieba leaves of a number it cuts off (1200余人次 → 余人次, 56场次 → 场次, 3万元 → 万元):
# an optional 余/多/万/亿 and one measure word; 个人, 一线 and 多元 are words and stay
_NUMBER_TAIL = re.compile(r"[余多万亿]*(?:人次|场次|户次|百分点|[万亿]元|[个名位人次场项户家件条所座])")


def default_corpus():
    """./seeds when the current folder has one (the user's own corpus), else the sample corpus
    that comes with reportgen: inside the package in a wheel, the repository's seeds/ otherwise."""
    if Path(DEFAULT_CORPUS).is_dir():
        return Path(DEFAULT_CORPUS)
    here = Path(__file__).resolve().parent
    packaged = here / "seeds"
    return packaged if packaged.is_dir() else here.parent.parent / "seeds"


def corpus_files(paths):
    """Every file under ``paths`` (folders searched recursively), hidden and README files left out.

    Files of other types are kept so that reading reports them (.doc, .pdf …) instead of
    passing over them in silence."""
    files = []
    for path in map(Path, paths):
        if not path.exists():
            raise ReportgenError("路径不存在", path)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file()
                           and not any(part.startswith(".") for part in p.relative_to(path).parts))
            files += [p for p in found if not not_a_report(p)]
        else:
            files.append(path)
    return files


def heading_pattern(heading):
    """A heading with its particulars generalised: quoted words → “…”, numbers → N."""
    return _DIGITS.sub("N", _QUOTED.sub("“…”", heading))


class Miner:
    """Counts over a stream of documents; ``result()`` gives the mined facts."""

    def __init__(self):
        self.docs = 0
        self.chars = 0
        self.kinds = Counter()
        self.skeletons = Counter()
        self.headings = defaultdict(Counter)       # category → heading pattern → count
        self.styles = defaultdict(Counter)         # category → number style → count
        self.sample = defaultdict(list)            # category → text for keywords
        self.sampled = Counter()
        self.phrases = defaultdict(lambda: {kind: Counter() for kind in PHRASE_KINDS})  # category → kind → …
        self.numbers = Counter()
        self.examples = {}                         # phrase → first file it was seen in
        self.skipped = []

    def add(self, o):
        self.docs += 1
        self.kinds[o.kind] += 1
        top = [s.category for s in o.sections if s.level == 1]
        skeleton = [c for i, c in enumerate(top) if i == 0 or top[i - 1] != c]
        if skeleton:
            self.skeletons["→".join(skeleton)] += 1
        source = Path(o.file).name
        for s in o.sections:
            pattern = heading_pattern(s.heading)
            self.headings[s.category][pattern] += 1
            self.examples.setdefault(("小标题", pattern), s.heading)
            self.styles[s.category][_style(s.number)] += 1
            self._text(s.category, s.body, source)
        self._text("概述", o.lead, source)

    def _text(self, category, paras, source):
        self.chars += sum(map(len, paras))
        for text in paras:
            if self.sampled[category] >= SAMPLE_CHARS:
                break
            self.sample[category].append(text)
            self.sampled[category] += len(text)
        # The patterns run once over the section, its paragraphs joined by 。: no pattern
        # matches across a 。, and each finds after one what it finds at a paragraph's start
        text = "。".join(paras)
        bank = self.phrases[category]
        for kind, regex in PHRASE_KINDS.items():
            self._count(bank[kind], regex.findall(text), source)
        for number in NUMBER.finditer(text):
            verb = VERB.search(text, max(0, number.start() - 9), number.start())
            if not verb:
                continue
            lead, verb, value, unit = verb[1].lstrip("的之和与及是在"), verb[2], number[1], number[2]
            key = f"{_number_subject(lead)}{verb}N{unit}"
            self.numbers[key] += 1
            self.examples.setdefault(key, f"{lead}{verb}{value}{unit}（{source}）")
        for counter in (*self.phrases[category].values(), self.numbers):
            if len(counter) > PRUNE_AT:
                keep = counter.most_common(PRUNE_AT // 2)
                counter.clear()
                counter.update(dict(keep))

    def _count(self, counter, found, source):
        for phrase in found:
            counter[phrase] += 1
            self.examples.setdefault(phrase, source)

    def result(self, keywords=True):
        tags = _keywords(self.sample) if keywords else {}
        categories = {}
        for c in CATEGORIES:
            if not self.headings.get(c):
                continue
            categories[c] = {
                "章节数": sum(self.headings[c].values()),
                "编号样式": dict(self.styles[c].most_common()),
                "小标题": [{"样式": h, "次数": n, "例": self.examples[("小标题", h)]}
                        for h, n in self.headings[c].most_common(TOP)],
                "关键词": tags.get(c, []),
                "短语": {kind: [{"短语": p, "次数": n, "来源": self.examples.get(p, "")}
                              for p, n in counter.most_common(TOP)]
                       for kind, counter in self.phrases[c].items()},
            }
        return {
            "文档数": self.docs,
            "正文字数": self.chars,
            "文种": dict(self.kinds.most_common()),
            "常见结构": [{"结构": s, "次数": n} for s, n in sorted(
                self.skeletons.items(), key=lambda kv: (-kv[1], -kv[0].count("→")))[:TOP]],
            "章节": categories,
            "数字表述": [{"样式": k, "次数": n, "例": self.examples.get(k, "")}
                      for k, n in self.numbers.most_common(TOP)],
            "跳过的文件": self.skipped,
        }


def _number_subject(lead):
    """What a number expression is about, kept only where it is generic: …率, 同比, 比上年."""
    for prefix in ("同比", "比上年", "累计"):
        if lead.endswith(prefix):
            return prefix
    return "…" + lead[-1] if lead and lead[-1] in "率数量额面值比" else ""


def _style(number):
    """The number style of a typed heading number: 一、 → 一、, （3） → （1）, none → 无编号."""
    if not number:
        return "无编号"
    return re.sub(r"\d+", "1", re.sub("[一二三四五六七八九十]+", "一", number))


def _keywords(sample, top=12):
    from generator.corpus.segment import cutter, extract_tags
    texts = {c: "\n".join(paras) for c, paras in sample.items()}
    cut = cutter("\n".join(texts.values()))         # one dictionary for every category's words
    tags = {c: extract_tags(text, top * 2, cut_with=cut) for c, text in texts.items()}
    return {c: [t for t in words if not re.search(r"\d", t) and not _NUMBER_TAIL.fullmatch(t)][:top]
            for c, words in tags.items()}


def mine(paths, progress=None, keywords=True, files=None):
    """Mine every report under ``paths`` (``files``: the corpus_files of ``paths`` when the
    caller listed them already); unreadable or empty files are listed, not fatal, unless no
    file is left."""
    files = corpus_files(paths) if files is None else files
    if not files:
        raise ReportgenError(f"{'、'.join(map(str, paths))} 里没有 .txt、.docx 或 .md 报告")
    miner = Miner()
    for path in files:
        try:
            paras = clean(read_document(path))
            if not paras:
                raise ReportgenError("文件是空的或只有网页残留，没有可挖掘的文字", path)
            miner.add(outline(paras, str(path)))
        except ReportgenError as exc:
            miner.skipped.append(str(exc))
        if progress:
            progress(path)
    if not miner.docs:
        first = miner.skipped[0]
        raise ReportgenError(first if len(files) == 1 else f"{len(files)} 个文件都无法挖掘，如 {first}")
    return miner.result(keywords)


class Job:
    """``reportgen mine``: where the results go is checked before any file is read."""

    def __init__(self, paths=(), output=None, emit=None, templates_dir="我的模板", force=False):
        from generator.corpus.emit import emit_target
        from generator.output import check_target

        self.paths = tuple(paths) or (default_corpus(),)
        self.output = output or (None if emit else "mined.yaml")
        self.emit, self.templates_dir, self.force = emit, templates_dir, force
        if self.output:
            check_target(self.output, force)
        self.notices = emit_target(emit, templates_dir, force)[1] if emit else []
        self.files = corpus_files(self.paths)

    def run(self, progress=None):
        """Mine, write what was asked for; return ``(result, lines for the user)``."""
        from generator.corpus.emit import emit_template
        from generator.output import save_atomic

        result = mine(self.paths, progress=progress, files=self.files)
        lines = []
        if self.output:
            text = dump(result).encode("utf-8")
            save_atomic(self.output, self.force, lambda stream: stream.write(text))
            lines.append(f"已写出挖掘结果 {self.output}")
        lines += summary(result)
        if self.emit:
            folder = emit_template(result, self.emit, self.templates_dir, self.force)
            lines.append(f"已生成模板 {folder}；接着运行：reportgen init {self.emit} --templates {self.templates_dir}")
        return result, lines


def suggestion(category, mined=None):
    """The mined entry of one section category: from ``mined`` (a file ``mine`` wrote), else
    from ./mined.yaml when there is one, else mined from the default corpus on the spot."""
    from generator.corpus.outline import CATEGORIES
    if category not in CATEGORIES:
        raise ReportgenError(f"没有“{category}”这类章节；可选：{'、'.join(CATEGORIES)}")
    if mined or Path("mined.yaml").exists():
        data = load_mined(mined or "mined.yaml")
    else:
        data = mine((default_corpus(),))
    info = data["章节"].get(category)
    if not info:
        raise ReportgenError(f"挖掘结果里没有“{category}”类的章节")
    return info


def summary(result):
    """A few lines for people: how much was read and the most common structure."""
    kinds = "，".join(f"{k} {n} 篇" for k, n in result["文种"].items()) or "无"
    lines = [f"共读取 {result['文档数']} 篇报告（{kinds}），正文 {result['正文字数']} 字。"]
    structures = result["常见结构"]
    if structures and structures[0]["次数"] == 1:
        # every skeleton once: the first is only the longest (the tie-break), not a common one
        many = f"{TOP} 篇以上" if len(structures) == TOP else f"{len(structures)} 篇"
        lines.append(f"结构各不相同（{many}各一种），最长的是：{structures[0]['结构']}")
    elif structures:
        top = structures[0]
        lines.append(f"最常见的结构：{top['结构']}（{top['次数']} 篇）")
    for c, info in result["章节"].items():
        heads = "；".join(h["样式"] for h in info["小标题"][:3])
        lines.append(f"  {c}：{info['章节数']} 节，如 {heads}")
    if result["跳过的文件"]:
        lines.append(f"跳过 {len(result['跳过的文件'])} 个无法读取或没有文字的文件。")
    return lines


def dump(result):
    import yaml
    head = "# reportgen mine 的结果：语料的常见结构、各类章节的小标题样式、关键词、短语和数字表述\n"
    return head + yaml.safe_dump(result, allow_unicode=True, sort_keys=False, width=1000)


# the parts of a mined file that ``reportgen suggest`` reads: a dict spec maps fixed keys,
# ``{str: spec}`` any key; a one-item list spec is a list of such items
_CATEGORY = {"章节数": int, "小标题": [{"样式": str, "次数": int}], "关键词": [str],
             "短语": {str: [{"短语": str, "次数": int, "来源": str}]}}
_SHAPE = {"章节": {str: _CATEGORY}}
_TYPE_NAMES = {int: "整数", str: "文字", list: "列表", dict: "映射"}


def load_mined(path):
    """Read a file written by ``reportgen mine``; a hand-edited file of the wrong shape is
    one error naming the line."""
    from generator.yamlio import line_of, load_yaml
    data, lines = load_yaml(path)
    if not isinstance(data, dict) or "章节" not in data:
        raise ReportgenError("不是 reportgen mine 生成的文件（缺少“章节”）", path)
    problem = _misfit(data, _SHAPE, ())
    if problem:
        at, what = problem
        where = "/".join(f"第{k + 1}项" if isinstance(k, int) else str(k) for k in at)
        raise ReportgenError(f"挖掘结果的格式不对：“{where}”{what}（可重新运行 reportgen mine）",
                             path, line_of(lines, at))
    return data


def _misfit(value, spec, at):
    """``(key path, what is wrong)`` for the first place ``value`` does not fit ``spec``."""
    kind = spec if isinstance(spec, type) else type(spec)
    if not isinstance(value, kind) or isinstance(value, bool):
        return at, f"应是{_TYPE_NAMES[kind]}"
    if isinstance(spec, list):
        return next(filter(None, (_misfit(v, spec[0], at + (i,)) for i, v in enumerate(value))), None)
    if isinstance(spec, dict):
        if str in spec:
            pairs = ((k, v, spec[str]) for k, v in value.items())
        else:
            missing = [k for k in spec if k not in value]
            if missing:
                return at, f"缺少“{missing[0]}”"
            pairs = ((k, value[k], s) for k, s in spec.items())
        return next(filter(None, (_misfit(v, s, at + (k,)) for k, v, s in pairs)), None)
    return None
