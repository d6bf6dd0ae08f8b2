"""didChange → publishDiagnostics latency and idle RSS of language servers, one driver for all.

For each server command: start it, initialize (rootUri = a temporary folder holding only the
test file), open a generated 2,000-line Python file with async code (and a few mistakes), wait
for its first diagnostics, then send 200 incremental didChange notifications one at a time, each
waiting for the publishDiagnostics of the new version (or, for servers that send no version, the
next one for the file): first 200 edits of trailing comments, then 200 edits of a number in the
code ("code"), then 200 edits of a name in the code ("name"), reported separately and together
("all" is comment + code, as before the name edits were added). Reports p50/p95/mean in ms, and RSS (VmRSS of the server process and its
children) after the file is open and the server has been idle for 1 s.

usage: lsp_latency_driver.py NAME=COMMAND [NAME=COMMAND ...]   (COMMAND is split on spaces)
Standard library only.
"""
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time

EDITS = 200
LINES = 2000


def generate_source() -> str:
    blocks = []
    n = 0
    while sum(b.count("\n") for b in blocks) < LINES:
        blocks.append(
            f"async def fetch_{n}(url):  # note\n"
            f"    await asyncio.sleep(0.01)\n"
            f"    return {{'url': url, 'n': {n}}}\n"
            f"\n\n"
            f"async def process_{n}(urls):\n"
            f"    results = []\n"
            f"    for url in urls:\n"
            f"        item = await fetch_{n}(url)  # note\n"
            f"        results.append(item)\n"
            f"    first = await fetch_{n}('a')\n"
            f"    second = await fetch_{n}('b')\n"
            + (f"    fetch_{n}('dropped')\n" if n % 10 == 0 else f"    print(first, second)\n")
            + f"    return results\n"
            f"\n\n"
        )
        n += 1
    text = "import asyncio\n\n\n" + "".join(blocks)
    lines = text.split("\n")[:LINES]
    return "\n".join(lines) + "\n"


class Connection:
    def __init__(self, command):
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.messages = queue.Queue()
        self.next_id = 1
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            body = out.read(length)
            self.messages.put((time.perf_counter(), json.loads(body)))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return rid

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait_for(self, predicate, timeout=60):
        """The first message satisfying predicate; answers server requests on the way."""
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError("no matching message")
            item = self.messages.get(timeout=left)
            if item is None:
                raise EOFError("server exited")
            at, message = item
            if "method" in message and "id" in message:
                self._answer(message)
                continue
            if predicate(message):
                return at, message

    def _answer(self, message):
        method = message["method"]
        if method == "workspace/configuration":
            result = [None for _ in message.get("params", {}).get("items", [])]
        else:
            result = None
        self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})


def rss_kib(pid):
    """VmRSS of pid and its descendants (basedpyright runs node; ruff and asyncd one process)."""
    total = 0
    pids = [pid]
    try:
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout.split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        except OSError:
            pass
    return total


