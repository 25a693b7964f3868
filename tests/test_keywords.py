"""The 关键词 line: jieba TF-IDF, only with ``render --keywords``."""
import subprocess
import sys

from conftest import ROOT, paragraphs

from generator.cli import cli
from generator.markup import parse

PROBE = """
import sys
from generator.cli import main
sys.argv = ["reportgen", "render", {data!r}, "-o", {out!r}] + {extra!r}
try:
    main()
except SystemExit as exc:
    assert exc.code == 0, exc.code
print("jieba" in sys.modules)
"""


def run_probe(tmp_path, extra):
    code = PROBE.format(data=str(ROOT / "examples" / "调研报告.yaml"), out=str(tmp_path / "a.docx"), extra=extra)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_jieba_is_loaded_only_with_keywords(tmp_path):
    assert run_probe(tmp_path, []) == "False"
    (tmp_path / "a.docx").unlink()
    assert run_probe(tmp_path, ["--keywords"]) == "True"


def test_extract_three_to_five_words_from_the_text():
    from generator.corpus.keywords import extract
    markup = ("# 关于柳湾镇茶叶合作社发展的调查\n\n## 基本情况\n\n"
              "全镇茶叶合作社发展迅速，合作社带动茶农增收。茶叶品牌建设取得进展，"
              "电商销售渠道不断拓宽，合作社党支部发挥了引领作用。\n\n【待补充：基本情况】\n")
    words = extract(parse(markup))
    assert 3 <= len(words) <= 5
    assert {"茶叶", "合作社"} <= set(words)
    assert all(len(w) > 1 and "待补充" not in w and w != "基本情况" for w in words)


def test_render_keywords_line_after_author(tmp_path, runner, small):
    out = tmp_path / "a.docx"
    result = runner.invoke(cli, ["render", str(small), "-o", str(out), "--keywords"])
    assert result.exit_code == 0, result.output
    paras = paragraphs(out)
    assert [style for style, _ in paras[:3]] == ["Title", "署名", "关键词"]
    label, _, words = paras[2][1].partition("：")
    assert label == "关键词" and 3 <= len(words.split("；")) <= 5
    body = "".join(text for _, text in paras[3:])
    assert all(word in body + paras[0][1] for word in words.split("；"))


def test_without_flag_only_typed_keywords_appear(tmp_path, runner, small):
    out = tmp_path / "a.docx"
    runner.invoke(cli, ["render", str(small), "-o", str(out)])
    assert "关键词" not in [style for style, _ in paragraphs(out)]
    small.write_text(small.read_text(encoding="utf-8") + "关键词: [带头人, 后备力量, 村级组织]\n", encoding="utf-8")
    runner.invoke(cli, ["render", str(small), "-o", str(out), "--force"])
    assert ("关键词", "关键词：带头人；后备力量；村级组织") in paragraphs(out)


def test_keywords_ignored_with_a_warning_where_the_template_has_no_line(tmp_path, runner):
    out = tmp_path / "a.docx"
    result = runner.invoke(cli, ["render", str(ROOT / "examples" / "工作总结.yaml"), "-o", str(out), "--keywords"])
    assert result.exit_code == 0 and "没有关键词行，--keywords 未起作用" in result.output
    assert "关键词" not in [style for style, _ in paragraphs(out)]
