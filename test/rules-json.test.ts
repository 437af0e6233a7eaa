// `rules --json`: the catalog as data, each rule with what a tool needs to show or configure it,
// and a `fixable` that agrees with the fixes the code can propose.
import { describe, expect, it } from 'vitest';
import { ruleMetas } from '../src/rules/index.js';
import { hasFixProposer } from '../src/score/fixes.js';
import { runCli } from './cli-run.js';

interface Entry {
  id: string;
  category: string;
  severity: string;
  description: string;
  driver: string;
  scoring: string;
  options: Array<{ name: string; type: string; default: unknown }>;
  fixable: boolean;
  fixTypes: string[];
  alwaysOn: boolean;
  docs: string;
}

describe('rules --json', () => {
  const run = runCli(['rules', '--json']);
  const entries = JSON.parse(run.stdout) as Entry[];

  it('lists every rule of the registry, in catalog order, with its metadata', () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(entries.map((entry) => entry.id)).toEqual(ruleMetas().map((meta) => meta.id));
    for (const [index, meta] of ruleMetas().entries()) {
      expect(entries[index]).toMatchObject({ category: meta.category, severity: meta.severity, description: meta.description, driver: meta.driver, scoring: meta.scoring, alwaysOn: meta.alwaysOn === true });
      expect(entries[index]!.options.map((option) => [option.name, option.type, option.default])).toEqual(meta.options.map((option) => [option.name, option.type, option.default]));
      expect(entries[index]!.docs).toMatch(new RegExp(`^https://.*/docs/rules/${meta.id}\\.md$`));
    }
  });

  it('marks a rule fixable exactly when the code proposes fixes for it, with the kinds its page names', () => {
    for (const entry of entries) {
      expect(entry.fixable, entry.id).toBe(hasFixProposer(entry.id));
      expect(entry.fixable).toBe(entry.fixTypes.length > 0);
    }
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    expect(byId.get('unknown-target')!.fixTypes).toEqual(['fix']);
    expect(byId.get('cold-transfer')!.fixTypes).toEqual(['suggestion']);
    expect(byId.get('excessive-retries')!.fixTypes).toEqual(['fix', 'suggestion']);
    expect(byId.get('internal-error')).toMatchObject({ fixable: false, alwaysOn: true });
  });

  it('prints one rule with an id, and refuses an unknown one', () => {
    const one = runCli(['rules', 'identity-questions', '--json']);
    expect(JSON.parse(one.stdout)).toEqual(entries.find((entry) => entry.id === 'identity-questions'));
    const unknown = runCli(['rules', 'identity-question', '--json']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('ivr-audit: unknown rule "identity-question"; did you mean "identity-questions"?\n');
  });
});
