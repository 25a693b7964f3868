"""Starting the web app: the safety rules of the bind address, the token, uvicorn, the browser."""
import ipaddress
import secrets
import threading
import webbrowser
from pathlib import Path

from generator.errors import ReportgenError

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def allowed_hosts(host):
    """The Host header names a request may carry for a server bound to ``host``."""
    if host in ("0.0.0.0", "::", ""):
        return ("*",)
    return tuple(dict.fromkeys(LOOPBACK_NAMES + (host.lower(),)))


def settings(host, token):
    """``(token, message)``: a bind beyond loopback needs a token; one is made when not given."""
    if is_loopback(host):
        return token, None
    if token is None:
        token = secrets.token_urlsafe(16)
    elif len(token) < 8:
        raise ReportgenError("--token 至少要 8 个字符")
    return token, "绑定到本机以外的地址：每个请求都要带口令，请用下面的完整地址打开"


def address(host, port, token=None):
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    shown = f"[{shown}]" if ":" in shown else shown
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def run(host="127.0.0.1", port=8765, open_browser=False, data_dir=None, token=None,
        template_dirs=(), style=None, echo=print):
    import uvicorn

    from generator.serve.app import create_app
    token, message = settings(host, token)
    listening = _bind(host, port)            # before anything is said or created
    data_dir = Path(data_dir) if data_dir else Path.home() / "reportgen"
    app = create_app(data_dir, template_dirs, style, allowed_hosts(host), token)
    url = address(host, port, token)
    # uvicorn's own log lines are English; what goes wrong at start is said below in Chinese
    config = uvicorn.Config(app, host=host, port=port, log_level="critical", access_log=False)
    server = uvicorn.Server(config)
    if message:
        echo(message)
    echo(f"reportgen 网页版已启动：{url}")
    if allowed_hosts(host) == ("*",):
        echo("（其他电脑访问时，把地址里的 127.0.0.1 换成本机的 IP 地址）")
    echo(f"草稿保存在 {data_dir}\n按 Ctrl-C 停止")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    try:
        server.run(sockets=[listening])
    except SystemExit:      # uvicorn's way of saying it could not serve
        pass
    if not server.started:
        raise ReportgenError(f"无法在 {host}:{port} 启动服务（端口可能已被占用），可以用 --port 换一个端口")


def _bind(host, port):
    """The listening socket, or one Chinese line when the address is taken or not ours."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError:
        listening.close()
        raise ReportgenError(f"无法在 {host}:{port} 启动服务（端口可能已被占用），可以用 --port 换一个端口") from None
    return listening
