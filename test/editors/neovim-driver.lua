-- Drives Neovim's built-in LSP client (0.7+) against keepalived-language-server, headless.
-- Parameters come from the environment: KL_SERVER (command), KL_FILE (config to open),
-- KL_ROOT (workspace root), KL_FIX_RULE (rule whose preferred quick fix to apply), KL_OUT;
-- optionally KL_ALSO_OPEN (a config opened before KL_FILE), KL_RENAME (`old=new`: rename the
-- first `old` of KL_FILE, then write every buffer) and KL_FIX_ON_SAVE=1 (source.fixAll.keepalived
-- applied before each write, as a user's BufWritePre autocommand does).
local server, file, root = os.getenv('KL_SERVER'), os.getenv('KL_FILE'), os.getenv('KL_ROOT')
local fix_rule, out = os.getenv('KL_FIX_RULE'), os.getenv('KL_OUT')
local also_open, rename, fix_on_save = os.getenv('KL_ALSO_OPEN'), os.getenv('KL_RENAME'), os.getenv('KL_FIX_ON_SAVE') == '1'
local publishes = 0
local published_version = -1
local file_uri = vim.uri_from_fname(file)
local result = { before = {}, after = {}, applied = nil, fixed_on_save = 0 }

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

-- -u NONE turns filetype detection off: each config gets its filetype and the client by hand.
local function open(path)
  vim.cmd('edit ' .. path)
  local opened = vim.api.nvim_get_current_buf()
  vim.bo[opened].filetype = 'keepalived'
  vim.lsp.buf_attach_client(opened, client_id)
  return opened
end

if fix_on_save then
  -- Fix on save for 0.7+: a synchronous request, so the edits land before the buffer is written.
  vim.api.nvim_create_autocmd('BufWritePre', { pattern = '*.conf', callback = function(args)
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(args.buf) },
      range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
      context = { diagnostics = {}, only = { 'source.fixAll.keepalived' } },
    }
    for id, response in pairs(vim.lsp.buf_request_sync(args.buf, 'textDocument/codeAction', params, 5000) or {}) do
      for _, action in ipairs(response.result or {}) do
        if action.edit then
          vim.lsp.util.apply_workspace_edit(action.edit, vim.lsp.get_client_by_id(id).offset_encoding)
          result.fixed_on_save = result.fixed_on_save + 1
        end
      end
    end
  end })
end

if also_open then open(also_open) end
local buf = open(file)
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
if rename then
  local old, new = rename:match('^(.-)=(.*)$')
  vim.fn.search('\\V' .. old, 'w')
  local before = vim.lsp.util.buf_versions[buf]
  -- prepareRename, then rename; the handler applies the edit to every file it names.
  vim.lsp.buf.rename(new)
  vim.wait(15000, function() return vim.lsp.util.buf_versions[buf] ~= before end, 50)
  result.renamed = vim.lsp.util.buf_versions[buf] ~= before
  -- Writes every buffer the rename changed; with KL_FIX_ON_SAVE each is fixed first.
  vim.cmd('silent wall')
end
result.after = snapshot(buf)
local handle = io.open(out, 'w')
handle:write(vim.fn.json_encode(result))
handle:close()
vim.cmd('qall!')
