import { readFileSync, readdirSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli, scratchFolder } from '../cli-run.js';
import { ROOT } from '../helpers.js';

const FIXTURES = join(ROOT, 'fixtures/journeys');

/** A scratch copy of the clinic flows, so tests may write beside them. */
function clinicCopy(): string {
  const folder = scratchFolder();
  for (const name of ['clinic.yaml', 'patient-id.yaml']) copyFileSync(join(FIXTURES, name), join(folder, name));
  return folder;
}

describe('ivr-audit test', () => {
  it('exits 0 when every journey passes', () => {
    const run = runCli(['test', 'fixtures/journeys/clinic.ivr-test.yaml']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('5 journeys: 5 passed, 0 failed');
  });

  it('exits 1 when a journey fails, naming the expectation and showing the journey taken', () => {
    const run = runCli(['test', 'fixtures/journeys/clinic-failing.ivr-test.yaml']);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/✗ reception within ten seconds \(line 4\)\n\s+maxSeconds: 5\d s to a person; the most allowed is 10 s/);
    expect(run.stdout).toContain('maxIdentityQuestions: 1 identity questions; the most allowed is 0');
    expect(run.stdout).toContain('keys: key "7" is not an option of menu main-menu (its options: 0, 1, 2)');
    expect(run.stdout).toContain('keys: the call ended with key left over: "5"');
    // The journey actually taken, step by step with the clock.
    expect(run.stdout).toMatch(/0:09 {2}queue reception-queue \(\d+ s\) → next/);
    expect(run.stdout).toContain('4 journeys: 0 passed, 4 failed');
  });

  it('exits 2 on a bad test file, with the problem at its line and column', () => {
    const run = runCli(['test', 'fixtures/journeys/bad.ivr-test.yaml']);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/6:7 {2}error {2}unknown key "maxSecs"/);
  });

  it('refuses an unknown rule id in noFindings and a flow that is not there, at their lines', () => {
    const folder = scratchFolder({
      'typo.ivr-test.yaml': 'flow: clinic.yaml\njourneys:\n  - name: x\n    keys: ["0"]\n    expect:\n      noFindings: [transfer-chian]\n',
      'missing.ivr-test.yaml': 'flow: nowhere.yaml\njourneys:\n  - name: x\n    keys: []\n    expect: { ends: person }\n',
    });
    copyFileSync(join(FIXTURES, 'clinic.yaml'), join(folder, 'clinic.yaml'));
    const typo = runCli(['test', 'typo.ivr-test.yaml'], { cwd: folder });
    expect(typo.status).toBe(2);
    expect(typo.stdout).toMatch(/6:\d+ {2}error {2}unknown rule "transfer-chian"/);
    const missing = runCli(['test', 'missing.ivr-test.yaml'], { cwd: folder });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toMatch(/1:7 {2}error {2}.*nowhere\.yaml/);
  });

  it('finds test files in folders, and lint leaves them out of its flows', () => {
    const run = runCli(['test', 'fixtures/journeys'], { env: {} });
    expect(run.stdout).toContain('fixtures/journeys/clinic.ivr-test.yaml');
    expect(run.stdout).toContain('fixtures/journeys/clinic-failing.ivr-test.yaml');
    expect(run.status).toBe(2);
    const lint = runCli(['lint', 'fixtures/journeys', '-f', 'json']);
    const files = (JSON.parse(lint.stdout) as { files: Array<{ file: string }> }).files.map((file) => file.file);
    expect(files.sort()).toEqual(['fixtures/journeys/clinic.yaml', 'fixtures/journeys/patient-id.yaml']);
    expect(lint.stderr).not.toContain('ivr-test');
    const globbed = runCli(['lint', 'fixtures/journeys/*.yaml', '-f', 'json']);
    expect((JSON.parse(globbed.stdout) as { files: unknown[] }).files).toHaveLength(2);
    expect(globbed.stderr).not.toContain('ivr-test');
    expect(runCli(['test', 'fixtures/journeys/clinic*.yaml']).stdout).toContain('9 journeys');
  });

  it('gives JSON and JUnit that parse, with the failures in them', () => {
    const json = runCli(['test', 'fixtures/journeys/clinic-failing.ivr-test.yaml', '-f', 'json']);
    const parsed = JSON.parse(json.stdout) as { files: Array<{ journeys: Array<{ passed: boolean; failures: Array<{ expectation: string }>; journey: { endsAt: string } }> }>; summary: { failed: number } };
    expect(parsed.summary.failed).toBe(4);
    expect(parsed.files[0]!.journeys[0]!.failures[0]!.expectation).toBe('maxSeconds');
    expect(parsed.files[0]!.journeys[0]!.journey.endsAt).toBe('reception-agent');

    const junit = runCli(['test', 'fixtures/journeys', '-f', 'junit']);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit.stdout) as { testsuites: { tests: string; failures: string; errors: string; testsuite: Array<{ name: string; testcase: unknown }> } };
    expect(xml.testsuites.failures).toBe('4');
    expect(xml.testsuites.errors).toBe('1');
    expect(xml.testsuites.tests).toBe(String(5 + 4 + 1));
  });

  it('generates a test file that passes on its flow and fails after a change that alters a journey', () => {
    const folder = clinicCopy();
    const generated = runCli(['test', '--generate', 'clinic.yaml'], { cwd: folder });
    expect(generated.status).toBe(0);
    expect(generated.stderr).toMatch(/wrote clinic\.ivr-test\.yaml: \d+ journeys/);
    const file = parse(readFileSync(join(folder, 'clinic.ivr-test.yaml'), 'utf8')) as { flow: string; journeys: Array<{ name: string; keys: string[]; expect: Record<string, unknown> }> };
    expect(file.flow).toBe('clinic.yaml');
    // One journey per way through that matters: each option, silence and wrong keys, after hours, the queue timeout.
    const ends = new Set(file.journeys.map((journey) => journey.expect.ends));
    for (const end of ['appointments-agent', 'reception-agent', 'results-transfer', 'closed-message', 'callback-bye']) expect(ends).toContain(end);
    expect(runCli(['test'], { cwd: folder }).status).toBe(0);

    // Reception now asks for the health card too: the journeys through it get an identity question.
    const flow = readFileSync(join(folder, 'clinic.yaml'), 'utf8').replace('"0": reception-queue', '"0": verify');
    writeFileSync(join(folder, 'clinic.yaml'), flow);
    const after = runCli(['test'], { cwd: folder });
    expect(after.status).toBe(1);
    expect(after.stdout).toMatch(/✗ 0 at main-menu/);
  });

  it('does not replace an existing test file without --force, and -o - prints it', () => {
    const folder = clinicCopy();
    writeFileSync(join(folder, 'clinic.ivr-test.yaml'), '# mine\n');
    const refused = runCli(['test', '--generate', 'clinic.yaml'], { cwd: folder });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('clinic.ivr-test.yaml exists; --force replaces it');
    expect(readFileSync(join(folder, 'clinic.ivr-test.yaml'), 'utf8')).toBe('# mine\n');
    expect(runCli(['test', '--generate', 'clinic.yaml', '--force'], { cwd: folder }).status).toBe(0);
    const printed = runCli(['test', '--generate', 'clinic.yaml', '-o', '-'], { cwd: folder });
    expect(printed.stdout).toContain('journeys:');
    expect(readdirSync(folder).sort()).toEqual(['clinic.ivr-test.yaml', 'clinic.yaml', 'patient-id.yaml']);
  });

  it('bounds the generated file of a big flow to a cover of its exits', () => {
    const nodes = Array.from({ length: 400 }, (_, index) => `  m${index}:\n    type: menu\n    say: Press 1 or 2.\n    options:\n      "1": ${index < 399 ? `m${index + 1}` : 'agent'}\n      "2": agent\n    onNoInput: agent\n    onNoMatch: agent`);
    const folder = scratchFolder({ 'big.yaml': `version: 1\nname: Big\nentry: m0\nnodes:\n${nodes.join('\n')}\n  agent:\n    type: agent\n` });
    const run = runCli(['test', '--generate', 'big.yaml', '-o', '-'], { cwd: folder });
    expect(run.status).toBe(0);
    const file = parse(run.stdout) as { journeys: unknown[] };
    expect(file.journeys.length).toBeLessThanOrEqual(200);
    expect(run.stdout).toMatch(/exits are not covered/);
    expect(existsSync(join(folder, 'big.ivr-test.yaml'))).toBe(false);
  });
});

