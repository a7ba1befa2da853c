-- Drives Neovim's built-in LSP client (0.7+) against keepalived-language-server, headless.
-- Parameters come from the environment: KL_SERVER (command), KL_FILE (config to open),
-- KL_ROOT (workspace root), KL_FIX_RULE (rule whose preferred quick fix to apply), KL_OUT.
local server, file, root = os.getenv('KL_SERVER'), os.getenv('KL_FILE'), os.getenv('KL_ROOT')
local fix_rule, out = os.getenv('KL_FIX_RULE'), os.getenv('KL_OUT')
local publishes = 0
local published_version = -1
local file_uri = vim.uri_from_fname(file)
local result = { before = {}, after = {}, applied = nil }

local function snapshot(buf)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, { line = d.lnum + 1, code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code), message = d.message })
  end
  return list
end

local function settle(ms)
  local seen = -1
  vim.wait(15000, function()
    if publishes > 0 and publishes == seen then return true end
    seen = publishes
    return false
  end, ms)
end

vim.cmd('edit ' .. file)
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'keepalived'
local default_handler = vim.lsp.handlers['textDocument/publishDiagnostics']
local client_id = vim.lsp.start_client({
  cmd = { '/bin/sh', '-c', 'exec ' .. server },
  root_dir = root,
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      -- Only this buffer's publishes count (the server also publishes keepalived-lint.yaml's).
      if result and result.uri == file_uri then
        publishes = publishes + 1
        published_version = result.version or published_version
      end
      return default_handler(err, result, ctx, config)
    end,
  },
})
vim.lsp.buf_attach_client(buf, client_id)
settle(500)
result.before = snapshot(buf)

local client = vim.lsp.get_client_by_id(client_id)
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  if code == fix_rule then
    -- What vim.lsp.buf.code_action() sends in 0.7: the line's diagnostics rebuilt as LSP ones.
    local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum, {}, client_id)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
      context = { diagnostics = line_diagnostics },
    }
    local response = client.request_sync('textDocument/codeAction', params, 5000, buf)
    for _, action in ipairs((response and response.result) or {}) do
      if action.isPreferred and action.edit then
        vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
        result.applied = action.title
        break
      end
    end
    break
  end
end
if result.applied then
  -- Wait for the diagnostics of the edited version (0.7 sends the change after its own debounce).
  local edited = vim.lsp.util.buf_versions[buf]
  vim.cmd('silent write')
  vim.wait(15000, function() return published_version >= edited end, 50)
end
result.after = snapshot(buf)
local handle = io.open(out, 'w')
handle:write(vim.fn.json_encode(result))
handle:close()
vim.cmd('qall!')
