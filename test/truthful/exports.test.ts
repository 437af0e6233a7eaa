// Truthful about what was read: a platform export that is cut off or malformed is a finding, never
// skipped as "not a call flow"; YAML and JSON that are plainly something else (compose files, CI
// workflows, package.json, this tool's own report) are skipped with a note instead of drowning in
// schema errors. Through the library API, in memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit, type Source } from '../../src/index.js';
import { formatResult } from '../../src/report/index.js';
import { ROOT } from '../helpers.js';

const FLOW = 'version: 1\nname: Tiny\nentry: hello\nnodes:\n  hello:\n    type: agent\n';

/** Every JSON export the project keeps, of each platform. */
const EXPORTS = [
  'import/twilio/all-widgets.json',
  'import/twilio/wrapped-definition.json',
  'import/twilio/dangling.json',
  'import/connect/menu-and-input.json',
  'import/connect/routing.json',
  'import/connect/legacy.json',
  'import/connect/wrapped-describe.json',
  'import/connect/wrapped-object.json',
  'import/connect/placeholders.json',
  'platform/twilio/webinar-flow.json',
  'platform/twilio/template_example_schedule_flow.json',
  'platform/connect/acme_main_AUTO.json',
  'platform/connect/RulesEngineDTMFMenu.json',
].map((path) => ({ path, text: readFileSync(join(ROOT, 'fixtures', path), 'utf8') }));

async function auditSources(sources: Source[]) {
  return audit(sources, { cwd: ROOT, noConfig: true });
}

describe('a cut-off export is one finding at its end, never a skip', () => {
  for (const { path, text } of EXPORTS) {
    for (const share of [0.3, 0.55, 0.8]) {
      it(`${path} cut at ${share * 100}%`, async () => {
        const cut = text.slice(0, Math.floor(text.length * share));
        const result = await auditSources([{ path: 'cut.json', text: cut }]);
        expect(result.skipped).toBeUndefined();
        const findings = result.files[0]!.findings;
        expect(findings.map((finding) => finding.ruleId)).toEqual(['yaml-syntax']);
        expect(findings[0]!.line).toBe(cut.split('\n').length);
        expect(findings[0]!.message).toMatch(/cut off/);
      });
    }
  }
});

describe('a malformed export is a finding where it is malformed', () => {
  it('a Connect API wrapper whose Content is some other text: schema at Content', async () => {
    const text = JSON.stringify({ ContactFlow: { Arn: 'arn:aws:connect:us-east-1:1:instance/x/contact-flow/y', Name: 'Y', Content: 'not json at all' } }, null, 2);
    const result = await auditSources([{ path: 'describe.json', text }]);
    const findings = result.files[0]!.findings;
    expect(findings.map((finding) => `${finding.line} ${finding.ruleId}`)).toEqual(['5 schema']);
    expect(findings[0]!.message).toMatch(/`Content` does not hold an Amazon Connect flow/);
  });

  it('Twilio states that are not a list: schema at states', async () => {
    const text = '{\n  "initial_state": "Trigger",\n  "states": { "name": "Trigger" }\n}\n';
    const findings = (await auditSources([{ path: 'studio.json', text }])).files[0]!.findings;
    expect(findings.map((finding) => `${finding.line} ${finding.ruleId} ${finding.message}`)).toEqual(['3 schema `states` must be a list of widgets']);
  });

  it('a broken format v1 JSON flow is reported, not skipped', async () => {
    const result = await auditSources([{ path: 'flow.json', text: '{ "version": 1, "name": "X", "entry": "a", "nodes": { "a": ' }]);
    expect(result.skipped).toBeUndefined();
    expect(result.files[0]!.findings.map((finding) => finding.ruleId)).toContain('yaml-syntax');
  });
});

describe('YAML and JSON that are plainly not flows are skipped with a note', () => {
  const others: Source[] = [
    { path: 'docker-compose.yml', text: 'services:\n  web:\n    image: nginx:1.27\n' },
    { path: '.github/workflows/ci.yml', text: 'name: CI\non: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n' },
    { path: 'lookup.yaml', text: 'workflow:\n  name: Data lookup\n  startUpTaskActions: []\n' },
    { path: 'package.json', text: '{ "name": "x", "version": "1.0.0", "scripts": { "test": "vitest" } }\n' },
  ];

  it('skips each, and audits the flow beside them', async () => {
    const result = await auditSources([{ path: 'flow.yaml', text: FLOW }, ...others]);
    expect(result.files.map((file) => file.file)).toEqual(['flow.yaml']);
    expect(result.skipped!.map((skip) => skip.file)).toEqual(others.map((other) => other.path));
    for (const skip of result.skipped!) expect(skip.reason).toMatch(/^not a call flow/);
  });

  it("skips this tool's own JSON report", async () => {
    const report = await formatResult('json', await auditSources([{ path: 'flow.yaml', text: FLOW }]), { color: false });
    const result = await auditSources([{ path: 'flow.yaml', text: FLOW }, { path: 'report.json', text: report }]);
    expect(result.skipped?.map((skip) => skip.file)).toEqual(['report.json']);
  });

  it('reads a file with any of version: 1, entry or nodes as a flow, with findings', async () => {
    for (const text of ['version: 1\nname: X\n', 'entry: a\n', 'nodes:\n  a:\n    type: agent\n']) {
      const result = await auditSources([{ path: 'almost.yaml', text }]);
      expect(result.skipped, text).toBeUndefined();
      expect(result.files[0]!.findings.map((finding) => finding.ruleId), text).toContain('schema');
    }
  });

  it('reports YAML that does not parse, an empty file and a list', async () => {
    for (const text of ['services: [\n', '', '- one\n- two\n']) {
      const result = await auditSources([{ path: 'broken.yaml', text }]);
      expect(result.skipped, text).toBeUndefined();
      expect(result.files[0]!.findings.length, text).toBeGreaterThan(0);
    }
  });

  it('is a usage error when nothing else is left', async () => {
    await expect(auditSources([others[0]!])).rejects.toThrow(/^no flow files found: 1 file is not a call flow \(docker-compose\.yml\)$/);
  });
});