def measure(name, command, source):
    # initializationOptions: LSP_BENCH_OPTIONS_<NAME> (e.g. LSP_BENCH_OPTIONS_ASYNCD_DEBOUNCE0), else none.
    key = "LSP_BENCH_OPTIONS_" + "".join(c if c.isalnum() else "_" for c in name.upper())
    options = json.loads(os.environ.get(key, "null"))
    folder = tempfile.mkdtemp(prefix="lsp-bench-")
    path = os.path.join(folder, "big_module.py")
    with open(path, "w") as f:
        f.write(source)
    uri = "file://" + path
    conn = Connection(command)
    rid = conn.request("initialize", {
        "processId": os.getpid(), "rootUri": "file://" + folder,
        "initializationOptions": options,
        "workspaceFolders": [{"uri": "file://" + folder, "name": "bench"}],
        "capabilities": {"textDocument": {"publishDiagnostics": {"versionSupport": True},
                                          "synchronization": {"didSave": False}},
                         "workspace": {"configuration": True, "workspaceFolders": True}},
    })
    conn.wait_for(lambda m: m.get("id") == rid)
    conn.notify("initialized", {})
    conn.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": source}})

    def published(version):
        def match(m):
            if m.get("method") != "textDocument/publishDiagnostics" or m["params"]["uri"] != uri:
                return False
            v = m["params"].get("version")
            return v is None or v == version
        return match

    start = time.perf_counter()
    _, first = conn.wait_for(published(1), timeout=120)
    first_ms = (time.perf_counter() - start) * 1000
    time.sleep(1.0)
    # Drain anything the server still had to say about version 1.
    while not conn.messages.empty():
        item = conn.messages.get()
        if item and "method" in item[1] and "id" in item[1]:
            conn._answer(item[1])
    idle = rss_kib(conn.process.pid)
    lines = source.split("\n")
    version = 1

    def timed_edits(targets, suffix):
        """EDITS edits, each appending `suffix` at the end of a line of `targets` (spread over
        the file) and waiting for the publish of its version; their latencies in ms."""
        nonlocal version
        latencies = []
        for k in range(EDITS):
            version += 1
            line = targets[(k * 37) % len(targets)]
            character = len(lines[line]) - suffix[1]
            lines[line] = lines[line][:character] + suffix[0] + lines[line][character:]
            change = {"range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}}, "text": suffix[0]}
            sent = time.perf_counter()
            conn.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
            at, _ = conn.wait_for(published(version), timeout=60)
            latencies.append((at - sent) * 1000)
        return latencies

    # Comment edits: one character appended to a trailing `# note` comment (a server may notice
    # that such an edit cannot change its diagnostics). Code edits: a digit inserted into the
    # number of `asyncio.sleep(0.01)` — a change to a token, which every server has to re-check.
    comment = timed_edits([i for i, l in enumerate(lines) if l.endswith("# note")], ("x", 0))
    code = timed_edits([i for i, l in enumerate(lines) if l.endswith("asyncio.sleep(0.01)")], ("1", 1))
    # Name edits: a letter appended to the name in `results.append(item)` (`items`, `itemss`):
    # an edit no server can treat as a mere change of a literal's digits.
    renamed = timed_edits([i for i, l in enumerate(lines) if l.endswith("results.append(item)")], ("s", 1))
    conn.request("shutdown", None)
    try:
        conn.notify("exit", None)
        conn.process.wait(timeout=5)
    except Exception:
        conn.process.kill()
    def summary(latencies):
        latencies = sorted(latencies)
        return {"p50": statistics.median(latencies), "p95": latencies[int(len(latencies) * 0.95) - 1],
                "mean": statistics.mean(latencies)}
    return {"server": name, "diagnostics": len(first["params"]["diagnostics"]), "first_ms": first_ms,
            "comment": summary(comment), "code": summary(code), "name": summary(renamed), "all": summary(comment + code),
            "idle_rss_mib": idle / 1024}


def main():
    source = generate_source()
    assert source.count("\n") == LINES
    print(f"file: {LINES} lines, {len(source)} bytes; {EDITS} comment edits, then {EDITS} code (number) edits, then {EDITS} name edits, each awaited\n")
    print(f"{'server':<16} {'diags':>5} {'first':>9} | {'comment p50':>11} {'p95':>8} | {'code p50':>9} {'p95':>8} | "
          f"{'name p50':>9} {'p95':>8} | {'all p50':>8} {'p95':>8} {'mean':>8} | {'idle RSS':>9}")
    for spec in sys.argv[1:]:
        name, command = spec.split("=", 1)
        try:
            r = measure(name, command.split(), source)
        except Exception as error:  # a server that is missing or misbehaves is reported, not fatal
            print(f"{name:<16} failed: {error!r}")
            continue
        m, c, n, a = r["comment"], r["code"], r["name"], r["all"]
        print(f"{r['server']:<16} {r['diagnostics']:>5} {r['first_ms']:>7.1f}ms | {m['p50']:>9.2f}ms {m['p95']:>6.2f}ms | "
              f"{c['p50']:>7.2f}ms {c['p95']:>6.2f}ms | {n['p50']:>7.2f}ms {n['p95']:>6.2f}ms | {a['p50']:>6.2f}ms {a['p95']:>6.2f}ms {a['mean']:>6.2f}ms | "
              f"{r['idle_rss_mib']:>7.1f}MiB", flush=True)


if __name__ == "__main__":
    main()
