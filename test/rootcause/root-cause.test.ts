// One finding per root cause (issue 10, item 4): a flaw reached many ways is reported once, with its
// places, and duplicates never lower the score.
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/index.js';
import { mergeByCause } from '../../src/engine.js';
import type { Report } from '../../src/model/finding.js';
import { formatResult } from '../../src/report/index.js';
import { ROOT, auditText } from '../helpers.js';

const byRule = (findings: ReadonlyArray<{ ruleId: string }>, id: string) => findings.filter((finding) => finding.ruleId === id);

/** A menu with four branches, each asking an account number and then transferring cold to billing. */
function coldBranches(count: number): string {
  const options = Array.from({ length: count }, (_, index) => `      "${index + 1}": ask-${index + 1}`).join('\n');
  const steps = Array.from({ length: count }, (_, index) => `  ask-${index + 1}:
    type: input
    say: "Please enter your account number."
    collects: account
    onNoInput: agent
    onNoMatch: agent
    next: to-billing-${index + 1}
  to-billing-${index + 1}:
    type: transfer
    to: "+15550100"
    next: bye`).join('\n');
  return `version: 1
name: cold branches
entry: main
nodes:
  main:
    type: menu
    say: "For billing press 1 to ${count}, for a person press 0."
    options:
${options}
      "0": agent
    onNoInput: agent
    onNoMatch: agent
${steps}
  agent:
    type: agent
  bye:
    type: hangup
    outcome: resolved
`;
}

