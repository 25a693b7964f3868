"""The web app under load, on loopback only: the preview round trip, and many clients at once.

    python bench/serve_bench.py [--previews 300] [--clients 20] [--seconds 60]

Starts ``reportgen serve`` in its own process on a free 127.0.0.1 port with an empty data folder,
then:

1. preview round trip: the 调研报告 example (examples/调研报告.yaml) as the form sends it,
   POSTed to /api/preview ``--previews`` times in a row on one keep-alive connection, with the
   title changed each time as a user typing would; median, 95th percentile and the largest;
2. ``--clients`` clients at once for ``--seconds`` seconds, each on its own connection and draft:
   mostly previews, and also saves (each with its version), the home page and .docx downloads
   in the proportions of someone editing; every answer must be a 2xx. The server's resident
   memory is sampled every second: flat means the last ten seconds are within 10 % of the
   ten seconds after the first ten (the warm-up: threads, caches and allocator arenas filling).

Every loop is bounded in count and time; the server is stopped at the end. Exit code 1 when
there was an error, the median preview is over 100 ms, or memory grew.
"""
import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.draft.catalog import Catalog  # noqa: E402
from generator.serve.forms import to_form  # noqa: E402
from generator.yamlio import load_yaml  # noqa: E402

EXAMPLE = ROOT / "examples" / "调研报告.yaml"
MAX_REQUESTS = 200_000          # per client, whatever --seconds says


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start_server(data_dir):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "generator.cli", "serve", "--port", str(port),
                               "--data-dir", str(data_dir)], cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/", timeout=2).status_code == 200:
                return server, url
        except httpx.HTTPError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("服务没有启动：" + server.stderr.read().decode(errors="replace"))


def example_form():
    data, _ = load_yaml(EXAMPLE)
    return to_form(Catalog().get(data["模板"]), data)


def preview_round_trips(url, form, count):
    times = []
    with httpx.Client(base_url=url, timeout=10) as client:
        for i in range(count + 5):
            body = {"模板": "调研报告", "form": {**form, "标题": f"{form['标题']}{i}"}}
            start = time.perf_counter()
            answer = client.post("/api/preview", json=body)
            elapsed = time.perf_counter() - start
            if answer.status_code != 200 or answer.json()["error"] or "<h1" not in answer.json()["html"]:
                raise SystemExit(f"预览出错：{answer.status_code} {answer.text[:200]}")
            if i >= 5:                     # the first few warm the server up
                times.append(elapsed * 1000)
    return times


def client_loop(url, form, until, results, index):
    counts = {"preview": 0, "save": 0, "page": 0, "docx": 0}
    errors, times = [], []
    with httpx.Client(base_url=url, timeout=30) as client:
        try:
            draft = client.post("/api/drafts", json={"模板": "调研报告"}).json()["id"]
        except (httpx.HTTPError, ValueError, KeyError) as exc:
            results[index] = (counts, [f"新建草稿：{exc!r}"], times)
            return
        version = 1
        for n in range(MAX_REQUESTS):
            if time.monotonic() >= until:
                break
            body_form = {**form, "标题": f"客户{index}第{n}次"}
            kind = "docx" if n % 50 == 49 else "page" if n % 25 == 24 else "save" if n % 5 == 4 else "preview"
            start = time.perf_counter()
            try:
                if kind == "preview":
                    answer = client.post("/api/preview", json={"模板": "调研报告", "form": body_form})
                elif kind == "save":
                    answer = client.put(f"/api/drafts/{draft}", json={"form": body_form, "version": version})
                    if answer.status_code == 200:
                        version = answer.json()["version"]
                elif kind == "page":
                    answer = client.get("/")
                else:
                    answer = client.get(f"/draft/{draft}/download.docx")
                if answer.status_code != 200:
                    errors.append(f"{kind} {answer.status_code} {answer.text[:120]}")
            except httpx.HTTPError as exc:
                errors.append(f"{kind} {exc!r}")
            times.append((kind, (time.perf_counter() - start) * 1000))
            counts[kind] += 1
    results[index] = (counts, errors, times)


def soak(url, server, form, clients, seconds):
    until = time.monotonic() + seconds
    results = [None] * clients
    threads = [threading.Thread(target=client_loop, args=(url, form, until, results, i)) for i in range(clients)]
    samples = []
    for t in threads:
        t.start()
    begin = time.monotonic()
    while any(t.is_alive() for t in threads):
        samples.append((time.monotonic() - begin, rss_mb(server.pid)))
        time.sleep(1)
    for t in threads:
        t.join()
    return results, samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--previews", type=int, default=300)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    print(f"负载：{os.getloadavg()[0]:.2f}（开始）")
    form = example_form()
    with tempfile.TemporaryDirectory() as data_dir:
        server, url = start_server(Path(data_dir))
        try:
            times = preview_round_trips(url, form, args.previews)
            median = statistics.median(times)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(f"预览往返（调研报告示例，{len(times)} 次）：中位数 {median:.1f} ms，95% {p95:.1f} ms，"
                  f"最长 {max(times):.1f} ms（目标中位数 ≤ 100 ms）")
            results, samples = soak(url, server, form, args.clients, args.seconds)
            alive = server.poll() is None
        finally:
            server.terminate()
            try:
                server.wait(10)
            except subprocess.TimeoutExpired:
                server.kill()
    counts = {k: sum(r[0][k] for r in results) for k in results[0][0]}
    errors = [e for r in results for e in r[1]]
    by_kind = {}
    for r in results:
        for kind, ms in r[2]:
            by_kind.setdefault(kind, []).append(ms)
    total = sum(counts.values())
    print(f"{args.clients} 个客户端同时 {args.seconds:.0f} 秒：共 {total} 个请求（{total / args.seconds:.0f} 个/秒），"
          + "，".join(f"{k} {v}" for k, v in counts.items()) + f"；错误 {len(errors)}；服务{'仍在运行' if alive else '已退出！'}")
    for kind, values in by_kind.items():
        print(f"  {kind}：中位数 {statistics.median(values):.0f} ms，95% {statistics.quantiles(values, n=20)[-1]:.0f} ms")
    for e in errors[:5]:
        print("  错误：", e)
    warm = [mb for t, mb in samples if 10 <= t < 20] or [samples[0][1]]
    last = [mb for t, mb in samples if t >= samples[-1][0] - 10]
    flat = max(last) <= 1.1 * statistics.mean(warm)
    print(f"服务进程内存（RSS）：预热后 {statistics.mean(warm):.1f} MB，最后十秒 {statistics.mean(last):.1f} MB，"
          f"最高 {max(mb for _, mb in samples):.1f} MB — {'平稳' if flat else '在增长'}")
    marks = {int(t // 10) * 10: mb for t, mb in samples}
    print("  每 10 秒：" + "，".join(f"{t} s {mb:.1f} MB" for t, mb in sorted(marks.items())))
    print(json.dumps({"preview_median_ms": round(median, 1), "preview_p95_ms": round(p95, 1), "requests": total,
                      "errors": len(errors), "rss_warm_mb": round(statistics.mean(warm), 1),
                      "rss_last_mb": round(statistics.mean(last), 1)}, ensure_ascii=False))
    print(f"负载：{os.getloadavg()[0]:.2f}（结束）")
    sys.exit(0 if not errors and alive and median <= 100 and flat else 1)


if __name__ == "__main__":
    main()
