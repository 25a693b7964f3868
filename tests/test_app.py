"""The web app's routes and guards, over HTTP (Starlette's test client): every bad input is a 4xx
with one Chinese line, nothing is written outside the data folder, the server goes on."""
import io
import json
import re
import warnings
import zipfile
from urllib.parse import unquote

import pytest
from docx import Document

from generator.serve.app import create_app
from generator.serve.server import allowed_hosts, settings
from conftest import EXAMPLES, reviewed_docx

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

LOCAL = "http://127.0.0.1:8765"


@pytest.fixture
def data_dir(tmp_path):
    return tmp_path / "数据"


@pytest.fixture
def client(data_dir):
    return TestClient(create_app(data_dir), base_url=LOCAL)


def new_draft(client, template="工作总结"):
    return client.post("/api/drafts", json={"模板": template}).json()["id"]


def written(data_dir):
    """Every file the app left in its data folder, besides the saved drafts."""
    return sorted(p.relative_to(data_dir).as_posix() for p in data_dir.rglob("*")
                  if p.is_file() and p.parts[len(data_dir.parts)] != "草稿")


def test_pages_are_chinese_and_load_only_local_assets(client):
    for path in ("/", "/lint", "/format", f"/draft/{new_draft(client)}"):
        page = client.get(path)
        assert page.status_code == 200 and '<html lang="zh-CN">' in page.text
        assert "http://" not in page.text and "https://" not in page.text   # no CDN
    assert client.get("/static/draft.js").status_code == 200


def test_preview_of_a_form(client):
    form = {"标题": "测试", "统计数据": [{"名称": "发展党员", "值": "1,326", "上年": "1,200", "单位": "名"}],
            "主要做法": [{"标题": "做法一", "要点": ["甲", "乙"]}]}
    answer = client.post("/api/preview", json={"模板": "工作总结", "form": form}).json()
    assert answer["error"] is None
    assert '<h1 class="title">测试</h1>' in answer["html"]
    assert '<h3 class="h2">（一）做法一</h3>' in answer["html"] and "<b>一是</b>甲" in answer["html"]
    assert "发展党员1326名，比上年增长10.5%" in answer["html"]
    assert "<mark>【待补充：" in answer["html"]
    assert {"message": "缺少必填字段“导语”（开篇一段：总体工作思路和总体评价（主要数字由统计数据自动接在后面）），草稿中以【待补充】标出",
            "field": "导语"} in answer["warnings"]


@pytest.mark.parametrize("form, field, message", [
    ({"统计数据": [{"名称": "党员", "值": "很多"}]}, "统计数据.党员.值", "字段“统计数据.党员.值”应是数字（如 1,234 或 1.2万），这里是“很多”"),
    ({"标题": {"a": 1}}, "标题", "字段“标题”应是文字"),
    ({"不存在": "x"}, "不存在", "模板没有字段“不存在”"),
    ({"日期": "明天"}, "日期", "字段“日期”应是日期（如 2026-11-24 或 2026年11月），这里是“明天”"),
])
def test_a_wrong_form_is_a_message_at_its_field(client, form, field, message):
    answer = client.post("/api/preview", json={"模板": "工作总结", "form": form}).json()
    assert answer["error"] == {"message": message, "field": field}


def test_user_text_cannot_inject_html(client):
    answer = client.post("/api/preview", json={"模板": "工作总结", "form": {"标题": "<script>alert(1)</script>"}}).json()
    assert "<script>" not in answer["html"] and "&lt;script&gt;" in answer["html"]


def test_save_download_and_a_stale_save(client, data_dir):
    draft = new_draft(client)
    saved = client.put(f"/api/drafts/{draft}", json={"form": {"标题": "年度总结"}, "version": 1})
    assert saved.json() == {"version": 2, "saved": True}
    stale = client.put(f"/api/drafts/{draft}", json={"form": {"标题": "旧标签页"}, "version": 1})
    assert stale.status_code == 409 and "另一个窗口或标签页里保存过（现在是第 2 版）" in stale.json()["error"]
    docx = client.get(f"/draft/{draft}/download.docx")
    assert docx.headers["content-disposition"].endswith("filename*=UTF-8''%E5%B9%B4%E5%BA%A6%E6%80%BB%E7%BB%93.docx")
    assert Document(io.BytesIO(docx.content)).paragraphs[0].text == "年度总结"
    assert client.get(f"/draft/{draft}/download.yaml").text == "模板: 工作总结\n标题: 年度总结\n"
    assert client.get(f"/draft/{draft}/download.exe").status_code == 404
    assert written(data_dir) == []


@pytest.mark.parametrize("body", [{"form": {}}, {"form": {}, "version": "2"}, [1, 2]])
def test_a_save_without_a_version_is_refused(client, body):
    answer = client.put(f"/api/drafts/{new_draft(client)}", json=body)
    assert answer.status_code == 400 and answer.json()["error"] == "保存请求应带上表单（form）和版本号（version）"


