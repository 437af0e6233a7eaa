// The language server's modules on their own: where the cursor is in a half-typed YAML buffer, the
// per-node figures hover shows, and a platform export linted with its folder as `lint` does.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { fastestArrivals } from '../../src/analysis/journey-facts.js';
import { lintDocument } from '../../src/lsp/documents.js';
import { hoverAt, nodeFigures } from '../../src/lsp/hover.js';
import { definition } from '../../src/lsp/symbols.js';
import { cursorContext } from '../../src/lsp/yaml-context.js';
import { ROOT } from '../helpers.js';

const lintText = (path: string, text: string) => lintDocument({ path, version: 1, text, cwd: ROOT, openText: () => undefined, withFixes: false });

describe('cursorContext', () => {
  const text = [
    'entry: ',
    'nodes:',
    '  menu:',
    '    type: menu',
    '    options:',
    '      "1": { next: ta',
    '      "2": ',
    '    onNoInput: ',
    '  pick:',
    '    type: branch',
    '    cases:',
    '      - when: vip',
    '        next: ',
    '      - next: ',
    '    ',
    '    default: x # a comment',
  ].join('\n');
  const at = (line: number) => cursorContext(text, line, text.split('\n')[line]!.replace(/ # .*$/, '').length);

  it('reads a value being written and the keys above it', () => {
    expect(at(0)).toEqual({ path: [], writing: 'value', key: 'entry', prefix: '' });
    expect(at(3)).toEqual({ path: ['nodes', 'menu'], writing: 'value', key: 'type', prefix: 'menu' });
    expect(at(6)).toEqual({ path: ['nodes', 'menu', 'options'], writing: 'value', key: '2', prefix: '' });
    expect(at(7)).toEqual({ path: ['nodes', 'menu'], writing: 'value', key: 'onNoInput', prefix: '' });
  });

  it('reads a value inside a flow mapping and a list item', () => {
    expect(at(5)).toEqual({ path: ['nodes', 'menu', 'options', '1'], writing: 'value', key: 'next', prefix: 'ta' });
    expect(at(12)).toEqual({ path: ['nodes', 'pick', 'cases', '[]'], writing: 'value', key: 'next', prefix: '' });
    expect(at(13)).toEqual({ path: ['nodes', 'pick', 'cases', '[]'], writing: 'value', key: 'next', prefix: '' });
  });

  it('reads a key being written, and nothing in a comment', () => {
    expect(at(14)).toEqual({ path: ['nodes', 'pick'], writing: 'key', prefix: '' });
    expect(cursorContext(text, 15, text.split('\n')[15]!.length)).toBeUndefined();
  });
});

describe('hover figures', () => {
  it('time to each step agrees with the fastest journey to a person', async () => {
    const path = join(ROOT, 'examples/acme-support.yaml');
    const linted = await lintText(path, readFileSync(path, 'utf8'));
    const journey = linted.analysis!.facts.journey;
    const fastest = journey.fastestToHuman;
    const person = fastest.path.at(-1)!;
    expect(fastestArrivals(journey)[person]! + journey.seconds[person]!).toBeCloseTo(fastest.seconds!, 9);
    // The first step starts once the call is answered; every caller passes it.
    const welcome = nodeFigures(linted, 'welcome')!;
    const settings = linted.analysis!.flow.settings;
    expect(welcome.fastestArrival).toBe(settings.answerRings * settings.ringSeconds);
    expect(welcome.reachedBy).toBeCloseTo(1, 9);
    // Option 1 takes 70% of the callers to the account question.
    expect(nodeFigures(linted, 'account')!.reachedBy).toBeCloseTo(0.7, 6);
    expect(nodeFigures(linted, 'account')!.effort.repeating).toBeGreaterThan(0);
  });

  it('a step nobody reaches says so; flow text is shown, never rendered', async () => {
    const text = 'version: 1\nname: x\nentry: a\nnodes:\n  a:\n    type: agent\n  b:\n    type: hangup\n    label: "*bold* <img src=x> \\e[31m"\n';
    const linted = await lintText(join(ROOT, 'x.yaml'), text);
    const hover = hoverAt(linted, { line: 6, character: 3 })!;
    const value = (hover.contents as { value: string }).value;
    expect(value).toContain('No caller reaches this step');
    expect(value).toContain('\\*bold\\*');
    expect(value).toContain('&lt;img');
    expect(value).not.toContain('\u001b');
    expect(value).toContain('\\x1b');
  });
});

describe('platform exports in the editor', () => {
  it('an export is linted with the exports of its folder, as `lint FOLDER` lints it', async () => {
    const folder = join(ROOT, 'fixtures/platform/connect');
    const path = join(folder, 'acme_main_AUTO.json');
    const linted = await lintText(path, readFileSync(path, 'utf8'));
    const fromCli = (await audit([folder], { cwd: ROOT, fixes: false })).files.find((file) => file.file.endsWith('acme_main_AUTO.json'))!;
    expect(linted.result!.findings.map((finding) => [finding.ruleId, finding.line, finding.column, finding.message]))
      .toEqual(fromCli.findings.map((finding) => [finding.ruleId, finding.line, finding.column, finding.message]));
    // Linted alone, the hop to the queue transfer flow would stay unresolved.
    expect(linted.result!.unknowns.join('\n')).not.toContain('acme_queue_transfer_AUTO');
  });

  it('the unsaved text of the export is what is linted', async () => {
    const path = join(ROOT, 'fixtures/platform/connect/acme_main_AUTO.json');
    const linted = await lintText(path, '{ "Version": "2019-10-30", "StartAction": "x", "Actions": [ ');
    expect(linted.result!.findings.map((finding) => finding.ruleId)).toContain('yaml-syntax');
  });
});

describe('go to definition', () => {
  it('from a subflow\'s flow to the file it calls', async () => {
    const path = join(ROOT, 'fixtures/subflows/main.yaml');
    const text = 'version: 1\nname: x\nentry: call\nnodes:\n  call:\n    type: subflow\n    flow: ./verify.yaml\n    next: end\n  end:\n    type: agent\n';
    const linted = await lintText(path, text);
    const location = definition(linted, { line: 6, character: 14 })!;
    expect(location.uri).toMatch(/\/fixtures\/subflows\/verify\.yaml$/);
    expect(definition(linted, { line: 7, character: 11 })!.range.start).toEqual({ line: 8, character: 2 });
    expect(definition(linted, { line: 1, character: 7 })).toBeNull();
  });
});
