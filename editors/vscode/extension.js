// Starts `steer lsp` for the Markdown and YAML files of the workspace (docs/editors.md).
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

exports.activate = function (context) {
  const command = vscode.workspace.getConfiguration("steer").get("path") || "steer";
  client = new LanguageClient(
    "steer",
    "Steer",
    { command, args: ["lsp"] },
    {
      documentSelector: [
        { scheme: "file", language: "markdown" },
        { scheme: "file", language: "yaml" },
      ],
    },
  );
  context.subscriptions.push(client);
  return client.start();
};

exports.deactivate = function () {
  return client ? client.stop() : undefined;
};
