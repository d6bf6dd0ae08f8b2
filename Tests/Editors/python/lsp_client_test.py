"""asyncd driven by pygls's LanguageClient (a Python LSP client library), the same scenario as
Tests/Editors/neovim: the seed's Common Mistakes → diagnostics (codes and lines), a hover, a
quick-fix code action whose WorkspaceEdit is sent back as an incremental didChange, after which
the server must publish for the new version without the fixed diagnostic. Also pull diagnostics
and the Run-with-trace command. Exit status 1 on any mismatch.

usage: lsp_client_test.py ASYNCD_BINARY FIXTURE
"""
import asyncio
import sys
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

failures: list[str] = []


def check(ok: bool, message: str) -> bool:
    if not ok:
        failures.append(message)
    return ok


async def main(binary: str, fixture: str) -> int:
    path = Path(fixture).resolve()
    uri = path.as_uri()
    text = path.read_text()
    client = LanguageClient("asyncd-pygls-test", "1")
    published: list[types.PublishDiagnosticsParams] = []
    logs: list[str] = []
    changed = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams):
        if params.uri == uri:
            published.append(params)
            changed.set()

    @client.feature(types.WINDOW_LOG_MESSAGE)
    def on_log(params: types.LogMessageParams):
        logs.append(params.message)

    async def next_publish(count: int) -> None:
        while len(published) < count:
            changed.clear()
            await asyncio.wait_for(changed.wait(), 15)

    await client.start_io(binary)
    init = await client.initialize_async(types.InitializeParams(
        capabilities=types.ClientCapabilities(),
        root_uri=path.parent.as_uri(),
    ))
    caps = init.capabilities
    check(caps.hover_provider is True, f"hoverProvider {caps.hover_provider}")
    check(caps.position_encoding == types.PositionEncodingKind.Utf16, f"encoding {caps.position_encoding}")
    client.initialized(types.InitializedParams())
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)))

    # 1. Diagnostics of the three mistakes.
    await next_publish(1)
    await asyncio.sleep(0.2)  # background indexing may re-publish; take the latest
    got = [(d.code, d.range.start.line) for d in published[-1].diagnostics]
    check(got == [("AIO202", 17), ("AIO101", 22), ("AIO301", 27)], f"diagnostics {got}")
    pulled = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
        text_document=types.TextDocumentIdentifier(uri=uri)))
    check([(d.code, d.range.start.line) for d in pulled.items] == got, f"pull diagnostics {pulled}")

    # 2. Hover on `run` of `asyncio.run(main())`.
    last = len(text.splitlines()) - 1
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=last, character=9)))
    check(hover is not None and "Run from sync" in hover.contents.value, f"hover {hover}")

    # 3. The quick fix at the AIO202 diagnostic, applied as an incremental change.
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=17, character=13), end=types.Position(line=17, character=13)),
        context=types.CodeActionContext(diagnostics=[])))
    quickfixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    if check(len(quickfixes) == 1 and quickfixes[0].edit is not None, f"code actions {actions}"):
        edits = quickfixes[0].edit.changes[uri]
        check([(e.range.start.line, e.range.start.character, e.new_text) for e in edits] == [(16, 13, "await ")], f"edit {edits}")
        before = len(published)
        client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=e.range, text=e.new_text) for e in edits]))
        await next_publish(before + 1)
        after = published[-1]
        check(after.version == 2, f"published version {after.version}")
        check([d.code for d in after.diagnostics] == ["AIO101", "AIO301"], f"after the fix {after.diagnostics}")

    # 4. Run with trace.
    lenses = await client.text_document_code_lens_async(types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    check(len(lenses) == 1 and lenses[0].command.command == "asyncd.runWithTrace", f"lenses {lenses}")
    run = await client.workspace_execute_command_async(types.ExecuteCommandParams(command="asyncd.runWithTrace", arguments=[uri]))
    check(isinstance(run, dict) and run.get("outcome") is not None, f"run {run}")
    check(any("asyncd run" in m for m in logs), f"no window/logMessage for the run: {logs}")

    await client.shutdown_async(None)
    client.exit(None)
    await asyncio.sleep(0.1)
    await client.stop()
    for failure in failures:
        print(f"pygls: FAIL {failure}", file=sys.stderr)
    if not failures:
        print("pygls: all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main(sys.argv[1], sys.argv[2])))
