// The HTML report as text: self-contained, no script, everything escaped, diagrams capped.
// (browser.test.ts opens it in Chromium.)
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { loadText } from '../../src/load/index.js';
import type { AuditResult, FileResult } from '../../src/model/result.js';
import { DIAGRAM_NODE_LIMIT, diagramOmission, edgePath, layoutWork, loadDagre, truncate } from '../../src/report/diagram.js';
import { buildFlowGraph } from '../../src/report/flowgraph.js';
import { loadFlows } from '../../src/report/flows.js';
import { CONTENT_SECURITY_POLICY, driverChart, formatHtml } from '../../src/report/html.js';
import { HOSTILE, ROOT, bigFlow, fetchedResources } from './support.js';

async function report(paths: string[]): Promise<{ html: string; result: AuditResult }> {
  const result = await audit(paths, { cwd: ROOT });
  const html = formatHtml(result, { flows: await loadFlows(result, ROOT), dagre: await loadDagre(), generated: 'test' });
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
    const html = formatHtml(result, { flows, dagre: await loadDagre() });
    expect(html.match(/<g class="edge witness witness-warning">/g)).toHaveLength(2);
    expect(html).toContain('path: a → b → c');
  });

  it('says "not scored" and "not analyzed" when the score and metrics are missing', async () => {
    const { result, flows } = inMemory('n.yaml', 'version: 1\nname: N\nentry: a\nnodes:\n  a: { type: hangup }\n');
    const html = formatHtml(result, { flows, dagre: await loadDagre() });
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
    const html = formatHtml(result, { flows, dagre: await loadDagre() });
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

  it(`omits the diagram past ${DIAGRAM_NODE_LIMIT} nodes and for flows too tangled to lay out quickly`, async () => {
    for (const count of [DIAGRAM_NODE_LIMIT + 1, 120]) {
      const { result, flows } = inMemory('big.yaml', bigFlow(count));
      const started = Date.now();
      const html = formatHtml(result, { flows, dagre: await loadDagre() });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(html).toContain('Diagram omitted:');
      expect(html).not.toContain('<svg class="diagram"');
    }
  });

  it('lays out a flow of typical size', async () => {
    const { result, flows } = inMemory('mid.yaml', bigFlow(40));
    const graph = buildFlowGraph(flows.get('mid.yaml')!, []);
    expect(diagramOmission(graph)).toBeUndefined();
    expect(layoutWork(graph)).toBeGreaterThan(graph.edges.length - 1);
    const html = formatHtml(result, { flows, dagre: await loadDagre() });
    expect(html.match(/<g class="node /g)).toHaveLength(41);
  });

  it('draws smooth edge paths and truncates by code points', () => {
    expect(edgePath([{ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 20, y: 0 }])).toBe('M0,0 Q10,10 15,5 L20,0');
    expect(edgePath([])).toBe('');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
    expect(truncate('short', 10)).toBe('short');
  });

  it('is the only module that names dagre, and only loads it on demand', () => {
    const files = readdirSync(join(ROOT, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    const naming = files.filter((file) => readFileSync(join(ROOT, 'dist', file), 'utf8').includes('@dagrejs/dagre'));
    expect(naming).toEqual([join('report', 'diagram.js')]);
    const source = readFileSync(join(ROOT, 'dist/report/diagram.js'), 'utf8');
    expect(source).not.toMatch(/^import .*@dagrejs\/dagre/m);
  });
});
