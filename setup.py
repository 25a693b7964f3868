"""What setup.cfg cannot say: the built-in templates live at the top of the repository
(templates/, their one source), and a wheel carries a copy inside the package, where
generator.draft.catalog finds it however the wheel was installed (venv, --user, --prefix)."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTemplates(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):   # an editable install reads templates/ itself
            return
        target = Path(self.build_lib, "generator", "draft", "templates")
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(Path(__file__).parent / "templates", target,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildWithTemplates})
