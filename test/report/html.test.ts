// The HTML report as text: self-contained, no script, everything escaped, diagrams capped.
// (browser.test.ts opens it in Chromium.)
import { readFileSync, readdirSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { loadText } from '../../src/load/index.js';
import type { AuditResult, FileResult } from '../../src/model/result.js';
import { DIAGRAM_NODE_LIMIT, DIAGRAM_WORK_LIMIT, diagramOmission, edgePath, layoutWork, loadLayoutEngine, parseEdgePos, truncate } from '../../src/report/diagram.js';
import { buildFlowGraph } from '../../src/report/flowgraph.js';
import { FULL_DETAIL_LIMIT, drawableGraph, withReferences } from '../../src/report/structure.js';
import { loadFlows } from '../../src/report/flows.js';
import { CONTENT_SECURITY_POLICY, driverChart, formatHtml } from '../../src/report/html.js';
import { formatMarkdown } from '../../src/report/markdown.js';
import { HOSTILE, ROOT, bigFlow, fetchedResources } from './support.js';

async function report(paths: string[]): Promise<{ html: string; result: AuditResult }> {
  const result = await audit(paths, { cwd: ROOT });
  const html = formatHtml(result, { flows: await loadFlows(result, ROOT), layout: await loadLayoutEngine(), generated: 'test' });
  return { html, result };
}

function inMemory(file: string, text: string, extra: Partial<FileResult> = {}): { result: AuditResult; flows: Map<string, ReturnType<typeof loadText>['flow'] & object> } {
  const flow = loadText(file, text).flow!;
  const fileResult: FileResult = {
    file,
    flow: { name: flow.name, format: flow.format, kind: flow.kind ?? 'flow', nodes: flow.nodes.size },
    score: null,
    metrics: null,
    findings: [],
    fixes: [],
    unknowns: [],
    ...extra,
  };
  return { result: { files: [fileResult], summary: { files: 1, errors: 0, warnings: 0, infos: 0 } }, flows: new Map([[file, flow]]) };
}

describe('html report', () => {
  it('has no script, fetches nothing, and declares a CSP that forbids both', async () => {
    const { html } = await report([HOSTILE, 'examples/acme-support.yaml']);
    expect(html).not.toMatch(/<script/i);
    // No event-handler attribute on any real tag (the flow's `onerror=` is escaped text).
    const handlers = [...html.matchAll(/<[a-zA-Z][^>]*>/g)].filter((tag) => /\son[a-z]+\s*=/i.test(tag[0]));
    expect(handlers).toEqual([]);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    const external = fetchedResources(html).filter((reference) => /^(https?:)?\/\//i.test(reference));
    expect(external).toEqual([]);
    // Links to the rule docs are allowed, and present.
    expect(html).toMatch(/<a href="https:\/\/[^"]+unknown-target\.md">/);
  });

  it('escapes every string that comes from the flow', async () => {
    const { html } = await report([HOSTILE]);
    expect(html).toContain('&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;script&gt;alert(&#39;target&#39;)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('</text></svg><script>');
  });

  it('draws one node shape per node plus one per missing target, colored by worst finding', async () => {
    const { html, result } = await report([HOSTILE]);
    const svg = /<svg class="diagram"[\s\S]*?<\/svg>/.exec(html)![0];
    const nodes = [...svg.matchAll(/<g class="node node-(\w+)/g)].map((match) => match[1]);
    expect(nodes).toHaveLength(result.files[0]!.flow!.nodes + 1);
    expect(nodes.filter((kind) => kind === 'missing')).toHaveLength(1);
    expect(nodes.filter((kind) => kind === 'error')).toHaveLength(1);
    expect(nodes.filter((kind) => kind === 'warning')).toHaveLength(1);
    expect(svg).toContain('class="node node-clean entry"');
  });

  it('highlights witness paths', async () => {
    const flow = 'version: 1\nname: W\nentry: a\nnodes:\n  a: { type: play, next: b }\n  b: { type: play, next: c }\n  c: { type: hangup }\n';
    const { result, flows } = inMemory('w.yaml', flow);
    result.files[0]!.findings.push({
      ruleId: 'no-exit', severity: 'warning', message: 'm', file: 'w.yaml', line: 5, column: 3, endLine: 5, endColumn: 4,
      pointer: '/nodes/c', nodeId: 'c', path: ['a', 'b', 'c'], fingerprint: 'x', docs: 'https://example.invalid/no-exit.md',
    });
    const html = formatHtml(result, { flows, layout: await loadLayoutEngine() });
    expect(html.match(/<g class="edge witness witness-warning">/g)).toHaveLength(2);
    expect(html).toContain('path: a → b → c');
  });

  it('shows a witness path once: not again under a message that already spells it', async () => {
    const flow = 'version: 1\nname: W\nentry: a\nnodes:\n  a: { type: play, next: b }\n  b: { type: play, next: c }\n  c: { type: hangup }\n';
    const { result, flows } = inMemory('w.yaml', flow);
    const finding = { ruleId: 'no-exit', severity: 'warning' as const, file: 'w.yaml', line: 5, column: 3, endLine: 5, endColumn: 4, pointer: '/nodes/c', nodeId: 'c', path: ['a', 'b', 'c'], docs: 'https://example.invalid/no-exit.md' };
    result.files[0]!.findings.push({ ...finding, message: 'the fastest way takes 9 s (a → b → c)', fingerprint: 'x' });
    result.files[0]!.findings.push({ ...finding, message: 'a hangup with no help', fingerprint: 'y' });
    const html = formatHtml(result, { flows, layout: await loadLayoutEngine() });
    expect(html.match(/a → b → c/g)).toHaveLength(2);
    expect(html).toContain('path: a → b → c');
    const markdown = formatMarkdown(result, { report: true, flows });
    expect(markdown.match(/a → b → c/g)).toHaveLength(2);
  });

  it('says "not scored" and "not analyzed" when the score and metrics are missing', async () => {
    const { result, flows } = inMemory('n.yaml', 'version: 1\nname: N\nentry: a\nnodes:\n  a: { type: hangup }\n');
    const html = formatHtml(result, { flows, layout: await loadLayoutEngine() });
    expect(html).toContain('not scored');
    expect(html).toContain('Not analyzed.');
    expect(html).not.toContain('<svg class="drivers"');
  });

  it('renders the score, a driver bar chart, the journey metrics and the fixes when present', async () => {
    const { result, flows } = inMemory('s.yaml', 'version: 1\nname: S\nentry: a\nnodes:\n  a: { type: hangup }\n', {
      score: { value: 72, grade: 'C', drivers: { waiting: 12, repeating: 4, transfers: 0, navigation: 6, channel: 0, deadEnds: 6, generic: 0 } },
      metrics: { fastestSecondsToHuman: 95, expectedSecondsInFlow: 130, worstIdentityQuestions: 'unbounded', worstTransfers: 2, shareWithoutHelp: 0.125 },
      fixes: [{ title: 'Cap the <hold>', description: 'Add maxWaitSeconds & a callback', ruleIds: ['hold-without-limit'], nodeIds: ['q'], resolves: [], gain: 9 }],
    });
    const html = formatHtml(result, { flows, layout: await loadLayoutEngine() });
    expect(html).toContain('72/100 · grade C');
    expect(html.match(/<rect class="bar"/g)).toHaveLength(7);
    expect(html).toContain('<dd>1 min 35 s</dd>');
    expect(html).toContain('unbounded (a loop adds to it)');
    expect(html).toContain('<dd>12.5%</dd>');
    expect(html).toContain('<strong>+9</strong> Cap the &lt;hold&gt;');
    expect(html).toContain('<td>1 min 35 s</td>');
  });

  it('scales driver bars to a shared maximum', () => {
    const chart = driverChart({ value: 50, grade: 'F', drivers: { waiting: 20, repeating: 10, transfers: 0, navigation: 0, channel: 0, deadEnds: 0, generic: 0 } }, 40);
    const widths = [...chart.matchAll(/<rect class="bar"[^>]* width="([\d.]+)"/g)].map((match) => Number(match[1]));
    expect(widths[0]).toBeCloseTo(160);
    expect(widths[1]).toBeCloseTo(80);
    expect(widths[2]).toBe(0);
  });

  it('draws a 400-node flow step by step', async () => {
    const { result, flows } = inMemory('big.yaml', bigFlow(400));
    const html = formatHtml(result, { flows, layout: await loadLayoutEngine() });
    expect(html).not.toContain('Diagram omitted:');
    expect(html.match(/<g class="node /g)).toHaveLength(401);
    expect(html.match(/<g class="ref ref-clean">/g)).toHaveLength(399);
  });

  it('draws a flow past the detail limit by its structure, loops collapsed', async () => {
    // A chain of 1,300 steps whose every third step loops back: 433 loops and a tail.
    const lines = ['version: 1', 'name: Loops', 'entry: s0', 'nodes:'];
    const count = FULL_DETAIL_LIMIT + 100;
    for (let index = 0; index < count - 1; index++) {
      lines.push(index % 3 === 2
        ? `  s${index}: { type: menu, say: Again?, options: { "1": s${index - 2}, "2": s${index + 1} } }`
        : `  s${index}: { type: play, say: Step, next: s${index + 1} }`);
    }
    lines.push(`  s${count - 1}: { type: agent }`);
    const { result, flows } = inMemory('loops.yaml', `${lines.join('\n')}\n`);
    const html = formatHtml(result, { flows, layout: await loadLayoutEngine() });
    expect(html).toContain('drawn by structure');
    const loops = html.match(/<g class="node node-\w+( entry)? loop">/g) ?? [];
    expect(loops).toHaveLength(433);
    expect(html.match(/<g class="node /g)).toHaveLength(434);
    expect(html).toContain('loop of 3 steps');
  });

  it('draws the structure of a flow whose long back edges would tangle the full picture', () => {
    const nodes = Array.from({ length: 1000 }, (_, index) => ({ id: `n${index}`, type: 'play' as const, say: '', entry: index === 0, findings: 0 }));
    const edges = nodes.slice(1).map((node, index) => ({ from: `n${index}`, to: node.id, captions: [] }));
    for (let index = 100; index < 1000; index++) edges.push({ from: `n${index}`, to: `n${index - 100}`, captions: [] });
    const graph = { nodes, edges };
    expect(layoutWork(graph)).toBeGreaterThan(DIAGRAM_WORK_LIMIT);
    expect(diagramOmission(graph)).toMatch(/cross too many levels/);
    const drawn = drawableGraph(graph);
    expect(drawn.condensed).toBe(true);
    expect(drawn.graph.nodes).toHaveLength(1);
    expect(drawn.graph.nodes[0]).toMatchObject({ type: 'loop', members: 1000, entry: true });
    expect(diagramOmission(drawn.graph)).toBeUndefined();
  });

  it('draws arrows into a hub of a big flow to a reference box beside each caller', () => {
    const graph = buildFlowGraph(loadText('big.yaml', bigFlow(100)).flow!, []);
    const drawn = withReferences(graph);
    const references = drawn.nodes.filter((node) => node.refersTo === 'person');
    // Every menu reaches the agent; the first one keeps the real arrow.
    expect(references).toHaveLength(99);
    expect(drawn.edges.filter((edge) => edge.to === 'person')).toHaveLength(1);
    expect(new Set(drawn.nodes.map((node) => node.id)).size).toBe(drawn.nodes.length);
    expect(withReferences(buildFlowGraph(loadText('small.yaml', bigFlow(20)).flow!, []))).toMatchObject({ nodes: { length: 21 } });
  });

  it(`omits the diagram when even the structure is more than ${DIAGRAM_NODE_LIMIT} boxes`, () => {
    const nodes = Array.from({ length: DIAGRAM_NODE_LIMIT + 1 }, (_, index) => ({ id: `n${index}`, type: 'play' as const, say: '', entry: index === 0, findings: 0 }));
    expect(diagramOmission({ nodes, edges: [] })).toMatch(/more than the 1500/);
    expect(diagramOmission({ nodes: nodes.slice(1), edges: [] })).toBeUndefined();
  });

  it('lays out a flow of typical size', async () => {
    const { result, flows } = inMemory('mid.yaml', bigFlow(40));
    const graph = buildFlowGraph(flows.get('mid.yaml')!, []);
    expect(diagramOmission(graph)).toBeUndefined();
    const html = formatHtml(result, { flows, layout: await loadLayoutEngine() });
    expect(html.match(/<g class="node /g)).toHaveLength(41);
    // Every arrow is a real curve, inside the picture.
    const svg = /<svg class="diagram" viewBox="0 0 (\d+) (\d+)"/.exec(html)!;
    const paths = [...html.matchAll(/<path d="(M[^"]+)" fill="none"/g)].map((match) => match[1]!);
    expect(paths.length).toBeGreaterThan(40);
    for (const d of paths) {
      expect(d).toMatch(/^M[\d.]+,[\d.]+( C[\d.,\s]+)+ L[\d.]+,[\d.]+$/);
      for (const [x, y] of [...d.matchAll(/([\d.]+),([\d.]+)/g)].map((match) => [Number(match[1]), Number(match[2])])) {
        expect(x).toBeLessThanOrEqual(Number(svg[1]) + 1);
        expect(y).toBeLessThanOrEqual(Number(svg[2]) + 1);
      }
    }
  });

  it('draws smooth edge paths and truncates by code points', () => {
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 10 }, { x: 30, y: 0 }], { x: 32, y: 0 })).toBe('M0,0 C10,10 20,10 30,0 L32,0');
    expect(edgePath([])).toBe('');
    // Graphviz's y axis points up: flipped against the height of the picture.
    expect(parseEdgePos('e,5,1 1,9 2,8 3,7 4,6', 10)).toEqual({ points: [{ x: 1, y: 1 }, { x: 2, y: 2 }, { x: 3, y: 3 }, { x: 4, y: 4 }], tip: { x: 5, y: 9 } });
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('is the only module that names the layout engine, and only loads it on demand', () => {
    // The modules tsc built, one by one; the CLI's bundle (dist/bundle/) is checked below.
    const files = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js') && !file.startsWith(`bundle${sep}`));
    const naming = files.filter((file) => readFileSync(join(ROOT, 'dist', file), 'utf8').includes('@hpcc-js/wasm-graphviz'));
    expect(naming).toEqual([join('report', 'diagram.js')]);
    const source = readFileSync(join(ROOT, 'dist/report/diagram.js'), 'utf8');
    expect(source).not.toMatch(/^import .*@hpcc-js\/wasm-graphviz/m);
    // In the bundle, only the file holding that module names the engine (esbuild's metafile says
    // which modules a file holds), and there too without a static import (minified: no spaces).
    const metafile = JSON.parse(readFileSync(join(ROOT, 'dist/bundle.meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> };
    const bundled = Object.keys(metafile.outputs).filter((file) => file.endsWith('.js'));
    const bundledNaming = bundled.filter((file) => readFileSync(join(ROOT, file), 'utf8').includes('@hpcc-js/wasm-graphviz'));
    expect(bundledNaming).toHaveLength(1);
    for (const file of bundledNaming) {
      expect(Object.keys(metafile.outputs[file]?.inputs ?? {})).toContain('dist/report/diagram.js');
      expect(readFileSync(join(ROOT, file), 'utf8')).not.toMatch(/(?:from|import)\s*["']@hpcc-js\/wasm-graphviz["']/);
    }
  });
});
