from lxml import etree

from generator.corpus.autonumber import ListLabels, style_numbers

NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def xml(text):
    return etree.fromstring(f"<w:root {NS}>{text}</w:root>")


def lvl(ilvl, fmt, text, start=1, extra=""):
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/>{extra}</w:lvl>')


def abstract(aid, *levels):
    return f'<w:abstractNum w:abstractNumId="{aid}">{"".join(levels)}</w:abstractNum>'


def num(nid, aid, overrides=""):
    return f'<w:num w:numId="{nid}"><w:abstractNumId w:val="{aid}"/>{overrides}</w:num>'


def para(num_id=None, ilvl=None, style=None):
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + (
        "<w:numPr>" + (f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else "")
        + (f'<w:numId w:val="{num_id}"/>' if num_id is not None else "") + "</w:numPr>"
        if num_id is not None or ilvl is not None else "")
    return etree.fromstring(f"<w:p {NS}><w:pPr>{props}</w:pPr></w:p>")


def labels(numbering, paras, styles=None):
    found = ListLabels(xml(numbering), style_numbers(xml(styles)) if styles else None)
    return [found.label(para(*p)) for p in paras]


REPORT = abstract(1, lvl(0, "chineseCounting", "%1、"), lvl(1, "chineseCounting", "（%2）"),
                  lvl(2, "decimal", "%3."), lvl(3, "decimal", "（%4）"))


def test_levels_count_and_a_level_restarts_those_below_it():
    got = labels(REPORT + num(5, 1), [(5, 0), (5, 1), (5, 2), (5, 2), (5, 3), (5, 1), (5, 2), (5, 0), (5, 1)])
    assert got == ["一、", "（一）", "1.", "2.", "（1）", "（二）", "1.", "二、", "（一）"]


def test_chinese_counting_past_ten_and_other_formats():
    fmts = abstract(2, lvl(0, "chineseCounting", "%1、", start=9), lvl(1, "decimalEnclosedCircle", "%2"),
                    lvl(2, "chineseLegalSimplified", "%3"), lvl(3, "ideographTraditional", "%4、"),
                    lvl(4, "upperRoman", "%5."), lvl(5, "lowerLetter", "%6)"), lvl(6, "decimalZero", "%7"))
    got = labels(fmts + num(1, 2), [(1, 0), (1, 0), (1, 0), (1, 0), (1, 1), (1, 1), (1, 2), (1, 2),
                                    (1, 3), (1, 3), (1, 4), (1, 4), (1, 5), (1, 6)])
    assert got == ["九、", "十、", "十一、", "十二、", "① ", "② ", "壹 ", "贰 ", "甲、", "乙、", "I.", "II.", "a)", "01 "]


def test_start_override_restarts_and_shared_abstract_continues():
    restart = '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
    got = labels(REPORT + num(1, 1) + num(2, 1) + num(3, 1, restart),
                 [(1, 0), (1, 0), (2, 0), (3, 0), (3, 0), (1, 0)])
    # numId 2 shares the list of 1 and goes on; numId 3 starts again at 一, then goes on too
    assert got == ["一、", "二、", "三、", "一、", "二、", "三、"]


def test_legal_levels_restart_rules_bullets_and_numbering_turned_off():
    legal = abstract(4, lvl(0, "chineseCounting", "第%1章"), lvl(1, "decimal", "%1.%2", extra='<w:isLgl/>'),
                     lvl(2, "decimal", "%3.", extra='<w:lvlRestart w:val="0"/>'),
                     lvl(3, "bullet", "\u2022"))
    got = labels(legal + num(1, 4), [(1, 0), (1, 1), (1, 2), (1, 0), (1, 1), (1, 2), (1, 3), (0, 0), (None, 0), (9, 0)])
    # 第一章 is followed by a space (Word's tab); a never-restarting level goes on after 第二章;
    # bullets, numId 0, no numId and an undefined list have no label
    assert got == ["第一章 ", "1.1 ", "1.", "第二章 ", "2.1 ", "2.", "", "", "", ""]


def test_numbering_by_paragraph_style_through_based_on():
    styles = ('<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/>'
              '</w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Mine"><w:basedOn w:val="H1"/></w:style>')
    got = labels(REPORT + num(1, 1), [(None, None, "H1"), (None, None, "H2"), (None, None, "Mine"),
                                      (None, None, "Normal"), (0, None, "H1")], styles)
    assert got == ["一、", "（一）", "二、", "", ""]


def test_a_list_without_definitions_has_no_labels():
    assert ListLabels(None).label(para(1, 0)) == ""


def test_upper_case_figures_huge_starts_and_a_sub_level_start_override():
    legal = abstract(3, lvl(0, "chineseLegalSimplified", "%1", start=10), lvl(1, "ideographLegalTraditional", "%2", start=2),
                     lvl(2, "lowerLetter", "%3)", start=10 ** 20), lvl(3, "upperRoman", "%4", start=2 * 10 ** 9))
    assert labels(legal + num(1, 3), [(1, 0), (1, 0), (1, 1), (1, 2), (1, 3)]) == [
        "壹拾 ", "壹拾壹 ", "貳 ", f"{10 ** 20})", f"{2 * 10 ** 9} "]   # crafted starts: figures, at once
    five = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride>'
    got = labels(REPORT + num(1, 1) + num(2, 1, five), [(1, 0), (1, 1), (2, 0), (2, 1), (2, 1)])
    assert got == ["一、", "（一）", "二、", "（五）", "（六）"]     # the override starts level 2 when it starts


def test_a_list_style_shares_its_list_and_styles_inherit_list_and_level_apart():
    styles = ('<w:style w:type="paragraph" w:styleId="ListStyle"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr>'
              '</w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Item"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="Item2"><w:basedOn w:val="Item"/><w:pPr><w:numPr>'
              '<w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>'
              '<w:style w:type="paragraph" w:styleId="H2"/>')
    linked = '<w:abstractNum w:abstractNumId="7"><w:numStyleLink w:val="ListStyle"/></w:abstractNum>'
    bound = abstract(8, lvl(0, "decimal", "%1."), lvl(1, "decimal", "%1.%2", extra='<w:pStyle w:val="H2"/>'))
    got = labels(REPORT + num(1, 1) + linked + num(2, 7) + bound + num(3, 8),
                 [(1, 0), (2, 0), (None, None, "Item"), (None, None, "Item2"), (3, 0), (3, None, "H2")], styles)
    # numId 2 is list 1 through the list style: one counter; Item2 takes Item's list at level 2;
    # H2 is bound to level 2 of list 8
    assert got == ["一、", "二、", "三、", "（一）", "1.", "1.1 "]
