"""``reportgen serve``: its options, the bind rules, a port that is taken."""
import socket

from generator.cli import cli
from generator.serve.server import address, allowed_hosts, is_loopback


def test_help_is_chinese(runner):
    done = runner.invoke(cli, ["serve", "--help"])
    assert done.exit_code == 0
    assert "启动本机网页版" in done.output and "--data-dir" in done.output and "--token" in done.output


def test_loopback_and_hosts():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("192.0.2.7") and not is_loopback("0.0.0.0")
    assert allowed_hosts("127.0.0.1") == ("127.0.0.1", "localhost", "::1")
    assert allowed_hosts("192.0.2.7")[-1] == "192.0.2.7" and allowed_hosts("0.0.0.0") == ("*",)
    assert address("0.0.0.0", 8765, "t0ken") == "http://127.0.0.1:8765/?token=t0ken"
    assert address("::1", 80) == "http://[::1]:80/"


def test_a_short_token_is_one_line(runner, tmp_path):
    done = runner.invoke(cli, ["serve", "--host", "0.0.0.0", "--token", "abc", "--data-dir", str(tmp_path)])
    assert done.exit_code == 1 and "--token 至少要 8 个字符" in done.output


def test_a_port_in_use_is_one_line(runner, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = runner.invoke(cli, ["serve", "--port", str(port), "--data-dir", str(tmp_path / "数据")])
    assert done.exit_code == 1     # said at once: no "started" banner first, no data folder made
    assert done.output == f"错误：无法在 127.0.0.1:{port} 启动服务（端口可能已被占用），可以用 --port 换一个端口\n"
    assert not (tmp_path / "数据").exists()