describe('one finding per root cause', () => {
  it('reports one cold transfer reached through four branches once, listing its places', async () => {
    const result = await auditText(coldBranches(4));
    const cold = byRule(result.findings, 'cold-transfer');
    expect(cold).toHaveLength(1);
    const [finding] = cold;
    expect(finding!.nodeId).toBe('to-billing-1');
    expect(finding!.places?.map((place) => place.nodeId)).toEqual(['to-billing-2', 'to-billing-3', 'to-billing-4']);
    expect(finding!.message).toContain('the same at 3 more places: `to-billing-2`, `to-billing-3`, `to-billing-4`');
    // Each place points at the transfer of that branch.
    expect(finding!.places!.map((place) => place.line)).toEqual(expect.arrayContaining([expect.any(Number)]));
    // The one fix makes every one of them warm.
    const fix = result.fixes.find((each) => each.ruleIds.includes('cold-transfer'));
    expect(fix?.nodeIds).toEqual(['to-billing-1', 'to-billing-2', 'to-billing-3', 'to-billing-4']);
  });

  it('keeps transfers to different destinations apart: they are different flaws', async () => {
    const text = coldBranches(2).replace('to: "+15550100"\n    next: bye\n  agent', 'to: "+15550199"\n    next: bye\n  agent');
    const result = await auditText(text);
    expect(byRule(result.findings, 'cold-transfer')).toHaveLength(2);
  });

  it('reports a SARIF relatedLocation for each other place', async () => {
    const result = await audit([{ path: 'cold.yaml', text: coldBranches(3) }], { cwd: ROOT });
    const sarif = JSON.parse(await formatResult('sarif', result, { color: false, cwd: ROOT })) as {
      runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: Array<{ message: { text: string } }> }> }>;
    };
    const cold = sarif.runs[0]!.results.filter((each) => each.ruleId === 'cold-transfer');
    expect(cold).toHaveLength(1);
    expect(cold[0]!.relatedLocations?.map((place) => place.message.text)).toEqual(['same cause: to-billing-2', 'same cause: to-billing-3']);
  });

  it('reports an onNoInput and onNoMatch that loop back as one retry finding, penalised once', async () => {
    const looping = (exits: string) => `version: 1
name: retry loop
entry: main
nodes:
  main:
    type: menu
    say: "For a person press 0."
    options:
      "0": agent
${exits}
  agent:
    type: agent
`;
    const both = await auditText(looping('    onNoInput: main\n    onNoMatch: main'));
    const retries = byRule(both.findings, 'excessive-retries');
    expect(retries).toHaveLength(1);
    expect(retries[0]!.message).toMatch(/^`onNoInput` and `onNoMatch` of menu `main` lead back to `main`: callers who say nothing or are not understood/);
    expect(retries[0]!.places).toHaveLength(1);
    // The score counts the flaw once: turning the rule off gains one warning's penalty, not two.
    const quiet = await audit([{ path: 'flow.yaml', text: looping('    onNoInput: main\n    onNoMatch: main') }], { cwd: ROOT, rules: { 'excessive-retries': 'off' } });
    expect(quiet.files[0]!.score!.value - both.score!.value).toBe(3);
    // Its fix sends both exits to a person.
    const fix = both.fixes.find((each) => each.ruleIds.includes('excessive-retries'));
    expect(fix?.description).toContain('`onNoInput` and `onNoMatch` lead back');
  });

  it('reports a hang-up behind a queue that fails into it once, as the hold\'s dead end', async () => {
    const result = await auditText(`version: 1
name: full queue
entry: main
nodes:
  main:
    type: menu
    say: "For sales press 1, for a person press 0."
    options:
      "1": sales
      "0": sales
    onNoInput: sales
    onNoMatch: sales
  sales:
    type: queue
    maxWaitSeconds: 300
    next: agent
    onTimeout: later
    onFull: sorry
  agent:
    type: agent
  sorry:
    type: play
    say: "All our agents are busy. Goodbye."
    next: bye
  bye:
    type: hangup
  later:
    type: hangup
    outcome: callback
`);
    expect(byRule(result.findings, 'dead-end-hold').map((finding) => finding.nodeId)).toEqual(['sales']);
    expect(byRule(result.findings, 'dead-end')).toEqual([]);
  });

  it('still reports a hang-up callers also reach without the queue failing', async () => {
    const result = await auditText(`version: 1
name: full queue and a bare hang-up
entry: main
nodes:
  main:
    type: menu
    say: "For sales press 1, to leave press 9."
    options:
      "1": sales
      "9": bye
    onNoInput: sales
    onNoMatch: sales
  sales:
    type: queue
    maxWaitSeconds: 300
    next: agent
    onTimeout: later
    onFull: bye
  agent:
    type: agent
  bye:
    type: hangup
  later:
    type: hangup
    outcome: callback
`);
    expect(byRule(result.findings, 'dead-end').map((finding) => finding.nodeId)).toEqual(['bye']);
  });

  it('reports gathers that hang up on silence through the same empty transition as one dead end naming them', async () => {
    const gather = (name: string, next: string) => ({
      name,
      type: 'gather-input-on-call',
      transitions: [{ event: 'keypress', next }, { event: 'speech' }, { event: 'timeout' }],
      properties: { say: `Step ${name}: press 1 to go on.`, number_of_digits: 1, timeout: 5 },
    });
    const flow = {
      description: 'three gathers',
      states: [
        { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingCall', next: 'first' }] },
        gather('first', 'second'),
        gather('second', 'third'),
        gather('third', 'agent'),
        { name: 'agent', type: 'connect-call-to', transitions: [{ event: 'callCompleted' }], properties: { noun: 'number', to: '+15550100' } },
      ],
      initial_state: 'Trigger',
      flags: { allow_concurrent_calls: true },
    };
    const result = await audit([{ path: 'gathers.json', text: JSON.stringify(flow, null, 2) }], { cwd: ROOT });
    const silence = byRule(result.files[0]!.findings, 'dead-end').filter((finding) => finding.message.includes('onNoInput'));
    expect(silence).toHaveLength(1);
    expect(silence[0]!.message).toContain('the same at 2 more places: menu `second` (`onNoInput`), menu `third` (`onNoInput`)');
    expect(silence[0]!.places).toHaveLength(2);
  });
});

/** One confirmation menu written three times (as platforms write one per prompt source), looping back. */
const VARIANTS = `version: 1
name: one menu in three variants, all leading back the same way
entry: pick
nodes:
  pick:
    type: branch
    cases:
      - when: the prompt is text
        next: ask-text
      - when: the prompt is SSML
        next: ask-ssml
    default: ask-audio
  ask-text:
    type: menu
    say: "To confirm press 1, to change press 2."
    options: { "1": done, "2": change }
    onNoInput: agent
    onNoMatch: agent
  ask-ssml:
    type: menu
    say: "To confirm press 1, to change press 2."
    options: { "1": done, "2": change }
    onNoInput: agent
    onNoMatch: agent
  ask-audio:
    type: menu
    say: "To confirm press 1, to change press 2."
    options: { "1": done, "2": change }
    onNoInput: agent
    onNoMatch: agent
  change:
    type: menu
    say: "Enter the new choice: 1 or 2."
    options: { "1": pick, "2": pick }
    onNoInput: agent
    onNoMatch: agent
  done:
    type: hangup
    outcome: resolved
  agent:
    type: agent
`;

