"""Checks every request passes before any route sees it.

- Host: only the names the server was bound to (a DNS-rebinding page has the attacker's
  host name in its Host header); any name on a wildcard bind, which always has a token.
- Origin: a request that changes something (not GET/HEAD) must come from this server's own
  pages; a browser marks cross-site requests with Origin and Sec-Fetch-Site.
- Token (when set, i.e. bound beyond loopback): every request carries it — the cookie set
  when the printed address ``/?token=…`` is opened, or the ``X-Reportgen-Token`` header.
- Size: a declared body larger than the upload limit is refused before it is read (routes
  count the bytes they read as well).
"""
import hmac
from http.cookies import SimpleCookie
from urllib.parse import parse_qs, urlsplit

COOKIE = "reportgen_token"
SAFE = (b"GET", b"HEAD")


def host_name(value):
    """``127.0.0.1:8765`` → 127.0.0.1, ``[::1]:80`` → ::1."""
    try:
        return (urlsplit(f"//{value}").hostname or "").lower()
    except ValueError:
        return ""


class Guard:
    def __init__(self, app, hosts, token=None, limit=None):
        self.app, self.hosts, self.token, self.limit = app, {h.lower() for h in hosts}, token, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self.refusal(scope, headers)
        if refusal:
            return await _answer(send, *refusal)
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        if self.token and query.get("token") and scope["method"] == "GET":
            # the address printed at start: keep the token in a cookie, drop it from the address
            cookie = f"{COOKIE}={self.token}; Path=/; HttpOnly; SameSite=Strict"
            return await _answer(send, 303, "", [(b"location", scope["path"].encode("utf-8")
                                                  if scope["path"].isascii() else b"/"),
                                                 (b"set-cookie", cookie.encode())])
        await self.app(scope, receive, send)

    def refusal(self, scope, headers):
        """``(status, message)`` when the request is refused, else None."""
        if "*" not in self.hosts and host_name(headers.get("host", "")) not in self.hosts:
            return 421, "主机名不对：请用启动时显示的地址打开（这项检查防止其他网站借用本服务）"
        origin = headers.get("origin")
        cross = headers.get("sec-fetch-site") == "cross-site"
        if scope["method"].encode() not in SAFE and (cross or origin and urlsplit(origin).netloc.lower()
                                                      != headers.get("host", "").lower()):
            return 403, "拒绝来自其他网站的请求"
        if self.token and not self.has_token(headers, scope):
            return 401, "需要口令：请用启动 reportgen serve 时显示的完整地址（带 ?token=…）打开"
        length = headers.get("content-length", "")
        if self.limit and length.isdigit() and int(length) > self.limit:
            return 413, f"上传的内容太大，上限 {self.limit // 1048576} MB"
        return None

    def has_token(self, headers, scope):
        given = [headers.get("x-reportgen-token", "")]
        cookie = SimpleCookie()
        try:
            cookie.load(headers.get("cookie", ""))
        except Exception:   # a malformed Cookie header counts as none
            pass
        if COOKIE in cookie:
            given.append(cookie[COOKIE].value)
        if scope["method"] == "GET":
            given += parse_qs(scope.get("query_string", b"").decode("latin-1")).get("token", [])
        return any(hmac.compare_digest(g.encode(), self.token.encode()) for g in given if g)


async def _answer(send, status, message, headers=()):
    body = (f'{{"error": "{message}"}}' if message else "").encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})
