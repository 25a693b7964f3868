"""The web app's routes: each parses its input, calls the package, and answers with a page,
JSON, or a file. Anything the user got wrong is a ReportgenError, answered as a 4xx with one
Chinese line (and the form field it concerns) — the server keeps running."""
import json
import tempfile
import threading
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import escape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from generator.draft.engine import Engine
from generator.draft.validate import TEMPLATE_KEY
from generator.errors import ReportgenError
from generator.output import save_atomic
from generator.serve import forms, outputs, uploads
from generator.serve.guard import Guard
from generator.serve.preview import to_html
from generator.serve.store import Conflict, NotFound, Store, dump
from generator.word.style import load_style
from generator.yamlio import load_yaml, read_text

HERE = Path(__file__).parent
JSON_LIMIT = 2 * 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class App:
    """What the routes share: the engine (one lock: Jinja and the writer are used by one
    request at a time), the saved drafts, and what is worth computing once."""

    def __init__(self, data_dir, template_dirs=(), style=None):
        self.data_dir = Path(data_dir)
        self.store = Store(self.data_dir)
        self.work = self.data_dir / "临时"
        self.work.mkdir(parents=True, exist_ok=True)
        self.engine = Engine(template_dirs, style=style, references=False)   # uploads never name server files
        self.sheet = load_style(style)
        self.style = style
        self.lock = threading.Lock()
        self.pdf_lock = threading.Lock()
        self.mine_lock = threading.Lock()
        self._skeletons = {}
        self.pages = Environment(loader=FileSystemLoader(HERE / "templates"),
                                 autoescape=select_autoescape(["html"]))

    # ---- drafts ------------------------------------------------------------------
    def template(self, name):
        if not isinstance(name, str):
            raise ReportgenError("请选择模板")
        return self.engine.catalog.get(name)

    def preview(self, name, form):
        """``{html, warnings, error}`` of a form as the user has filled it so far."""
        template = self.template(name)
        try:
            data = forms.to_data(template, form)
            with self.lock:
                draft = self.engine.prepare_data(data, Path(template.name))
            html = to_html(draft.blocks, self.sheet)
        except ReportgenError as exc:
            return {"html": "", "warnings": [], "error": {"message": exc.message, "field": forms.error_field(exc)}}
        return {"html": str(html), "error": None,
                "warnings": [{"message": w.message, "field": w.field} for w in draft.warnings]}

    def skeleton(self, template):
        """The template's first-level headings, rendered from its manifest's examples."""
        if template.name not in self._skeletons:
            try:
                with self.lock:
                    draft = self.engine.prepare_data(forms.example_data(template), Path(template.name))
                self._skeletons[template.name] = [b.text for b in draft.blocks if b.kind == "一级标题"]
            except ReportgenError:
                self._skeletons[template.name] = []
        return self._skeletons[template.name]

    def docx(self, draft_id, folder):
        data, _ = self.store.load(draft_id)
        with self.lock:
            draft = self.engine.prepare_data(data, Path(str(data.get("标题") or "草稿")))
            out = Path(folder) / "草稿.docx"
            self.engine.write(draft, out)
        return out, data

    def suggestion(self, category):
        """The mined 素材 of a section category, from ``<data>/mined.yaml`` (mined from the
        corpus the first time it is asked for; a user's own ``reportgen mine`` result can go there)."""
        from generator.corpus.mine import default_corpus, dump, mine, suggestion
        mined = self.data_dir / "mined.yaml"
        with self.mine_lock:
            if not mined.exists():
                text = dump(mine((default_corpus(),)))
                save_atomic(mined, False, lambda stream: stream.write(text.encode("utf-8")))
        return suggestion(category, mined)

    def page(self, name, **values):
        return HTMLResponse(self.pages.get_template(name).render(**values))


