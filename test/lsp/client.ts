// A language client for the tests: starts `ivr-audit lsp --stdio` as a child process and speaks
// LSP to it with vscode-languageserver-protocol. Every raw byte the server writes is kept, so a
// test can check that its stdout holds nothing but LSP frames.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { ROOT } from '../helpers.js';

export interface LspSession {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  /** Everything the server wrote to stdout and stderr so far. */
  stdout: () => Buffer;
  stderr: () => string;
  /** The next diagnostics published for `uri` (for `version`, when given). */
  diagnostics: (uri: string, version?: number) => Promise<PublishDiagnosticsParams>;
  /** Diagnostics published that no test waited for. */
  unclaimed: () => readonly PublishDiagnosticsParams[];
  /** Sends shutdown and exit, and resolves with the server's exit code. */
  close: () => Promise<number | null>;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

export async function startLsp(rootPath: string): Promise<LspSession> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/run.js'), 'lsp', '--stdio'], {
    cwd: rootPath,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, IVR_AUDIT_DEBUG: undefined } as NodeJS.ProcessEnv,
  });
  const out: Buffer[] = [];
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published: PublishDiagnosticsParams[] = [];
  const waiting: Array<{ match: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void }> = [];
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    const index = waiting.findIndex((waiter) => waiter.match(params));
    if (index >= 0) waiting.splice(index, 1)[0]!.resolve(params);
    else published.push(params);
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: uriOf(rootPath), workspaceFolders: [{ uri: uriOf(rootPath), name: 'test' }], capabilities: {} });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    child,
    stdout: () => Buffer.concat(out),
    stderr: () => err,
    diagnostics: (uri, version) => {
      const match = (params: PublishDiagnosticsParams): boolean => params.uri === uri && (version === undefined || params.version === version);
      const index = published.findIndex(match);
      if (index >= 0) return Promise.resolve(published.splice(index, 1)[0]!);
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
    unclaimed: () => published,
    close: async () => {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await exited;
      connection.dispose();
      return code;
    },
  };
}

/** The frames of an LSP byte stream; throws on any byte that is not part of a frame. */
export function lspFrames(bytes: Buffer): unknown[] {
  const frames: unknown[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) throw new Error(`stray bytes at ${at}: ${JSON.stringify(bytes.subarray(at, at + 40).toString())}`);
    const header = bytes.subarray(at, headerEnd).toString('ascii');
    const length = /^Content-Length: (\d+)$/im.exec(header);
    if (!length || !header.split('\r\n').every((line) => /^Content-(Length|Type): \S/.test(line))) throw new Error(`not an LSP header at ${at}: ${JSON.stringify(header)}`);
    const start = headerEnd + 4;
    const end = start + Number(length[1]);
    frames.push(JSON.parse(bytes.subarray(start, end).toString('utf8')));
    at = end;
  }
  return frames;
}
