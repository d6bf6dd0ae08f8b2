-- Neovim's built-in LSP client against asyncd, headless (Neovim 0.7.2 API: vim.lsp.start_client).
-- Opens the seed's Common Mistakes, checks the published diagnostics (codes and lines), a hover
-- on asyncio.run, a quick-fix code action (applied through Neovim's own workspace-edit code, after
-- which the server must re-publish without that diagnostic) and exits non-zero on any mismatch.
-- Environment: ASYNCD_BINARY (the server), ASYNCD_FILE (a copy of the fixture to edit).
local binary = os.getenv("ASYNCD_BINARY")
local file = os.getenv("ASYNCD_FILE")
local failures = {}
local function check(ok, message)
  if not ok then table.insert(failures, message) end
  return ok
end
local function finish()
  if #failures == 0 then
    io.stdout:write("neovim: all checks passed\n")
    vim.cmd("qall!")
  else
    for _, f in ipairs(failures) do io.stderr:write("neovim: FAIL " .. f .. "\n") end
    vim.cmd("cquit 1")
  end
end

local ok, err = pcall(function()
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(bufnr)
  local published = {}
  local client_id = vim.lsp.start_client({
    name = "asyncd",
    cmd = { binary },
    root_dir = vim.fn.fnamemodify(file, ":h"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(e, result, ctx, config)
        if result.uri == uri then table.insert(published, result) end
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
    },
  })
  if not check(client_id ~= nil, "vim.lsp.start_client returned nil") then return end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)

  -- 1. Diagnostics: the three mistakes, on the seed's lines (0-based).
  check(vim.wait(15000, function() return #published > 0 end, 20), "no publishDiagnostics within 15 s")
  local expected = { { "AIO202", 17 }, { "AIO101", 22 }, { "AIO301", 27 } }
  local got = {}
  for _, d in ipairs((published[#published] or {}).diagnostics or {}) do
    table.insert(got, d.code .. "@" .. d.range.start.line)
  end
  local want = {}
  for _, e in ipairs(expected) do table.insert(want, e[1] .. "@" .. e[2]) end
  check(table.concat(got, ",") == table.concat(want, ","), "diagnostics " .. table.concat(got, ",") .. " ~= " .. table.concat(want, ","))
  -- Neovim stored them as its own diagnostics too.
  check(#vim.diagnostic.get(bufnr) == #expected, "vim.diagnostic.get has " .. #vim.diagnostic.get(bufnr) .. " entries")

  -- 2. Hover on `run` in `asyncio.run(main())` (last line).
  local last = vim.api.nvim_buf_line_count(bufnr) - 1
  local hover = client.request_sync("textDocument/hover", {
    textDocument = { uri = uri }, position = { line = last, character = 9 } }, 5000, bufnr)
  local value = hover and hover.result and hover.result.contents and hover.result.contents.value or ""
  check(value:find("Run from sync", 1, true) ~= nil, "hover on asyncio.run: " .. vim.inspect(hover))
  check(hover and hover.result and hover.result.contents.kind == "markdown", "hover is not markdown")

  -- 3. Code action at the AIO202 diagnostic (print(result)): a quickfix whose WorkspaceEdit
  --    inserts `await` on the assignment above it.
  local actions = client.request_sync("textDocument/codeAction", {
    textDocument = { uri = uri },
    range = { start = { line = 17, character = 13 }, ["end"] = { line = 17, character = 13 } },
    context = { diagnostics = {} } }, 5000, bufnr)
  local quickfix
  for _, action in ipairs((actions and actions.result) or {}) do
    if action.kind == "quickfix" and action.edit then quickfix = action end
  end
  if check(quickfix ~= nil, "no quickfix with an edit: " .. vim.inspect(actions)) then
    check(quickfix.title == "Insert `await`", "quickfix title " .. tostring(quickfix.title))
    local before = #published
    vim.lsp.util.apply_workspace_edit(quickfix.edit, client.offset_encoding or "utf-16")
    local line = vim.api.nvim_buf_get_lines(bufnr, 16, 17, false)[1]
    check(line:find("result = await fetch_data(1)", 1, true) ~= nil, "after the fix line 17 is: " .. line)
    -- Neovim sends the edit as an incremental didChange; the server re-publishes without AIO202.
    check(vim.wait(15000, function() return #published > before end, 20), "no publishDiagnostics after the edit")
    local codes = {}
    for _, d in ipairs(published[#published].diagnostics) do table.insert(codes, d.code) end
    check(table.concat(codes, ",") == "AIO101,AIO301", "after the fix: " .. table.concat(codes, ","))
    check(published[#published].version == vim.lsp.util.buf_versions[bufnr], "published version is not the buffer's")
  end
  vim.lsp.stop_client(client_id)
end)
check(ok, "error: " .. tostring(err))
finish()
