"""A built wheel finds its built-in templates however it is installed: --user into a throwaway
HOME, and --prefix into a temporary folder (the editable install is what every other test uses)."""
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT, paragraphs

BUILTINS = ("工作总结", "经验交流材料", "调研报告")
# the dependencies come from this test's own environment, after the installed package on the path
DEPENDENCIES = sysconfig.get_paths()["purelib"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(ROOT)],
                   check=True, capture_output=True)
    (found,) = out.glob("reportgen-*.whl")
    return found


def installed_run(bindir, env, tmp_path):
    """`reportgen templates` and a render from the installed copy; where it imported from."""
    exe = str(Path(bindir) / "reportgen")
    listing = subprocess.run([exe, "templates"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr
    assert [line.split("\t")[0] for line in listing.stdout.splitlines() if "\t" in line] == list(BUILTINS)
    example = next(e for e in EXAMPLES if e.stem == "工作总结")
    out = tmp_path / "草稿.docx"
    done = subprocess.run([exe, "render", str(example), "-o", str(out)], env=env,
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert paragraphs(out)[0][1]
    ideas = subprocess.run([exe, "suggest", "问题"], env=env, capture_output=True, text=True, cwd=tmp_path)
    assert ideas.returncode == 0 and ideas.stdout.startswith("【问题】共 "), ideas.stderr  # the packaged corpus
    python = Path(exe).read_text(encoding="utf-8").splitlines()[0][2:].strip()   # the script's own #!
    return subprocess.run([python, "-c", "import generator; print(generator.__file__)"],
                          env=env, capture_output=True, text=True, cwd=tmp_path).stdout.strip()


def base_env(tmp_path, **extra):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(tmp_path / "home"), REPORTGEN_CACHE=str(tmp_path / "cache"), **extra)
    return env


def test_user_install_finds_its_templates(wheel, tmp_path):
    userbase = tmp_path / "home" / ".local"
    env = base_env(tmp_path, PYTHONUSERBASE=str(userbase))
    base_python = getattr(sys, "_base_executable", sys.executable)
    subprocess.run([base_python, "-m", "pip", "install", "-q", "--ignore-installed", "--user", "--no-deps", "--no-warn-script-location",
                    str(wheel)], env=env, check=True, capture_output=True)
    # PYTHONPATH holds only the dependencies (this environment has no generator/ folder of its own)
    env["PYTHONPATH"] = DEPENDENCIES
    where = installed_run(userbase / "bin", env, tmp_path)
    assert where.startswith(str(userbase)), where


def test_prefix_install_finds_its_templates(wheel, tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--ignore-installed", "--prefix", str(prefix), "--no-deps",
                    "--no-warn-script-location", str(wheel)], env=base_env(tmp_path), check=True,
                   capture_output=True)
    site = sysconfig.get_path("purelib", vars={"base": str(prefix), "platbase": str(prefix)})
    env = base_env(tmp_path, PYTHONPATH=os.pathsep.join([site, DEPENDENCIES]))
    where = installed_run(prefix / "bin", env, tmp_path)
    assert where.startswith(str(prefix)), where


def test_the_wheel_carries_the_web_apps_pages_and_assets(wheel):
    import zipfile
    shipped = set(zipfile.ZipFile(wheel).namelist())
    serve = ROOT / "generator" / "serve"
    assets = [p.relative_to(ROOT).as_posix() for folder in ("static", "templates") for p in (serve / folder).iterdir()]
    assert assets and set(assets) <= shipped
