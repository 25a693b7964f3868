"""reportgen serve in a real browser: headless Chromium fills the 工作总结 form from empty and
checks what a user would see (preview, field messages, the downloaded .docx, the saved draft).
Screenshots at 1366×768 go to $REPORTGEN_SCREENSHOTS when set."""
import os
import time
from pathlib import Path

import pytest
from docx import Document
try:   # without selenium the browser fixture skips (locally) or fails (in CI)
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    By = EC = WebDriverWait = None

from conftest import EXAMPLES, reviewed_docx


def shot(driver, name, tmp_path):
    folder = Path(os.environ.get("REPORTGEN_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(folder / f"{name}.png"))


def wait(driver, condition, timeout=10):
    return WebDriverWait(driver, timeout).until(condition)


def field(driver, name):
    return driver.find_element(By.CSS_SELECTOR, f'[data-field="{name}"]')


def type_into(driver, name, text):
    element = driver.find_element(By.CSS_SELECTOR, f'[name="{name}"]')
    element.clear()
    element.send_keys(text)
    return element


def preview_text(driver):
    return driver.find_element(By.ID, "preview").text


def preview_has(driver, text):
    return lambda d: text in preview_text(d) and "stale" not in d.find_element(By.ID, "preview").get_attribute("class")


def paste(driver, element, text):
    """What Excel or WPS put on the clipboard, pasted into ``element``."""
    driver.execute_script("""
        const dt = new DataTransfer(); dt.setData('text/plain', arguments[1]);
        arguments[0].focus();
        arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
    """, element, text)


def downloaded(folder, suffix, timeout=30, name=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done = [p for p in folder.iterdir() if p.suffix == suffix and (name is None or p.name == name)]
        if done:
            return done[0]
        time.sleep(0.1)
    raise AssertionError(f"没有下载到 {suffix} 文件：{list(folder.iterdir())}")


def test_work_summary_from_empty_form(browser, live_server, tmp_path):
    browser.get(live_server + "/")
    assert "工作总结（年度/半年）" in browser.page_source
    shot(browser, "1-模板列表", tmp_path)
    browser.find_element(By.CSS_SELECTOR, 'button.start[data-template="工作总结"]').click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, '[data-field="主要做法"]')))
    draft_url = browser.current_url
    # an empty form already previews, with the required fields as placeholders
    wait(browser, preview_has(browser, "【待补充：总结标题】"))
    assert "缺少必填字段“标题”" in field(browser, "标题").text

    type_into(browser, "标题", "中共测试县委组织部2026年工作总结")
    wait(browser, preview_has(browser, "中共测试县委组织部2026年工作总结"))
    assert "缺少必填字段“标题”" not in field(browser, "标题").text
    type_into(browser, "时间段", "2026年")
    type_into(browser, "导语", "今年以来，我们扎实推进各项工作。")
    wait(browser, preview_has(browser, "今年以来，我们扎实推进各项工作。"))

    # stats: a number as office users type it, and a wrong one flagged at its field
    stats = field(browser, "统计数据")
    cells = stats.find_elements(By.CSS_SELECTOR, "tbody tr:first-child input")
    cells[0].send_keys("发展党员")
    cells[1].send_keys("1,326")
    cells[2].send_keys("1.2千")
    wait(browser, lambda d: "应是数字" in field(d, "统计数据").text)
    assert "has-error" in field(browser, "统计数据").get_attribute("class")
    cells = field(browser, "统计数据").find_elements(By.CSS_SELECTOR, "tbody tr:first-child input")
    cells[2].clear()
    cells[2].send_keys("1,200")
    cells[4].send_keys("名")
    wait(browser, preview_has(browser, "发展党员1326名，比上年增长10.5%"))

    # a list of objects: add two items, fill them, move the second up
    for title in ("坚持固本强基", "突出示范引领"):
        field(browser, "主要做法").find_element(By.CSS_SELECTOR, ":scope > .list > button.add").click()
        items = field(browser, "主要做法").find_elements(By.CSS_SELECTOR, ":scope > .list > .item")
        items[-1].find_element(By.CSS_SELECTOR, '[data-field$=".标题"] input').send_keys(title)
    wait(browser, preview_has(browser, "（二）突出示范引领"))
    item = field(browser, "主要做法[2]")
    item.find_element(By.CSS_SELECTOR, '[data-field="主要做法[2].要点"] button.add').click()
    type_into(browser, "主要做法[2].要点[1]", "建设示范党支部")
    wait(browser, preview_has(browser, "建设示范党支部"))
    field(browser, "主要做法[2]").find_element(By.CSS_SELECTOR, ".item-head button.up").click()
    wait(browser, preview_has(browser, "（一）突出示范引领"))
    text = preview_text(browser)
    assert text.index("（一）突出示范引领") < text.index("建设示范党支部") < text.index("（二）坚持固本强基")

    # a table pasted from Excel (tab-separated, header row first)
    table = field(browser, "主要指标表")
    paste(browser, table.find_element(By.CSS_SELECTOR, "thead input"),
          "指标\t目标\t完成\r\n发展党员（名）\t300\t326\r\n轮训书记（人）\t120\t131\r\n")
    wait(browser, preview_has(browser, "轮训书记（人）"))
    rows = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th,td")]
            for r in browser.find_elements(By.CSS_SELECTOR, "#preview table tr")]
    assert rows == [["指标", "目标", "完成"], ["发展党员（名）", "300", "326"], ["轮训书记（人）", "120", "131"]]
    browser.find_element(By.ID, "preview").click()
    shot(browser, "2-表单与预览", tmp_path)

    # saved as it is edited
    wait(browser, lambda d: "已保存" in d.find_element(By.ID, "save-state").text)
    browser.find_element(By.ID, "dl-docx").click()
    docx = downloaded(browser.downloads, ".docx")
    texts = [p.text for p in Document(str(docx)).paragraphs]
    assert texts[0] == "中共测试县委组织部2026年工作总结"
    assert "（一）突出示范引领" in texts and "（二）坚持固本强基" in texts
    assert any("发展党员1326名" in t for t in texts)
    assert [[c.text for c in row.cells] for row in Document(str(docx)).tables[0].rows][2] == \
        ["轮训书记（人）", "120", "131"]

    # reload: the draft is there, in the order it was left
    browser.get(draft_url)
    wait(browser, preview_has(browser, "（一）突出示范引领"))
    assert browser.find_element(By.CSS_SELECTOR, '[name="标题"]').get_attribute("value") == "中共测试县委组织部2026年工作总结"
    assert browser.find_element(By.CSS_SELECTOR, '[name="主要做法[1].标题"]').get_attribute("value") == "突出示范引领"
    browser.get(live_server + "/")
    assert "中共测试县委组织部2026年工作总结" in browser.find_element(By.ID, "drafts").text


