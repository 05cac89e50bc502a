-- Steer's language server (`steer lsp`) in Neovim's built-in client, Neovim 0.7 or later.
-- Copy this file to ~/.config/nvim/plugin/steer.lua, where Neovim loads it at startup, or
-- load it from init.lua: dofile("/path/to/steer.lua"). `steer` must be on PATH. CI's Neovim
-- run (Tests/scripts/neovim_lsp.sh) loads this very file.

-- The directory that holds `.steer.yaml` above a file, else its repository's root, else its
-- own directory. (vim.fs, which would do it, came with Neovim 0.8.)
local function root_directory(file)
  local directory = vim.fn.fnamemodify(file, ":p:h")
  for _, marker in ipairs({ ".steer.yaml", ".git" }) do
    -- `.git` is a directory, or a file in a linked worktree.
    local found = vim.fn.findfile(marker, directory .. ";")
    if found == "" then found = vim.fn.finddir(marker, directory .. ";") end
    if found ~= "" then
      local path = vim.fn.fnamemodify(found, ":p"):gsub("/$", "")
      return vim.fn.fnamemodify(path, ":h")
    end
  end
  return directory
end

-- Neovim 0.7 has no vim.lsp.start: one server per root, shared by the buffers under it.
local clients = {}

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "yaml" },
  callback = function(event)
    local root = root_directory(vim.api.nvim_buf_get_name(event.buf))
    local config = { name = "steer", cmd = { "steer", "lsp" }, root_dir = root }
    if vim.lsp.start then
      vim.lsp.start(config, { bufnr = event.buf })
      return
    end
    local client = clients[root]
    if not client or vim.lsp.client_is_stopped(client) then
      client = vim.lsp.start_client(config)
      clients[root] = client
    end
    if client then vim.lsp.buf_attach_client(event.buf, client) end
  end,
})
