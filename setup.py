"""What setup.cfg cannot say: the built-in templates and the sample corpus live at the top of
the repository (templates/ and seeds/, their one source), and a wheel carries a copy of each
inside the package, where the code finds it however the wheel was installed (venv, --user,
--prefix)."""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

# repository folder → where a wheel keeps it inside the package
COPIES = {"templates": ("generator", "draft", "templates"), "seeds": ("generator", "corpus", "seeds")}


class BuildWithData(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):   # an editable install reads the folders themselves
            return
        for folder, inside in COPIES.items():
            target = Path(self.build_lib, *inside)
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(Path(__file__).parent / folder, target,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".*"))


setup(cmdclass={"build_py": BuildWithData})