def test_not_json(client):
    answer = client.post("/api/preview", content=b"{not json", headers={"content-type": "application/json"})
    assert answer.status_code == 400 and answer.json()["error"] == "请求的内容不是有效的 JSON"


@pytest.mark.parametrize("path", ["/draft/..%2F..%2Fetc%2Fpasswd", "/draft/0123456789ab", "/draft/../../etc/passwd/download.docx"])
def test_crafted_draft_ids(client, path):
    answer = client.get(path)
    assert answer.status_code == 404 and answer.json()["error"] in ("没有这份草稿（编号不对）", "没有这份草稿，可能已被删除",
                                                                    "没有这个页面或文件")


def zip_bomb():
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w/>")
        z.writestr("word/fill.xml", b"\0" * (300 * 1024 * 1024))
    return raw.getvalue()


@pytest.mark.parametrize("route", ["/api/lint", "/api/fix", "/api/format", "/api/open"])
@pytest.mark.parametrize("name, raw, message", [
    ("空.docx", b"", "文件是空的（0 字节）"),
    ("图.docx", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "不是可以读取的文件（二进制内容）"),
    ("坏.docx", b"PK\x03\x04garbage", "压缩包已损坏，无法打开"),
    ("炸弹.docx", None, "疑似“压缩炸弹”"),
    ("../../etc/passwd", b"", "passwd: 文件是空的"),
])
def test_bad_uploads(client, data_dir, route, name, raw, message):
    raw = zip_bomb() if raw is None else raw
    answer = client.post(route, params={"name": name}, content=raw)
    assert answer.status_code == 400 and message in answer.json()["error"]
    assert written(data_dir) == []
    assert client.get("/").status_code == 200       # still serving


def test_an_upload_over_the_limit(client, data_dir):
    huge = b"x" * (50 * 1024 * 1024)
    answer = client.post("/api/lint", params={"name": "大.docx"}, content=huge)
    assert answer.status_code == 413 and answer.json()["error"] == "上传的内容太大，上限 20 MB"

    def chunks():   # no Content-Length: counted while read
        for _ in range(50):
            yield b"x" * (1024 * 1024)
    answer = client.post("/api/lint", params={"name": "大.docx"}, content=chunks())
    assert answer.status_code == 413 and answer.json()["error"] == "上传的内容太大，上限 20 MB"


def test_a_yaml_where_a_docx_is_wanted(client):
    answer = client.post("/api/lint", params={"name": "a.yaml"}, content="标题: x\n".encode())
    assert answer.status_code == 400 and answer.json()["error"] == "a.yaml: 这是YAML 数据文件（.yaml），这里需要Word 文档（.docx）"


def test_open_a_yaml_to_continue(client):
    example = next(e for e in EXAMPLES if e.stem == "调研报告")
    answer = client.post("/api/open", params={"name": "调研报告.yaml"}, content=example.read_bytes())
    draft = answer.json()["id"]
    assert answer.json()["notices"] == []
    assert "调查与思考" in client.get(f"/draft/{draft}").text
    broken = client.post("/api/open", params={"name": "我的调研.yaml"}, content="模板: 调研报告\n标题: [没闭合\n".encode())
    assert broken.status_code == 400 and broken.json()["error"].startswith("我的调研.yaml:3: YAML 格式错误")
    wrong = client.post("/api/open", params={"name": "x.yaml"}, content="模板: 调研报告\n主要做法: 一段话\n".encode())
    assert wrong.json()["error"] == "x.yaml:2: 字段“主要做法”应是列表（每项一行，以“- ”开头）"
    unknown = client.post("/api/open", params={"name": "x.yaml"}, content="模板: 调研报告\n标题: 甲\n颜色: 红\n".encode())
    assert unknown.json()["notices"] == ["模板没有字段“颜色”，它不会出现在草稿中"]


def test_pdf_button_says_why_when_unavailable(client, monkeypatch):
    from generator.serve import outputs
    draft = new_draft(client)
    monkeypatch.setattr(outputs.office, "find_soffice", lambda: None)
    page = client.get(f"/draft/{draft}").text
    assert "本机没有安装 LibreOffice，无法导出 PDF" in page and "还不能读写 Excel 工作簿" not in page
    answer = client.get(f"/draft/{draft}/download.pdf")
    assert answer.status_code == 400 and "本机没有安装 LibreOffice" in answer.json()["error"]


