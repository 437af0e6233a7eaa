// The language server spoken to as an editor does: a child process, LSP over its stdin and stdout.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, Location, MarkupContent } from 'vscode-languageserver-protocol';
import { runCli, scratchFolder } from '../cli-run.js';
import { ROOT } from '../helpers.js';
import { lspFrames, startLsp, uriOf, type LspSession } from './client.js';

const FLOW = `version: 1
name: Test line
entry: welcome
nodes:
  welcome:
    type: play
    say: Thanks for calling.
    next: main-menu
  main-menu:
    type: menu
    say: For billing press 1. To talk to a person, press 0.
    options:
      "1": billing-queue
      "0": billing-queu
    onNoInput: billing-queue
    onNoMatch: billing-queue
  billing-queue:
    type: queue
    next: agent
  agent:
    type: agent
`;

describe('ivr-audit lsp --stdio', () => {
  let folder: string;
  let session: LspSession;
  const path = (): string => join(folder, 'flow.yaml');
  const open = async (text: string, name = 'flow.yaml', version = 1): Promise<Diagnostic[]> => {
    const uri = uriOf(join(folder, name));
    const published = session.diagnostics(uri, version);
    await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    return (await published).diagnostics;
  };
  const change = async (text: string, version: number, name = 'flow.yaml'): Promise<Diagnostic[]> => {
    const uri = uriOf(join(folder, name));
    const published = session.diagnostics(uri, version);
    await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return (await published).diagnostics;
  };
  const close = async (name: string): Promise<void> => {
    const uri = uriOf(join(folder, name));
    const cleared = session.diagnostics(uri);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    expect((await cleared).diagnostics).toEqual([]);
  };
  const at = (line: number, character: number, name = 'flow.yaml') => ({ textDocument: { uri: uriOf(join(folder, name)) }, position: { line, character } });

  beforeAll(async () => {
    folder = scratchFolder({ 'flow.yaml': FLOW });
    session = await startLsp(folder);
  });
  afterAll(async () => {
    if (!session.child.killed && session.child.exitCode === null) session.child.kill();
  });

  it('publishes the findings of lint on open: rule id as code, severity, range, a link to the installed rule page', async () => {
    const diagnostics = await open(FLOW);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-target')!;
    expect(target).toBeDefined();
    expect(target.severity).toBe(1);
    expect(target.source).toBe('ivr-audit');
    // Line 14 (1-based) is `"0": billing-queu`; the value starts at column 12.
    expect(target.range.start).toEqual({ line: 13, character: 11 });
    expect(target.message).toContain('billing-queu');
    const href = target.codeDescription!.href;
    expect(href.startsWith('file:')).toBe(true);
    expect(fileURLToPath(href)).toMatch(/docs[/\\]rules[/\\]unknown-target\.md$/);
    const codes = diagnostics.map((diagnostic) => diagnostic.code).sort();
    expect(codes).toEqual(['dead-end-hold', 'hold-without-callback', 'no-wait-estimate', 'no-zero-out', 'silent-hold', 'unknown-target']);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'silent-hold')!.severity).toBe(2);
  });

  it('lints the unsaved buffer on change: a fixed target loses its finding, a broken YAML gives yaml-syntax', async () => {
    const fixed = await change(FLOW.replace('"0": billing-queu\n', '"0": billing-queue\n'), 2);
    expect(fixed.map((diagnostic) => diagnostic.code)).not.toContain('unknown-target');
    const broken = await change(`${FLOW}  oops: [unclosed\n`, 3);
    expect(broken.map((diagnostic) => diagnostic.code)).toContain('yaml-syntax');
    const back = await change(FLOW, 4);
    expect(back.map((diagnostic) => diagnostic.code)).toContain('unknown-target');
  });

  it('several changes in a row make one lint of the last text', async () => {
    const uri = uriOf(path());
    const last = session.diagnostics(uri, 7);
    for (const [version, text] of [[5, `${FLOW}# a\n`], [6, `${FLOW}# b\n`], [7, FLOW.replace('billing-queu\n', 'nowhere\n')]] as const) {
      await session.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    }
    const diagnostics = (await last).diagnostics;
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'unknown-target')!.message).toContain('nowhere');
    // The versions typed over were never linted, so never published.
    expect(session.unclaimed().filter((params) => params.uri === uri && (params.version === 5 || params.version === 6))).toEqual([]);
    await change(FLOW, 8);
  });

  it('hovers a node with what it costs the caller, when callers get there, how many, and its findings', async () => {
    const hover = (await session.connection.sendRequest('textDocument/hover', at(16, 4))) as Hover;
    const text = (hover.contents as MarkupContent).value;
    expect(text).toContain('billing-queue');
    // The queue states no wait: its time is partly unknown, and waiting is what it costs.
    expect(text).toMatch(/Each visit: \*\*[\d.]+ s\*\* and a time the flow does not state, \*\*[\d.]+ effort points\*\* \(waiting [\d.]+\)\./);
    expect(text).toMatch(/Reached by \*\*100%\*\* of callers, \*\*[\d.]+ s( \([\d.]+ min\))?\*\* after the first ring at the fastest/);
    expect(text).toContain('`silent-hold`');
    expect(text).toContain('`dead-end-hold`');
    expect(hover.range!.start).toEqual({ line: 16, character: 2 });
    // Off any node: nothing to say.
    expect(await session.connection.sendRequest('textDocument/hover', at(1, 2))).toBeNull();
  });

  it('offers the fix and the suggestions as quick fixes whose edits lint clean', async () => {
    const diagnostics = await change(FLOW, 9);
    const target = diagnostics.find((diagnostic) => diagnostic.code === 'unknown-target')!;
    const actions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(path()) },
      range: target.range,
      context: { diagnostics: [target] },
    })) as CodeAction[];
    const quick = actions.filter((action) => action.kind === 'quickfix');
    expect(quick).toHaveLength(1);
    expect(quick[0]!.isPreferred).toBe(true);
    expect(quick[0]!.title).toContain('billing-queue');
    const edits = quick[0]!.edit!.changes![uriOf(path())]!;
    expect(applyEdits(FLOW, edits)).toBe(FLOW.replace('"0": billing-queu\n', '"0": billing-queue\n'));

    const silent = diagnostics.find((diagnostic) => diagnostic.code === 'silent-hold')!;
    const suggestions = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(path()) },
      range: silent.range,
      context: { diagnostics: [silent], only: ['quickfix'] },
    })) as CodeAction[];
    const music = suggestions.find((action) => action.title.includes('music'))!;
    expect(music.title.startsWith('Suggestion: ')).toBe(true);
    expect(music.isPreferred).toBe(false);
    const withMusic = applyEdits(FLOW, music.edit!.changes![uriOf(path())]!);
    expect(withMusic).toContain('    type: queue\n    next: agent\n    music: true\n');
    const after = await change(withMusic, 10);
    expect(after.map((diagnostic) => diagnostic.code)).not.toContain('silent-hold');

    const all = (await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: uriOf(path()) },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    expect(all.map((action) => action.kind)).toEqual(['source.fixAll.ivr-audit']);
    await change(FLOW, 11);
  });

  it('completes node ids where an exit goes, node types after type:, and the keys of the node type', async () => {
    let version = 12;
    const labels = async (text: string, line: number, character: number): Promise<string[]> => {
      await change(text, version++);
      const answer = (await session.connection.sendRequest('textDocument/completion', at(line, character))) as CompletionItem[] | CompletionList;
      return (Array.isArray(answer) ? answer : answer.items).map((item) => item.label);
    };
    expect(await labels(FLOW.replace('    next: agent\n', '    next: \n'), 18, 10)).toEqual(['welcome', 'main-menu', 'billing-queue', 'agent']);
    // A half-typed exit in a buffer that no longer parses elsewhere still gets the ids, read line by line.
    expect(await labels(FLOW.replace('    next: agent\n', '    next: agent\n    onTimeout: ag\n  broken: [\n'), 19, 16)).toEqual(['welcome', 'main-menu', 'billing-queue', 'broken', 'agent']);
    // An option's target and the entry are exits too.
    expect(await labels(FLOW, 13, 11)).toContain('billing-queue');
    expect(await labels(FLOW, 2, 7)).toContain('welcome');
    expect(await labels(FLOW.replace('    type: queue\n', '    type: \n'), 17, 10)).toEqual(expect.arrayContaining(['play', 'menu', 'queue', 'hangup']));
    const keys = await labels(FLOW.replace('    next: agent\n', '    next: agent\n    \n'), 19, 4);
    expect(keys).toEqual(expect.arrayContaining(['maxWaitSeconds', 'music', 'callback', 'onFull']));
    expect(keys).not.toContain('options');
    // Keys the node has already are not offered again.
    expect(keys).not.toContain('next');
    await change(FLOW, 20);
  });

  it('goes from an exit to its node, and lists the nodes as document symbols', async () => {
    const location = (await session.connection.sendRequest('textDocument/definition', at(12, 14))) as Location;
    expect(location.uri).toBe(uriOf(path()));
    expect(location.range.start).toEqual({ line: 16, character: 2 });
    const entry = (await session.connection.sendRequest('textDocument/definition', at(2, 9))) as Location;
    expect(entry.range.start).toEqual({ line: 4, character: 2 });
    const symbols = (await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uriOf(path()) } })) as DocumentSymbol[];
    expect(symbols.map((symbol) => [symbol.name, symbol.detail])).toEqual([['welcome', 'play'], ['main-menu', 'menu'], ['billing-queue', 'queue'], ['agent', 'agent']]);
    // The symbol spans the whole node, its selection the key.
    const menu = symbols[1]!;
    expect(menu.range.start).toEqual({ line: 8, character: 2 });
    // The YAML of the node ends where the next node's line begins.
    expect(menu.range.end).toEqual({ line: 16, character: 0 });
    expect(menu.selectionRange.end).toEqual({ line: 8, character: 11 });
  });

  it('follows subflows from disk, reads the config above the file, and leaves non-flows alone', async () => {
    writeFileSync(join(folder, 'verify.yaml'), 'version: 1\nname: Verify\nkind: subflow\nentry: ask\nnodes:\n  ask:\n    type: input\n    say: Your PIN?\n    collects: pin\n    next: done\n    onNoInput: done\n    onNoMatch: done\n  done:\n    type: return\n');
    const caller = FLOW.replace('    next: main-menu\n', '    next: verify\n  verify:\n    type: subflow\n    flow: ./verify.yaml\n    next: main-menu\n');
    const diagnostics = await open(caller, 'caller.yaml');
    expect(diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('subflow-not-found');
    const missing = await change(caller.replace('./verify.yaml', './gone.yaml'), 2, 'caller.yaml');
    expect(missing.map((diagnostic) => diagnostic.code)).toContain('subflow-not-found');
    await close('caller.yaml');

    writeFileSync(join(folder, '.ivr-audit.yaml'), 'rules:\n  silent-hold: off\n  no-zero-out: error\n');
    const configured = await change(`${FLOW}\n`, 21);
    expect(configured.map((diagnostic) => diagnostic.code)).not.toContain('silent-hold');
    expect(configured.find((diagnostic) => diagnostic.code === 'no-zero-out')!.severity).toBe(1);
    writeFileSync(join(folder, '.ivr-audit.yaml'), 'rules:\n  no-such-rule: off\n');
    const bad = await change(FLOW, 22);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toMatch(/^ivr-audit could not lint this file: .*no-such-rule/);
    writeFileSync(join(folder, '.ivr-audit.yaml'), '{}\n');

    expect(await open('{"name": "not a flow", "version": "1.0.0"}\n', 'package.json')).toEqual([]);
  });

  it('survives garbage: bad requests get errors or nothing, the server goes on', async () => {
    await expect(session.connection.sendRequest('textDocument/hover', at(0, 0, 'never-opened.yaml'))).resolves.toBeNull();
    expect(await open('\u0000\u001b[31m: : :\n\t- [\n', 'garbage.yaml')).toEqual(expect.any(Array));
    const hover = await session.connection.sendRequest('textDocument/hover', at(99, 99, 'garbage.yaml'));
    expect(hover).toBeNull();
    const diagnostics = await change(FLOW, 23);
    expect(diagnostics.length).toBeGreaterThan(0);
  });

  it('speaks the language of the flow: a flow with settings.language es gets its diagnostics in Spanish', async () => {
    const spanish = FLOW.replace(/^name: .*$/m, (line) => `${line}\nsettings:\n  language: es`);
    const diagnostics = await open(spanish, 'flujo.yaml');
    const hold = diagnostics.find((diagnostic) => diagnostic.code === 'dead-end-hold')!;
    expect(hold).toBeDefined();
    expect(hold.message).toMatch(/^la cola `billing-queue`/);
    expect(hold.message).not.toMatch(/\b(callers|forever|wait|nowhere)\b/);
    await close('flujo.yaml');
  });

  it('shuts down on request, exits 0, and wrote nothing to stdout but LSP frames', async () => {
    expect(await session.close()).toBe(0);
    const frames = lspFrames(session.stdout());
    expect(frames.length).toBeGreaterThan(10);
    expect(session.stderr()).not.toMatch(/Error:|at .*\.js:\d+/);
  });
});

describe('ivr-audit lsp without --stdio', () => {
  it('is a usage error: one line on stderr, exit 2, nothing on stdout', () => {
    const run = runCli(['lsp']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--stdio');
  });

  it('a stream that is not LSP ends the session with one line on stderr, no stack, nothing on stdout', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/run.js'), 'lsp', '--stdio'], { input: 'Content-Length: 5\r\n\r\n{{{{{', encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ivr-audit: lsp: unreadable message from the editor: [^\n]+\n$/);
  });
});

/** Applies LSP text edits (non-overlapping) to a text with \n line ends. */
function applyEdits(text: string, edits: ReadonlyArray<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const offset = (position: { line: number; character: number }): number => {
    const lines = text.split('\n');
    return lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  };
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}
