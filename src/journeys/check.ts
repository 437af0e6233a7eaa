// Checks a walked journey against what its test expects. Pure: the walk and the flow's findings in,
// the failed expectations out, each said in words a test author can act on.
import type { Finding } from '../model/finding.js';
import type { Expectations } from './testfile.js';
import type { EndKind, Walk, WalkProblem } from './walk.js';

export const END_KINDS: readonly EndKind[] = ['person', 'help', 'resolved', 'unresolved', 'other-flow'];

export interface Failure {
  /** The expectation that failed, or `keys` when the keys do not fit the flow. */
  expectation: keyof Expectations | 'keys';
  message: string;
}

export function problemMessage(problem: WalkProblem): string {
  switch (problem.kind) {
    case 'not-an-option':
      return `key "${problem.key}" is not an option of menu ${problem.id} (its options: ${problem.options.join(', ') || 'none'})`;
    case 'keys-ran-out':
      return `the keys ran out at ${problem.id}, which waits for the caller`;
    case 'keys-left':
      return `the call ended with key${problem.keys.length > 1 ? 's' : ''} left over: ${problem.keys.map((key) => JSON.stringify(key)).join(', ')}`;
    case 'unknown-exit':
      return `${problem.id} has no exit "${problem.exit}" (its exits: ${problem.exits.join(', ') || 'none'})`;
    case 'loops':
      return `the journey loops at ${problem.id} without the caller being asked anything`;
  }
}

/** Journey ids a finding is about: its node (or the step inside a subflow) and its other places. */
function findingIds(finding: Finding): string[] {
  const ids = [finding.inside ?? finding.nodeId, ...(finding.places ?? []).map((place) => place.nodeId)];
  return ids.filter((id): id is string => id !== undefined);
}

/** Findings of the flow on this journey: about one of its steps, or about the whole flow (no node). */
export function findingsOnWalk(walk: Walk, findings: readonly Finding[]): Finding[] {
  const visited = new Set(walk.steps.map((step) => step.id));
  return findings.filter((finding) => {
    const ids = findingIds(finding);
    return ids.length === 0 || ids.some((id) => visited.has(id));
  });
}

/** Seconds the `maxSeconds` expectation measures: to the first person, or to the end when none. */
export function measuredSeconds(walk: Walk): number {
  return walk.secondsToPerson ?? walk.totalSeconds;
}

const round = (seconds: number): string => `${Math.round(seconds)} s`;

export function checkWalk(walk: Walk, expect: Expectations, findings: readonly Finding[]): Failure[] {
  const failures: Failure[] = [];
  if (walk.problem) failures.push({ expectation: 'keys', message: problemMessage(walk.problem) });
  const visited = new Set(walk.steps.map((step) => step.id));
  for (const node of expect.reaches ?? []) {
    if (!visited.has(node)) failures.push({ expectation: 'reaches', message: `the journey never reaches ${node}` });
  }
  if (expect.ends !== undefined) {
    const byKind = (END_KINDS as readonly string[]).includes(expect.ends);
    const actual = byKind ? walk.end : walk.endsAt;
    if (actual !== expect.ends) {
      failures.push({ expectation: 'ends', message: `expected the call to end ${byKind ? 'with' : 'at'} ${expect.ends}, it ends at ${walk.endsAt} (${walk.end})` });
    }
  }
  if (expect.maxSeconds !== undefined) {
    const seconds = measuredSeconds(walk);
    if (seconds > expect.maxSeconds) {
      const what = walk.secondsToPerson === undefined ? 'to the end of the call (no person is reached)' : 'to a person';
      failures.push({ expectation: 'maxSeconds', message: `${round(seconds)} ${what}; the most allowed is ${expect.maxSeconds} s` });
    }
  }
  if (expect.maxIdentityQuestions !== undefined && walk.identityQuestions > expect.maxIdentityQuestions) {
    failures.push({ expectation: 'maxIdentityQuestions', message: `${walk.identityQuestions} identity questions; the most allowed is ${expect.maxIdentityQuestions}` });
  }
  if (expect.maxTransfers !== undefined && walk.transfers > expect.maxTransfers) {
    failures.push({ expectation: 'maxTransfers', message: `${walk.transfers} transfers; the most allowed is ${expect.maxTransfers}` });
  }
  if (expect.noFindings !== undefined) {
    const banned = new Set(expect.noFindings);
    for (const finding of findingsOnWalk(walk, findings)) {
      if (banned.has(finding.ruleId)) {
        failures.push({ expectation: 'noFindings', message: `${finding.ruleId} reports on this journey: ${finding.message} (line ${finding.line})` });
      }
    }
  }
  return failures;
}