def test_workbook_download_opens_back_as_the_same_draft(client):
    """The example opened from YAML, downloaded as .xlsx (a real workbook, read back with
    openpyxl), then opened again: the same preview."""
    import openpyxl
    example = next(e for e in EXAMPLES if e.stem == "工作总结")
    first = client.post("/api/open", params={"name": "工作总结.yaml"}, content=example.read_bytes()).json()["id"]
    book = client.get(f"/draft/{first}/download.xlsx")
    assert book.status_code == 200 and book.content[:2] == b"PK"
    assert "字段" in openpyxl.load_workbook(io.BytesIO(book.content)).sheetnames
    again = client.post("/api/open", params={"name": "工作总结.xlsx"}, content=book.content)
    assert again.status_code == 200, again.text
    previews = [client.get(f"/draft/{d}/download.yaml").text for d in (first, again.json()["id"])]
    assert previews[0] == previews[1]


def test_pdf_download(client, soffice):
    draft = new_draft(client)
    client.put(f"/api/drafts/{draft}", json={"form": {"标题": "PDF 测试"}, "version": 1})
    answer = client.get(f"/draft/{draft}/download.pdf")
    assert answer.status_code == 200 and answer.content.startswith(b"%PDF")


def test_lint_fix_and_format(client, tmp_path, data_dir):
    doc = Document()
    doc.add_paragraph("关于某项工作的报告")
    doc.add_paragraph("我们做了很多工作,取得了成效")
    raw = io.BytesIO()
    doc.save(raw)
    findings = client.post("/api/lint", params={"name": "稿.docx"}, content=raw.getvalue()).json()["findings"]
    assert {"rule": "页面大小", "expected": "210×297 mm", "seen": "215.9×279.4 mm"}.items() <= findings[0].items()
    assert any(f["paragraph"] == 2 and f["rule"] == "标点" for f in findings)
    fixed = client.post("/api/fix", params={"name": "稿.docx"}, content=raw.getvalue())
    assert "filename*=UTF-8''%E7%A8%BF-%E4%BF%AE%E6%AD%A3.docx" in fixed.headers["content-disposition"]
    assert Document(io.BytesIO(fixed.content)).paragraphs[1].text == "我们做了很多工作，取得了成效"
    formatted = client.post("/api/format", json={"text": "关于某事的报告\n一、基本情况\n情况很好。\n二、存在问题\n问题不少。"})
    assert [p.text for p in Document(io.BytesIO(formatted.content)).paragraphs][:3] == ["关于某事的报告", "一、基本情况", "情况很好。"]
    empty = client.post("/api/format", json={"text": "  "})
    assert empty.status_code == 400 and empty.json()["error"] == "请粘贴粗稿的文字，或选择一个文件"
    assert written(data_dir) == []


def test_suggestions_for_a_section(client, data_dir):
    answer = client.get("/api/suggest/问题").json()
    assert answer["小标题"] and answer["章节数"] > 0
    assert (data_dir / "mined.yaml").exists()
    unknown = client.get("/api/suggest/天气")
    assert unknown.status_code == 400 and unknown.json()["error"].startswith("没有“天气”这类章节")


# ---- the guard ----------------------------------------------------------------------
def test_dns_rebinding_and_cross_site_posts_are_refused(client):
    answer = client.get("/", headers={"host": "attacker.example:8765"})
    assert answer.status_code == 421 and "主机名不对" in answer.json()["error"]
    post = client.post("/api/drafts", json={"模板": "工作总结"}, headers={"origin": "http://attacker.example"})
    assert post.status_code == 403 and post.json()["error"] == "拒绝来自其他网站的请求"
    sneaky = client.post("/api/drafts", json={"模板": "工作总结"}, headers={"sec-fetch-site": "cross-site"})
    assert sneaky.status_code == 403
    same = client.post("/api/drafts", json={"模板": "工作总结"}, headers={"origin": LOCAL})
    assert same.status_code == 200


