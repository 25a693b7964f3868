"""Which of a style sheet's fonts this machine has, and what stands in for the missing ones.

On Linux (and wherever fontconfig is) the installed families come from ``fc-list`` and
the face reportgen's own PDF uses from ``fc-match`` under ``fonts.conf``; on Windows
from the registry's list of installed fonts (the Fonts folder). ``reportgen fonts``
prints ``report``; ``render`` warns with ``missing`` before it makes PDFs.
"""
import dataclasses
import shutil
import subprocess
import sys

from generator.word.office import environment
from generator.word.style import FONT_ROLES, fallbacks, font_info, font_roles

# the free faces of each class, best first, with the Debian package that has each; fonts.conf
# prefers the same faces in the same order (a test holds them together)
FREE = {
    "仿宋": (("AR PL UMing CN", "fonts-arphic-uming"), ("Noto Serif CJK SC", "fonts-noto-cjk")),
    "宋体": (("Noto Serif CJK SC", "fonts-noto-cjk"), ("AR PL UMing CN", "fonts-arphic-uming")),
    "楷体": (("LXGW WenKai", "fonts-lxgw-wenkai"), ("AR PL UKai CN", "fonts-arphic-ukai")),
    "黑体": (("Noto Sans CJK SC", "fonts-noto-cjk"), ("WenQuanYi Zen Hei", "fonts-wqy-zenhei")),
    "小标宋": (("Noto Serif CJK SC", "fonts-noto-cjk"), ("AR PL UMing CN", "fonts-arphic-uming")),
    "生僻字": (("HanaMinB", "fonts-hanazono"), ("Noto Serif CJK SC", "fonts-noto-cjk")),
}
# the class of a font that a sheet names without a 字体 entry, guessed from its name
_CLASS_WORDS = (("小标宋", "小标宋"), ("仿宋", "仿宋"), ("FangSong", "仿宋"), ("楷", "楷体"),
                ("Kai", "楷体"), ("黑", "黑体"), ("Hei", "黑体"), ("宋", "宋体"), ("Song", "宋体"),
                ("ExtB", "生僻字"))


@dataclasses.dataclass
class FontStatus:
    name: str             # the font the sheet asks for
    kinds: list           # paragraph kinds that use it
    font_class: str       # 宋体 仿宋 楷体 黑体 小标宋 生僻字, or "" when unknown
    installed: bool
    standin: str = ""     # the first of its 备选 this machine has (what Word/WPS here would use)
    pdf_face: str = ""    # the face reportgen's LibreOffice conversion uses for it
    same_kind: bool = True  # pdf_face is a free face of the font's own class


def font_class(sheet, name):
    found = font_info(sheet, name).get("类别")
    return found or next((c for word, c in _CLASS_WORDS if word.lower() in name.lower()), "")


def installed_families():
    """Lower-cased family names this machine has (every localised name), or None when it
    cannot tell."""
    if sys.platform == "win32":
        return _windows_families()
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, "--format", "%{family}\n"], capture_output=True,
                             text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return {name.strip().lower() for line in out.splitlines() for name in line.split(",") if name.strip()}


def _windows_families():  # pragma: no cover - only on Windows
    import winreg

    names = set()
    key_path = r"SOFTWARE\Microsoft\Windows NT\CurrentVersion\Fonts"
    for root in (winreg.HKEY_LOCAL_MACHINE, winreg.HKEY_CURRENT_USER):
        try:
            with winreg.OpenKey(root, key_path) as key:
                for i in range(winreg.QueryInfoKey(key)[1]):
                    value = winreg.EnumValue(key, i)[0]   # "SimSun & NSimSun (TrueType)"
                    for name in value.rsplit(" (", 1)[0].split("&"):
                        names.add(name.strip().lower())
        except OSError:
            continue
    return names


def pdf_face(name):
    """The face LibreOffice gets for ``name`` under reportgen's fonts.conf (``family style``)."""
    fc_match = shutil.which("fc-match")
    if fc_match is None or sys.platform == "win32":
        return ""
    env = environment()   # the same fontconfig file as reportgen's own conversions
    try:
        out = subprocess.run([fc_match, "--format", "%{family[0]}\t%{style[0]}", name],
                             capture_output=True, text=True, timeout=60, env=env).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    family, _, style = out.partition("\t")
    return family if style in ("", "Regular", "Book") else f"{family} {style}"


