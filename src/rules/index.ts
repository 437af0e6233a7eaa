// The registry: every rule the tool knows, in catalog order.
import { duplicateKey, importNote, schema, subflowCycle, subflowNotFound, unusedDisable, yamlSyntax } from './loader-rules.js';
import { internalError } from './internal-error.js';
import { fixRefused } from './fix-refused.js';
import { missingErrorHandling } from './missing-error-handling.js';
import { noExit } from './no-exit.js';
import { ringLimit } from './ring-limit.js';
import { identityQuestions } from './identity-questions.js';
import { repeatIdentity } from './repeat-identity.js';
import { transferChain } from './transfer-chain.js';
import { transferLoop } from './transfer-loop.js';
import { coldTransfer } from './cold-transfer.js';
import { deadEndHold } from './dead-end-hold.js';
import { silentHold } from './silent-hold.js';
import { noWaitEstimate } from './no-wait-estimate.js';
import { holdWithoutCallback } from './hold-without-callback.js';
import { deadEnd } from './dead-end.js';
import { afterHoursDeadEnd } from './after-hours-dead-end.js';
import { noHuman } from './no-human.js';
import { noZeroOut } from './no-zero-out.js';
import { menuOptions } from './menu-options.js';
import { menuDepth } from './menu-depth.js';
import { longPreamble } from './long-preamble.js';
import { timeToHuman } from './time-to-human.js';
import { queueOccupancy } from './queue-occupancy.js';
import { approvalHop } from './approval-hop.js';
import { channelSwitch } from './channel-switch.js';
import { offerWithoutResolution } from './offer-without-resolution.js';
import { clichePrompt } from './cliche-prompt.js';
import { excessiveRetries } from './excessive-retries.js';
import type { Rule, RuleMeta } from './types.js';
import { unknownTarget } from './unknown-target.js';
import { unreachableNode } from './unreachable-node.js';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  duplicateKey,
  schema,
  unknownTarget,
  unreachableNode,
  noExit,
  missingErrorHandling,
  subflowNotFound,
  subflowCycle,
  importNote,
  unusedDisable,
  internalError,
  fixRefused,
  ringLimit,
  identityQuestions,
  repeatIdentity,
  transferChain,
  transferLoop,
  coldTransfer,
  deadEndHold,
  silentHold,
  noWaitEstimate,
  holdWithoutCallback,
  deadEnd,
  afterHoursDeadEnd,
  noHuman,
  noZeroOut,
  menuOptions,
  menuDepth,
  longPreamble,
  timeToHuman,
  queueOccupancy,
  approvalHop,
  channelSwitch,
  offerWithoutResolution,
  clichePrompt,
  excessiveRetries,
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function ruleMetas(): RuleMeta[] {
  return RULES.map((rule) => rule.meta);
}

export type { Rule, RuleMeta, RuleContext, RuleOption, OptionValue } from './types.js';
