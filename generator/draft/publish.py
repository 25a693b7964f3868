"""``reportgen render`` as a whole: where each draft goes (a folder, a .docx, a .pdf, or a PDF
beside every .docx), checked before anything is rendered; the batch; then every PDF in one
LibreOffice run."""
import contextlib
import os
import tempfile
from pathlib import Path

from generator.draft.engine import iter_batch, output_path
from generator.output import check_target
from generator.word import office


class Outcome:
    """What became of one source: the files written (.docx and/or PDF), its warnings, or
    the error that stopped it."""

    __slots__ = ("source", "written", "warnings", "error")

    def __init__(self, source, written=(), warnings=(), error=None):
        self.source, self.written, self.warnings, self.error = source, list(written), warnings, error


class Render:
    """Checks the targets on creation; ``run`` renders every source and returns one Outcome
    each, in order. ``notices``: what to say once for the whole batch (missing fonts)."""

    def __init__(self, engine, sources, output, force=False, pdf=False, jobs=1):
        self.engine, self.sources, self.output, self.force, self.jobs = engine, sources, output, force, jobs
        output_path(sources[0], output, len(sources))   # several inputs into one file: said up front
        self.pdf_only = office.is_pdf(output)            # -o X.pdf: the .docx only in a temporary folder
        self.pdf = pdf or self.pdf_only
        self.notices = []
        if self.pdf:
            office.require()
        if self.pdf_only:
            check_target(output, force)
        elif self.pdf and not force:   # a PDF beside each draft: refused before any is rendered
            for source in sources:
                check_target(output_path(source, output, len(sources)).with_suffix(".pdf"), force)

    def run(self, progress=None, say=None):
        """``progress(n)`` is called as drafts are done, ``say(text)`` before the slow PDF step."""
        folder = tempfile.TemporaryDirectory(prefix="reportgen-") if self.pdf_only else contextlib.nullcontext()
        with folder as tmp:
            out = os.path.join(tmp, Path(self.output).stem + ".docx") if self.pdf_only else self.output
            batch = iter_batch(self.engine, self.sources, out, self.force or self.pdf_only, self.jobs)
            outcomes = []
            with contextlib.closing(batch):   # closed at once if interrupted: no drafts after
                for source, target, draft, error in batch:
                    # keep only what is reported of each draft, so memory stays flat however long the batch
                    outcomes.append(Outcome(source, [] if error else [target], draft and draft.warnings, error))
                    if progress:
                        progress(1)
            if self.pdf:
                self._convert([o for o in outcomes if o.error is None], say)
        return outcomes

    def _convert(self, done, say):
        """Every written draft to PDF in one LibreOffice run: beside it, or to the one -o X.pdf."""
        if not done:
            return
        if say:
            say(f"用 LibreOffice 转成 PDF（{len(done)} 份）……")
        from generator.word.fonts import missing
        self.notices += filter(None, [missing(self.engine.writer.sheet)])   # the sheet the drafts used
        docs = [o.written[0] for o in done]
        wanted = [Path(self.output) if self.pdf_only else Path(d).with_suffix(".pdf") for d in docs]
        for outcome, pdf, error in zip(done, wanted, office.to_pdf(list(zip(docs, wanted)), self.force)):
            if self.pdf_only:
                outcome.written = []
            if error is None:
                outcome.written.append(pdf)
            else:
                outcome.error = error
