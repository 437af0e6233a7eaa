// Every real export in fixtures/platform lints with a score and no schema or syntax
// finding, and its `import` output lints as valid format v1.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { flowToYaml, importFlow } from '../../src/load/importers/index.js';
import { ROOT } from '../helpers.js';

const REFERENCE = join(ROOT, 'fixtures', 'platform');
const files = ['connect', 'genesys', 'twilio'].flatMap((platform) =>
  readdirSync(join(REFERENCE, platform)).map((name) => join(REFERENCE, platform, name)));

describe('reference flows', () => {
  it('are all there', () => {
    expect(files).toHaveLength(20);
  });

  it.each(files)('%s lints with a score and no schema or syntax finding', async (file) => {
    const result = await audit([file], { noConfig: true });
    expect(result.files).toHaveLength(1);
    const [audited] = result.files;
    expect(audited!.findings.filter((finding) => ['schema', 'yaml-syntax'].includes(finding.ruleId))).toEqual([]);
    expect(audited!.score?.value).toBeGreaterThanOrEqual(0);
  });

  it.each(files)('%s imports to format v1 that lints without schema findings', async (file) => {
    const imported = importFlow(file, readFileSync(file, 'utf8'));
    expect(imported?.flow).toBeDefined();
    const yaml = flowToYaml(imported!.flow!);
    const result = await audit([{ path: 'imported.yaml', text: yaml }], { noConfig: true });
    expect(result.files[0]!.findings.filter((finding) => ['schema', 'yaml-syntax', 'duplicate-key'].includes(finding.ruleId))).toEqual([]);
    expect(result.files[0]!.score).not.toBeNull();
  });

  it('reports the Twilio webinar gather whose timeout loops back to itself', async () => {
    const file = join(REFERENCE, 'twilio', 'webinar-flow.json');
    const [audited] = (await audit([file], { noConfig: true })).files;
    const loop = audited!.findings.find((finding) => finding.ruleId === 'excessive-retries');
    expect(loop).toMatchObject({ line: 38, column: 19, nodeId: 'gather_input' });
    expect(loop!.message).toContain('without end');
  });
});
