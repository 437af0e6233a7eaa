// The graph view of a flow (shared by the SVG, Mermaid and DOT outputs) and the two text syntaxes.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { loadText } from '../../src/load/index.js';
import type { Finding } from '../../src/model/finding.js';
import { buildFlowGraph, edgeCaption, findingNode } from '../../src/report/flowgraph.js';
import { dotIds, formatDot, formatMermaid } from '../../src/report/graphtext.js';
import { auditText } from '../helpers.js';
import { HOSTILE, ROOT } from './support.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// graphlib-dot is a real DOT parser: if our quoting were wrong, it would fail or read other ids.
const dot = createRequire(import.meta.url)('@dagrejs/graphlib-dot') as {
  read(text: string): { nodes(): string[]; edges(): Array<{ v: string; w: string }>; node(id: string): Record<string, string>; edge(e: { v: string; w: string }): Record<string, string> };
};

async function hostile() {
  const text = readFileSync(join(ROOT, HOSTILE), 'utf8');
  const flow = loadText(HOSTILE, text).flow!;
  const result = await audit([HOSTILE], { cwd: ROOT });
  return { flow, findings: result.files[0]!.findings };
}

const WITNESS_FLOW = `version: 1
name: Witness
entry: a
nodes:
  a: { type: play, next: b }
  b: { type: play, next: c }
  c: { type: hangup }
`;

describe('flow graph', () => {
  it('has every node, a ghost for each missing target, and marks nodes by their worst finding', async () => {
    const { flow, findings } = await hostile();
    const graph = buildFlowGraph(flow, findings);
    expect(graph.nodes).toHaveLength(flow.nodes.size + 1);
    const ghost = graph.nodes.find((node) => node.type === 'missing')!;
    expect(ghost.id).toContain("<script>alert('target')</script>");
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    expect(byId.get('main-menu')!.severity).toBe('error');
    expect(byId.get('orphan')!.severity).toBe('warning');
    expect(byId.get('person')!.severity).toBeUndefined();
    expect(byId.get('welcome')!.entry).toBe(true);
    // Three exits of main-menu to person become one arrow with three captions.
    const toPerson = graph.edges.find((edge) => edge.from === 'main-menu' && edge.to === 'person')!;
    expect(toPerson.captions).toHaveLength(3);
  });

  it('highlights the edges between consecutive nodes of a witness path, with the worst severity', async () => {
    const file = await auditText(WITNESS_FLOW, 'witness.yaml');
    const flow = loadText('witness.yaml', WITNESS_FLOW).flow!;
    const base = file.findings[0] ?? ({ ruleId: 'x', message: 'm', file: 'witness.yaml', line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '', fingerprint: 'f', docs: '' } as Finding);
    const findings: Finding[] = [
      { ...base, severity: 'info', path: ['a', 'b', 'c'], nodeId: 'c' },
      { ...base, severity: 'error', path: ['a', 'b'], nodeId: 'a' },
    ];
    const graph = buildFlowGraph(flow, findings);
    const witness = Object.fromEntries(graph.edges.map((edge) => [`${edge.from}>${edge.to}`, edge.witness]));
    expect(witness).toEqual({ 'a>b': 'error', 'b>c': 'info' });
  });

  it('names the node of a finding by nodeId, else by its pointer under /nodes', () => {
    const base = { ruleId: 'r', severity: 'error', message: '', file: '', line: 1, column: 1, endLine: 1, endColumn: 1, fingerprint: '', docs: '' } as const;
    expect(findingNode({ ...base, pointer: '/nodes/a~1b/next' })).toBe('a/b');
    expect(findingNode({ ...base, pointer: '/entry' })).toBeUndefined();
    expect(findingNode({ ...base, pointer: '/nodes/x', nodeId: 'y' })).toBe('y');
  });

  it('captions exits by what the caller does', () => {
    const loc = { file: '', pointer: '', line: 1, column: 1, endLine: 1, endColumn: 1 };
    expect(edgeCaption({ kind: 'option', label: 'option:1', optionLabel: 'Billing', from: 'a', to: 'b', loc })).toBe('1 Billing');
    expect(edgeCaption({ kind: 'case', label: 'case:0', from: 'a', to: 'b', loc })).toBe('case 1');
    expect(edgeCaption({ kind: 'noInput', label: 'noInput', from: 'a', to: 'b', loc })).toBe('no input');
    expect(edgeCaption({ kind: 'next', label: 'next', from: 'a', to: 'b', loc })).toBe('');
  });
});

