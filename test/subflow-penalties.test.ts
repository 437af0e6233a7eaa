// A flaw costs the same written inline or in a subflow, and is reported where callers enter it.
import { describe, expect, it } from 'vitest';
import { auditFile } from './helpers.js';

describe('penalty rules follow callers into subflows', () => {
  it('scores an endless PIN re-prompt the same inline and inside a subflow', async () => {
    const inline = await auditFile('fixtures/subflows/inline.yaml');
    const called = await auditFile('fixtures/subflows/calls-pin.yaml');
    const retries = (findings: typeof inline.findings) => findings.filter((finding) => finding.ruleId === 'excessive-retries');
    // `retries: 5`, and one loop (its onNoInput and onNoMatch both lead back: one flaw).
    expect(retries(inline.findings)).toHaveLength(2);
    expect(retries(called.findings)).toHaveLength(2);
    expect(called.score!.value).toBe(inline.score!.value);
  });

  it('reports a subflow step at the call site, naming it and pointing at it in its own file', async () => {
    const called = await auditFile('fixtures/subflows/calls-pin.yaml');
    const finding = called.findings.find((each) => each.ruleId === 'excessive-retries' && each.message.includes('re-prompts 5 times'))!;
    expect(finding).toMatchObject({ file: 'fixtures/subflows/calls-pin.yaml', line: 14, nodeId: 'verify', inside: 'verify/ask-pin' });
    expect(finding.message).toMatch(/^in subflow `verify` \(pin\.yaml\): input `ask-pin` re-prompts 5 times/);
    expect(finding.related?.[0]).toMatchObject({ line: 11 });
    expect(finding.related?.[0]?.file).toMatch(/pin\.yaml$/);
    // Fixed in its own file, not by editing the call site.
    expect(called.fixes.flatMap((fix) => fix.ruleIds)).not.toContain('excessive-retries');
  });

  it('lints a `kind: subflow` file alone for what is wrong inside it, not for lacking a person', async () => {
    const alone = await auditFile('fixtures/subflows/pin.yaml');
    const ids = alone.findings.map((finding) => finding.ruleId);
    expect(ids).not.toContain('no-human');
    expect(ids.filter((id) => id === 'excessive-retries')).toHaveLength(2);
    expect(alone.metrics!.shareWithoutHelp).toBe(0);
  });
});