def test_a_second_tab_does_not_erase_the_first(browser, live_server):
    browser.get(live_server + "/")
    browser.find_element(By.CSS_SELECTOR, 'button.start[data-template="调研报告"]').click()
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, '[name="标题"]')))
    first, url = browser.current_window_handle, browser.current_url
    browser.switch_to.new_window("tab")
    browser.get(url)
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, '[name="标题"]')))
    type_into(browser, "标题", "第二个标签页写的标题")
    wait(browser, lambda d: "已保存" in d.find_element(By.ID, "save-state").text)
    browser.switch_to.window(first)
    type_into(browser, "标题", "第一个标签页写的标题")
    wait(browser, lambda d: "有冲突" in d.find_element(By.ID, "save-state").text)
    assert "另一个窗口或标签页里保存过" in browser.find_element(By.ID, "banner").text
    browser.find_element(By.ID, "keep-mine").click()      # this tab's work becomes a new draft
    wait(browser, lambda d: d.current_url != url)
    wait(browser, preview_has(browser, "第一个标签页写的标题"))
    browser.get(url)    # the other tab's work is what was kept in the first draft
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, '[name="标题"]')))
    assert browser.find_element(By.CSS_SELECTOR, '[name="标题"]').get_attribute("value") == "第二个标签页写的标题"


def upload(driver, input_id, path):
    driver.find_element(By.ID, input_id).send_keys(str(path))


