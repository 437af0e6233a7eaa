import { MAX_OFFERED_ERLANGS } from '../analysis/erlang-a.js';
import { LONG_HOLD_SECONDS, patienceOf, staffingModel } from '../analysis/timing.js';
import { numberOption, type Rule } from './types.js';

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A load too large to print usefully is shown by its order of magnitude. */
function erlangsText(erlangs: number): string {
  return Number.isFinite(erlangs) ? `${erlangs.toExponential(1)} erlangs` : 'an unbounded number of erlangs';
}

/** The model counts whole agents: 2.5 on a rota means 2 answering at times. */
function agentsText(agents: number): string {
  return Number.isInteger(agents) ? `${agents} agents` : `${agents} agents (${Math.floor(agents)} answering at once)`;
}

export const queueOccupancy: Rule = {
  meta: {
    id: 'queue-occupancy',
    category: 'effort',
    severity: 'warning',
    description: 'A queue\'s staffing gives agent occupancy above `max`, or more calls than its agents can answer.',
    details:
      'Erlang A (callers hang up after `patienceSeconds` on average) from `agents`, `callsPerHour` and `ahtSeconds`: occupancy, the share who wait, the average wait, the share who hang up, the share who wait over 2 minutes and the service level at `targetAnswerSeconds`. Agents kept busier than about 85% cannot take the time a caller needs. Seed 000 («Cuando se esfuerza por hacer crecer su negocio…», docs/evidence.md#seed-000): Zappos runs at 60–70%, against the 80s elsewhere.',
    options: [{ name: 'max', type: 'number', default: 0.85, minimum: 0, description: 'highest acceptable occupancy (0–1)' }],
    driver: 'waiting',
    scoring: 'penalty',
  },
  check(context) {
    const { flow, report } = context;
    const max = numberOption(context, 'max');
    for (const staffing of flow.queues.values()) {
      const model = staffingModel(staffing, flow);
      if (model.beyondModel) {
        report({
          message: `queue \`${staffing.id}\` is offered ${erlangsText(model.offeredErlangs)} of calls, beyond the ${MAX_OFFERED_ERLANGS.toLocaleString('en-US')} the model covers: check \`callsPerHour\` and \`ahtSeconds\`; its figures are those of a queue scaled down to that load`,
          loc: staffing.loc,
          data: { queue: staffing.id },
          escalate: true,
        });
        continue;
      }
      const figures = `${percent(model.abandonment)} of callers hang up before an answer (patience ${Math.round(patienceOf(staffing, flow))} s), ${percent(model.stillWaiting(LONG_HOLD_SECONDS))} wait over 2 minutes, ${Math.round(model.expectedWaitSeconds)} s on average`;
      // Callers abandon, so an overloaded queue is a matter of degree, not a different kind (no
      // escalation): its cost is the journey's, the abandonment charged as dead ends.
      if (model.loadPerAgent >= 1) {
        report({
          message: `queue \`${staffing.id}\` is offered ${model.offeredErlangs.toFixed(1)} erlangs of calls for ${agentsText(staffing.agents)}, more than they can answer: ${figures}`,
          loc: staffing.loc,
          data: { queue: staffing.id },
        });
        continue;
      }
      // Staffing is planned on the load offered: callers who hang up are not time the agents saved.
      if (model.loadPerAgent <= max) continue;
      report({
        message: `queue \`${staffing.id}\` is offered ${percent(model.loadPerAgent)} of its agents' time (limit ${percent(max)}): ${percent(model.probabilityOfWaiting)} of callers wait; ${figures}; ${percent(model.serviceLevel)} answered within ${staffing.targetAnswerSeconds} s`,
        loc: staffing.loc,
        data: { queue: staffing.id },
      });
    }
  },
};
