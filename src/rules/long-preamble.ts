import { LISTENING_STEPS } from '../analysis/journey-facts.js';
import { msg } from '../i18n/index.js';
import { waitsForAgent } from '../model/flow.js';
import { reportWorstCount } from './path-findings.js';
import { numberOption, type Rule } from './types.js';

export const longPreamble: Rule = {
  meta: {
    id: 'long-preamble',
    category: 'effort',
    severity: 'warning',
    description: 'More than `maxSeconds` of audio before the caller\'s first chance to act.',
    details:
      'Recording notices, promotions and "please listen carefully" play before the caller can press or say anything. Durations come from `durationSeconds`, else from the words of `say` at `wordsPerMinute`. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): "le intimidan diciendo que lo están grabando", "mensajes intrascendentes". Not checked in in-queue and hold flows, whose audio is the wait (the hold rules judge it).',
    options: [{ name: 'maxSeconds', type: 'number', default: 15, minimum: 0, description: 'most seconds of audio before the first chance to act' }],
    driver: 'navigation',
    scoring: 'journey',
  },
  check(context) {
    // What callers hear while they wait for an agent is the wait itself, judged by the hold rules.
    if (waitsForAgent(context.flow)) return;
    const max = numberOption(context, 'maxSeconds');
    const seconds = context.facts.journey.seconds;
    reportWorstCount(context, context.facts.journey.preamble, max, (node, vertex) => LISTENING_STEPS.has(node.type) && seconds[vertex]! > 0, {
      bounded: (count, path) => msg('long-preamble.bounded', { seconds: Math.round(count), path, max }),
      unbounded: (cycle) => msg('long-preamble.unbounded', { cycle }),
    });
  },
};
