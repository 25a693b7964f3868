import shutil

import pytest
import yaml
from conftest import ROOT

from generator.cli import cli
from generator.corpus.mine import (
    PARALLEL,
    TOP,
    Miner,
    _keywords,
    corpus_files,
    heading_pattern,
    mine,
    summary,
)
from generator.corpus.outline import outline_text

SAMPLES = ROOT / "seeds"

REPORT = """{name}镇党建工作总结
今年以来，{name}镇坚持以党建引领发展，各项工作取得新进展。
一、主要做法
（一）抓实“三会一课”
全镇严格落实“三会一课”制度，推行“五个一”学习法，党员参学率达96.5%。
二、存在问题
（一）活动形式单一
部分支部活动内容单调，围绕中心、服务大局、凝聚人心，作用发挥不够。
三、下一步工作打算
继续抓好学习教育，村级集体经济收入增长12%。
"""


def corpus(tmp_path, names=("柳湾", "石桥", "青石")):
    folder = tmp_path / "语料"
    folder.mkdir()
    for name in names:
        (folder / f"{name}.txt").write_text(REPORT.format(name=name), encoding="utf-8")
    return folder


def test_counts_over_documents(tmp_path):
    result = mine([corpus(tmp_path)], keywords=False)
    assert result["文档数"] == 3
    assert result["文种"] == {"工作总结": 3}
    assert result["常见结构"][0] == {"结构": "做法→问题→下一步", "次数": 3}
    done = result["章节"]["做法"]
    assert done["编号样式"] == {"一、": 3, "（一）": 3}
    assert {"样式": "抓实“…”", "次数": 3, "例": "抓实“三会一课”"} in done["小标题"]
    slogans = {p["短语"]: p["次数"] for p in done["短语"]["数字提法"]}
    assert slogans["三会一课"] == 3 and slogans["五个一"] == 3
    problems = {p["短语"] for p in result["章节"]["问题"]["短语"]["四字排比"]}
    assert "围绕中心、服务大局、凝聚人心" in problems
    numbers = {n["样式"]: n["次数"] for n in result["数字表述"]}
    assert numbers["…率达N%"] == 3 and numbers["增长N%"] == 3


@pytest.mark.parametrize("text, groups", [
    ("队伍老化、结构失衡。", []),
    ("设施陈旧、经费紧张，人员流动较大", []),
    ("补齐短板、强化保障、提升效能，服务能力明显增强", ["补齐短板、强化保障、提升效能"]),
    ("“建强堡垒、育好头雁、带富群众”三项工程", ["建强堡垒、育好头雁、带富群众"]),
    ("整合资源、盘活资产、拓宽渠道、壮大集体经济", ["整合资源、盘活资产、拓宽渠道"]),
    ("多方联动、统筹兼顾、上下贯通、协同推进力度不够", ["多方联动、统筹兼顾、上下贯通"]),
    ("通过整合资源、盘活资产、拓宽渠道。", []),
], ids=["two-items", "cut-word", "comma-end", "quoted", "longer-tail", "tail-cut", "head-cut"])
def test_parallel_groups_are_whole_four_character_items(text, groups):
    assert PARALLEL.findall(text) == groups


def test_keywords_leave_out_number_fragments():
    import jieba.analyse
    text = ("社区开展志愿服务800余人次，举办健康讲座45场次，走访独居老人3000余人次。"
            "一线党员带头，多元主体参与，个人事项如实报告。")
    raw = jieba.analyse.extract_tags(text, topK=24)
    assert "余人次" in raw and "场次" in raw          # what jieba makes of 800余人次 and 45场次
    words = _keywords({"成效": [text]}, top=24)["成效"]
    assert not {"余人次", "场次", "800", "45"} & set(words)
    assert {"一线", "多元", "独居", "讲座"} <= set(words)


