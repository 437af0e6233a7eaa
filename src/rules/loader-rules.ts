// Rules whose findings come from reading the file, not from a check over the model. They are in
// the registry so that configs, inline disables, SARIF and the catalog know them.
import type { Rule } from './types.js';

export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    category: 'structure',
    severity: 'error',
    description: 'The file is not valid YAML.',
    details: 'One finding per parse error, at its position. A file that does not parse cannot be analyzed and has no score.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
};

export const duplicateKey: Rule = {
  meta: {
    id: 'duplicate-key',
    category: 'structure',
    severity: 'error',
    description: 'A mapping repeats a key.',
    details: 'YAML lets readers keep either value of a repeated key, so two people can read the same file differently. The finding points at the repeated key; the analysis keeps the last value, as most platforms do.',
    options: [],
    driver: 'generic',
    scoring: 'penalty',
  },
};

export const schema: Rule = {
  meta: {
    id: 'schema',
    category: 'structure',
    severity: 'error',
    description: 'The document breaks the call-flow format.',
    details: 'A missing required key, an unknown key, a value of the wrong type or an unsupported version. Each problem is reported at the offending key or value. A flow with schema errors is not analyzed further.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
};

export const subflowNotFound: Rule = {
  meta: {
    id: 'subflow-not-found',
    category: 'structure',
    severity: 'error',
    description: 'A `subflow` names a file that cannot be read or parsed.',
    details: 'The path in `flow` is relative to the file that holds the subflow node. When that file is missing or broken, the journeys through it cannot be analyzed.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
};

export const subflowCycle: Rule = {
  meta: {
    id: 'subflow-cycle',
    category: 'structure',
    severity: 'error',
    description: 'Subflows call each other in a cycle.',
    details: 'A flow that, through its subflows, calls itself again would nest calls without end on most platforms. Reported at the subflow node of this file that starts the cycle, with the chain of files.',
    options: [],
    driver: 'deadEnds',
    scoring: 'penalty',
  },
};

export const importNote: Rule = {
  meta: {
    id: 'import-note',
    category: 'structure',
    severity: 'info',
    description: 'Something in a platform export could not be mapped faithfully.',
    details: 'An Amazon Connect, Twilio Studio or Genesys Architect block type the importer does not know (read as a pass-through step), or an exit the call-flow format has no place for. The analysis goes on; the finding says what was approximated.',
    options: [],
    driver: 'generic',
    scoring: 'journey',
  },
};

export const unusedDisable: Rule = {
  meta: {
    id: 'unused-disable',
    category: 'structure',
    severity: 'info',
    description: 'An inline `ivr-audit-disable` comment suppresses nothing, or names an unknown rule.',
    details: 'Like ESLint\'s unused disable directives: a disable comment left behind after the problem was fixed hides the next one. Remove it, or fix the rule id.',
    options: [],
    driver: 'generic',
    scoring: 'journey',
  },
};
