// The registry: every rule the tool knows, in catalog order.
import { duplicateKey, schema, subflowCycle, subflowNotFound, yamlSyntax } from './loader-rules.js';
import { missingErrorHandling } from './missing-error-handling.js';
import { noExit } from './no-exit.js';
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
];

const BY_ID = new Map(RULES.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function ruleMetas(): RuleMeta[] {
  return RULES.map((rule) => rule.meta);
}

export type { Rule, RuleMeta, RuleContext, RuleOption, OptionValue } from './types.js';
