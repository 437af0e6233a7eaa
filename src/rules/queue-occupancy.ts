import { MAX_OFFERED_ERLANGS } from '../analysis/erlang-a.js';
import { msg, type Msg } from '../i18n/index.js';
import { LONG_HOLD_SECONDS, patienceOf, staffingModel } from '../analysis/timing.js';
import { numberOption, type Rule } from './types.js';

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** A load too large to print usefully is shown by its order of magnitude. */
function erlangsText(erlangs: number): Msg {
  return Number.isFinite(erlangs) ? msg('queue-occupancy.erlangs', { erlangs: erlangs.toExponential(1) }) : msg('queue-occupancy.erlangs-unbounded');
}

/** The model counts whole agents: 2.5 on a rota means 2 answering at times. */
function agentsText(agents: number): Msg {
  return Number.isInteger(agents) ? msg('queue-occupancy.agents', { agents }) : msg('queue-occupancy.agents-rota', { agents, answering: Math.floor(agents) });
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
          message: msg('queue-occupancy.beyond-model', { queue: staffing.id, erlangs: erlangsText(model.offeredErlangs), limit: MAX_OFFERED_ERLANGS.toLocaleString('en-US') }),
          loc: staffing.loc,
          data: { queue: staffing.id },
          escalate: true,
        });
        continue;
      }
      const figures = msg('queue-occupancy.figures', { abandon: percent(model.abandonment), patience: Math.round(patienceOf(staffing, flow)), long: percent(model.stillWaiting(LONG_HOLD_SECONDS)), wait: Math.round(model.expectedWaitSeconds) });
      // Callers abandon, so an overloaded queue is a matter of degree, not a different kind (no
      // escalation): its cost is the journey's, the abandonment charged as dead ends.
      if (model.loadPerAgent >= 1) {
        report({
          message: msg('queue-occupancy.overloaded', { queue: staffing.id, erlangs: model.offeredErlangs.toFixed(1), agents: agentsText(staffing.agents), figures }),
          loc: staffing.loc,
          data: { queue: staffing.id },
        });
        continue;
      }
      // Staffing is planned on the load offered: callers who hang up are not time the agents saved.
      if (model.loadPerAgent <= max) continue;
      report({
        message: msg('queue-occupancy.busy', { queue: staffing.id, load: percent(model.loadPerAgent), max: percent(max), waiting: percent(model.probabilityOfWaiting), figures, service: percent(model.serviceLevel), target: staffing.targetAnswerSeconds }),
        loc: staffing.loc,
        data: { queue: staffing.id },
      });
    }
  },
};