def create_app(data_dir, template_dirs=(), style=None, hosts=("127.0.0.1", "localhost", "::1"), token=None):
    app = App(data_dir, template_dirs, style)

    async def index(request):
        templates = []
        for name in app.engine.catalog.names():
            try:
                t = app.template(name)
            except ReportgenError as exc:
                templates.append({"name": name, "title": name, "description": exc.message, "skeleton": [],
                                  "broken": True})
                continue
            skeleton = await run_in_threadpool(app.skeleton, t)
            templates.append({"name": t.name, "title": t.title, "description": t.description,
                              "skeleton": skeleton, "broken": False})
        return app.page("index.html", nav="home", templates=templates, drafts=app.store.all(),
                        workbook=outputs.workbook_unavailable())

    async def draft_page(request):
        draft_id = request.path_params["id"]
        data, version = app.store.load(draft_id)
        template = app.template(data.get(TEMPLATE_KEY))
        boot = {"id": draft_id, "version": version, "schema": forms.schema(template),
                "form": forms.to_form(template, data), "categories": _categories(template),
                "pdf": outputs.pdf_unavailable(), "workbook": outputs.workbook_unavailable()}
        return app.page("draft.html", nav="home", template=template, boot=json.dumps(boot, ensure_ascii=False)
                        .replace("</", "<\\/"), title=data.get("标题") or template.title)

    async def new_draft(request):
        body = await _json(request)
        template = app.template(body.get("模板") if isinstance(body, dict) else None)
        # a form comes along when a tab that lost a save conflict keeps its work as a new draft
        return JSONResponse({"id": app.store.create(forms.to_data(template, body.get("form") or {}))})

    async def save_draft(request):
        body = await _json(request)
        draft_id = request.path_params["id"]
        data, _ = app.store.load(draft_id)
        template = app.template(data.get(TEMPLATE_KEY))
        if not isinstance(body, dict) or not isinstance(body.get("version"), int):
            raise ReportgenError("保存请求应带上表单（form）和版本号（version）")
        new = forms.to_data(template, body.get("form"))
        if new == data:
            return JSONResponse({"version": body["version"], "saved": False})
        version = app.store.save(draft_id, new, body["version"])
        return JSONResponse({"version": version, "saved": True})

    async def preview(request):
        body = await _json(request)
        if not isinstance(body, dict):
            raise ReportgenError("预览请求应是 {模板, form}")
        return JSONResponse(await run_in_threadpool(app.preview, body.get("模板"), body.get("form", {})))

    async def download(request):
        draft_id, fmt = request.path_params["id"], request.path_params["fmt"]
        data, _ = app.store.load(draft_id)
        name = uploads.label(data.get("标题") or "草稿", "草稿")
        if fmt == "yaml":
            return _file(dump(data).encode("utf-8"), f"{name}.yaml", "application/x-yaml; charset=utf-8")
        if fmt not in ("docx", "pdf", "xlsx"):
            raise HTTPException(404, "没有这种格式")
        with tempfile.TemporaryDirectory(dir=app.work) as folder:
            if fmt == "xlsx":
                out = Path(folder) / "数据.xlsx"
                await run_in_threadpool(outputs.write_workbook, app.template(data.get(TEMPLATE_KEY)), data, out)
                return _file(out.read_bytes(), f"{name}.xlsx",
                             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            docx, _ = await run_in_threadpool(app.docx, draft_id, folder)
            if fmt == "docx":
                return _file(docx.read_bytes(), f"{name}.docx", DOCX)
            reason = outputs.pdf_unavailable()
            if reason:
                raise ReportgenError(reason)

            def pdf():
                with app.pdf_lock:       # LibreOffice is slow and large: one conversion at a time
                    return outputs.write_pdf(docx, folder)
            return _file((await run_in_threadpool(pdf)).read_bytes(), f"{name}.pdf", "application/pdf")

    async def open_data(request):
        raw, name = await _upload(request)
        kind = uploads.kind_of(raw, name, ("yaml", "xlsx"))

        def load():
            if kind == "xlsx":
                with tempfile.TemporaryDirectory(dir=app.work) as folder:
                    path = Path(folder) / "数据.xlsx"
                    path.write_bytes(raw)
                    data, lines = outputs.read_workbook(path, app.template)
            else:
                data, lines = load_yaml(Path(uploads.label(name)), read_text(Path(uploads.label(name)), raw))
            with app.lock:
                draft = app.engine.prepare_data(data, Path(uploads.label(name)), lines)   # any error, with its line
            template = draft.template
            kept = forms.to_data(template, forms.to_form(template, data))
            dropped = [w.message for w in draft.warnings   # the fields this template does not have
                       if w.field and w.field.split(".")[0].split("[")[0] not in template.fields]
            return {"id": app.store.create(kept), "notices": dropped}
        return JSONResponse(await run_in_threadpool(load))

    async def lint(request):
        raw, name = await _upload(request)
        uploads.kind_of(raw, name, ("docx",))
        pages = request.query_params.get("pages") == "1"

        def run():
            from generator.lint.rules import lint_file
            with tempfile.TemporaryDirectory(dir=app.work) as folder:
                path = Path(folder) / "文档.docx"
                path.write_bytes(raw)
                findings, notice = lint_file(path, app.sheet, with_pages=pages)
            return {"findings": [{k: v for k, v in f.as_dict().items() if k != "file"} for f in findings],
                    "notice": notice}
        return JSONResponse(await run_in_threadpool(run))

    async def fix(request):
        raw, name = await _upload(request)
        uploads.kind_of(raw, name, ("docx",))

        def run():
            from generator.lint.fix import fix_file
            with tempfile.TemporaryDirectory(dir=app.work) as folder:
                source, out = Path(folder) / "文档.docx", Path(folder) / "修正.docx"
                source.write_bytes(raw)
                fix_file(source, out, app.sheet)
                return out.read_bytes()
        return _file(await run_in_threadpool(run), f"{uploads.stem(name)}-修正.docx", DOCX)

    async def format_(request):
        if request.headers.get("content-type", "").startswith("application/json"):
            body = await _json(request)
            text = body.get("text") if isinstance(body, dict) else None
            if not isinstance(text, str) or not text.strip():
                raise ReportgenError("请粘贴粗稿的文字，或选择一个文件")
            raw, name, kind = text.encode("utf-8"), "粗稿.txt", "text"
        else:
            raw, name = await _upload(request)
            kind = uploads.kind_of(raw, name, ("docx", "text"))
        clean = request.query_params.get("clean") == "1"

        def run():
            from generator.corpus.formatting import format_file
            with tempfile.TemporaryDirectory(dir=app.work) as folder:
                source = Path(folder) / ("粗稿.docx" if kind == "docx" else "粗稿.txt")
                source.write_bytes(raw)
                try:
                    out, notices = format_file(source, Path(folder) / "排版.docx", style=app.style, clean=clean)
                except ReportgenError as exc:   # name the upload, never the server's temporary file
                    raise exc.at(uploads.label(name), exc.line) if exc.path == source else exc from None
                return out.read_bytes(), [notice.message for notice in notices]
        content, notices = await run_in_threadpool(run)
        return _file(content, f"{uploads.stem(name)}-排版.docx", DOCX, notices)

    async def suggest(request):
        return JSONResponse(await run_in_threadpool(app.suggestion, request.path_params["category"]))

    async def lint_page(request):
        return app.page("lint.html", nav="lint", pages=outputs.pdf_unavailable())

    async def format_page(request):
        return app.page("format.html", nav="format")

    routes = [
        Route("/", index), Route("/draft/{id}", draft_page), Route("/lint", lint_page),
        Route("/format", format_page),
        Route("/api/drafts", new_draft, methods=["POST"]),
        Route("/api/drafts/{id}", save_draft, methods=["PUT"]),
        Route("/api/preview", preview, methods=["POST"]),
        Route("/draft/{id}/download.{fmt}", download),
        Route("/api/open", open_data, methods=["POST"]),
        Route("/api/lint", lint, methods=["POST"]), Route("/api/fix", fix, methods=["POST"]),
        Route("/api/format", format_, methods=["POST"]),
        Route("/api/suggest/{category}", suggest),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    handlers = {ReportgenError: _refused, HTTPException: _http_error, Exception: _failed}
    return Starlette(routes=routes, exception_handlers=handlers,
                     middleware=[Middleware(Guard, hosts=hosts, token=token, limit=uploads.LIMIT)])


def _categories(template):
    """Field name → the corpus section category it is written like (for its 素材 button)."""
    from generator.corpus.outline import label_of
    found = {}
    for field in template.fields.values():
        if field.type in ("text", "list"):
            category = label_of(field.name) or label_of(field.description)
            if category and category != "其他":
                found[field.name] = category
    return found


async def _body(request, limit):
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"上传的内容太大，上限 {limit // 1048576} MB")
        chunks.append(chunk)
    return b"".join(chunks)


async def _json(request):
    try:
        return json.loads(await _body(request, JSON_LIMIT))
    except (ValueError, UnicodeDecodeError):
        raise ReportgenError("请求的内容不是有效的 JSON") from None


async def _upload(request):
    """An upload sent as the raw request body, its name in the ``name`` query parameter."""
    return await _body(request, uploads.LIMIT), request.query_params.get("name", "")


def _file(content, name, media_type, notices=()):
    """A download; ``notices`` (what the user should know of it) ride along in a header, as
    percent-encoded JSON, for the page to show."""
    fallback = name.encode("ascii", "replace").decode().replace("?", "_").replace('"', "_")
    headers = {"Content-Disposition": f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name)}"}
    if notices:
        headers["X-Reportgen-Notices"] = quote(json.dumps(list(notices), ensure_ascii=False))
    return Response(content, media_type=media_type, headers=headers)


def _refused(request, exc):
    status = 409 if isinstance(exc, Conflict) else 404 if isinstance(exc, NotFound) else 400
    if request.method == "GET" and "text/html" in request.headers.get("accept", ""):   # a page, not a fetch
        return HTMLResponse(f'<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>reportgen</title>'
                            f'<p>{escape(str(exc))}</p><p><a href="/">返回首页</a></p></html>', status_code=status)
    return JSONResponse({"error": str(exc), "field": forms.error_field(exc)}, status_code=status)


_STATUS = {404: "没有这个页面或文件", 405: "不支持这种请求方式"}


def _http_error(request, exc):
    ours = isinstance(exc.detail, str) and not exc.detail.isascii()   # starlette's own are English
    message = exc.detail if ours else _STATUS.get(exc.status_code, f"请求有误（{exc.status_code}）")
    return JSONResponse({"error": message}, status_code=exc.status_code)


def _failed(request, exc):   # a bug: the user gets one line, the server goes on
    import traceback
    traceback.print_exception(exc)
    return JSONResponse({"error": f"服务器内部错误（{type(exc).__name__}），请把操作步骤告诉开发者"}, status_code=500)
