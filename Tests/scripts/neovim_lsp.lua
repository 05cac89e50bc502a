-- A real editor against `steer lsp`: headless Neovim (Debian's, 0.7 or later, built-in LSP
-- client) started with the configuration docs/editors.md gives (editors/neovim/steer.lua)
-- opens a ledger file, receives the server's diagnostics, applies the quick fix the server
-- offers, sees the diagnostics go, and saves. Run by Tests/scripts/neovim_lsp.sh.
local file = os.getenv("STEER_FILE")

local function say(text) io.stdout:write(text .. "\n") end
local function fail(text)
  io.stderr:write("neovim_lsp: " .. text .. "\n")
  vim.cmd("cquit 1")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buffer = vim.api.nvim_get_current_buf()
-- The configuration attached the server when the file's type was set.
local function steer_client()
  for _, each in pairs((vim.lsp.get_clients or vim.lsp.get_active_clients)()) do
    if each.name == "steer" then return each end
  end
end
if not vim.wait(10000, function() return steer_client() ~= nil end, 50) then
  fail("the configuration started no server for " .. file)
end
local client = steer_client()

if not vim.wait(30000, function() return #vim.diagnostic.get(buffer) > 0 end, 50) then
  fail("no diagnostics for " .. file)
end
local diagnostic
for _, each in ipairs(vim.diagnostic.get(buffer)) do
  say("diagnostic: " .. each.lnum .. ":" .. each.col .. " " .. each.message:gsub("\n", " | "))
  if each.message:find("titel", 1, true) then diagnostic = each end
end
if not diagnostic then fail("no diagnostic names the misspelt key") end
if not diagnostic.message:find("champ inconnu", 1, true) then fail("not in the ledger's language (fr)") end

vim.api.nvim_win_set_cursor(0, { diagnostic.lnum + 1, diagnostic.col })
local parameters = vim.lsp.util.make_range_params()
parameters.context = { diagnostics = {} }
local answers = vim.lsp.buf_request_sync(buffer, "textDocument/codeAction", parameters, 10000) or {}
local fix
for _, answer in pairs(answers) do
  for _, action in ipairs(answer.result or {}) do
    if action.edit and action.title:find("title", 1, true) then fix = action end
  end
end
if not fix then fail("no quick fix offered") end
say("quick fix: " .. fix.title)
vim.lsp.util.apply_workspace_edit(fix.edit, "utf-16")

if not vim.wait(30000, function() return #vim.diagnostic.get(buffer) == 0 end, 50) then
  fail("the diagnostics stayed after the fix: " .. vim.diagnostic.get(buffer)[1].message)
end
say("diagnostics cleared")
vim.cmd("write")
vim.lsp.stop_client(client.id)
vim.cmd("qall!")
