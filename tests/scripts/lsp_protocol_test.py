#!/usr/bin/env python3
"""Drives the real `draftlint lsp` over pipes with a scripted client and checks what comes back.

Usage: lsp_protocol_test.py PATH/TO/draftlint

Covers: initialize, diagnostics with UTF-16 ranges (an emoji before a finding), incremental
and full changes, close, hover, code actions (quickfix, disable for this line, disable in the
config, both creating and editing .draftlint.yml), configuration changes picked up through
workspace/didChangeWatchedFiles, framing and JSON-RPC errors (the server keeps answering),
requests before initialize and after shutdown, and the exit code of shutdown/exit.
"""
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time

TIMEOUT = 15  # seconds for any one answer

CLEAN = (
    "Hi Sam,\n"
    "\n"
    "We're sorry: our checkout was down on 3 March from 14:05 to 16:40 UTC, and your order 1182 did "
    "not go through. That was our mistake. We have fixed the fault and added a second payment route "
    "so this does not happen again. We have refunded the charge today; you will see it within 3 "
    "working days. Reply to this email or call 0800 123 456 if anything looks wrong.\n"
    "\n"
    "Priya, Head of Payments\n"
)
# The emoji is one code point, two UTF-16 code units and four UTF-8 bytes: the finding after it
# starts at UTF-16 character 11 (code point column 10, byte 13).
FIRST_LINE = "Hi Sam \U0001F600, rest assured we will help prior to Friday."
FLAWED = CLEAN.replace("Hi Sam,", FIRST_LINE)

failures = []


def check(condition, what, detail=None):
    if not condition:
        failures.append(what)
        print(f"FAIL: {what}" + (f"\n      {detail}" if detail is not None else ""), flush=True)
    return condition


def rng(l1, c1, l2, c2):
    return {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}


class Client:
    def __init__(self, binary, cwd):
        self.proc = subprocess.Popen([binary, "lsp"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.incoming = queue.Queue()
        self.stderr = []
        self.stdout_problem = None
        self.next_id = 1
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self):
        out = self.proc.stdout
        try:
            while True:
                headers = {}
                while True:
                    line = out.readline()
                    if not line:
                        self.incoming.put(None)
                        return
                    if line in (b"\r\n", b"\n"):
                        break
                    if not line.endswith(b"\r\n") or b":" not in line:
                        self.stdout_problem = f"not a header line on stdout: {line!r}"
                        self.incoming.put(None)
                        return
                    name, value = line.decode("ascii").split(":", 1)
                    headers[name.strip().lower()] = value.strip()
                length = int(headers["content-length"])
                body = out.read(length)
                self.incoming.put(json.loads(body.decode("utf-8")))
        except Exception as e:  # noqa: BLE001 - any failure here is a test failure
            self.stdout_problem = f"bad output: {e!r}"
            self.incoming.put(None)

    def _read_stderr(self):
        for line in self.proc.stderr:
            self.stderr.append(line.decode("utf-8", "replace"))

    # Sending.
    def raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message):
        body = json.dumps(message).encode("utf-8")
        self.raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None, send=True):
        rid = self.next_id
        self.next_id += 1
        message = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            message["params"] = params
        if send:
            self.send(message)
        return rid, message

    def notify(self, method, params=None):
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    # Receiving.
    def receive(self):
        try:
            message = self.incoming.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError("no answer from the server within %ds" % TIMEOUT) from None
        if message is None:
            raise AssertionError(self.stdout_problem or "the server closed its output")
        if message.get("method") == "client/registerCapability" and "id" in message:
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
        return message

    def until_response(self, rid):
        """Every message up to the response to `rid`, and that response."""
        before = []
        while True:
            m = self.receive()
            if "method" not in m and m.get("id") == rid:
                return before, m
            before.append(m)

    def call(self, method, params=None):
        rid, _ = self.request(method, params)
        return self.until_response(rid)

    def sync(self):
        """Messages the server sent for everything before this point (it answers in order)."""
        before, _ = self.call("draftlint/sync")
        return before

    def diagnostics(self, uri):
        """The last diagnostics published for `uri` up to now (None if none)."""
        last = None
        for m in self.sync():
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                last = m["params"]
        return last

    def wait_exit(self):
        try:
            return self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise AssertionError("the server did not exit") from None

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


