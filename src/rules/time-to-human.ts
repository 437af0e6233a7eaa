import { pathText } from './describe.js';
import { msg } from '../i18n/index.js';
import { numberOption, type Rule } from './types.js';

export const timeToHuman: Rule = {
  meta: {
    id: 'time-to-human',
    category: 'effort',
    severity: 'warning',
    description: 'The fastest way to a person takes longer than `maxSeconds`.',
    details:
      'Counts rings, audio, the time to answer menus and inputs, and the expected queue wait where it is known (given, or from the staffing), along the fastest journey. Seed 001 («Todos ahora lo vivimos…», docs/evidence.md#seed-001): recover the caller "en 60 segundos o menos".',
    options: [{ name: 'maxSeconds', type: 'number', default: 60, minimum: 0, description: 'longest acceptable fastest time to a person' }],
    driver: 'waiting',
    scoring: 'journey',
  },
  check(context) {
    const { flow, facts, report } = context;
    const max = numberOption(context, 'maxSeconds');
    const fastest = facts.journey.fastestToHuman;
    if (fastest.seconds === undefined || fastest.seconds <= max) return;
    report({
      message: msg('time-to-human.slow', { atLeast: fastest.lowerBound ? 'yes' : 'no', seconds: Math.round(fastest.seconds), path: pathText(facts.ids(fastest.path)), max }),
      loc: flow.entryLoc,
      path: facts.ids(fastest.path),
    });
  },
};