def test_a_non_local_bind_needs_its_token(data_dir):
    token, message = settings("0.0.0.0", None)
    assert len(token) >= 16 and "每个请求都要带口令" in message
    assert settings("127.0.0.1", None) == (None, None)
    app = TestClient(create_app(data_dir, hosts=allowed_hosts("192.0.2.7"), token=token), base_url="http://192.0.2.7:8765")
    refused = app.get("/")
    assert refused.status_code == 401 and "需要口令" in refused.json()["error"]
    assert app.post("/api/drafts", json={"模板": "工作总结"}, headers={"x-reportgen-token": "wrong-token"}).status_code == 401
    opened = app.get(f"/?token={token}", follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/"
    assert "HttpOnly" in opened.headers["set-cookie"]
    assert app.get("/").status_code == 200           # the cookie carries it from now on
    assert app.post("/api/drafts", json={"模板": "工作总结"}).status_code == 200


def test_a_short_token_is_refused():
    from generator.errors import ReportgenError
    with pytest.raises(ReportgenError, match="至少要 8 个字符"):
        settings("192.0.2.7", "abc")


def test_a_missing_draft_opened_in_the_browser_is_a_page(client):
    page = client.get("/draft/0123456789ab", headers={"accept": "text/html"})
    assert page.status_code == 404 and "没有这份草稿，可能已被删除" in page.text and '<a href="/">返回首页</a>' in page.text


def test_lint_with_pages_names_the_page(client, soffice):
    doc = Document()
    doc.add_paragraph("关于某项工作的报告")
    raw = io.BytesIO()
    doc.save(raw)
    answer = client.post("/api/lint", params={"name": "稿.docx", "pages": "1"}, content=raw.getvalue()).json()
    assert answer["notice"] is None
    assert {(f["page"], f["paragraph"]) for f in answer["findings"] if f["rule"] == "字号"} == {(1, 1)}


@pytest.mark.parametrize("name, message", [
    ("../../etc", "模板名称“../../etc”不合法：不能含路径分隔符，不能以“.”或“_”开头"),
    ("_base", "模板名称“_base”不合法：不能含路径分隔符，不能以“.”或“_”开头"),
    ("不存在", "没有名为“不存在”的模板；可用的模板：工作总结、经验交流材料、调研报告"),
    (5, "请选择模板"),
])
def test_templates_come_only_from_the_catalog(client, data_dir, name, message):
    for answer in (client.post("/api/drafts", json={"模板": name}),
                   client.post("/api/preview", json={"模板": name, "form": {}})):
        assert answer.status_code == 400 and answer.json()["error"] == message
    assert not (data_dir / "草稿").exists() or not any((data_dir / "草稿").iterdir())


def test_a_new_draft_can_start_from_a_form(client):
    draft = client.post("/api/drafts", json={"模板": "工作总结", "form": {"标题": "另存的"}}).json()["id"]
    assert client.get(f"/draft/{draft}/download.yaml").text == "模板: 工作总结\n标题: 另存的\n"
    wrong = client.post("/api/drafts", json={"模板": "工作总结", "form": {"标题": 3.5, "颜色": "红"}})
    assert wrong.status_code == 400 and wrong.json() == {"error": "模板没有字段“颜色”", "field": "颜色"}


def test_an_opened_file_may_not_reach_for_server_files(client, data_dir, tmp_path):
    secret = tmp_path / "秘密.csv"
    secret.write_text("指标,值\n甲,1\n", encoding="utf-8")
    for body in (f"模板: 工作总结\n主要指标表: {{来源: {secret}}}\n",            # a table field
                 f"模板: 工作总结\n主要做法:\n  - 标题: 甲\n    要点: {{来源: {secret}}}\n"):   # nested
        answer = client.post("/api/open", params={"name": "a.yaml"}, content=body.encode())
        assert answer.status_code == 400 and "不能用“来源:”引用其他文件" in answer.json()["error"], body
    assert not (data_dir / "草稿").exists() or not any((data_dir / "草稿").iterdir())


def test_format_download_carries_what_the_user_should_know(client, tmp_path):
    raw = reviewed_docx(tmp_path / "审阅稿.docx").read_bytes()
    answer = client.post("/api/format", params={"name": "审阅稿.docx"}, content=raw)
    assert answer.status_code == 200
    notices = json.loads(unquote(answer.headers["x-reportgen-notices"]))
    assert notices == ["有 4 处未处理的修订，已按全部接受后的文字排版，请核对", "有 1 条批注，排版稿里没有带上"]
    plain = client.post("/api/format", json={"text": "报告\n一、做法\n做了。"})
    assert "x-reportgen-notices" not in plain.headers


def test_a_format_error_names_the_upload_not_a_server_path(client):
    answer = client.post("/api/format", params={"name": "我的粗稿.txt"}, content="   \n".encode())
    assert answer.status_code == 400 and answer.json()["error"].startswith("我的粗稿.txt: ")


def test_preview_numbers_an_attachment_afresh_and_shows_addressee_flush():
    from generator.markup import parse
    from generator.serve.preview import to_html
    from generator.word.style import load_style

    html = to_html(parse("# 报告\n\n::: 主送\n区委：\n:::\n\n## 做法\n\n## 问题\n\n::: 附件标识\n附件1\n:::\n\n"
                         "# 名册\n\n## 党员\n"), load_style())
    assert '<p class="addressee">区委：</p>' in html and '<p class="attachment">附件1</p>' in html
    assert html.count("一、") == 2 and html.count("二、") == 1
    blocks = parse("# 讲话\n\n## 成绩\n\n## 不足\n\n我再提两点要求：\n\n## 提高站位\n\n## 夯实基础\n")
    blocks[-2].again = True                          # as format marks 一、 under a lead-in (outline.Section.again)
    assert re.findall(r'<h2 class="h1">(..)', to_html(blocks, load_style())) == ["一、", "二、", "一、", "二、"]