def test_unreadable_file_is_listed_and_skipped(tmp_path):
    folder = corpus(tmp_path, ("柳湾",))
    (folder / "坏.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "旧稿.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / "README.md").write_text("# 说明\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text("x", encoding="utf-8")
    result = mine([folder], keywords=False)
    assert result["文档数"] == 1
    assert len(result["跳过的文件"]) == 2
    assert "二进制" in result["跳过的文件"][0] and "不支持的文件类型“.doc”" in result["跳过的文件"][1]
    assert [p.name for p in corpus_files([folder])] == ["坏.txt", "旧稿.doc", "柳湾.txt"]


def test_heading_pattern_and_stream_is_per_document():
    assert heading_pattern("实行“三个同步”，覆盖率达81%") == "实行“…”，覆盖率达N%"
    miner = Miner()
    miner.add(outline_text(REPORT.format(name="柳湾")))
    assert miner.docs == 1 and miner.skeletons["做法→问题→下一步"] == 1


def test_mine_cli_writes_yaml_and_summary(runner, tmp_path):
    folder = corpus(tmp_path)
    out = tmp_path / "结果.yaml"
    result = runner.invoke(cli, ["mine", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "最常见的结构：做法→问题→下一步（3 篇）" in result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["文档数"] == 3 and data["章节"]["做法"]["关键词"]
    again = runner.invoke(cli, ["mine", str(folder), "-o", str(out)])
    assert again.exit_code == 1 and "--force" in again.output


def test_summary_does_not_call_a_one_off_structure_common(tmp_path):
    folder = corpus(tmp_path, ("柳湾",))
    short = REPORT.format(name="石桥").replace("二、存在问题", "二、下一步工作打算").split("三、")[0]
    (folder / "石桥.txt").write_text(short, encoding="utf-8")
    result = mine([folder], keywords=False)
    assert [s["结构"] for s in result["常见结构"]] == ["做法→问题→下一步", "做法→下一步"]
    assert summary(result)[1] == "结构各不相同（2 篇各一种），最长的是：做法→问题→下一步"
    (folder / "青石.txt").write_text(short.replace("石桥", "青石"), encoding="utf-8")
    result = mine([folder], keywords=False)
    assert result["常见结构"][0] == {"结构": "做法→下一步", "次数": 2}
    assert summary(result)[1] == "最常见的结构：做法→下一步（2 篇）"
    result["常见结构"] = [{"结构": f"做法{'→问题' * i}", "次数": 1} for i in range(TOP)]
    assert summary(result)[1].startswith(f"结构各不相同（{TOP} 篇以上各一种）")


def test_mine_missing_path(runner, tmp_path):
    result = runner.invoke(cli, ["mine", str(tmp_path / "没有")])
    assert result.exit_code == 1 and "路径不存在" in result.output


def test_suggest_from_mined_file(runner, tmp_path):
    out = tmp_path / "m.yaml"
    assert runner.invoke(cli, ["mine", str(corpus(tmp_path)), "-o", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["suggest", "问题", "--mined", str(out)])
    assert result.exit_code == 0, result.output
    assert "活动形式单一（3）" in result.output and "围绕中心、服务大局、凝聚人心" in result.output
    bad = runner.invoke(cli, ["suggest", "杂项", "--mined", str(out)])
    assert bad.exit_code == 1 and "可选" in bad.output


def test_suggest_works_from_a_folder_without_seeds(runner, tmp_path, monkeypatch):
    """No --mined, no mined.yaml, no seeds/ here: the sample corpus that comes with reportgen."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["suggest", "问题"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("【问题】共 ") and "小标题样式：" in result.output
    assert list(tmp_path.iterdir()) == []          # nothing written where the user stands


def test_outline_skips_files_that_are_not_reports(runner, tmp_path):
    (tmp_path / "README.md").write_text("# 说明\n\n这里放语料。\n", encoding="utf-8")
    report = tmp_path / "报告.txt"
    report.write_text("某单位2026年工作总结\n一、主要做法\n全年组织集中学习十二次，覆盖全体党员。\n"
                      "二、存在问题\n学习形式还不够丰富。\n", encoding="utf-8")
    result = runner.invoke(cli, ["outline", str(tmp_path / "README.md"), str(report)])
    assert result.exit_code == 0, result.output
    assert f"提醒：{tmp_path / 'README.md'}：是说明文件（README 之类），不是报告，已跳过" in result.output
    assert f"{report}：某单位2026年工作总结" in result.output and "说明" not in result.output.split("已跳过")[1]


def test_sample_corpus_mines_on_fresh_clone(runner, tmp_path, monkeypatch):
    shutil.copytree(SAMPLES, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["mine"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((tmp_path / "mined.yaml").read_text(encoding="utf-8"))
    assert data["文档数"] == len(list(SAMPLES.glob("*.*"))) - 1 and not data["跳过的文件"]
    assert set(data["文种"]) == {"调研报告", "工作总结", "经验交流材料"}
    suggest = runner.invoke(cli, ["suggest", "下一步"])
    assert suggest.exit_code == 0 and "下一步工作打算" in suggest.output


@pytest.mark.parametrize("text, line, what", [
    ("章节: 5\n", 1, "“章节”应是映射"),
    ("章节: [1, 2]\n", 1, "“章节”应是映射"),
    ("章节:\n  做法: x\n", 2, "“章节/做法”应是映射"),
    ("章节:\n  做法:\n    小标题: []\n", 2, "“章节/做法”缺少“章节数”"),
    ("章节:\n  做法:\n    章节数: 3\n    小标题:\n      - 样式: 抓实\n        次数: 两\n"
     "    关键词: []\n    短语: {}\n", 6, "“章节/做法/小标题/第1项/次数”应是整数"),
], ids=["number", "list", "category-text", "no-count", "count-text"])
def test_suggest_refuses_hand_edited_mined_file(runner, tmp_path, text, line, what):
    mined = tmp_path / "m1.yaml"
    mined.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["suggest", "做法", "--mined", str(mined)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == f"错误：{mined}:{line}: 挖掘结果的格式不对：{what}（可重新运行 reportgen mine）\n"


@pytest.mark.parametrize("extra, message", [
    (["-o", "已有.yaml"], "已有.yaml: 文件已存在；确认要覆盖请加 --force"),
    (["-o", "文件夹"], "文件夹: 输出路径是一个已存在的文件夹，不能写成文件"),
    (["--emit-template", "_坏名"], "模板名称“_坏名”不合法"),
    (["--emit-template", "已有模板", "--templates", "."], "已有模板: 模板文件夹已存在"),
], ids=["existing-output", "folder-output", "bad-name", "existing-template"])
def test_mine_checks_targets_before_mining(runner, tmp_path, monkeypatch, extra, message):
    folder = corpus(tmp_path)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "已有.yaml").write_text("旧内容\n", encoding="utf-8")
    (tmp_path / "文件夹").mkdir()
    (tmp_path / "已有模板").mkdir()
    mined = []
    monkeypatch.setattr("generator.corpus.mine.mine", lambda *a, **k: mined.append(a))
    result = runner.invoke(cli, ["mine", str(folder), *extra])
    assert (result.exit_code, mined) == (1, [])
    assert result.output.startswith(f"错误：{message}")
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert (tmp_path / "已有.yaml").read_text(encoding="utf-8") == "旧内容\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["已有.yaml", "已有模板", "文件夹", "语料"]


def test_empty_files_are_skipped_aloud(runner, tmp_path):
    folder = corpus(tmp_path, ("柳湾",))
    (folder / "空.txt").write_bytes(b"")
    (folder / "空白.md").write_text("\n  \n", encoding="utf-8")
    out = tmp_path / "m.yaml"
    result = runner.invoke(cli, ["mine", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    for name in ("空.txt", "空白.md"):
        assert f"错误：{folder / name}: 文件是空的或只有网页残留，没有可挖掘的文字（已跳过）" in result.output
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert (data["文档数"], data["文种"], len(data["跳过的文件"])) == (1, {"工作总结": 1}, 2)


@pytest.mark.parametrize("names, message", [
    (["bin.txt"], "{b}: 文件不是可识别编码的文本（可能是二进制文件）"),
    (["空.txt"], "{e}: 文件是空的或只有网页残留，没有可挖掘的文字"),
    (["bin.txt", "空.txt"], "2 个文件都无法挖掘，如 {b}: 文件不是可识别编码的文本"),
], ids=["binary", "empty", "both"])
def test_nothing_to_mine_is_an_error(runner, tmp_path, names, message):
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "空.txt").write_bytes(b"")
    out = tmp_path / "mb.yaml"
    result = runner.invoke(cli, ["mine", *(str(tmp_path / n) for n in names), "-o", str(out)])
    assert result.exit_code == 1 and "Traceback" not in result.output and not out.exists()
    errors = [line for line in result.output.splitlines() if line.startswith("错误：")]
    expected = message.format(b=tmp_path / "bin.txt", e=tmp_path / "空.txt")
    assert len(errors) == 1 and errors[0].startswith(f"错误：{expected}")
