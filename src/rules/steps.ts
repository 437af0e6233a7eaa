// Reporting about steps a caller meets inside subflows: at the call site in the linted file, so
// that the flaw counts (and can be disabled) where the caller enters it, naming the inner step.
import { dirname, relative } from 'node:path';
import type { Step } from '../analysis/facts.js';
import { msg, render, type Msg } from '../i18n/index.js';
import type { Report } from '../model/finding.js';
import type { RuleContext } from './types.js';

/** Reports about a step: as given for a node of this file, else at the subflow node the caller entered. */
export function reportStep(context: RuleContext, step: Step, report: Report): void {
  if (step.inside === undefined) {
    context.report(report);
    return;
  }
  const where = step.inside.slice(0, step.inside.lastIndexOf('/') + 1);
  context.report({
    ...report,
    ...(report.path ? { path: report.path.map((id) => where + id) } : {}),
    message: msg('steps.inside', { where: whereInside(context, step), message: report.message }),
    loc: step.anchor.loc,
    nodeId: step.anchor.id,
    related: [report.loc, ...(report.related ?? [])],
    key: `${step.inside}|${report.key ?? render('en', report.message)}`,
    inside: step.inside,
  });
}

/** "in subflow `verify` (verify-pin.yaml)", or "in subflow `verify` → `pin` (pin.yaml)" when nested. */
function whereInside(context: RuleContext, step: Step): Msg {
  const calls = step.inside!.split('/').slice(0, -1).map((id) => `\`${id}\``).join(' → ');
  const file = relative(dirname(context.facts.program.rootPath), step.flow.file) || step.flow.file;
  return msg('steps.in-subflow', { calls, file });
}
