import shutil
import subprocess
import sys

from generator.cli import cli

from conftest import ROOT, paragraphs


def test_render_jobs_keeps_going_after_a_bad_input(runner, small, tmp_path):
    sources = []
    for n in range(4):
        path = tmp_path / f"r{n}.yaml"
        shutil.copy(small, path)
        sources.append(str(path))
    bad = tmp_path / "坏.yaml"
    bad.write_text("模板: 没有这个模板\n", "utf-8")
    result = runner.invoke(cli, ["render", *sources, str(bad), "-o", str(tmp_path / "out"), "--jobs", "2"])
    assert result.exit_code == 1
    assert "共 5 份：成功 4 份，失败 1 份" in result.output
    assert "没有名为“没有这个模板”的模板" in result.output
    texts = {tuple(paragraphs(tmp_path / "out" / f"r{n}.docx")) for n in range(4)}
    assert len(texts) == 1


def test_render_jobs_must_be_positive(runner, small):
    result = runner.invoke(cli, ["render", str(small), "--jobs", "0"])
    assert result.exit_code == 2 and "命令用法有误" in result.output


def _modules_after(*args):
    code = ("import sys; from generator.cli import main; sys.argv = ['reportgen', *sys.argv[1:]]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT)
    return set(done.stderr.split())


def test_help_imports_no_heavy_module():
    loaded = _modules_after("--help")
    assert "click" in loaded
    assert not loaded & {"docx", "lxml", "jieba", "jinja2", "markdown_it", "yaml"}


def test_render_with_a_cached_base_does_not_import_python_docx(small, tmp_path):
    out = tmp_path / "d.docx"
    _modules_after("render", str(small), "-o", str(out))        # lays out and caches the base
    loaded = _modules_after("render", str(small), "-o", str(out), "--force")
    assert paragraphs(out)[0][1].startswith("关于柳湾镇")
    assert "jinja2" in loaded and not loaded & {"docx", "lxml", "jieba"}
