// Starts `ivr-audit lsp --stdio` for YAML and JSON files and hands it to VS Code's language client.
// All the work is the server's (docs/editor.md); this file only finds the command to run.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { workspace } = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The configured command, else the workspace's own install, else the one on the PATH. */
function serverCommand() {
  const configured = workspace.getConfiguration('ivrAudit').get('path');
  if (configured) return configured;
  const binary = process.platform === 'win32' ? 'ivr-audit.cmd' : 'ivr-audit';
  for (const folder of workspace.workspaceFolders ?? []) {
    const local = join(folder.uri.fsPath, 'node_modules', '.bin', binary);
    if (existsSync(local)) return local;
  }
  return 'ivr-audit';
}

function activate(context) {
  // The client adds `--stdio` for this transport; a .cmd shim on Windows needs a shell to start.
  const run = { command: serverCommand(), args: ['lsp'], transport: TransportKind.stdio, options: { shell: process.platform === 'win32' } };
  client = new LanguageClient('ivrAudit', 'ivr-audit', { run, debug: run }, {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'untitled', language: 'yaml' },
    ],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client?.stop();
}

module.exports = { activate, deactivate };
