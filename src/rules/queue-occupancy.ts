import { erlangC, MAX_OFFERED_ERLANGS } from '../analysis/erlang.js';
import { numberOption, type Rule } from './types.js';

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A load too large to print usefully is shown by its order of magnitude. */
function erlangsText(erlangs: number): string {
  return Number.isFinite(erlangs) ? `${erlangs.toExponential(1)} erlangs` : 'an unbounded number of erlangs';
}

/** Erlang C counts whole agents: 2.5 on a rota means 2 answering at times. */
function agentsText(agents: number): string {
  return Number.isInteger(agents) ? `${agents} agents` : `${agents} agents (${Math.floor(agents)} answering at once)`;
}

export const queueOccupancy: Rule = {
  meta: {
    id: 'queue-occupancy',
    category: 'effort',
    severity: 'warning',
    description: 'A queue\'s staffing gives agent occupancy above `max` (error when calls meet or exceed the agents).',
    details:
      'Erlang C from `agents`, `callsPerHour` and `ahtSeconds`: occupancy, probability of waiting, average speed of answer and service level at `targetAnswerSeconds`. Agents kept busier than about 85% cannot take the time a caller needs. Seed 000: Zappos runs at 60–70%, against the 80s elsewhere.',
    options: [{ name: 'max', type: 'number', default: 0.85, minimum: 0, description: 'highest acceptable occupancy (0–1)' }],
    driver: 'waiting',
    scoring: 'penalty',
  },
  check(context) {
    const { flow, report } = context;
    const max = numberOption(context, 'max');
    for (const staffing of flow.queues.values()) {
      const stats = erlangC(staffing);
      if (stats.beyondModel) {
        report({
          message: `queue \`${staffing.id}\` is offered ${erlangsText(stats.offeredErlangs)} of calls, beyond the ${MAX_OFFERED_ERLANGS.toLocaleString('en-US')} the model covers: check \`callsPerHour\` and \`ahtSeconds\`; its figures are those of a queue scaled down to that load`,
          loc: staffing.loc,
          data: { queue: staffing.id },
          escalate: true,
        });
        continue;
      }
      if (!stats.stable) {
        report({
          message: `queue \`${staffing.id}\` is offered ${stats.offeredErlangs.toFixed(1)} erlangs of calls for ${agentsText(staffing.agents)}: the wait grows without bound`,
          loc: staffing.loc,
          data: { queue: staffing.id },
          escalate: true,
        });
        continue;
      }
      if (stats.occupancy <= max) continue;
      report({
        message: `queue \`${staffing.id}\` keeps agents ${percent(stats.occupancy)} busy (limit ${percent(max)}): ${percent(stats.probabilityOfWaiting)} of callers wait, ${Math.round(stats.averageSpeedOfAnswerSeconds)} s on average, ${percent(stats.serviceLevel)} answered within ${staffing.targetAnswerSeconds} s`,
        loc: staffing.loc,
        data: { queue: staffing.id },
      });
    }
  },
};