# code points across CJK Extension B (its first and last) and C: a face having all three
# covers the 生僻字 of people's and places' names
_RARE_SAMPLE = ":charset=20000 2a6d6 2a700"


def rare_faces():
    """Installed families that have CJK Extension B and C: where LibreOffice finds the 生僻字
    the 生僻字 font's stand-in lacks (it looks for a face per character)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None or sys.platform == "win32":
        return []
    try:
        out = subprocess.run([fc_list, _RARE_SAMPLE, "family"], capture_output=True, text=True,
                             timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return sorted({line.split(",")[0].strip() for line in out.splitlines() if line.strip()})


def check(sheet, families=None):
    """The status of every Chinese font of ``sheet`` on this machine."""
    families = installed_families() if families is None else families
    out = []
    for name, kinds in font_roles(sheet).items():
        have = families is not None and name.lower() in families
        cls = font_class(sheet, name)
        status = FontStatus(name, kinds, cls, have)
        if not have and families is not None:
            status.standin = next((f for f in fallbacks(sheet, name) if f.lower() in families), "")
            if cls == "生僻字":   # LibreOffice finds each character a face that has it
                faces = rare_faces()
                status.pdf_face, status.same_kind = "、".join(faces), bool(faces)
            else:
                status.pdf_face = pdf_face(name)
                free = [family for family, _ in FREE.get(cls, ())]
                status.same_kind = not free or any(status.pdf_face.startswith(f) for f in free)
        out.append(status)
    return out


def packages_missing(statuses, families):
    """Debian packages whose free face would make a stand-in of the right kind."""
    out = []
    for status in statuses:
        if status.installed:
            continue
        for family, package in FREE.get(status.font_class, ()):
            if family.lower() in families:
                break
            if package not in out:
                out.append(package)
            break
    return out


def report(sheet, style_name):
    """The lines of ``reportgen fonts``: each font, whether it is here, what stands in."""
    families = installed_families()
    if families is None:
        return [f"版式表 {style_name}：无法查看本机字体（没有 fc-list，也不是 Windows）"]
    where = "Windows 字体文件夹" if sys.platform == "win32" else "fc-list / fc-match"
    lines = [f"版式表 {style_name} 的字体（本机，据 {where}）："]
    statuses = check(sheet, families)
    for s in statuses:
        used = "、".join(s.kinds)
        if s.installed:
            lines.append(f"  已安装  {s.name}（{used}）")
            continue
        word = f"本机有备选“{s.standin}”" if s.standin else "本机没有它的备选，Word/WPS 会换成默认字体"
        pdf = ""
        if s.font_class == "生僻字":
            pdf = (f"；PDF 中扩展 B 区以后的汉字用 {s.pdf_face}" if s.pdf_face else
                   "；本机没有含扩展 B 区汉字的字体，PDF 中𠮷、𪚥这类字会缺")
        elif s.pdf_face:
            pdf = f"；reportgen 生成的 PDF 用 {s.pdf_face}" + ("" if s.same_kind else f"（不是{s.font_class}类）")
        lines.append(f"  缺少    {s.name}（{used}）：{word}{pdf}")
    lines.append(advice(statuses, families))
    return lines


def advice(statuses, families):
    """One line that fixes what is missing."""
    missing = [s.name for s in statuses if not s.installed]
    if not missing:
        return "所有字体都已安装，PDF 与 Word 中的字体一致。"
    packages = packages_missing(statuses, families)
    if sys.platform == "win32":
        return f"建议：安装 {'、'.join(missing)} 的字体文件（右键字体文件 →“为所有用户安装”）。"
    free = f"；或先装免费替代：sudo apt-get install {' '.join(packages)}" if packages else ""
    return (f"建议：把 {'、'.join(missing)} 的字体文件复制到 ~/.local/share/fonts 后运行 "
            f"fc-cache -f{free}。")


def missing(sheet):
    """One warning naming the role fonts (title, headings, body, page number) this machine
    lacks and what the PDF uses instead, or None."""
    families = installed_families()
    if families is None:
        return None
    statuses = [s for s in check(sheet, families)
                if not s.installed and set(s.kinds) & set(FONT_ROLES)]
    if not statuses:
        return None
    said = "、".join(f"{s.name}（{'、'.join(k for k in s.kinds if k in FONT_ROLES)}）"
                     + (f"以 {s.pdf_face} 代替" if s.pdf_face else "") for s in statuses)
    return f"本机缺少字体 {said}；PDF 与在装有这些字体的电脑上看到的会有差别，详见 reportgen fonts"