describe('journeys through platform exports', () => {
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

  it('generates tests for a Connect export that pass on it, named without UUIDs', () => {
    const folder = scratchFolder();
    copyFileSync(join(ROOT, 'fixtures/platform/connect/RulesEngineDTMFMenu.json'), join(folder, 'menu.json'));
    expect(runCli(['test', '--generate', 'menu.json'], { cwd: folder }).status).toBe(0);
    const file = parse(readFileSync(join(folder, 'menu.ivr-test.yaml'), 'utf8')) as { journeys: Array<{ name: string }> };
    expect(file.journeys.length).toBeGreaterThan(3);
    for (const journey of file.journeys) expect(journey.name).not.toMatch(UUID);
    const run = runCli(['test'], { cwd: folder });
    expect(run.status).toBe(0);
  });

  it('shows the journey through a Connect export by block names, and a hop to a flow not at hand as other-flow', () => {
    const run = runCli(['call', 'fixtures/platform/connect/RulesEngineBootstrap.json', '--keys', '']);
    expect(run.stdout).toContain('ends at flow RulesEngineMain (other-flow)');
    expect(run.stdout.split('the audit says')[0]).not.toMatch(UUID);
  });
});

describe('ivr-audit call --keys', () => {
  it('walks the flow and prints the journey with its times and what the audit says', () => {
    const run = runCli(['call', 'examples/acme-support.yaml', '--keys', '1,12345678']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/0:02 {2}menu main-menu .*caller presses 1 → option:1/);
    expect(run.stdout).toMatch(/ends at billing-agent \(person\) at 0:2\d/);
    expect(run.stdout).toContain('the audit says (flow score');
  });

  it('gives the journey as JSON', () => {
    const run = runCli(['call', 'examples/acme-support.yaml', '--keys', '0', '-f', 'json']);
    const walk = JSON.parse(run.stdout) as { end: string; steps: Array<{ id: string; at: number }> };
    expect(walk.end).toBe('person');
    expect(walk.steps.map((step) => step.id)).toEqual(['welcome', 'main-menu', 'billing-queue', 'billing-agent']);
  });

  it('exits 1 when the keys do not fit, and 2 without a terminal or keys', () => {
    const wrong = runCli(['call', 'examples/acme-support.yaml', '--keys', '5']);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain('key "5" is not an option of menu main-menu');
    const noTerminal = runCli(['call', 'examples/acme-support.yaml']);
    expect(noTerminal.status).toBe(2);
    expect(noTerminal.stderr).toContain('call needs a terminal');
    const missing = runCli(['call', 'nowhere.yaml', '--keys', '1']);
    expect(missing.status).toBe(2);
    expect(missing.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