describe('variants of one menu, and one endless loop', () => {
  it('reports the loop that three variants of a menu lead into once', async () => {
    const result = await auditText(VARIANTS);
    const loops = byRule(result.findings, 'menu-depth');
    expect(loops).toHaveLength(1);
    expect(loops[0]!.places?.map((place) => place.nodeId)).toEqual(['ask-ssml', 'ask-audio']);
  });

  it('reports variants of one menu that hide the way to a person once, and fixes them together', async () => {
    const result = await auditText(VARIANTS);
    const quiet = byRule(result.findings, 'no-zero-out');
    expect(quiet.map((finding) => finding.nodeId)).toEqual(['ask-text', 'change']);
    const fix = result.fixes.find((each) => each.nodeIds.includes('ask-text'));
    expect(fix?.nodeIds).toEqual(['ask-text', 'ask-ssml', 'ask-audio']);
    expect(fix!.gain).toBeGreaterThan(0);
  });

  it('scores the three variants as one menu: duplicates do not lower the score', async () => {
    // The same flow with the menu written once: the branch still picks, every case to that menu.
    const one = VARIANTS
      .replace(/next: ask-(text|ssml)/g, 'next: ask-audio')
      .replace(/  ask-(text|ssml):\n(    .*\n)+/g, '');
    expect(one).not.toBe(VARIANTS);
    const scored = async (text: string, rules = {}) => (await audit([{ path: 'flow.yaml', text }], { cwd: ROOT, rules })).files[0]!;
    const off = { 'no-zero-out': 'off', 'menu-depth': 'off' } as const;
    const [many, manyOff, single, singleOff] = await Promise.all([scored(VARIANTS), scored(VARIANTS, off), scored(one), scored(one, off)]);
    expect(byRule(single.findings, 'no-zero-out')).toHaveLength(2);
    // What the findings cost is the same: three variants are charged as one menu. (The journey
    // model may still time three prompt variants differently from one.)
    expect(manyOff.score!.value - many.score!.value).toBe(singleOff.score!.value - single.score!.value);
    expect(manyOff.score!.value - many.score!.value).toBe(6);
  });

  it('keeps menus that say different things apart', async () => {
    const result = await auditText(VARIANTS.replace('    say: "To confirm press 1, to change press 2."\n    options: { "1": done, "2": change }\n    onNoInput: agent\n    onNoMatch: agent\n  ask-audio', '    say: "Press 1 to confirm."\n    options: { "1": done, "2": change }\n    onNoInput: agent\n    onNoMatch: agent\n  ask-audio'));
    expect(byRule(result.findings, 'no-zero-out').map((finding) => finding.nodeId)).toEqual(['ask-text', 'ask-ssml', 'change']);
  });
});

describe('mergeByCause', () => {
  const loc = (line: number) => ({ file: 'f.yaml', pointer: `/nodes/n${line}`, line, column: 1, endLine: line, endColumn: 2 });
  const report = (line: number, cause?: string): Report => ({ message: `m${line}`, loc: loc(line), nodeId: `n${line}`, ...(cause === undefined ? {} : { cause }) });

  it('keeps reports without a cause and the first of each cause, in order', () => {
    const merged = mergeByCause([report(1, 'a'), report(2), report(3, 'a'), report(4, 'b')]);
    expect(merged.map((each) => each.nodeId)).toEqual(['n1', 'n2', 'n4']);
    expect(merged[0]!.places?.map((place) => place.nodeId)).toEqual(['n3']);
    expect(merged[2]!.places).toBeUndefined();
  });

  it('gives a merged finding a key of its cause, so the fingerprint does not depend on the other places', () => {
    const [merged] = mergeByCause([report(1, 'a'), report(3, 'a')]);
    expect(merged!.key).toBe('cause:a');
  });
});

describe('a failed backend step that drops callers', () => {
  it('is one finding, backend-failure at the step, not a second dead-end at the hang-up', async () => {
    const result = await audit([`${ROOT}/fixtures/rules/backend-failure/fires.yaml`], { noConfig: true });
    const findings = result.files[0]!.findings;
    expect(byRule(findings, 'backend-failure').map((finding) => finding.nodeId)).toEqual(['check-balance']);
    expect(byRule(findings, 'dead-end')).toEqual([]);
  });

  it('leaves a hang-up that callers also reach another way to dead-end', async () => {
    const result = await auditText(`version: 1
name: Balance line
entry: check
nodes:
  check:
    type: branch
    cases:
      - when: balance known
        next: menu
    default: menu
    onError: bye
  menu:
    type: menu
    say: For your balance press 1. For a person press 0.
    options: { "1": bye, "0": person }
    onNoInput: person
    onNoMatch: person
  person: { type: agent }
  bye: { type: hangup }
`);
    expect(byRule(result.findings, 'dead-end').map((finding) => finding.nodeId)).toEqual(['bye']);
  });
});