describe('mermaid', () => {
  it('uses generated ids, escapes every label and classes nodes by severity', async () => {
    const { flow, findings } = await hostile();
    const text = formatMermaid(buildFlowGraph(flow, findings));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart TD');
    const nodeLines = lines.filter((line) => /^ {2}n\d+[([{]/.test(line));
    expect(nodeLines).toHaveLength(flow.nodes.size + 1);
    const edgeLines = lines.filter((line) => / -->/.test(line));
    expect(edgeLines.length).toBe(buildFlowGraph(flow, findings).edges.length);
    // Inside a quoted label nothing may close the quote or open markup.
    for (const line of [...nodeLines, ...edgeLines]) {
      const quoted = [...line.matchAll(/"([^"]*)"/g)].map((match) => match[1]!);
      for (const label of quoted) expect(label.replace(/<br\/>/g, '')).not.toMatch(/[<>"`]/);
    }
    expect(text).toMatch(/classDef sevError /);
    expect(text).toMatch(/class n1 sevError/);
    expect(text).toMatch(/classDef missingNode .*stroke-dasharray/);
    expect(text).not.toContain('\r');
  });

  it('styles witness edges with linkStyle by edge index', async () => {
    const flow = loadText('w.yaml', WITNESS_FLOW).flow!;
    const finding = { ruleId: 'r', severity: 'warning', message: '', file: '', line: 1, column: 1, endLine: 1, endColumn: 1, pointer: '', fingerprint: '', docs: '', path: ['b', 'c'] } as Finding;
    expect(formatMermaid(buildFlowGraph(flow, [finding]))).toContain('  linkStyle 1 stroke:#9a6700,stroke-width:3px');
  });
});

describe('dot', () => {
  it('parses back to the same node ids and edges, hostile ghost ids replaced by ?N', async () => {
    const { flow, findings } = await hostile();
    const graph = buildFlowGraph(flow, findings);
    const parsed = dot.read(formatDot(graph, flow.name));
    const ids = dotIds(graph);
    expect(parsed.nodes().sort()).toEqual([...flow.nodes.keys(), '?1'].sort());
    expect(parsed.edges().map((edge) => `${edge.v}>${edge.w}`).sort())
      .toEqual(graph.edges.map((edge) => `${ids.get(edge.from)}>${ids.get(edge.to)}`).sort());
    expect(parsed.node('main-menu')!.class).toBe('error');
    expect(parsed.node('orphan')!.class).toBe('warning');
    expect(parsed.node('?1')!.class).toBe('missing');
    expect(parsed.node('?1')!.label).toContain("<script>alert('target')</script>");
    // The injected `"]; evil -> x [label="pwned"]` in a label stays a label: no node `evil` or `x`.
    expect(parsed.nodes()).not.toContain('evil');
    expect(parsed.node('orphan')!.label).toContain('evil -> x');
  });

  it('keeps a label ending in a backslash from escaping its closing quote', () => {
    const flow = loadText('b.yaml', 'version: 1\nname: "ends with \\\\"\nentry: a\nnodes:\n  a: { type: hangup, label: "x\\\\" }\n').flow!;
    const parsed = dot.read(formatDot(buildFlowGraph(flow, []), flow.name));
    expect(parsed.nodes()).toEqual(['a']);
  });
});