def test_lint_and_format_pages(browser, live_server, tmp_path):
    rough = tmp_path / "粗稿.txt"
    rough.write_text("关于加强支部建设的报告\n一、基本情况\n全县共有支部120个.\n二、存在问题\n有的支部活动不经常。\n",
                     encoding="utf-8")
    browser.get(live_server + "/format")
    upload(browser, "format-file", rough)
    browser.find_element(By.ID, "format-run").click()
    docx = downloaded(browser.downloads, ".docx")
    assert docx.name == "粗稿-排版.docx"
    texts = [p.text for p in Document(str(docx)).paragraphs]
    assert texts[0] == "关于加强支部建设的报告" and "一、基本情况" in texts
    shot(browser, "4-一键排版", tmp_path)
    # a draft under review: the page says its changes were read as accepted
    upload(browser, "format-file", reviewed_docx(tmp_path / "审阅稿.docx"))
    browser.find_element(By.ID, "format-run").click()
    downloaded(browser.downloads, ".docx", name="审阅稿-排版.docx")
    wait(browser, lambda d: "修订" in d.find_element(By.ID, "format-msg").text, 30)
    assert "有 1 条批注，排版稿里没有带上" in browser.find_element(By.ID, "format-msg").text

    messy = tmp_path / "别人的稿子.docx"
    doc = Document()          # python-docx's own defaults: Letter paper, Calibri, no indent
    doc.add_paragraph("关于某项工作的报告")
    doc.add_paragraph("一、基本情况")
    doc.add_paragraph("我们做了很多工作,取得了成效")
    doc.save(str(messy))
    browser.get(live_server + "/lint")
    browser.execute_script("document.getElementById('lint-pages').checked = false")
    upload(browser, "lint-file", messy)
    wait(browser, lambda d: "发现" in d.find_element(By.ID, "lint-msg").text, 30)
    rows = browser.find_elements(By.CSS_SELECTOR, "table.findings tbody tr")
    assert rows and any("第 3 段" in r.text for r in rows)
    shot(browser, "3-检查Word文档", tmp_path)
    browser.find_element(By.ID, "lint-fix").click()
    fixed = downloaded(browser.downloads, ".docx", name="别人的稿子-修正.docx")
    assert Document(str(fixed)).sections[0].page_width.mm == pytest.approx(210, abs=0.5)


def test_opening_a_yaml_file_continues_it(browser, live_server):
    example = next(e for e in EXAMPLES if e.stem == "调研报告")
    browser.get(live_server + "/")
    upload(browser, "open-file", example)
    wait(browser, EC.presence_of_element_located((By.CSS_SELECTOR, '[name="标题"]')))
    wait(browser, preview_has(browser, "调查与思考"))
    assert "调查与思考" in browser.find_element(By.CSS_SELECTOR, '[name="标题"]').get_attribute("value")
    # the preview follows the form: a field far down brings its words into view
    side = browser.find_element(By.CSS_SELECTOR, ".preview-side")
    assert browser.execute_script("return arguments[0].scrollTop", side) == 0
    last = browser.find_elements(By.CSS_SELECTOR, '[data-field="对策建议"] input[name$=".标题"]')[-1]
    browser.execute_script("arguments[0].focus()", last)
    wait(browser, lambda d: d.execute_script("return arguments[0].scrollTop", side) > 500)
    heading = next(h for h in browser.find_elements(By.CSS_SELECTOR, "#preview h3") if last.get_attribute("value") in h.text)
    top = browser.execute_script("return arguments[0].getBoundingClientRect().top", heading)
    assert 52 < top < 768


def test_suggestions_beside_a_section(browser, live_server):
    browser.get(live_server + "/")
    browser.find_element(By.CSS_SELECTOR, 'button.start[data-template="工作总结"]').click()
    button = wait(browser, EC.element_to_be_clickable((By.CSS_SELECTOR, '[data-field="存在问题"] .suggest-btn')))
    assert button.text == "素材：问题"
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    panel = wait(browser, lambda d: d.find_element(By.CSS_SELECTOR, '[data-field="存在问题"] > .suggest'))
    wait(browser, lambda d: "常用小标题" in panel.text, 60)
    assert panel.find_elements(By.CSS_SELECTOR, ".chip")
