-- Headless Neovim (0.7+) as a second, independent LSP client: starts the language server over
-- stdio, opens the seed file with a string `image_url`, checks the diagnostic, and applies the
-- server's quick fix. 0.7 has no vim.lsp.start, hence start_client + buf_attach_client.
-- Env: BATCHLINT_NODE, BATCHLINT_SERVER (dist/server.js), BATCHLINT_NVIM_OUT (result lines).
local out_path = assert(os.getenv('BATCHLINT_NVIM_OUT'), 'BATCHLINT_NVIM_OUT is not set')
local out = assert(io.open(out_path, 'w'))
local function report(line)
  out:write(line .. '\n')
  out:flush()
end

local MESSAGE = "Invalid type for 'messages[0].content[1].image_url': expected an object, but got a string instead."
local bufnr = vim.api.nvim_get_current_buf()
-- Neovim 0.7 knows no JSON Lines filetype; the server is told the language VS Code uses.
vim.bo[bufnr].filetype = 'jsonl'

local client_id = vim.lsp.start_client({
  name = 'batchlint',
  cmd = { os.getenv('BATCHLINT_NODE') or 'node', assert(os.getenv('BATCHLINT_SERVER')), '--stdio' },
  root_dir = vim.fn.getcwd(),
})
assert(client_id, 'the language server did not start')
vim.lsp.buf_attach_client(bufnr, client_id)

local function seed_diagnostic()
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.message == MESSAGE then return d end
  end
end

local failed = false
local function check(name, fn)
  if failed then
    report('not ok ' .. name .. ': skipped after an earlier failure')
    return
  end
  local ok, err = pcall(fn)
  if ok then
    report('ok ' .. name)
  else
    failed = true
    report('not ok ' .. name .. ': ' .. tostring(err):gsub('\n', ' '))
  end
end

local function expect(cond, msg) if not cond then error(msg, 2) end end

check('receives the invalid_type diagnostic with its exact range', function()
  expect(vim.wait(15000, function() return seed_diagnostic() ~= nil end, 50),
    'no seed diagnostic; got ' .. vim.inspect(vim.tbl_map(function(d) return d.message end, vim.diagnostic.get(bufnr))))
  local d = seed_diagnostic()
  local line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  -- The range is the string value of image_url, quotes included (byte columns; the line is ASCII).
  local from = line:find('"data:image/png;base64,', 1, true) - 1
  local to = line:find('"', from + 2, true)
  expect(d.code == 'invalid_type', 'code ' .. tostring(d.code))
  expect(d.source == 'batchlint', 'source ' .. tostring(d.source))
  expect(d.severity == vim.diagnostic.severity.ERROR, 'severity ' .. tostring(d.severity))
  expect(d.lnum == 0 and d.end_lnum == 0, 'lines ' .. d.lnum .. '-' .. d.end_lnum)
  expect(d.col == from and d.end_col == to, ('columns %d-%d, expected %d-%d'):format(d.col, d.end_col, from, to))
end)

local action
check('offers a quick fix for it', function()
  local d = seed_diagnostic()
  -- On 0.7 the code-action context is rebuilt from vim.diagnostic, carrying each one's `data`.
  local lsp_diags = vim.tbl_filter(function(x) return x.message == MESSAGE end,
    vim.lsp.diagnostic.get_line_diagnostics(bufnr, d.lnum))
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = lsp_diags, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 10000) or {}
  local titles = {}
  for _, r in pairs(responses) do
    for _, a in ipairs(r.result or {}) do
      table.insert(titles, a.title)
      if a.edit and (not action or a.isPreferred) then action = a end
    end
  end
  expect(action, 'no quick fix with an edit; offered: ' .. table.concat(titles, ' | '))
end)

check('applying it repairs the line and clears the diagnostic', function()
  local client = vim.lsp.get_client_by_id(client_id)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
  local line = vim.api.nvim_buf_get_lines(bufnr, 0, 1, false)[1]
  local parsed = vim.fn.json_decode(line)
  local part = parsed.body.messages[1].content[2]
  expect(type(part.image_url) == 'table' and type(part.image_url.url) == 'string',
    'image_url is not an object with a url: ' .. line)
  expect(vim.wait(10000, function() return seed_diagnostic() == nil end, 50),
    'the diagnostic is still there after the fix')
end)

vim.lsp.stop_client(client_id)
out:close()
vim.cmd(failed and 'cquit 1' or 'qall!')
