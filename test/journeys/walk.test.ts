import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Facts } from '../../src/analysis/facts.js';
import { walkableFlow, type WalkableFlow } from '../../src/journeys/flow-journeys.js';
import { MAX_STEPS_WITHOUT_ACTION, walkJourney } from '../../src/journeys/walk.js';
import { loadText } from '../../src/load/index.js';
import { ROOT } from '../helpers.js';

let clinic: WalkableFlow;
beforeAll(async () => {
  clinic = await walkableFlow(join(ROOT, 'fixtures/journeys/clinic.yaml'), 'clinic.yaml');
});

const ids = (keys: string[], choices = {}): string[] => walkJourney(clinic.graph, keys, choices).steps.map((step) => step.id);

describe('walkJourney', () => {
  it('follows keys through menus, into a subflow and back, with journey ids inside the subflow', () => {
    const walk = walkJourney(clinic.graph, ['1', '12345678'], { take: { 'known-patient': 'case:0' } });
    expect(walk.steps.map((step) => step.id)).toEqual([
      'check-hours', 'welcome', 'main-menu', 'verify', 'verify/ask-card', 'verify/done', 'known-patient', 'appointments-queue', 'appointments-agent',
    ]);
    expect(walk.end).toBe('person');
    expect(walk.endsAt).toBe('appointments-agent');
    expect(walk.identityQuestions).toBe(1);
    expect(walk.problem).toBeUndefined();
  });

  it('times each step from the answer: every step starts where the one before ended', () => {
    const walk = walkJourney(clinic.graph, ['0']);
    for (let index = 1; index < walk.steps.length; index++) {
      const before = walk.steps[index - 1]!;
      expect(walk.steps[index]!.at).toBeCloseTo(before.at + before.seconds, 9);
    }
    // 45 s of stated expected wait in reception.
    expect(walk.steps.find((step) => step.id === 'reception-queue')!.seconds).toBeGreaterThanOrEqual(45);
    expect(walk.secondsToPerson).toBeCloseTo(walk.totalSeconds, 9);
  });

  it('repeats a menu `retries` times before its no-input exit', () => {
    // retries: 1 — the first silence repeats the prompt; the second takes onNoInput.
    const once = walkJourney(clinic.graph, ['']);
    expect(once.problem).toEqual({ kind: 'keys-ran-out', id: 'main-menu' });
    const twice = walkJourney(clinic.graph, ['', '']);
    expect(twice.steps.filter((step) => step.id === 'main-menu').map((step) => step.attempt)).toEqual([1, 2]);
    expect(twice.endsAt).toBe('reception-agent');
    // A silent attempt waits the menu's timeout (5 s by default) after the prompt.
    const [first] = twice.steps.filter((step) => step.id === 'main-menu');
    const answered = walkJourney(clinic.graph, ['0']).steps.find((step) => step.id === 'main-menu')!;
    expect(first!.seconds - answered.seconds).toBeCloseTo(5 - 3, 9);
  });

  it('takes the wrong-key exit after `?` as many times', () => {
    expect(ids(['?', '?'])).toContain('reception-queue');
  });

  it('goes by the time of call at hours nodes', () => {
    const walk = walkJourney(clinic.graph, [], { hours: 'closed' });
    expect(walk.endsAt).toBe('closed-message');
    expect(walk.end).toBe('unresolved');
    // A flow without a holiday exit sends holiday callers the closed way.
    expect(walkJourney(clinic.graph, [], { hours: 'holiday' }).endsAt).toBe('closed-message');
  });

  it('holds a caller who leaves a queue by its timeout for the whole limit', () => {
    const walk = walkJourney(clinic.graph, ['0'], { take: { 'reception-queue': 'timeout' } });
    const hold = walk.steps.find((step) => step.id === 'reception-queue')!;
    expect(hold.seconds).toBeGreaterThanOrEqual(240);
    expect(walk.end).toBe('help');
    expect(walk.secondsToPerson).toBeUndefined();
  });

  it('counts a transfer to a person and ends there', () => {
    const walk = walkJourney(clinic.graph, ['2']);
    expect(walk.transfers).toBe(1);
    expect(walk.end).toBe('person');
    // Four rings of six seconds before the person answers.
    expect(walk.steps.at(-1)!.seconds).toBeGreaterThanOrEqual(24);
  });

  it('says why keys do not fit the flow', () => {
    expect(walkJourney(clinic.graph, ['7']).problem).toEqual({ kind: 'not-an-option', id: 'main-menu', key: '7', options: ['0', '1', '2'] });
    expect(walkJourney(clinic.graph, ['0', '5']).problem).toEqual({ kind: 'keys-left', keys: ['5'] });
    expect(walkJourney(clinic.graph, ['1']).problem).toEqual({ kind: 'keys-ran-out', id: 'verify/ask-card' });
    expect(walkJourney(clinic.graph, ['0'], { take: { 'reception-queue': 'busy' } }).problem).toMatchObject({ kind: 'unknown-exit', id: 'reception-queue', exit: 'busy' });
  });

  it('stops a loop the caller cannot leave instead of walking forever', () => {
    const loaded = loadText('loop.yaml', [
      'version: 1', 'name: Loop', 'entry: a', 'nodes:',
      '  a: { type: play, say: Please hold., next: b }',
      '  b: { type: play, say: Still holding., next: a }',
    ].join('\n'));
    const graph = new Facts(loaded.flow!).journey.graph;
    const walk = walkJourney(graph, []);
    expect(walk.problem).toMatchObject({ kind: 'loops' });
    expect(walk.steps.length).toBe(MAX_STEPS_WITHOUT_ACTION);
  });
});
