"""Saved drafts: versions kept, a stale save refused, ids never paths."""
import threading

import pytest

from generator.serve import store
from generator.serve.store import Conflict, NotFound, Store


def test_each_save_is_a_new_version_and_the_old_ones_stay(tmp_path):
    s = Store(tmp_path)
    draft = s.create({"模板": "调研报告"})
    assert s.save(draft, {"模板": "调研报告", "标题": "一"}, 1) == 2
    assert s.save(draft, {"模板": "调研报告", "标题": "二"}, 2) == 3
    assert s.versions(draft) == [1, 2, 3]
    assert s.load(draft) == ({"模板": "调研报告", "标题": "二"}, 3)
    assert s.load(draft, 2)[0]["标题"] == "一"
    assert (tmp_path / "草稿" / draft / "0003.yaml").read_text(encoding="utf-8") == "模板: 调研报告\n标题: 二\n"
    assert [d["标题"] for d in s.all()] == ["二"]


def test_a_save_based_on_an_old_version_is_refused(tmp_path):
    s = Store(tmp_path)
    draft = s.create({"模板": "调研报告"})
    s.save(draft, {"模板": "调研报告", "标题": "另一个标签页"}, 1)
    with pytest.raises(Conflict) as info:
        s.save(draft, {"模板": "调研报告", "标题": "这个标签页"}, 1)
    assert info.value.current == 2 and "另一个窗口或标签页里保存过（现在是第 2 版）" in info.value.message
    assert s.load(draft)[0]["标题"] == "另一个标签页"


def test_two_savers_at_once_one_wins(tmp_path):
    s = Store(tmp_path)
    draft = s.create({"模板": "调研报告"})
    results = []

    def save(title):
        try:
            results.append(s.save(draft, {"模板": "调研报告", "标题": title}, 1))
        except Conflict:
            results.append("conflict")
    threads = [threading.Thread(target=save, args=(str(i),)) for i in range(8)]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(results, key=str) == [2] + ["conflict"] * 7


def test_only_the_newest_versions_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "KEEP", 3)
    s = Store(tmp_path)
    draft = s.create({"模板": "调研报告"})
    for base in range(1, 6):
        s.save(draft, {"模板": "调研报告", "标题": str(base)}, base)
    assert s.versions(draft) == [4, 5, 6]


@pytest.mark.parametrize("bad", ["../../etc/passwd", "..", "", "0123456789ab/../x", "ABCDEF012345", None])
def test_an_id_is_never_a_path(tmp_path, bad):
    s = Store(tmp_path)
    with pytest.raises(NotFound, match="没有这份草稿"):
        s.load(bad)
    with pytest.raises(NotFound):
        s.save(bad, {}, 1)


def test_a_draft_damaged_by_hand_is_left_out_of_the_list(tmp_path):
    s = Store(tmp_path)
    good = s.create({"模板": "调研报告", "标题": "好的"})
    bad = s.create({"模板": "调研报告"})
    (tmp_path / "草稿" / bad / "0001.yaml").write_text("标题: [没闭合", encoding="utf-8")
    (tmp_path / "草稿" / "不是草稿").mkdir()
    assert [d["id"] for d in s.all()] == [good]