def cli_findings(binary, root, text, name):
    """(rule, LSP range) of what `draftlint` itself reports for `text`, converted here to UTF-16."""
    run = subprocess.run([binary, "--no-config", "--format", "json", "--stdin-filename", name, "-"], cwd=root,
                         input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT)
    data = text.encode("utf-8")

    def position(offset):
        before = data[:offset].decode("utf-8")
        line_start = before.rfind("\n") + 1
        return {"line": before.count("\n"), "character": len(before[line_start:].encode("utf-16-le")) // 2}

    return sorted((f["rule"], json.dumps({"start": position(f["offset"]), "end": position(f["offset"] + f["length"])}, sort_keys=True))
                  for f in json.loads(run.stdout))


def lsp_findings(diagnostics):
    return sorted((d["code"], json.dumps(d["range"], sort_keys=True)) for d in diagnostics)


def rule_description_start(binary, rule):
    """The first line of a rule's description, from `draftlint explain`."""
    lines = subprocess.run([binary, "explain", rule], capture_output=True, text=True, timeout=TIMEOUT).stdout.splitlines()
    after_message = lines[[i for i, line in enumerate(lines) if line.startswith("Message:")][0] + 1:]
    return next(line for line in after_message if line.strip()).strip()


def by_code(diagnostics, code):
    return [d for d in diagnostics if d.get("code") == code]


def initialize(client, root):
    return client.call("initialize", {
        "processId": os.getpid(),
        "rootUri": "file://" + root,
        "clientInfo": {"name": "lsp_protocol_test"},
        "capabilities": {
            "workspace": {
                "workspaceEdit": {"documentChanges": True, "resourceOperations": ["create", "rename", "delete"]},
                "didChangeWatchedFiles": {"dynamicRegistration": True},
            },
            "textDocument": {"publishDiagnostics": {"codeDescriptionSupport": True}},
        },
    })


def session(binary, root):
    # The fixtures depend on the built-in rules: say so plainly if those have moved.
    check(cli_findings(binary, root, CLEAN, "clean.txt") == [], "fixture CLEAN is clean under the built-in rules",
          cli_findings(binary, root, CLEAN, "clean.txt"))
    expected = cli_findings(binary, root, FLAWED, "notice.txt")
    check([rule for rule, _ in expected] == ["plain-words", "platitude"],
          "fixture FLAWED has exactly a platitude and a plain-words finding", expected)
    client = Client(binary, root)
    try:
        run_session(client, root, expected, rule_description_start(binary, "platitude"))
    finally:
        client.kill()
        if failures:
            sys.stderr.write("server log:\n" + "".join(client.stderr[-40:]))


def run_session(client, root, expected, description):
    uri = "file://" + os.path.join(root, "notice.txt")
    md_uri = "file://" + os.path.join(root, "notice.md")
    config_path = os.path.join(root, ".draftlint.yml")
    config_uri = "file://" + config_path

    # --- Before initialize: requests get -32002, notifications are dropped.
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32002, "request before initialize answered with -32002", r)
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 0, "text": FLAWED}})

    # --- initialize.
    before, r = initialize(client, root)
    check(not any(m.get("method") == "textDocument/publishDiagnostics" for m in before),
          "didOpen before initialize is ignored", before)
    result = r.get("result", {})
    caps = result.get("capabilities", {})
    sync = caps.get("textDocumentSync", {})
    check(sync.get("openClose") is True and sync.get("change") == 2 and sync.get("save"),
          "textDocumentSync: openClose, incremental change, save", sync)
    check(caps.get("codeActionProvider") and caps.get("hoverProvider") is True, "code actions and hover advertised", caps)
    check(result.get("serverInfo", {}).get("name") == "draftlint" and result["serverInfo"].get("version"),
          "serverInfo names draftlint and its version", result.get("serverInfo"))
    _, again = initialize(client, root)
    check(again.get("error", {}).get("code") == -32600, "a second initialize is an invalid request", again)
    client.notify("initialized", {})
    registered = [m for m in client.sync() if m.get("method") == "client/registerCapability"]
    check(registered and "didChangeWatchedFiles" in json.dumps(registered[0]),
          "watches .draftlint.yml through dynamic registration", registered)

    # --- Diagnostics, with UTF-16 ranges.
    client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": FLAWED}})
    published = client.diagnostics(uri)
    check(published is not None and published.get("version") == 1, "diagnostics published after didOpen", published)
    diags = published["diagnostics"] if published else []
    check(sorted(d["code"] for d in diags) == ["plain-words", "platitude"], "exactly the two findings", diags)
    check(lsp_findings(diags) == expected, "same findings and spans as the command line", (lsp_findings(diags), expected))
    platitude = by_code(diags, "platitude")
    plain = by_code(diags, "plain-words")
    if platitude:
        d = platitude[0]
        check(d["range"] == rng(0, 11, 0, 23), "platitude range in UTF-16 units after the emoji", d["range"])
        check(d["severity"] == 2 and d["source"] == "draftlint", "warning severity 2, source draftlint", d)
        check(d.get("codeDescription", {}).get("href", "").startswith("http"), "codeDescription.href is a URL", d)
        check("rest assured" in d["message"], "message filled in", d["message"])
    if plain:
        d = plain[0]
        check(d["range"] == rng(0, 37, 0, 45), "plain-words range in UTF-16 units", d["range"])
        check(d["severity"] == 3, "suggestion is severity 3 (Information)", d)

    # --- Hover.
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 14}})
    hover = r.get("result") or {}
    value = hover.get("contents", {}).get("value", "")
    check(hover.get("contents", {}).get("kind") == "markdown", "hover is markdown", hover)
    check("`platitude`" in value and description in value and "rest assured" in value,
          "hover shows the rule id, message and description", value)
    check("Instead of" in value and "Write" in value, "hover shows the rule's examples", value)
    check(hover.get("range") == rng(0, 11, 0, 23), "hover range is the finding's", hover.get("range"))
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 3}})
    check(r.get("result", "missing") is None, "no hover away from findings", r)

    # --- Code actions for the substitution.
    _, r = client.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": rng(0, 38, 0, 38),
        "context": {"diagnostics": plain}})
    actions = r.get("result") or []
    titles = [a["title"] for a in actions]
    fix = [a for a in actions if a.get("isPreferred")]
    check(len(fix) == 1 and fix[0]["kind"] == "quickfix", "one preferred quickfix", titles)
    if fix:
        check(fix[0]["edit"] == {"changes": {uri: [{"range": rng(0, 37, 0, 45), "newText": "before"}]}},
              "quickfix edit replaces 'prior to' with 'before'", fix[0]["edit"])
        check(fix[0]["diagnostics"] == plain, "quickfix names its diagnostic", fix[0].get("diagnostics"))
    line_off = [a for a in actions if a["title"] == "Disable plain-words for this line"]
    check(len(line_off) == 1, "disable for this line offered", titles)
    if line_off:
        check(line_off[0]["edit"] == {"changes": {uri: [{"range": rng(0, 0, 0, 0),
                                                          "newText": "draftlint-disable-next-line plain-words\n"}]}},
              "plain-text suppression line inserted above", line_off[0]["edit"])
    create = [a for a in actions if a["title"].startswith("Disable plain-words in")]
    check(len(create) == 1, "disable in the config offered", titles)
    if create:
        changes = create[0]["edit"].get("documentChanges", [])
        check(len(changes) == 2 and changes[0] == {"kind": "create", "uri": config_uri, "options": {"ignoreIfExists": True}},
              "creates .draftlint.yml next to .git", changes)
        check(len(changes) == 2 and changes[1]["textDocument"]["uri"] == config_uri
              and "ignore:\n  - plain-words\n" in changes[1]["edits"][0]["newText"],
              "the new configuration ignores the rule", changes)
    _, r = client.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": rng(0, 38, 0, 38), "context": {"diagnostics": plain, "only": ["refactor"]}})
    check(r.get("result") == [], "context.only without quickfix gives no actions", r)

    # --- Incremental edits: apply the quickfix, then remove the platitude.
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                             "contentChanges": [{"range": rng(0, 37, 0, 45), "text": "before"}]})
    published = client.diagnostics(uri)
    codes = [d["code"] for d in published["diagnostics"]] if published else None
    check(published and published["version"] == 2 and codes == ["platitude"], "quickfix applied: only the platitude left", published)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                             "contentChanges": [{"range": rng(0, 11, 0, 24), "text": ""}]})
    published = client.diagnostics(uri)
    check(published and published["version"] == 3 and published["diagnostics"] == [],
          "incremental edit removing the problem gives empty diagnostics", published)

    # Full-text change back to the flawed notice, then apply "disable for this line".
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": FLAWED}]})
    published = client.diagnostics(uri)
    check(published and len(published["diagnostics"]) == 2, "full change re-lints", published)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 5}, "contentChanges": [
        {"range": rng(0, 0, 0, 0), "text": "draftlint-disable-next-line platitude\n"}]})
    published = client.diagnostics(uri)
    codes = [(d["code"], d["range"]["start"]["line"]) for d in published["diagnostics"]] if published else None
    check(codes == [("plain-words", 1)], "suppression line silences the rule on the next line", published)
    # Disabling a second rule on that line extends the directive instead of adding a line.
    _, r = client.call("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(1, 38, 1, 38),
                                                   "context": {"diagnostics": published["diagnostics"] if published else []}})
    line_off = [a for a in r.get("result") or [] if a["title"] == "Disable plain-words for this line"]
    expected = {"changes": {uri: [{"range": rng(0, 37, 0, 37), "newText": ", plain-words"}]}}
    check(line_off and line_off[0]["edit"] == expected, "second rule added to the directive above", line_off or r)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 6}, "contentChanges": [
        {"range": rng(0, 37, 0, 37), "text": ", plain-words"}]})
    published = client.diagnostics(uri)
    check(published and published["diagnostics"] == [], "both rules silenced by one directive", published)
    client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 7}, "contentChanges": [{"text": FLAWED}]})

    # --- Markdown uses an HTML comment.
    client.notify("textDocument/didOpen", {"textDocument": {"uri": md_uri, "languageId": "markdown", "version": 1,
                                                            "text": "# Update\n\n" + FLAWED}})
    published = client.diagnostics(md_uri)
    md_plat = by_code(published["diagnostics"], "platitude") if published else []
    check(len(md_plat) == 1 and md_plat[0]["range"] == rng(2, 11, 2, 23), "markdown finding on line 2", published)
    _, r = client.call("textDocument/codeAction", {"textDocument": {"uri": md_uri}, "range": rng(2, 12, 2, 12),
                                                   "context": {"diagnostics": md_plat}})
    line_off = [a for a in r.get("result") or [] if a["title"] == "Disable platitude for this line"]
    check(line_off and line_off[0]["edit"]["changes"][md_uri][0]["newText"] == "<!-- draftlint-disable-next-line platitude -->\n",
          "markdown suppression is an HTML comment", line_off)

    # --- A configuration change is picked up without a restart.
    with open(config_path, "w", encoding="utf-8") as f:
        f.write("# test\nignore:\n  - plain-words\n")
    client.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": config_uri, "type": 1}]})
    published = client.diagnostics(uri)
    codes = [d["code"] for d in published["diagnostics"]] if published else None
    check(codes == ["platitude"], "ignored rule gone after didChangeWatchedFiles", published)
    platitude = by_code(published["diagnostics"], "platitude") if published else []
    _, r = client.call("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": rng(0, 12, 0, 12),
                                                   "context": {"diagnostics": platitude}})
    in_config = [a for a in r.get("result") or [] if a["title"] == "Disable platitude in .draftlint.yml"]
    check(in_config and in_config[0]["edit"] == {"changes": {config_uri: [{"range": rng(3, 0, 3, 0), "newText": "  - platitude\n"}]}},
          "disable in the config adds to the existing ignore list", in_config or r)
    # A saved .draftlint.yml is picked up too, and a broken one is reported on the file.
    with open(config_path, "w", encoding="utf-8") as f:
        f.write("ignore: [plain-words, platitude]\nignroe: []\n")
    client.notify("textDocument/didSave", {"textDocument": {"uri": config_uri}})
    messages = client.sync()
    config_diags = [m["params"] for m in messages if m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == config_uri and m["params"]["diagnostics"]]
    check(config_diags and "ignore" in config_diags[-1]["diagnostics"][0]["message"]
          and config_diags[-1]["diagnostics"][0]["range"]["start"]["line"] == 1,
          "a broken configuration is reported on its own file", messages)
    with open(config_path, "w", encoding="utf-8") as f:
        f.write("ignore: [plain-words, platitude]\n")
    client.notify("textDocument/didSave", {"textDocument": {"uri": config_uri}})
    messages = client.sync()
    notice = [m["params"] for m in messages if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri]
    check(notice and notice[-1]["diagnostics"] == [], "saving .draftlint.yml re-lints open documents", notice)
    cleared = [m["params"] for m in messages if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == config_uri]
    check(cleared and cleared[-1]["diagnostics"] == [], "fixed configuration clears its problems", cleared)

    # --- Close clears diagnostics.
    client.notify("textDocument/didClose", {"textDocument": {"uri": md_uri}})
    published = client.diagnostics(md_uri)
    check(published and published["diagnostics"] == [], "didClose clears diagnostics", published)

    # --- Malformed input: answered, and the server keeps going.
    client.raw(b"Content-Length: 9\r\n\r\n{bad json")
    m = client.receive()
    check(m.get("id", "missing") is None and m.get("error", {}).get("code") == -32700, "bad JSON gives -32700 with id null", m)
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("result" in r, "server answers after bad JSON", r)

    client.send([1, 2])
    m = client.receive()
    check(m.get("error", {}).get("code") == -32600 and m.get("id", "missing") is None, "a non-object is an invalid request", m)
    client.send({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"})
    m = client.receive()
    check(m.get("error", {}).get("code") == -32600, "an object id is an invalid request", m)

    _, r = client.call("draftlint/noSuchMethod", {})
    check(r.get("error", {}).get("code") == -32601, "unknown request gives -32601", r)
    client.notify("draftlint/noSuchNotification", {})
    client.notify("$/cancelRequest", {"id": 1})
    before = client.sync()
    check(before == [], "unknown notifications get no answer", before)

    # Content-Length too short: the body is cut (parse error), then the reader finds the next header.
    rid, message = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}, send=False)
    body = json.dumps(message).encode()
    client.raw(b"Content-Length: %d\r\n\r\n" % (len(body) - 7) + body)
    m = client.receive()
    check(m.get("error", {}).get("code") == -32700 and m.get("id", "missing") is None, "too-short Content-Length gives -32700", m)
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("result" in r, "server answers after a too-short Content-Length", r)

    # Content-Length too long: the next message begins inside the body; both are answered.
    rid1, m1 = client.request("draftlint/one", {}, send=False)
    rid2, m2 = client.request("draftlint/two", {}, send=False)
    b1, b2 = json.dumps(m1).encode(), json.dumps(m2).encode()
    client.raw(b"Content-Length: %d\r\n\r\n" % (len(b1) + 40) + b1 + b"Content-Length: %d\r\n\r\n" % len(b2) + b2)
    got = [client.receive(), client.receive()]
    check([g.get("id") for g in got] == [rid1, rid2] and all(g.get("error", {}).get("code") == -32601 for g in got),
          "too-long Content-Length: both messages answered", got)

    # Missing and non-numeric Content-Length.
    client.raw(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n" + json.dumps(m1).encode())
    m = client.receive()
    check(m.get("error", {}).get("code") == -32700 and "Content-Length" in m["error"]["message"],
          "missing Content-Length answered", m)
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("result" in r, "server answers after a missing Content-Length", r)
    client.raw(b"Content-Length: twelve\r\n\r\n{}")
    m = client.receive()
    check(m.get("error", {}).get("code") == -32700 and "twelve" in m["error"]["message"], "non-numeric Content-Length answered", m)
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("result" in r, "server answers after a non-numeric Content-Length", r)

    # Over the size cap: refused with a clear error, the server resynchronises.
    client.raw(b"Content-Length: 100000000\r\n\r\n")
    m = client.receive()
    check(m.get("error", {}).get("code") == -32700 and "exceeds" in m["error"]["message"], "oversized message refused", m)
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("result" in r, "server answers after an oversized message", r)

    # Garbage between messages is skipped.
    client.raw(b"this is not a header\r\n\r\n")
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check("result" in r, "server answers after garbage", r)

    # --- shutdown / exit.
    _, r = client.call("shutdown")
    check("result" in r and r["result"] is None, "shutdown answers null", r)
    _, r = client.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(r.get("error", {}).get("code") == -32600, "requests after shutdown are invalid", r)
    client.notify("exit")
    code = client.wait_exit()
    check(code == 0, "exit after shutdown: status 0", code)
    check(client.stdout_problem is None, "stdout holds only LSP messages", client.stdout_problem)


def exit_without_shutdown(binary, root):
    client = Client(binary, root)
    try:
        initialize(client, root)
        client.notify("exit")
        check(client.wait_exit() == 1, "exit without shutdown: status 1")
    finally:
        client.kill()
    client = Client(binary, root)
    try:
        client.proc.stdin.close()
        check(client.wait_exit() == 1, "end of input without exit: status 1")
    finally:
        client.kill()


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: lsp_protocol_test.py PATH/TO/draftlint")
    binary = os.path.abspath(sys.argv[1])
    root = os.path.realpath(tempfile.mkdtemp(prefix="draftlint-lsp-"))
    os.mkdir(os.path.join(root, ".git"))  # configuration discovery stops here
    started = time.monotonic()
    try:
        try:
            session(binary, root)
        except AssertionError as e:
            check(False, str(e))
        exit_without_shutdown(binary, root)
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if failures:
        print(f"{len(failures)} check(s) failed")
        sys.exit(1)
    print(f"lsp protocol test passed in {time.monotonic() - started:.1f}s")


if __name__ == "__main__":
    main()
