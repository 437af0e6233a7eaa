// The language server: LSP over a pair of streams, wiring editor requests to the small modules of
// this folder. It never writes anything to its output but LSP messages, and never stops on a bad buffer.
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeActionParams,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type DocumentSymbolParams,
  type HoverParams,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { stderrLine } from '../report/escape.js';
import { VERSION } from '../version.js';
import { FIX_ALL_KIND, codeActions } from './actions.js';
import { completions } from './completion.js';
import { diagnosticsOf } from './diagnostics.js';
import { lintDocument, type LintedDocument } from './documents.js';
import { hoverAt } from './hover.js';
import { DEBOUNCE_MS, LintSchedule } from './schedule.js';
import { definition, documentSymbols } from './symbols.js';

export function startServer(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Connection {
  const reader = new StreamMessageReader(input);
  // A stream that is not LSP ends the session; it says why on stderr, in one line.
  reader.onError((error) => process.stderr.write(stderrLine(`lsp: unreadable message from the editor: ${error.message}`)));
  const connection = createConnection(reader, new StreamMessageWriter(output));
  const documents = new TextDocuments(TextDocument);
  let roots: string[] = [];

  const pathOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : resolve(roots[0] ?? process.cwd(), 'untitled.yaml'));
  /** The workspace folder holding the file (config paths are relative to it, as to `lint`'s folder), else the file's own. */
  const cwdOf = (path: string): string => roots.find((root) => path.startsWith(root + sep)) ?? dirname(path);
  const openText = (path: string): string | undefined => documents.all().find((document) => document.uri.startsWith('file:') && pathOf(document.uri) === path)?.getText();

  const lint = async (document: TextDocument, withFixes = false): Promise<LintedDocument | undefined> => {
    const path = pathOf(document.uri);
    try {
      return await lintDocument({ path, version: document.version, text: document.getText(), cwd: cwdOf(path), openText, withFixes });
    } catch (error) {
      connection.console.error(`ivr-audit: linting ${path} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return undefined;
    }
  };
  const schedule = new LintSchedule((document) => lint(document), (document, linted) => {
    void connection.sendDiagnostics({ uri: document.uri, version: linted.version, diagnostics: diagnosticsOf(linted) });
  });

  // Diagnostics are linted without fixes; the first code action request of a version works them out, once.
  const fixed = new Map<string, { version: number; linted: Promise<LintedDocument | undefined> }>();
  const withFixes = async (document: TextDocument, linted: LintedDocument | undefined): Promise<LintedDocument | undefined> => {
    if (!linted || linted.withFixes || linted.version !== document.version) return linted;
    let known = fixed.get(document.uri);
    if (known?.version !== document.version) {
      known = { version: document.version, linted: lint(document, true) };
      fixed.set(document.uri, known);
    }
    return known.linted;
  };

  connection.onInitialize((params: InitializeParams) => {
    const folders = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [':', ' '] },
        definitionProvider: true,
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'ivr-audit', version: VERSION },
    };
  });

  // Opening also reports a content change: that lint is due at once, not after the debounce.
  const opening = new Set<string>();
  documents.onDidOpen(({ document }) => {
    opening.add(document.uri);
    schedule.schedule(document, 0);
  });
  documents.onDidChangeContent(({ document }) => {
    if (!opening.delete(document.uri)) schedule.schedule(document, DEBOUNCE_MS);
  });
  documents.onDidClose(({ document }) => {
    schedule.forget(document.uri);
    fixed.delete(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  /** A handler that answers `fallback` rather than fail the request on an unexpected error. */
  const guarded = <P extends { textDocument: { uri: string } }, R>(fallback: R, answer: (document: TextDocument, linted: LintedDocument | undefined, params: P) => R | Promise<R>) =>
    async (params: P): Promise<R> => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return fallback;
      try {
        return await answer(document, await schedule.current(document), params);
      } catch (error) {
        connection.console.error(`ivr-audit: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
        return fallback;
      }
    };

  connection.onHover(guarded(null, (_document, linted, params: HoverParams) => (linted ? hoverAt(linted, params.position) : null)));
  connection.onCodeAction(guarded([], async (document, current, params: CodeActionParams) => {
    const linted = await withFixes(document, current);
    return linted ? codeActions(linted, { document, range: params.range, diagnostics: params.context.diagnostics, only: params.context.only }) : [];
  }));
  connection.onCompletion(guarded([], (document, _linted, params: CompletionParams) => completions(document.getText(), params.position)));
  connection.onDefinition(guarded(null, (_document, linted, params: DefinitionParams) => (linted ? definition(linted, params.position) : null)));
  connection.onDocumentSymbol(guarded([], (_document, linted, _params: DocumentSymbolParams) => (linted ? documentSymbols(linted) : [])));

  documents.listen(connection);
  connection.listen();
  return connection;
}
